-- game keys in a dictionary (SQLite), a readable view per table

CREATE TABLE dictionary (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
);
INSERT INTO dictionary (key)
  SELECT DISTINCT key FROM (
    SELECT nation AS key FROM players
    UNION ALL SELECT dynasty AS key FROM players
    UNION ALL SELECT language AS key FROM players
    UNION ALL SELECT tech_researching AS key FROM players
    UNION ALL SELECT state_religion AS key FROM players
    UNION ALL SELECT kind AS key FROM player_values
    UNION ALL SELECT key AS key FROM player_values
    UNION ALL SELECT law_class AS key FROM player_laws
    UNION ALL SELECT law AS key FROM player_laws
    UNION ALL SELECT position AS key FROM player_council
    UNION ALL SELECT family AS key FROM player_families
    UNION ALL SELECT type AS key FROM player_goals
    UNION ALL SELECT series AS key FROM history_points
    UNION ALL SELECT key AS key FROM history_points
    UNION ALL SELECT type AS key FROM event_log
    UNION ALL SELECT data1 AS key FROM event_log
    UNION ALL SELECT data2 AS key FROM event_log
    UNION ALL SELECT data3 AS key FROM event_log
    UNION ALL SELECT type AS key FROM memories
    UNION ALL SELECT subject_kind AS key FROM memories
    UNION ALL SELECT subject AS key FROM memories
    UNION ALL SELECT gender AS key FROM characters
    UNION ALL SELECT death_reason AS key FROM characters
    UNION ALL SELECT name_type AS key FROM characters
    UNION ALL SELECT cognomen AS key FROM characters
    UNION ALL SELECT family AS key FROM characters
    UNION ALL SELECT tribe AS key FROM characters
    UNION ALL SELECT religion AS key FROM characters
    UNION ALL SELECT nation AS key FROM characters
    UNION ALL SELECT trait AS key FROM character_traits
    UNION ALL SELECT rating AS key FROM character_ratings
    UNION ALL SELECT type AS key FROM character_relationships
    UNION ALL SELECT family AS key FROM cities
    UNION ALL SELECT religion AS key FROM city_religions
    UNION ALL SELECT level AS key FROM city_culture
    UNION ALL SELECT kind AS key FROM city_values
    UNION ALL SELECT key AS key FROM city_values
    UNION ALL SELECT terrain AS key FROM tiles
    UNION ALL SELECT height AS key FROM tiles
    UNION ALL SELECT vegetation AS key FROM tiles
    UNION ALL SELECT resource AS key FROM tiles
    UNION ALL SELECT improvement AS key FROM tiles
    UNION ALL SELECT specialist AS key FROM tiles
    UNION ALL SELECT tribe_site AS key FROM tiles
    UNION ALL SELECT religion AS key FROM tiles
    UNION ALL SELECT type AS key FROM units
    UNION ALL SELECT tribe AS key FROM units
    UNION ALL SELECT facing AS key FROM units
    UNION ALL SELECT gender AS key FROM units
    UNION ALL SELECT family AS key FROM units
    UNION ALL SELECT promotion AS key FROM unit_promotions
    UNION ALL SELECT family AS key FROM families
    UNION ALL SELECT family_class AS key FROM families
    UNION ALL SELECT religion AS key FROM religions
    UNION ALL SELECT tribe AS key FROM tribes
    UNION ALL SELECT kind AS key FROM diplomacy
    UNION ALL SELECT a AS key FROM diplomacy
    UNION ALL SELECT b AS key FROM diplomacy
    UNION ALL SELECT state AS key FROM diplomacy
    UNION ALL SELECT yield AS key FROM yield_prices
  ) AS k
  WHERE key IS NOT NULL
  ORDER BY key;

