/**
 * better-sqlite3, required rather than imported. An ES module's import of a
 * CommonJS package makes Node first scan the package's source for its export
 * names (cjs-module-lexer): measured in a fresh process, 11-17 ms imported
 * against 5.5-6 ms required, on the path of every command that opens a
 * library (a one-save import's first save among them). Types still come from
 * the package: `import type Database from 'better-sqlite3'`.
 */
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof Database;

/** `new Database(path, options)` of better-sqlite3. */
export function openSqlite(path: string, options?: Database.Options): Database.Database {
  return new Driver(path, options);
}
