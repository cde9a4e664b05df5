/// <reference types="vite/types/importMeta.d.ts" />
/**
 * The schema, as forward-only numbered migrations, each frozen as committed
 * text: `migrations/NNNN-slug.<dialect>.sql`, one file per dialect, whose
 * first line is `-- <name>` and whose rest is run as it is. A released
 * migration never changes (a test pins their text): a new column or index is
 * a new file at the end, which `npm run draft-migration` drafts from the
 * difference between the entity catalogue and the migrated schema. SQLite
 * records the version in `PRAGMA user_version`, DuckDB in the
 * `schema_version` table.
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
 * - DuckDB has no secondary indexes: its planner uses ART indexes only for
 *   selective point lookups (the saves table's UNIQUE keys already serve the
 *   duplicate checks), never for ORDER BY or scans, while every index costs
 *   on each insert.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Dialect = 'sqlite' | 'duckdb';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  duckdb: string;
}

/** The migration files' text by path: carried in the bundle by vite, or read from the source tree (tsx: the bench, scripts). */
function migrationFiles(): Record<string, string> {
  try {
    // Vite (the bundles, vitest) replaces this call with the files' text at build time.
    return import.meta.glob<string>('./migrations/*.sql', { eager: true, query: '?raw', import: 'default' });
  } catch {
    // Without vite, import.meta.glob does not exist: the files sit beside this module.
    return readMigrationFiles(path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'));
  }
}

/** The migration files of a folder, keyed as `import.meta.glob` keys them. */
export function readMigrationFiles(dir: string): Record<string, string> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
  return Object.fromEntries(files.map((f) => [`./migrations/${f}`, readFileSync(path.join(dir, f), 'utf8')]));
}

const fileName = /^(\d{4})-[a-z0-9-]+\.(sqlite|duckdb)\.sql$/;

/** Pure: the migrations a set of files declares, in version order; refuses a gap or a dialect missing. */
export function parseMigrations(files: Record<string, string>): Migration[] {
  const byVersion = new Map<number, Partial<Migration>>();
  for (const [file, content] of Object.entries(files)) {
    const base = path.posix.basename(file);
    const m = fileName.exec(base);
    if (!m) throw new Error(`Migration file ${base} is not named NNNN-slug.sqlite.sql or NNNN-slug.duckdb.sql`);
    const version = Number(m[1]);
    const dialect = m[2] as Dialect;
    const newline = content.indexOf('\n');
    if (!content.startsWith('-- ') || newline < 0) throw new Error(`Migration file ${base} does not start with "-- <name>"`);
    const name = content.slice(3, newline);
    const entry = byVersion.get(version) ?? { version, name };
    if (entry.name !== name) throw new Error(`Migration ${version} has two names: "${entry.name}" and "${name}"`);
    if (entry[dialect] !== undefined) throw new Error(`Migration ${version} has two ${dialect} files`);
    entry[dialect] = content.slice(newline + 1);
    byVersion.set(version, entry);
  }
  const out = [...byVersion.values()].sort((a, b) => a.version! - b.version!);
  out.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1, 2, 3...: found ${m.version} at position ${i + 1}`);
    for (const d of ['sqlite', 'duckdb'] as const) if (m[d] === undefined) throw new Error(`Migration ${m.version} has no ${d} file`);
  });
  return out as Migration[];
}

export const migrations: readonly Migration[] = parseMigrations(migrationFiles());
export const latestVersion = migrations[migrations.length - 1]!.version;