-- players
CREATE TABLE players__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  name TEXT,
  online_id TEXT,
  nation INTEGER,
  dynasty INTEGER,
  team INTEGER,
  is_human BOOLEAN NOT NULL,
  ai_controlled_to_turn INTEGER,
  language INTEGER,
  legitimacy INTEGER,
  time_stockpile INTEGER,
  tech_researching INTEGER,
  state_religion INTEGER,
  founder_character_id INTEGER,
  chosen_heir_id INTEGER,
  original_capital_city_id INTEGER,
  ruler_character_id INTEGER,
  PRIMARY KEY (save_id, id)
) WITHOUT ROWID;
INSERT INTO players__new (save_id, id, name, online_id, nation, dynasty, team, is_human, ai_controlled_to_turn, language, legitimacy, time_stockpile, tech_researching, state_religion, founder_character_id, chosen_heir_id, original_capital_city_id, ruler_character_id)
  SELECT save_id, o.id, o.name, o.online_id, (SELECT id FROM dictionary WHERE key = o.nation), (SELECT id FROM dictionary WHERE key = o.dynasty), o.team, o.is_human, o.ai_controlled_to_turn, (SELECT id FROM dictionary WHERE key = o.language), o.legitimacy, o.time_stockpile, (SELECT id FROM dictionary WHERE key = o.tech_researching), (SELECT id FROM dictionary WHERE key = o.state_religion), o.founder_character_id, o.chosen_heir_id, o.original_capital_city_id, o.ruler_character_id
  FROM players AS o;
DROP TABLE players;
ALTER TABLE players__new RENAME TO players;
CREATE INDEX players_by_nation ON players (nation, save_id);
CREATE INDEX players_by_name ON players (name COLLATE NOCASE, save_id);

-- player_values
CREATE TABLE player_values__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  key INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (save_id, player_id, kind, key)
) WITHOUT ROWID;
INSERT INTO player_values__new (save_id, player_id, kind, key, value)
  SELECT save_id, o.player_id, (SELECT id FROM dictionary WHERE key = o.kind), (SELECT id FROM dictionary WHERE key = o.key), o.value
  FROM player_values AS o;
DROP TABLE player_values;
ALTER TABLE player_values__new RENAME TO player_values;

-- player_laws
CREATE TABLE player_laws__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  law_class INTEGER NOT NULL,
  law INTEGER NOT NULL,
  PRIMARY KEY (save_id, player_id, law_class)
) WITHOUT ROWID;
INSERT INTO player_laws__new (save_id, player_id, law_class, law)
  SELECT save_id, o.player_id, (SELECT id FROM dictionary WHERE key = o.law_class), (SELECT id FROM dictionary WHERE key = o.law)
  FROM player_laws AS o;
DROP TABLE player_laws;
ALTER TABLE player_laws__new RENAME TO player_laws;

-- player_council
CREATE TABLE player_council__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  character_id INTEGER NOT NULL,
  PRIMARY KEY (save_id, player_id, position)
) WITHOUT ROWID;
INSERT INTO player_council__new (save_id, player_id, position, character_id)
  SELECT save_id, o.player_id, (SELECT id FROM dictionary WHERE key = o.position), o.character_id
  FROM player_council AS o;
DROP TABLE player_council;
ALTER TABLE player_council__new RENAME TO player_council;

-- player_families
CREATE TABLE player_families__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  family INTEGER NOT NULL,
  head_character_id INTEGER,
  seat_city_id INTEGER,
  PRIMARY KEY (save_id, player_id, family)
) WITHOUT ROWID;
INSERT INTO player_families__new (save_id, player_id, family, head_character_id, seat_city_id)
  SELECT save_id, o.player_id, (SELECT id FROM dictionary WHERE key = o.family), o.head_character_id, o.seat_city_id
  FROM player_families AS o;
DROP TABLE player_families;
ALTER TABLE player_families__new RENAME TO player_families;

