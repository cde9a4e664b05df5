-- core schema: saves, every list of a parsed save, import ledger
CREATE SEQUENCE saves_id_seq START 1;
CREATE TABLE saves (
  id INTEGER PRIMARY KEY DEFAULT nextval('saves_id_seq'),
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

CREATE TABLE players (
  save_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  name TEXT,
  online_id TEXT,
  nation TEXT,
  dynasty TEXT,
  team INTEGER,
  is_human BOOLEAN NOT NULL,
  ai_controlled_to_turn INTEGER,
  language TEXT,
  legitimacy INTEGER,
  time_stockpile INTEGER,
  tech_researching TEXT,
  state_religion TEXT,
  founder_character_id INTEGER,
  chosen_heir_id INTEGER,
  original_capital_city_id INTEGER,
  ruler_character_id INTEGER
);

CREATE TABLE player_values (
  save_id INTEGER NOT NULL,
  player_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  value INTEGER NOT NULL
);

CREATE TABLE player_laws (
  save_id INTEGER NOT NULL,
  player_id INTEGER NOT NULL,
  law_class TEXT NOT NULL,
  law TEXT NOT NULL
);

CREATE TABLE player_leaders (
  save_id INTEGER NOT NULL,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  character_id INTEGER NOT NULL
);

CREATE TABLE player_council (
  save_id INTEGER NOT NULL,
  player_id INTEGER NOT NULL,
  position TEXT NOT NULL,
  character_id INTEGER NOT NULL
);

CREATE TABLE player_families (
  save_id INTEGER NOT NULL,
  player_id INTEGER NOT NULL,
  family TEXT NOT NULL,
  head_character_id INTEGER,
  seat_city_id INTEGER
);

CREATE TABLE player_goals (
  save_id INTEGER NOT NULL,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  started_turn INTEGER,
  finished_turn INTEGER,
  failed BOOLEAN NOT NULL
);

CREATE TABLE history_points (
  save_id INTEGER NOT NULL,
  player_id INTEGER NOT NULL,
  series TEXT NOT NULL,
  key TEXT NOT NULL,
  turn INTEGER NOT NULL,
  value INTEGER NOT NULL
);

CREATE TABLE event_log (
  save_id INTEGER NOT NULL,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  data1 TEXT,
  data2 TEXT,
  data3 TEXT,
  turn INTEGER,
  team_turn INTEGER
);

CREATE TABLE memories (
  save_id INTEGER NOT NULL,
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  turn INTEGER,
  subject_kind TEXT,
  subject TEXT
);

CREATE TABLE characters (
  save_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  player_id INTEGER,
  first_name TEXT,
  gender TEXT,
  birth_turn INTEGER,
  death_turn INTEGER,
  death_reason TEXT,
  name_type TEXT,
  cognomen TEXT,
  level INTEGER,
  xp INTEGER,
  family TEXT,
  tribe TEXT,
  religion TEXT,
  nation TEXT,
  father_id INTEGER,
  mother_id INTEGER,
  birth_city_id INTEGER,
  infertile BOOLEAN NOT NULL
);

CREATE TABLE character_traits (
  save_id INTEGER NOT NULL,
  character_id INTEGER NOT NULL,
  trait TEXT NOT NULL,
  turn INTEGER
);

CREATE TABLE character_ratings (
  save_id INTEGER NOT NULL,
  character_id INTEGER NOT NULL,
  rating TEXT NOT NULL,
  value INTEGER NOT NULL
);

CREATE TABLE character_relationships (
  save_id INTEGER NOT NULL,
  character_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  other_id INTEGER,
  turn INTEGER
);

CREATE TABLE character_spouses (
  save_id INTEGER NOT NULL,
  character_id INTEGER NOT NULL,
  spouse_id INTEGER NOT NULL
);

CREATE TABLE cities (
  save_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  tile_id INTEGER NOT NULL,
  player_id INTEGER,
  family TEXT,
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
  specialist_produced_count INTEGER
);

CREATE TABLE city_religions (
  save_id INTEGER NOT NULL,
  city_id INTEGER NOT NULL,
  religion TEXT NOT NULL
);

CREATE TABLE city_culture (
  save_id INTEGER NOT NULL,
  city_id INTEGER NOT NULL,
  team INTEGER NOT NULL,
  level TEXT NOT NULL
);

CREATE TABLE city_values (
  save_id INTEGER NOT NULL,
  city_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  value INTEGER NOT NULL
);

CREATE TABLE tiles (
  save_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  x INTEGER NOT NULL,
  y INTEGER NOT NULL,
  terrain TEXT,
  height TEXT,
  vegetation TEXT,
  resource TEXT,
  improvement TEXT,
  improvement_pillaged BOOLEAN NOT NULL,
  specialist TEXT,
  road BOOLEAN NOT NULL,
  river_w BOOLEAN NOT NULL,
  river_sw BOOLEAN NOT NULL,
  river_se BOOLEAN NOT NULL,
  city_id INTEGER,
  tribe_site TEXT,
  religion TEXT,
  owner_player_id INTEGER
);

CREATE TABLE tile_owner_history (
  save_id INTEGER NOT NULL,
  tile_id INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  player_id INTEGER
);

CREATE TABLE units (
  save_id INTEGER NOT NULL,
  id INTEGER NOT NULL,
  tile_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  player_id INTEGER,
  tribe TEXT,
  xp INTEGER,
  level INTEGER,
  create_turn INTEGER,
  facing TEXT,
  original_player_id INTEGER,
  gender TEXT,
  family TEXT
);

CREATE TABLE unit_promotions (
  save_id INTEGER NOT NULL,
  unit_id INTEGER NOT NULL,
  promotion TEXT NOT NULL
);

CREATE TABLE families (
  save_id INTEGER NOT NULL,
  family TEXT NOT NULL,
  player_id INTEGER,
  family_class TEXT,
  seat_city_id INTEGER,
  head_character_id INTEGER
);

CREATE TABLE religions (
  save_id INTEGER NOT NULL,
  religion TEXT NOT NULL,
  founder_player_id INTEGER,
  head_character_id INTEGER,
  holy_city_id INTEGER,
  founded_turn INTEGER
);

CREATE TABLE tribes (
  save_id INTEGER NOT NULL,
  tribe TEXT NOT NULL,
  leader_character_id INTEGER,
  allied_player_id INTEGER
);

CREATE TABLE diplomacy (
  save_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  state TEXT NOT NULL
);


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
);
