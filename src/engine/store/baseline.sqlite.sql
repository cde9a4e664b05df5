-- schema version 6, as migrations 1-6 leave it: written by scripts/write-baseline.ts, never by hand
CREATE TABLE saves (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  game_id TEXT NOT NULL,
  game_name TEXT,
  turn INTEGER NOT NULL,
  save_date TEXT,
  save_day TEXT,
  version TEXT,
  mods TEXT NOT NULL,
  dlc TEXT NOT NULL,
  victory_enabled TEXT NOT NULL,
  map_width INTEGER NOT NULL,
  map_class TEXT,
  map_size TEXT,
  map_aspect_ratio TEXT,
  game_mode TEXT,
  turn_style TEXT,
  difficulty TEXT,
  settings TEXT NOT NULL,
  game_over BOOLEAN NOT NULL,
  winner_team INTEGER,
  winner_player_id INTEGER,
  winner_victory TEXT,
  active_player INTEGER,
  xml_bytes BIGINT NOT NULL,
  source_path TEXT NOT NULL,
  file_size BIGINT NOT NULL,
  file_mtime_ms DOUBLE NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  imported_at TEXT NOT NULL,
  UNIQUE (game_id, turn)
);
CREATE TABLE player_leaders (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  character_id INTEGER NOT NULL,
  PRIMARY KEY (save_id, player_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE character_spouses (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  character_id INTEGER NOT NULL,
  spouse_id INTEGER NOT NULL,
  PRIMARY KEY (save_id, character_id, spouse_id)
) WITHOUT ROWID;
CREATE TABLE tile_owner_history (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  tile_id INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  player_id INTEGER,
  PRIMARY KEY (save_id, tile_id, turn)
) WITHOUT ROWID;
CREATE TABLE import_ledger (
  path TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  mtime_ms DOUBLE NOT NULL,
  sha256 TEXT,
  status TEXT NOT NULL CHECK (status IN ('queued', 'importing', 'imported', 'skipped', 'failed')),
  code TEXT,
  message TEXT,
  save_id INTEGER,
  updated_at TEXT NOT NULL
, queued_at TEXT, started_at TEXT, finished_at TEXT, parse_ms DOUBLE, write_ms DOUBLE, attempts INTEGER NOT NULL DEFAULT 0);
CREATE INDEX import_ledger_by_status ON import_ledger (status, queued_at);
CREATE INDEX import_ledger_by_sha256 ON import_ledger (sha256);
CREATE INDEX import_ledger_by_save ON import_ledger (save_id);
CREATE INDEX import_ledger_by_update ON import_ledger (updated_at);
CREATE INDEX saves_by_date ON saves (save_day, file_mtime_ms);
CREATE INDEX saves_by_game_over ON saves (game_over, save_day, file_mtime_ms);
CREATE INDEX saves_by_game_name ON saves (game_name COLLATE NOCASE, turn);
CREATE TABLE dictionary (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE
);
CREATE TABLE "players" (
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
CREATE INDEX players_by_nation ON players (nation, save_id);
CREATE INDEX players_by_name ON players (name COLLATE NOCASE, save_id);
CREATE TABLE "player_values" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  key INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (save_id, player_id, kind, key)
) WITHOUT ROWID;
CREATE TABLE "player_laws" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  law_class INTEGER NOT NULL,
  law INTEGER NOT NULL,
  PRIMARY KEY (save_id, player_id, law_class)
) WITHOUT ROWID;
CREATE TABLE "player_council" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  character_id INTEGER NOT NULL,
  PRIMARY KEY (save_id, player_id, position)
) WITHOUT ROWID;
CREATE TABLE "player_families" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  family INTEGER NOT NULL,
  head_character_id INTEGER,
  seat_city_id INTEGER,
  PRIMARY KEY (save_id, player_id, family)
) WITHOUT ROWID;
CREATE TABLE "player_goals" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type INTEGER NOT NULL,
  started_turn INTEGER,
  finished_turn INTEGER,
  failed BOOLEAN NOT NULL,
  PRIMARY KEY (save_id, player_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE "event_log" (
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
CREATE TABLE "memories" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type INTEGER NOT NULL,
  turn INTEGER,
  subject_kind INTEGER,
  subject INTEGER,
  PRIMARY KEY (save_id, player_id, ordinal)
) WITHOUT ROWID;
CREATE TABLE "characters" (
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
CREATE TABLE "character_traits" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  character_id INTEGER NOT NULL,
  trait INTEGER NOT NULL,
  turn INTEGER,
  PRIMARY KEY (save_id, character_id, trait)
) WITHOUT ROWID;
CREATE TABLE "character_ratings" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  character_id INTEGER NOT NULL,
  rating INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (save_id, character_id, rating)
) WITHOUT ROWID;
CREATE TABLE "character_relationships" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  character_id INTEGER NOT NULL,
  type INTEGER NOT NULL,
  other_id INTEGER,
  turn INTEGER
);
CREATE INDEX character_relationships_by_save ON character_relationships (save_id, character_id);
CREATE TABLE "cities" (
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
CREATE TABLE "city_religions" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  city_id INTEGER NOT NULL,
  religion INTEGER NOT NULL,
  PRIMARY KEY (save_id, city_id, religion)
) WITHOUT ROWID;
CREATE TABLE "city_culture" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  city_id INTEGER NOT NULL,
  team INTEGER NOT NULL,
  level INTEGER NOT NULL,
  PRIMARY KEY (save_id, city_id, team)
) WITHOUT ROWID;
CREATE TABLE "city_values" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  city_id INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  key INTEGER NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (save_id, city_id, kind, key)
) WITHOUT ROWID;
CREATE TABLE "tiles" (
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
CREATE TABLE "units" (
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
CREATE TABLE "unit_promotions" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  unit_id INTEGER NOT NULL,
  promotion INTEGER NOT NULL,
  PRIMARY KEY (save_id, unit_id, promotion)
) WITHOUT ROWID;
CREATE TABLE "families" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  family INTEGER NOT NULL,
  player_id INTEGER,
  family_class INTEGER,
  seat_city_id INTEGER,
  head_character_id INTEGER,
  PRIMARY KEY (save_id, family)
) WITHOUT ROWID;
CREATE TABLE "religions" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  religion INTEGER NOT NULL,
  founder_player_id INTEGER,
  head_character_id INTEGER,
  holy_city_id INTEGER,
  founded_turn INTEGER,
  PRIMARY KEY (save_id, religion)
) WITHOUT ROWID;
CREATE TABLE "tribes" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  tribe INTEGER NOT NULL,
  leader_character_id INTEGER,
  allied_player_id INTEGER,
  PRIMARY KEY (save_id, tribe)
) WITHOUT ROWID;
CREATE TABLE "diplomacy" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  kind INTEGER NOT NULL,
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  state INTEGER NOT NULL,
  PRIMARY KEY (save_id, kind, a, b)
) WITHOUT ROWID;
CREATE TABLE "yield_prices" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  yield INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  price INTEGER NOT NULL,
  PRIMARY KEY (save_id, yield, turn)
) WITHOUT ROWID;
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
CREATE TABLE "history_points" (
  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,
  player_id INTEGER NOT NULL,
  series INTEGER NOT NULL,
  key INTEGER NOT NULL,
  points TEXT NOT NULL,
  PRIMARY KEY (save_id, player_id, series, key)
) WITHOUT ROWID;
CREATE VIEW history_points_v AS
  SELECT
    t.save_id,
    t.player_id,
    (SELECT k.key FROM dictionary k WHERE k.id = t.series) AS series,
    (SELECT k.key FROM dictionary k WHERE k.id = t.key) AS key,
    CAST(p.key AS INTEGER) AS turn,
    CAST(p.value AS INTEGER) AS value
  FROM history_points t, json_each(t.points) p;
