/**
 * The schema, as forward-only numbered migrations. A released migration
 * never changes: a new column or index is a new step at the end. Both
 * backends apply the same steps in their own dialect; SQLite records the
 * version in `PRAGMA user_version`, DuckDB in the `schema_version` table.
 *
 * Dialect differences, on purpose:
 * - SQLite child tables are WITHOUT ROWID tables clustered on
 *   (save_id, natural key): one B-tree per table, appended in order, and the
 *   key doubles as the index for detail queries and for ON DELETE CASCADE.
 * - DuckDB cannot cascade, and its foreign keys refuse deleting a parent
 *   whose children were deleted in the same transaction; its child tables
 *   therefore carry no foreign key (the store deletes children explicitly,
 *   in one transaction) and no primary key (an ART index per table would
 *   double the write time; zone maps on save_id serve the per-save scans).
 */

export type Dialect = 'sqlite' | 'duckdb';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  duckdb: string;
}

interface ChildTable {
  name: string;
  /** Column definitions after save_id, one per line. */
  columns: string;
  /** Natural key after save_id; null for a rowid table with an index on `index`. */
  key: string | null;
  index?: string;
}

function childTable(t: ChildTable, dialect: Dialect): string {
  const cols = t.columns.trim();
  if (dialect === 'duckdb') return `CREATE TABLE ${t.name} (\n  save_id INTEGER NOT NULL,\n  ${cols}\n);\n`;
  const head = `CREATE TABLE ${t.name} (\n  save_id INTEGER NOT NULL REFERENCES saves (id) ON DELETE CASCADE,\n  ${cols}`;
  if (t.key) return `${head},\n  PRIMARY KEY (save_id, ${t.key})\n) WITHOUT ROWID;\n`;
  return `${head}\n);\nCREATE INDEX ${t.name}_by_save ON ${t.name} (save_id, ${t.index});\n`;
}

// ------------------------------------------------------------------ v1: core

const v1Children: ChildTable[] = [
  {
    name: 'players',
    key: 'id',
    columns: `
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
  ruler_character_id INTEGER`,
  },
  {
    name: 'player_values',
    key: 'player_id, kind, key',
    columns: `
  player_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  value INTEGER NOT NULL`,
  },
  {
    name: 'player_laws',
    key: 'player_id, law_class',
    columns: `
  player_id INTEGER NOT NULL,
  law_class TEXT NOT NULL,
  law TEXT NOT NULL`,
  },
  {
    name: 'player_leaders',
    key: 'player_id, ordinal',
    columns: `
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  character_id INTEGER NOT NULL`,
  },
  {
    name: 'player_council',
    key: 'player_id, position',
    columns: `
  player_id INTEGER NOT NULL,
  position TEXT NOT NULL,
  character_id INTEGER NOT NULL`,
  },
  {
    name: 'player_families',
    key: 'player_id, family',
    columns: `
  player_id INTEGER NOT NULL,
  family TEXT NOT NULL,
  head_character_id INTEGER,
  seat_city_id INTEGER`,
  },
  {
    name: 'player_goals',
    key: 'player_id, ordinal',
    columns: `
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  started_turn INTEGER,
  finished_turn INTEGER,
  failed BOOLEAN NOT NULL`,
  },
  {
    // Key in the order a save writes its histories (player, series, key,
    // turn): inserts stay nearly sequential.
    name: 'history_points',
    key: 'player_id, series, key, turn',
    columns: `
  player_id INTEGER NOT NULL,
  series TEXT NOT NULL,
  key TEXT NOT NULL,
  turn INTEGER NOT NULL,
  value INTEGER NOT NULL`,
  },
  {
    name: 'event_log',
    key: 'player_id, ordinal',
    columns: `
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  data1 TEXT,
  data2 TEXT,
  data3 TEXT,
  turn INTEGER,
  team_turn INTEGER`,
  },
  {
    name: 'memories',
    key: 'player_id, ordinal',
    columns: `
  player_id INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  type TEXT NOT NULL,
  turn INTEGER,
  subject_kind TEXT,
  subject TEXT`,
  },
  {
    name: 'characters',
    key: 'id',
    columns: `
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
  infertile BOOLEAN NOT NULL`,
  },
  {
    name: 'character_traits',
    key: 'character_id, trait',
    columns: `
  character_id INTEGER NOT NULL,
  trait TEXT NOT NULL,
  turn INTEGER`,
  },
  {
    name: 'character_ratings',
    key: 'character_id, rating',
    columns: `
  character_id INTEGER NOT NULL,
  rating TEXT NOT NULL,
  value INTEGER NOT NULL`,
  },
  {
    // other_id may be null: no natural key.
    name: 'character_relationships',
    key: null,
    index: 'character_id',
    columns: `
  character_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  other_id INTEGER,
  turn INTEGER`,
  },
  {
    name: 'character_spouses',
    key: 'character_id, spouse_id',
    columns: `
  character_id INTEGER NOT NULL,
  spouse_id INTEGER NOT NULL`,
  },
  {
    name: 'cities',
    key: 'id',
    columns: `
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
  specialist_produced_count INTEGER`,
  },
  {
    name: 'city_religions',
    key: 'city_id, religion',
    columns: `
  city_id INTEGER NOT NULL,
  religion TEXT NOT NULL`,
  },
  {
    name: 'city_culture',
    key: 'city_id, team',
    columns: `
  city_id INTEGER NOT NULL,
  team INTEGER NOT NULL,
  level TEXT NOT NULL`,
  },
  {
    name: 'city_values',
    key: 'city_id, kind, key',
    columns: `
  city_id INTEGER NOT NULL,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  value INTEGER NOT NULL`,
  },
  {
    name: 'tiles',
    key: 'id',
    columns: `
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
  owner_player_id INTEGER`,
  },
  {
    name: 'tile_owner_history',
    key: 'tile_id, turn',
    columns: `
  tile_id INTEGER NOT NULL,
  turn INTEGER NOT NULL,
  player_id INTEGER`,
  },
  {
    name: 'units',
    key: 'id',
    columns: `
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
  family TEXT`,
  },
  {
    name: 'unit_promotions',
    key: 'unit_id, promotion',
    columns: `
  unit_id INTEGER NOT NULL,
  promotion TEXT NOT NULL`,
  },
  {
    name: 'families',
    key: 'family',
    columns: `
  family TEXT NOT NULL,
  player_id INTEGER,
  family_class TEXT,
  seat_city_id INTEGER,
  head_character_id INTEGER`,
  },
  {
    name: 'religions',
    key: 'religion',
    columns: `
  religion TEXT NOT NULL,
  founder_player_id INTEGER,
  head_character_id INTEGER,
  holy_city_id INTEGER,
  founded_turn INTEGER`,
  },
  {
    name: 'tribes',
    key: 'tribe',
    columns: `
  tribe TEXT NOT NULL,
  leader_character_id INTEGER,
  allied_player_id INTEGER`,
  },
  {
    name: 'diplomacy',
    key: 'kind, a, b',
    columns: `
  kind TEXT NOT NULL,
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  state TEXT NOT NULL`,
  },
];

