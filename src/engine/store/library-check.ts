/**
 * Looks at a library file before the store opens it for writing, and
 * refuses one Scribe must not touch: not a database, damaged, another
 * program's database, or a library from a newer Scribe. A refused file is
 * left byte for byte as it was, with no -wal or -shm beside it: opening for
 * writing would already switch its journal to WAL and create Scribe's
 * tables.
 */
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite-driver.js';
import type { DuckDBInstance } from '@duckdb/node-api';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { LibraryError } from './library-error.js';
import { latestVersion } from './migrations.js';

export type DatabaseKind = 'sqlite' | 'duckdb' | 'unknown';

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');
const duckdbMagic = Buffer.from('DUCK', 'latin1');
/** Enough for SQLite's whole header; DuckDB's magic is at bytes 8-11. */
const headBytes = 100;

/** What a file's first bytes say it is. */
export function sniffDatabase(head: Uint8Array): DatabaseKind {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length >= sqliteMagic.length && b.subarray(0, sqliteMagic.length).equals(sqliteMagic)) return 'sqlite';
  if (b.length >= 12 && b.subarray(8, 12).equals(duckdbMagic)) return 'duckdb';
  return 'unknown';
}

/** True when a SQLite header says the file is in WAL mode (read and write format versions 2). */
export function sqliteHeaderSaysWal(head: Uint8Array): boolean {
  return head.length >= 20 && (head[18] === 2 || head[19] === 2);
}

