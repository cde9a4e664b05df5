/// <reference types="vite/types/importMeta.d.ts" />
/**
 * A new SQLite library's schema in one script: exactly what migrations 1 to
 * N leave (`baseline.sqlite.sql`, dumped from them by
 * `scripts/write-baseline.ts`), run in one transaction instead of the N
 * migrations. A new library used to run every migration, and migrations 5
 * and 6 rebuild tables (CREATE, copy, DROP, RENAME, each RENAME re-reading
 * the whole schema) that are still empty: ~25-30 ms of a one-save import,
 * against ~4 ms for the script (docs/design.md, "A new library starts from
 * a baseline").
 *
 * The migrations stay the one statement of what each version is: the
 * baseline is their product, and a test checks it statement for statement
 * against a library they migrated. One left behind by a newer migration is
 * still right, only slower: a new library runs it and then the migrations
 * above its version (the test asks for it to be written anew).
 * DuckDB runs its migrations: its schema_version table records each one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Baseline {
  /** The schema version the script leaves. */
  version: number;
  sql: string;
}

/** The first line names the version: `-- schema version N, ...`. */
export function parseBaseline(text: string): Baseline {
  const m = /^-- schema version (\d+)\b[^\n]*\n/.exec(text);
  if (!m) throw new Error('baseline.sqlite.sql does not start with "-- schema version N"');
  return { version: Number(m[1]), sql: text.slice(m[0].length) };
}

function baselineFile(): string {
  try {
    // Vite (the bundles, vitest) replaces this call with the file's text at build time.
    const files = import.meta.glob<string>('./baseline.sqlite.sql', { eager: true, query: '?raw', import: 'default' });
    return Object.values(files)[0]!;
  } catch {
    // Without vite (tsx: the bench, scripts), the file sits beside this module.
    return readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'baseline.sqlite.sql'), 'utf8');
  }
}

export const sqliteBaseline: Baseline = parseBaseline(baselineFile());

/** The statements that make a database's schema, in the order it made them (what the baseline holds). */
export function schemaStatements(db: { prepare(sql: string): { pluck(): { all(): unknown[] } } }): string[] {
  return db
    .prepare(`SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid`)
    .pluck()
    .all() as string[];
}