-- player_goals
CREATE TABLE player_goals__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type INTEGER NOT NULL,
  started_turn INTEGER,
  finished_turn INTEGER,
  failed BOOLEAN NOT NULL,
  PRIMARY KEY (save_id, player_id, ordinal)
) WITHOUT ROWID;
INSERT INTO player_goals__new (save_id, player_id, ordinal, type, started_turn, finished_turn, failed)
  SELECT save_id, o.player_id, o.ordinal, (SELECT id FROM dictionary WHERE key = o.type), o.started_turn, o.finished_turn, o.failed
  FROM player_goals AS o;
DROP TABLE player_goals;
ALTER TABLE player_goals__new RENAME TO player_goals;

-- history_points
CREATE TABLE history_points__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  series INTEGER NOT NULL,
  key INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (save_id, player_id, series, key, turn)
) WITHOUT ROWID;
INSERT INTO history_points__new (save_id, player_id, series, key, turn, value)
  SELECT save_id, o.player_id, (SELECT id FROM dictionary WHERE key = o.series), (SELECT id FROM dictionary WHERE key = o.key), o.turn, o.value
  FROM history_points AS o;
DROP TABLE history_points;
ALTER TABLE history_points__new RENAME TO history_points;

-- event_log
CREATE TABLE event_log__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type INTEGER NOT NULL,
  text TEXT NOT NULL,
  data1 INTEGER,
  data2 INTEGER,
  data3 INTEGER,
  turn INTEGER,
  team_turn INTEGER,
  PRIMARY KEY (save_id, player_id, ordinal)
) WITHOUT ROWID;
INSERT INTO event_log__new (save_id, player_id, ordinal, type, text, data1, data2, data3, turn, team_turn)
  SELECT save_id, o.player_id, o.ordinal, (SELECT id FROM dictionary WHERE key = o.type), o.text, (SELECT id FROM dictionary WHERE key = o.data1), (SELECT id FROM dictionary WHERE key = o.data2), (SELECT id FROM dictionary WHERE key = o.data3), o.turn, o.team_turn
  FROM event_log AS o;
DROP TABLE event_log;
ALTER TABLE event_log__new RENAME TO event_log;

-- memories
CREATE TABLE memories__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type INTEGER NOT NULL,
  turn INTEGER,
  subject_kind INTEGER,
  subject INTEGER,
  PRIMARY KEY (save_id, player_id, ordinal)
) WITHOUT ROWID;
INSERT INTO memories__new (save_id, player_id, ordinal, type, turn, subject_kind, subject)
  SELECT save_id, o.player_id, o.ordinal, (SELECT id FROM dictionary WHERE key = o.type), o.turn, (SELECT id FROM dictionary WHERE key = o.subject_kind), (SELECT id FROM dictionary WHERE key = o.subject)
  FROM memories AS o;
DROP TABLE memories;
ALTER TABLE memories__new RENAME TO memories;

-- characters
CREATE TABLE characters__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  player_id INTEGER,
  first_name TEXT,
  gender INTEGER,
  birth_turn INTEGER,
  death_turn INTEGER,
  death_reason INTEGER,
  name_type INTEGER,
  cognomen INTEGER,
  level INTEGER,
  xp INTEGER,
  family INTEGER,
  tribe INTEGER,
  religion INTEGER,
  nation INTEGER,
  father_id INTEGER,
  mother_id INTEGER,
  birth_city_id INTEGER,
  infertile BOOLEAN NOT NULL,
  PRIMARY KEY (save_id, id)
) WITHOUT ROWID;
INSERT INTO characters__new (save_id, id, player_id, first_name, gender, birth_turn, death_turn, death_reason, name_type, cognomen, level, xp, family, tribe, religion, nation, father_id, mother_id, birth_city_id, infertile)
  SELECT save_id, o.id, o.player_id, o.first_name, (SELECT id FROM dictionary WHERE key = o.gender), o.birth_turn, o.death_turn, (SELECT id FROM dictionary WHERE key = o.death_reason), (SELECT id FROM dictionary WHERE key = o.name_type), (SELECT id FROM dictionary WHERE key = o.cognomen), o.level, o.xp, (SELECT id FROM dictionary WHERE key = o.family), (SELECT id FROM dictionary WHERE key = o.tribe), (SELECT id FROM dictionary WHERE key = o.religion), (SELECT id FROM dictionary WHERE key = o.nation), o.father_id, o.mother_id, o.birth_city_id, o.infertile
  FROM characters AS o;
