import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MigrationListener } from '../../shared/migration.js';
import type { Backend } from '../../shared/settings.js';
import { SqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

export type { InsertOptions, InsertResult, LedgerFile, LedgerHashed, SaveSource, Store } from './store.js';
export { latestVersion, migrations } from './migrations.js';
export { countsByTable, tableOfList, tableSpecs } from './tables.js';
export { decodeSave, decodeSaveBytes, encodeSave, encodeSaveBytes, type EncodedSave } from '../codec/encoded-save.js';
export { SqliteStore } from './sqlite-store.js';

export interface OpenStoreOptions {
  /** Default: DuckDB for a `.duckdb` file, SQLite otherwise. */
  backend?: Backend;
  /** Told how the conversion of a library from an older Scribe advances; the event loop runs between its steps. */
  onMigrationProgress?: MigrationListener;
  /** Test hook (SQLite): awaited after each progress report, so a test can look at a conversion mid-way. */
  migrationPause?: () => Promise<void>;
}

export function backendForPath(path: string): Backend {
  return /\.duckdb$/i.test(path) ? 'duckdb' : 'sqlite';
}

/**
 * Opens (creating it and its folder if needed) the library database at `path` and brings its
 * schema up to date. The backend is the option when given, else chosen by
 * the file extension. A library from an older Scribe is converted in
 * place, in steps that each commit (stepped-migration.ts).
 */
export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  const backend = options.backend ?? backendForPath(path);
  mkdirSync(dirname(path), { recursive: true });
  // DuckDB's native library takes a noticeable part of a second to load: only a DuckDB library pays it.
  const opts = { onMigrationProgress: options.onMigrationProgress };
  if (backend === 'duckdb') return (await import('./duckdb-store.js')).DuckDbStore.open(path, opts);
  return SqliteStore.openAsync(path, { ...opts, migrationPause: options.migrationPause });
}
export { LibraryError } from './library-error.js';
export { acquireImportLock, importLockPath, type ImportLock } from './import-lock.js';
