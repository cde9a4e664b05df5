-- game keys in a dictionary (SQLite), a readable view per table

CREATE VIEW players_v AS
  SELECT
    t.save_id,
    t.id,
    t.name,
    t.online_id,
    t.nation,
    t.dynasty,
    t.team,
    t.is_human,
    t.ai_controlled_to_turn,
    t.language,
    t.legitimacy,
    t.time_stockpile,
    t.tech_researching,
    t.state_religion,
    t.founder_character_id,
    t.chosen_heir_id,
    t.original_capital_city_id,
    t.ruler_character_id
  FROM players t;
CREATE VIEW player_values_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.kind,
    t.key,
    t.value
  FROM player_values t;
CREATE VIEW player_laws_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.law_class,
    t.law
  FROM player_laws t;
CREATE VIEW player_leaders_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.ordinal,
    t.character_id
  FROM player_leaders t;
CREATE VIEW player_council_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.position,
    t.character_id
  FROM player_council t;
CREATE VIEW player_families_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.family,
    t.head_character_id,
    t.seat_city_id
  FROM player_families t;
CREATE VIEW player_goals_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.ordinal,
    t.type,
    t.started_turn,
    t.finished_turn,
    t.failed
  FROM player_goals t;
CREATE VIEW history_points_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.series,
    t.key,
    t.turn,
    t.value
  FROM history_points t;
CREATE VIEW event_log_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.ordinal,
    t.type,
    t.text,
    t.data1,
    t.data2,
    t.data3,
    t.turn,
    t.team_turn
  FROM event_log t;
CREATE VIEW memories_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.ordinal,
    t.type,
    t.turn,
    t.subject_kind,
    t.subject
  FROM memories t;
CREATE VIEW characters_v AS
  SELECT
    t.save_id,
    t.id,
    t.player_id,
    t.first_name,
    t.gender,
    t.birth_turn,
    t.death_turn,
    t.death_reason,
    t.name_type,
    t.cognomen,
    t.level,
    t.xp,
    t.family,
    t.tribe,
    t.religion,
    t.nation,
    t.father_id,
    t.mother_id,
    t.birth_city_id,
    t.infertile
  FROM characters t;
CREATE VIEW character_traits_v AS
  SELECT
    t.save_id,
    t.character_id,
    t.trait,
    t.turn
  FROM character_traits t;
CREATE VIEW character_ratings_v AS
  SELECT
    t.save_id,
    t.character_id,
    t.rating,
    t.value
  FROM character_ratings t;
CREATE VIEW character_relationships_v AS
  SELECT
    t.save_id,
    t.character_id,
    t.type,
    t.other_id,
    t.turn
  FROM character_relationships t;
CREATE VIEW character_spouses_v AS
  SELECT
    t.save_id,
    t.character_id,
    t.spouse_id
  FROM character_spouses t;
CREATE VIEW cities_v AS
  SELECT
    t.save_id,
    t.id,
    t.tile_id,
    t.player_id,
    t.family,
    t.founded_turn,
    t.name,
    t.governor_id,
    t.citizens,
    t.growth_count,
    t.capital,
    t.first_player_id,
    t.last_player_id,
    t.hurry_civics_count,
    t.hurry_money_count,
    t.hurry_training_count,
    t.hurry_population_count,
    t.specialist_produced_count
  FROM cities t;
CREATE VIEW city_religions_v AS
  SELECT
    t.save_id,
    t.city_id,
    t.religion
  FROM city_religions t;
CREATE VIEW city_culture_v AS
  SELECT
    t.save_id,
    t.city_id,
    t.team,
    t.level
  FROM city_culture t;
CREATE VIEW city_values_v AS
  SELECT
    t.save_id,
    t.city_id,
    t.kind,
    t.key,
    t.value
  FROM city_values t;
CREATE VIEW tiles_v AS
  SELECT
    t.save_id,
    t.id,
    t.x,
    t.y,
    t.terrain,
    t.height,
    t.vegetation,
    t.resource,
    t.improvement,
    t.improvement_pillaged,
    t.specialist,
    t.road,
    t.river_w,
    t.river_sw,
    t.river_se,
    t.city_id,
    t.tribe_site,
    t.religion,
    t.owner_player_id
  FROM tiles t;
CREATE VIEW tile_owner_history_v AS
  SELECT
    t.save_id,
    t.tile_id,
    t.turn,
    t.player_id
  FROM tile_owner_history t;
CREATE VIEW units_v AS
  SELECT
    t.save_id,
    t.id,
    t.tile_id,
    t.type,
    t.player_id,
    t.tribe,
    t.xp,
    t.level,
    t.create_turn,
    t.facing,
    t.original_player_id,
    t.gender,
    t.family
  FROM units t;
CREATE VIEW unit_promotions_v AS
  SELECT
    t.save_id,
    t.unit_id,
    t.promotion
  FROM unit_promotions t;
CREATE VIEW families_v AS
  SELECT
    t.save_id,
    t.family,
    t.player_id,
    t.family_class,
    t.seat_city_id,
    t.head_character_id
  FROM families t;
CREATE VIEW religions_v AS
  SELECT
    t.save_id,
    t.religion,
    t.founder_player_id,
    t.head_character_id,
    t.holy_city_id,
    t.founded_turn
  FROM religions t;
CREATE VIEW tribes_v AS
  SELECT
    t.save_id,
    t.tribe,
    t.leader_character_id,
    t.allied_player_id
  FROM tribes t;
CREATE VIEW diplomacy_v AS
  SELECT
    t.save_id,
    t.kind,
    t.a,
    t.b,
    t.state
  FROM diplomacy t;
CREATE VIEW yield_prices_v AS
  SELECT
    t.save_id,
    t.yield,
    t.turn,
    t.price
  FROM yield_prices t;