DROP TABLE characters;
ALTER TABLE characters__new RENAME TO characters;

-- character_traits
CREATE TABLE character_traits__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  character_id INTEGER NOT NULL,
  trait INTEGER NOT NULL,
  turn INTEGER,
  PRIMARY KEY (save_id, character_id, trait)
) WITHOUT ROWID;
INSERT INTO character_traits__new (save_id, character_id, trait, turn)
  SELECT save_id, o.character_id, (SELECT id FROM dictionary WHERE key = o.trait), o.turn
  FROM character_traits AS o;
DROP TABLE character_traits;
ALTER TABLE character_traits__new RENAME TO character_traits;

-- character_ratings
CREATE TABLE character_ratings__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  character_id INTEGER NOT NULL,
  rating INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (save_id, character_id, rating)
) WITHOUT ROWID;
INSERT INTO character_ratings__new (save_id, character_id, rating, value)
  SELECT save_id, o.character_id, (SELECT id FROM dictionary WHERE key = o.rating), o.value
  FROM character_ratings AS o;
DROP TABLE character_ratings;
ALTER TABLE character_ratings__new RENAME TO character_ratings;

-- character_relationships
CREATE TABLE character_relationships__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  character_id INTEGER NOT NULL,
  type INTEGER NOT NULL,
  other_id INTEGER,
  turn INTEGER
);
INSERT INTO character_relationships__new (save_id, character_id, type, other_id, turn)
  SELECT save_id, o.character_id, (SELECT id FROM dictionary WHERE key = o.type), o.other_id, o.turn
  FROM character_relationships AS o;
DROP TABLE character_relationships;
ALTER TABLE character_relationships__new RENAME TO character_relationships;
CREATE INDEX character_relationships_by_save ON character_relationships (save_id, character_id);

-- cities
CREATE TABLE cities__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  tile_id INTEGER NOT NULL,
  player_id INTEGER,
  family INTEGER,
  founded_turn INTEGER,
  name TEXT,
  governor_id INTEGER,
  citizens INTEGER,
  growth_count INTEGER,
  capital BOOLEAN NOT NULL,
  first_player_id INTEGER,
  last_player_id INTEGER,
  hurry_civics_count INTEGER,
  hurry_money_count INTEGER,
  hurry_training_count INTEGER,
  hurry_population_count INTEGER,
  specialist_produced_count INTEGER,
  PRIMARY KEY (save_id, id)
) WITHOUT ROWID;
INSERT INTO cities__new (save_id, id, tile_id, player_id, family, founded_turn, name, governor_id, citizens, growth_count, capital, first_player_id, last_player_id, hurry_civics_count, hurry_money_count, hurry_training_count, hurry_population_count, specialist_produced_count)
  SELECT save_id, o.id, o.tile_id, o.player_id, (SELECT id FROM dictionary WHERE key = o.family), o.founded_turn, o.name, o.governor_id, o.citizens, o.growth_count, o.capital, o.first_player_id, o.last_player_id, o.hurry_civics_count, o.hurry_money_count, o.hurry_training_count, o.hurry_population_count, o.specialist_produced_count
  FROM cities AS o;
DROP TABLE cities;
ALTER TABLE cities__new RENAME TO cities;

-- city_religions
CREATE TABLE city_religions__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  city_id INTEGER NOT NULL,
  religion INTEGER NOT NULL,
  PRIMARY KEY (save_id, city_id, religion)
) WITHOUT ROWID;
INSERT INTO city_religions__new (save_id, city_id, religion)
  SELECT save_id, o.city_id, (SELECT id FROM dictionary WHERE key = o.religion)
  FROM city_religions AS o;
