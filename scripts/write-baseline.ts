/**
 * Writes src/engine/store/baseline.sqlite.sql: the schema the committed
 * migrations produce, applied to an in-memory SQLite database, as one
 * script a new library runs instead of them (store/baseline.ts). Run it
 * after adding a migration; a store test fails until it is current.
 *
 *   npm run write-baseline
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { schemaStatements } from '../src/engine/store/baseline.js';
import { latestVersion } from '../src/engine/store/migrations.js';
import { migrateSqlite } from '../src/engine/store/sqlite-store.js';

const db = new Database(':memory:');
migrateSqlite(db, undefined, { baseline: false });
const statements = schemaStatements(db);
db.close();
const file = path.resolve('src/engine/store/baseline.sqlite.sql');
const head = `-- schema version ${latestVersion}, as migrations 1-${latestVersion} leave it: written by scripts/write-baseline.ts, never by hand\n`;
writeFileSync(file, head + statements.map((s) => `${s};\n`).join(''));
console.log(`Wrote ${path.relative(process.cwd(), file)}: ${statements.length} statements, schema version ${latestVersion}.`);
