import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
}

export function backendForPath(path: string): Backend {
  return /\.duckdb$/i.test(path) ? 'duckdb' : 'sqlite';
}

/**
 * Opens (creating it and its folder if needed) the library database at `path` and brings its
 * schema up to date. The backend is the option when given, else chosen by
 * the file extension.
 */
export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  const backend = options.backend ?? backendForPath(path);
  mkdirSync(dirname(path), { recursive: true });
  // DuckDB's native library takes a noticeable part of a second to load: only a DuckDB library pays it.
  if (backend === 'duckdb') return (await import('./duckdb-store.js')).DuckDbStore.open(path);
  return SqliteStore.open(path);
}
export { LibraryError } from './library-error.js';
export { acquireImportLock, importLockPath, type ImportLock } from './import-lock.js';