DROP TABLE city_religions;
ALTER TABLE city_religions__new RENAME TO city_religions;

-- city_culture
CREATE TABLE city_culture__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  city_id INTEGER NOT NULL,
  team INTEGER NOT NULL,
  level INTEGER NOT NULL,
  PRIMARY KEY (save_id, city_id, team)
) WITHOUT ROWID;
INSERT INTO city_culture__new (save_id, city_id, team, level)
  SELECT save_id, o.city_id, o.team, (SELECT id FROM dictionary WHERE key = o.level)
  FROM city_culture AS o;
DROP TABLE city_culture;
ALTER TABLE city_culture__new RENAME TO city_culture;

-- city_values
CREATE TABLE city_values__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  city_id INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  key INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (save_id, city_id, kind, key)
) WITHOUT ROWID;
INSERT INTO city_values__new (save_id, city_id, kind, key, value)
  SELECT save_id, o.city_id, (SELECT id FROM dictionary WHERE key = o.kind), (SELECT id FROM dictionary WHERE key = o.key), o.value
  FROM city_values AS o;
DROP TABLE city_values;
ALTER TABLE city_values__new RENAME TO city_values;

-- tiles
CREATE TABLE tiles__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  x INTEGER NOT NULL,
  y INTEGER NOT NULL,
  terrain INTEGER,
  height INTEGER,
  vegetation INTEGER,
  resource INTEGER,
  improvement INTEGER,
  improvement_pillaged BOOLEAN NOT NULL,
  specialist INTEGER,
  road BOOLEAN NOT NULL,
  river_w BOOLEAN NOT NULL,
  river_sw BOOLEAN NOT NULL,
  river_se BOOLEAN NOT NULL,
  city_id INTEGER,
  tribe_site INTEGER,
  religion INTEGER,
  owner_player_id INTEGER,
  PRIMARY KEY (save_id, id)
) WITHOUT ROWID;
INSERT INTO tiles__new (save_id, id, x, y, terrain, height, vegetation, resource, improvement, improvement_pillaged, specialist, road, river_w, river_sw, river_se, city_id, tribe_site, religion, owner_player_id)
  SELECT save_id, o.id, o.x, o.y, (SELECT id FROM dictionary WHERE key = o.terrain), (SELECT id FROM dictionary WHERE key = o.height), (SELECT id FROM dictionary WHERE key = o.vegetation), (SELECT id FROM dictionary WHERE key = o.resource), (SELECT id FROM dictionary WHERE key = o.improvement), o.improvement_pillaged, (SELECT id FROM dictionary WHERE key = o.specialist), o.road, o.river_w, o.river_sw, o.river_se, o.city_id, (SELECT id FROM dictionary WHERE key = o.tribe_site), (SELECT id FROM dictionary WHERE key = o.religion), o.owner_player_id
  FROM tiles AS o;
DROP TABLE tiles;
ALTER TABLE tiles__new RENAME TO tiles;

-- units
CREATE TABLE units__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  id INTEGER NOT NULL,
  tile_id INTEGER NOT NULL,
  type INTEGER NOT NULL,
  player_id INTEGER,
  tribe INTEGER,
  xp INTEGER,
  level INTEGER,
  create_turn INTEGER,
  facing INTEGER,
  original_player_id INTEGER,
  gender INTEGER,
  family INTEGER,
  PRIMARY KEY (save_id, id)
) WITHOUT ROWID;
INSERT INTO units__new (save_id, id, tile_id, type, player_id, tribe, xp, level, create_turn, facing, original_player_id, gender, family)
  SELECT save_id, o.id, o.tile_id, (SELECT id FROM dictionary WHERE key = o.type), o.player_id, (SELECT id FROM dictionary WHERE key = o.tribe), o.xp, o.level, o.create_turn, (SELECT id FROM dictionary WHERE key = o.facing), o.original_player_id, (SELECT id FROM dictionary WHERE key = o.gender), (SELECT id FROM dictionary WHERE key = o.family)
  FROM units AS o;