/** The file's first bytes; null when there is no file. */
function readHead(path: string): Buffer | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(headBytes);
    const n = readSync(fd, buf, 0, headBytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function wrongKind(kind: DatabaseKind, wanted: 'sqlite' | 'duckdb'): LibraryError {
  if (kind === 'duckdb')
    return new LibraryError('NOT_A_DATABASE', 'This file is a DuckDB database, not a SQLite one: name it with .duckdb to use it.');
  if (kind === 'sqlite')
    return new LibraryError('NOT_A_DATABASE', 'This file is a SQLite database, not a DuckDB one: name it with .sqlite to use it.');
  return new LibraryError('NOT_A_DATABASE', `This file is not a ${wanted === 'sqlite' ? 'SQLite' : 'DuckDB'} database.`);
}

export function tooNew(version: number): LibraryError {
  return new LibraryError(
    'LIBRARY_TOO_NEW',
    `This library comes from a newer Scribe: its schema version ${version} is newer than this Scribe understands (${latestVersion}).`,
  );
}

const notALibrary = (): LibraryError => new LibraryError('NOT_A_LIBRARY', 'This database is not a Scribe library: it holds other tables.');

/** The tables that mark a Scribe library, together with its recorded schema version. */
const markTables = ['saves', 'import_ledger'];

function sqliteProblem(err: unknown): LibraryError | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new LibraryError('LIBRARY_DAMAGED', `This library is damaged: ${(err as Error).message}.`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new LibraryError('LIBRARY_IN_USE', 'Another program holds this library locked.');
  return null;
}

/**
 * Opens a SQLite file for the check without changing it. Read-only where
 * that leaves nothing behind; but SQLite, reading a WAL-mode file that no
 * one has open, creates its -wal and -shm and leaves them there. For that
 * case a connection in exclusive locking mode, with writes off, reads
 * without shared memory and deletes its empty WAL when it closes; the
 * exclusive lock is held only for the check and no one else had the file
 * open (their -wal would exist).
 */
function openForCheck(path: string, head: Buffer): Database.Database {
  if (!sqliteHeaderSaysWal(head) || existsSync(`${path}-wal`)) return openSqlite(path, { readonly: true, fileMustExist: true });
  const db = openSqlite(path, { fileMustExist: true });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('query_only = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * Refuses (throws LibraryError) a SQLite file Scribe must not open for
 * writing. A missing or empty file, or a database with no tables, is a new
 * library. Beyond the schema, every table's B-tree is entered, and the
 * saves and the ledger (small, and written at every import) are read in
 * full: damage there is refused at once instead of failing every file of
 * an import. Damage deep inside a large table is not searched for: that
 * would read the whole library at every start.
 */
export function checkSqliteLibrary(path: string): void {
  const head = readHead(path);
  if (head === null || head.length === 0) return;
  const kind = sniffDatabase(head);
  if (kind !== 'sqlite') throw wrongKind(kind, 'sqlite');
  if (head.length < headBytes) throw new LibraryError('LIBRARY_DAMAGED', 'This library is damaged: the file is cut short.');
  let db: Database.Database | null = null;
  try {
    db = openForCheck(path, head);
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]).filter(
      (n) => !n.startsWith('sqlite_'),
    );
    if (tables.length === 0 && version === 0) return;
    if (version < 1 || !markTables.every((t) => tables.includes(t))) throw notALibrary();
    if (version > latestVersion) throw tooNew(version);
    for (const t of tables) db.prepare(`SELECT 1 FROM "${t.replace(/"/g, '""')}" LIMIT 1`).all();
    db.prepare('SELECT count(*), max(id), sum(length(sha256)) FROM saves NOT INDEXED').all();
    db.prepare(`SELECT count(*), sum(length(path) + length(status) + length(coalesce(message, ''))) FROM import_ledger NOT INDEXED`).all();
  } catch (err) {
    throw err instanceof LibraryError ? err : (sqliteProblem(err) ?? err);
  } finally {
    db?.close();
  }
}

/** How Scribe opens DuckDB. It never fetches an extension: a file it does not know is refused, not downloaded for. */
export const duckDbInstanceOptions = {
  autoload_known_extensions: 'false',
  autoinstall_known_extensions: 'false',
  // For a new file only (a library keeps the block size it was made with). DuckDB's default of 256 KB leaves
  // most of a block empty at the end of every column of every table a library holds: 32 typical saves took
  // 15.0 MB with it, 6.6 MB with 32 KB blocks (7.5 MB with 64 KB), in about the same import time.
  default_block_size: '32768',
} as const;

/** DuckDB's answer when another process has the file open for writing (it allows one). */
export function duckDbProblem(err: unknown): LibraryError | null {
  const message = err instanceof Error ? err.message : String(err);
  if (/could not set lock|conflicting lock/i.test(message))
    return new LibraryError('LIBRARY_IN_USE', 'Another program (perhaps another Scribe) has this DuckDB library open.');
  return null;
}

async function duckRows(conn: Awaited<ReturnType<DuckDBInstance['connect']>>, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** As checkSqliteLibrary, for DuckDB: the file is opened read-only, with extension loading off. */
export async function checkDuckDbLibrary(path: string): Promise<void> {
  const head = readHead(path);
  if (head === null || head.length === 0) return;
  const kind = sniffDatabase(head);
  if (kind !== 'duckdb') throw wrongKind(kind, 'duckdb');
  // Loaded only for a DuckDB library: its native library takes a noticeable part of a second to load.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY', ...duckDbInstanceOptions });
  } catch (err) {
    throw (
      duckDbProblem(err) ??
      new LibraryError('LIBRARY_DAMAGED', `This library cannot be read: ${err instanceof Error ? err.message : String(err)}`)
    );
  }
  try {
    const conn = await instance.connect();
    try {
      const tables = (
        await duckRows(
          conn,
          `SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main'`,
        )
      ).map((r) => String(r.table_name));
      if (tables.length === 0) return;
      if (![...markTables, 'schema_version'].every((t) => tables.includes(t))) throw notALibrary();
      const [row] = await duckRows(conn, 'SELECT coalesce(max(version), 0) AS v FROM schema_version');
      const version = Number(row!.v);
      if (version < 1) throw notALibrary();
      if (version > latestVersion) throw tooNew(version);
      await duckRows(conn, 'SELECT count(*), max(id) FROM saves');
      await duckRows(conn, 'SELECT count(*) FROM import_ledger');
    } catch (err) {
      throw err instanceof LibraryError
        ? err
        : new LibraryError('LIBRARY_DAMAGED', `This library cannot be read: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
