/**
 * Drafts the next migration from the difference between the entity
 * catalogue and the schema the committed migrations produce (applied to an
 * in-memory SQLite and DuckDB database): new tables and new columns become
 * DDL, anything else a comment to resolve by hand. Writes
 * `src/engine/store/migrations/NNNN-<slug>.<dialect>.sql` for both dialects;
 * review them, then run the store tests.
 *
 *   npm run draft-migration -- [slug] ["name recorded in the library"]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { diffSchema, draftDdl, expectedTables, type Difference } from '../src/engine/store/catalogue-schema.js';
import { migrateDuckDb } from '../src/engine/store/duckdb-store.js';
import { latestVersion, type Dialect } from '../src/engine/store/migrations.js';
import { readDuckDbTables, readSqliteTables } from '../src/engine/store/schema-read.js';
import { migrateSqlite } from '../src/engine/store/sqlite-store.js';

async function differences(): Promise<Record<Dialect, Difference[]>> {
  const db = new Database(':memory:');
  migrateSqlite(db, undefined, { baseline: false });
  const sqlite = diffSchema(expectedTables('sqlite'), readSqliteTables(db));
  db.close();
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await migrateDuckDb(conn);
  const duckdb = diffSchema(expectedTables('duckdb'), await readDuckDbTables(conn));
  conn.closeSync();
  instance.closeSync();
  return { sqlite, duckdb };
}

function describeChange(d: Difference): string {
  if (d.kind === 'missing-column' || d.kind === 'extra-column') return `${d.kind} ${d.table}.${d.column}`;
  if (d.kind === 'changed') return `changed ${d.table}: ${d.what}`;
  return `${d.kind} ${d.table}`;
}

async function main(): Promise<number> {
  const [slugArg, nameArg] = process.argv.slice(2);
  const diff = await differences();
  if (!diff.sqlite.length && !diff.duckdb.length) {
    console.log(`The catalogue and migrations 1-${latestVersion} agree: no migration to draft.`);
    return 0;
  }
  const added = diff.sqlite.filter((d) => d.kind === 'missing-column' || d.kind === 'missing-table');
  const slug = (slugArg ?? (added.map((d) => (d.kind === 'missing-column' ? `${d.table}-${d.column}` : d.table)).join('-') || 'schema'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  const name =
    nameArg ??
    (added.length
      ? `add ${added
          .map(describeChange)
          .map((s) => s.replace(/^missing-(column|table) /, ''))
          .join(', ')}`
      : slug);
  const version = latestVersion + 1;
  const dir = path.resolve(import.meta.dirname, '../src/engine/store/migrations');
  for (const dialect of ['sqlite', 'duckdb'] as const) {
    const file = path.join(dir, `${String(version).padStart(4, '0')}-${slug}.${dialect}.sql`);
    writeFileSync(file, `-- ${name}\n${draftDdl(diff[dialect], dialect)}`);
    console.log(`${path.relative(process.cwd(), file)}:`);
    for (const d of diff[dialect]) console.log(`  ${describeChange(d)}`);
  }
  const manual = diff.sqlite.concat(diff.duckdb).filter((d) => d.kind !== 'missing-column' && d.kind !== 'missing-table');
  if (manual.length) console.log('Some differences need a hand-written step: see the comments in the drafts.');
  return 0;
}

process.exitCode = await main();