DROP TABLE units;
ALTER TABLE units__new RENAME TO units;

-- unit_promotions
CREATE TABLE unit_promotions__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL,
  promotion INTEGER NOT NULL,
  PRIMARY KEY (save_id, unit_id, promotion)
) WITHOUT ROWID;
INSERT INTO unit_promotions__new (save_id, unit_id, promotion)
  SELECT save_id, o.unit_id, (SELECT id FROM dictionary WHERE key = o.promotion)
  FROM unit_promotions AS o;
DROP TABLE unit_promotions;
ALTER TABLE unit_promotions__new RENAME TO unit_promotions;

-- families
CREATE TABLE families__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  family INTEGER NOT NULL,
  player_id INTEGER,
  family_class INTEGER,
  seat_city_id INTEGER,
  head_character_id INTEGER,
  PRIMARY KEY (save_id, family)
) WITHOUT ROWID;
INSERT INTO families__new (save_id, family, player_id, family_class, seat_city_id, head_character_id)
  SELECT save_id, (SELECT id FROM dictionary WHERE key = o.family), o.player_id, (SELECT id FROM dictionary WHERE key = o.family_class), o.seat_city_id, o.head_character_id
  FROM families AS o;
DROP TABLE families;
ALTER TABLE families__new RENAME TO families;

-- religions
CREATE TABLE religions__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  religion INTEGER NOT NULL,
  founder_player_id INTEGER,
  head_character_id INTEGER,
  holy_city_id INTEGER,
  founded_turn INTEGER,
  PRIMARY KEY (save_id, religion)
) WITHOUT ROWID;
INSERT INTO religions__new (save_id, religion, founder_player_id, head_character_id, holy_city_id, founded_turn)
  SELECT save_id, (SELECT id FROM dictionary WHERE key = o.religion), o.founder_player_id, o.head_character_id, o.holy_city_id, o.founded_turn
  FROM religions AS o;
DROP TABLE religions;
ALTER TABLE religions__new RENAME TO religions;

-- tribes
CREATE TABLE tribes__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  tribe INTEGER NOT NULL,
  leader_character_id INTEGER,
  allied_player_id INTEGER,
  PRIMARY KEY (save_id, tribe)
) WITHOUT ROWID;
INSERT INTO tribes__new (save_id, tribe, leader_character_id, allied_player_id)
  SELECT save_id, (SELECT id FROM dictionary WHERE key = o.tribe), o.leader_character_id, o.allied_player_id
  FROM tribes AS o;
DROP TABLE tribes;
ALTER TABLE tribes__new RENAME TO tribes;

-- diplomacy
CREATE TABLE diplomacy__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  kind INTEGER NOT NULL,
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  state INTEGER NOT NULL,
  PRIMARY KEY (save_id, kind, a, b)
) WITHOUT ROWID;
INSERT INTO diplomacy__new (save_id, kind, a, b, state)
  SELECT save_id, (SELECT id FROM dictionary WHERE key = o.kind), (SELECT id FROM dictionary WHERE key = o.a), (SELECT id FROM dictionary WHERE key = o.b), (SELECT id FROM dictionary WHERE key = o.state)
  FROM diplomacy AS o;
DROP TABLE diplomacy;
ALTER TABLE diplomacy__new RENAME TO diplomacy;

-- yield_prices
CREATE TABLE yield_prices__new (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  yield INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  price INTEGER NOT NULL,
  PRIMARY KEY (save_id, yield, turn)
) WITHOUT ROWID;
INSERT INTO yield_prices__new (save_id, yield, turn, price)
  SELECT save_id, (SELECT id FROM dictionary WHERE key = o.yield), o.turn, o.price
  FROM yield_prices AS o;
DROP TABLE yield_prices;
ALTER TABLE yield_prices__new RENAME TO yield_prices;