const savesColumns = `
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
  UNIQUE (game_id, turn)`;

const ledgerV1 = `
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
`;

// mods, dlc, victory_enabled: JSON arrays; settings: JSON object.
// save_day: YYYY-MM-DD of save_date (of the file time when that is no date).
const v1: Migration = {
  version: 1,
  name: 'core schema: saves, every list of a parsed save, import ledger',
  sqlite: [
    `CREATE TABLE saves (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,${savesColumns}\n);\n`,
    ...v1Children.map((t) => childTable(t, 'sqlite')),
    ledgerV1,
  ].join('\n'),
  duckdb: [
    `CREATE SEQUENCE saves_id_seq START 1;\nCREATE TABLE saves (\n  id INTEGER PRIMARY KEY DEFAULT nextval('saves_id_seq'),${savesColumns}\n);\n`,
    ...v1Children.map((t) => childTable(t, 'duckdb')),
    ledgerV1,
  ].join('\n'),
};

// ------------------------------------------- v2: library indexes, ledger timings

const ledgerTimings = (attempts: string) => `
ALTER TABLE import_ledger ADD COLUMN queued_at TEXT;
ALTER TABLE import_ledger ADD COLUMN started_at TEXT;
ALTER TABLE import_ledger ADD COLUMN finished_at TEXT;
ALTER TABLE import_ledger ADD COLUMN parse_ms DOUBLE;
ALTER TABLE import_ledger ADD COLUMN write_ms DOUBLE;
ALTER TABLE import_ledger ADD COLUMN attempts ${attempts};
UPDATE import_ledger SET attempts = 0 WHERE attempts IS NULL;
`;

const v2: Migration = {
  version: 2,
  name: 'library list indexes, ledger timings and attempts',
  sqlite: `${ledgerTimings('INTEGER NOT NULL DEFAULT 0')}
CREATE INDEX import_ledger_by_status ON import_ledger (status, queued_at);
CREATE INDEX import_ledger_by_sha256 ON import_ledger (sha256);
CREATE INDEX import_ledger_by_save ON import_ledger (save_id);
CREATE INDEX import_ledger_by_update ON import_ledger (updated_at);
CREATE INDEX saves_by_date ON saves (save_day, file_mtime_ms);
CREATE INDEX saves_by_game_over ON saves (game_over, save_day, file_mtime_ms);
CREATE INDEX saves_by_game_name ON saves (game_name COLLATE NOCASE, turn);
CREATE INDEX players_by_nation ON players (nation, save_id);
CREATE INDEX players_by_name ON players (name COLLATE NOCASE, save_id);
`,
  // DuckDB: no secondary indexes. Its planner uses ART indexes only for
  // selective point lookups (the saves table's UNIQUE keys already serve the
  // duplicate checks), never for ORDER BY or scans, while every index costs
  // on each insert; the ledger is updated in place and stays a small scan.
  duckdb: ledgerTimings('INTEGER DEFAULT 0'),
};

export const migrations: readonly Migration[] = [v1, v2];
export const latestVersion = migrations[migrations.length - 1]!.version;