CREATE VIEW players_v AS
  SELECT
    t.save_id,
    t.id,
    t.name,
    t.online_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.nation) AS nation,
    (SELECT k.key FROM dictionary k WHERE k.id = t.dynasty) AS dynasty,
    t.team,
    t.is_human,
    t.ai_controlled_to_turn,
    (SELECT k.key FROM dictionary k WHERE k.id = t.language) AS language,
    t.legitimacy,
    t.time_stockpile,
    (SELECT k.key FROM dictionary k WHERE k.id = t.tech_researching) AS tech_researching,
    (SELECT k.key FROM dictionary k WHERE k.id = t.state_religion) AS state_religion,
    t.founder_character_id,
    t.chosen_heir_id,
    t.original_capital_city_id,
    t.ruler_character_id
  FROM players t;
CREATE VIEW player_values_v AS
  SELECT
    t.save_id,
    t.player_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.kind) AS kind,
    (SELECT k.key FROM dictionary k WHERE k.id = t.key) AS key,
    t.value
  FROM player_values t;
CREATE VIEW player_laws_v AS
  SELECT
    t.save_id,
    t.player_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.law_class) AS law_class,
    (SELECT k.key FROM dictionary k WHERE k.id = t.law) AS law
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
    (SELECT k.key FROM dictionary k WHERE k.id = t.position) AS position,
    t.character_id
  FROM player_council t;
CREATE VIEW player_families_v AS
  SELECT
    t.save_id,
    t.player_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.family) AS family,
    t.head_character_id,
    t.seat_city_id
  FROM player_families t;
CREATE VIEW player_goals_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.ordinal,
    (SELECT k.key FROM dictionary k WHERE k.id = t.type) AS type,
    t.started_turn,
    t.finished_turn,
    t.failed
  FROM player_goals t;
CREATE VIEW history_points_v AS
  SELECT
    t.save_id,
    t.player_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.series) AS series,
    (SELECT k.key FROM dictionary k WHERE k.id = t.key) AS key,
    t.turn,
    t.value
  FROM history_points t;
CREATE VIEW event_log_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.ordinal,
    (SELECT k.key FROM dictionary k WHERE k.id = t.type) AS type,
    t.text,
    (SELECT k.key FROM dictionary k WHERE k.id = t.data1) AS data1,
    (SELECT k.key FROM dictionary k WHERE k.id = t.data2) AS data2,
    (SELECT k.key FROM dictionary k WHERE k.id = t.data3) AS data3,
    t.turn,
    t.team_turn
  FROM event_log t;
CREATE VIEW memories_v AS
  SELECT
    t.save_id,
    t.player_id,
    t.ordinal,
    (SELECT k.key FROM dictionary k WHERE k.id = t.type) AS type,
    t.turn,
    (SELECT k.key FROM dictionary k WHERE k.id = t.subject_kind) AS subject_kind,
    (SELECT k.key FROM dictionary k WHERE k.id = t.subject) AS subject
  FROM memories t;
CREATE VIEW characters_v AS
  SELECT
    t.save_id,
    t.id,
    t.player_id,
    t.first_name,
    (SELECT k.key FROM dictionary k WHERE k.id = t.gender) AS gender,
    t.birth_turn,
    t.death_turn,
    (SELECT k.key FROM dictionary k WHERE k.id = t.death_reason) AS death_reason,
    (SELECT k.key FROM dictionary k WHERE k.id = t.name_type) AS name_type,
    (SELECT k.key FROM dictionary k WHERE k.id = t.cognomen) AS cognomen,
    t.level,
    t.xp,
    (SELECT k.key FROM dictionary k WHERE k.id = t.family) AS family,
    (SELECT k.key FROM dictionary k WHERE k.id = t.tribe) AS tribe,
    (SELECT k.key FROM dictionary k WHERE k.id = t.religion) AS religion,
    (SELECT k.key FROM dictionary k WHERE k.id = t.nation) AS nation,
    t.father_id,
    t.mother_id,
    t.birth_city_id,
    t.infertile
  FROM characters t;
CREATE VIEW character_traits_v AS
  SELECT
    t.save_id,
    t.character_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.trait) AS trait,
    t.turn
  FROM character_traits t;
CREATE VIEW character_ratings_v AS
  SELECT
    t.save_id,
    t.character_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.rating) AS rating,
    t.value
  FROM character_ratings t;
CREATE VIEW character_relationships_v AS
  SELECT
    t.save_id,
    t.character_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.type) AS type,
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
    (SELECT k.key FROM dictionary k WHERE k.id = t.family) AS family,
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
    (SELECT k.key FROM dictionary k WHERE k.id = t.religion) AS religion
  FROM city_religions t;
CREATE VIEW city_culture_v AS
  SELECT
    t.save_id,
    t.city_id,
    t.team,
    (SELECT k.key FROM dictionary k WHERE k.id = t.level) AS level
  FROM city_culture t;
CREATE VIEW city_values_v AS
  SELECT
    t.save_id,
    t.city_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.kind) AS kind,
    (SELECT k.key FROM dictionary k WHERE k.id = t.key) AS key,
    t.value
  FROM city_values t;
CREATE VIEW tiles_v AS
  SELECT
    t.save_id,
    t.id,
    t.x,
    t.y,
    (SELECT k.key FROM dictionary k WHERE k.id = t.terrain) AS terrain,
    (SELECT k.key FROM dictionary k WHERE k.id = t.height) AS height,
    (SELECT k.key FROM dictionary k WHERE k.id = t.vegetation) AS vegetation,
    (SELECT k.key FROM dictionary k WHERE k.id = t.resource) AS resource,
    (SELECT k.key FROM dictionary k WHERE k.id = t.improvement) AS improvement,
    t.improvement_pillaged,
    (SELECT k.key FROM dictionary k WHERE k.id = t.specialist) AS specialist,
    t.road,
    t.river_w,
    t.river_sw,
    t.river_se,
    t.city_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.tribe_site) AS tribe_site,
    (SELECT k.key FROM dictionary k WHERE k.id = t.religion) AS religion,
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
    (SELECT k.key FROM dictionary k WHERE k.id = t.type) AS type,
    t.player_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.tribe) AS tribe,
    t.xp,
    t.level,
    t.create_turn,
    (SELECT k.key FROM dictionary k WHERE k.id = t.facing) AS facing,
    t.original_player_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.gender) AS gender,
    (SELECT k.key FROM dictionary k WHERE k.id = t.family) AS family
  FROM units t;
CREATE VIEW unit_promotions_v AS
  SELECT
    t.save_id,
    t.unit_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.promotion) AS promotion
  FROM unit_promotions t;
CREATE VIEW families_v AS
  SELECT
    t.save_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.family) AS family,
    t.player_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.family_class) AS family_class,
    t.seat_city_id,
    t.head_character_id
  FROM families t;
CREATE VIEW religions_v AS
  SELECT
    t.save_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.religion) AS religion,
    t.founder_player_id,
    t.head_character_id,
    t.holy_city_id,
    t.founded_turn
  FROM religions t;
CREATE VIEW tribes_v AS
  SELECT
    t.save_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.tribe) AS tribe,
    t.leader_character_id,
    t.allied_player_id
  FROM tribes t;
CREATE VIEW diplomacy_v AS
  SELECT
    t.save_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.kind) AS kind,
    (SELECT k.key FROM dictionary k WHERE k.id = t.a) AS a,
    (SELECT k.key FROM dictionary k WHERE k.id = t.b) AS b,
    (SELECT k.key FROM dictionary k WHERE k.id = t.state) AS state
  FROM diplomacy t;
CREATE VIEW yield_prices_v AS
  SELECT
    t.save_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.yield) AS yield,
    t.turn,
    t.price
  FROM yield_prices t;
