import type { SqlRunner } from './sql-runner.js';
import type { FailureCode, SkipCode } from '../../shared/errors.js';
import type {
  LedgerEntry,
  LedgerPage,
  LedgerQuery,
  LedgerStatus,
  LibraryTotals,
  SaveDetail,
  SaveListQuery,
  SavePage,
  SaveSummary,
} from '../../shared/library.js';
import type { Backend } from '../../shared/settings.js';
import type { ParsedSave } from '../model/parsed-save.js';
import type { EncodedSave } from '../codec/encoded-save.js';

/** The archive a save was read from. */
export interface SaveSource {
  /** Absolute path: the ledger key. */
  path: string;
  sha256: string;
  size: number;
  mtimeMs: number;
  /** Parse time, recorded in the ledger when given. */
  parseMs?: number;
}

export interface InsertOptions {
  /**
   * Replace instead of skipping: a save with the same SHA-256 or the same
   * GameId and turn is deleted and the new one written, in one transaction.
   */
  replace?: boolean;
}

export type InsertResult = { status: 'imported'; saveId: number } | { status: 'skipped'; code: SkipCode; message: string; saveId: number };

/** A file as discovery saw it. */
export interface LedgerFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** What hashing learned about a file; refreshes the ledger row. */
export interface LedgerHashed {
  sha256: string;
  size: number;
  mtimeMs: number;
}

/**
 * The library database. One connection, one writer; every method is async
 * (DuckDB's API is), calls are serialised, and each write is one transaction.
 *
 * Ledger invariants: one row per absolute path ever offered; `saveId` is set
 * only while the save holding the file's content exists (deleting a save
 * deletes the ledger rows pointing at it, so those files import afresh).
 */
export interface Store {
  readonly backend: Backend;
  readonly path: string;
  /** Schema version after the migrations ran at open. */
  readonly schemaVersion: number;

  /**
   * Writes one save and its ledger row (`imported`, or `skipped` with the
   * duplicate's id) in one transaction. Skips: same SHA-256 ->
   * ALREADY_IMPORTED, same GameId + turn -> DUPLICATE_TURN (unless
   * `replace`). Throws ScribeError DB_WRITE_FAILED when the write fails:
   * nothing of the save is kept and the ledger row is marked failed.
   */
  insertSave(save: ParsedSave | EncodedSave, source: SaveSource, opts?: InsertOptions): Promise<InsertResult>;
  /** Deletes a save and every row of it; false when there was none. */
  deleteSave(saveId: number): Promise<boolean>;
  /** Told when an import run starts (true) and ends (false); see `Dialect.bulkWrites`. */
  bulkWrites(on: boolean): Promise<void>;

  listSaves(query: SaveListQuery): Promise<SavePage>;
  saveDetail(saveId: number): Promise<SaveDetail | null>;
  /** The saves of one game, in turn order. */
  gameSaves(gameId: string): Promise<SaveSummary[]>;
  totals(): Promise<LibraryTotals>;
  /** Runs a read model (store/read) against the library, in turn with the other calls. */
  read<T>(query: (db: SqlRunner) => Promise<T>): Promise<T>;

  /** Upserts the files as `queued` (a changed size or mtime forgets the old hash and save). */
  ledgerQueue(files: readonly LedgerFile[]): Promise<void>;
  /** `importing`: stamps started_at and counts the attempt. */
  ledgerMarkImporting(path: string): Promise<void>;
  ledgerMarkSkipped(path: string, code: SkipCode, message: string, saveId: number | null, hashed?: LedgerHashed | null): Promise<void>;
  ledgerMarkFailed(path: string, code: FailureCode, message: string, hashed?: LedgerHashed | null, parseMs?: number): Promise<void>;
  ledgerLookup(path: string): Promise<LedgerEntry | null>;
  /** Every save's SHA-256 and id: parse workers skip files with these bytes before parsing. */
  knownSaves(): Promise<[sha256: string, saveId: number][]>;
  /** The row of this content, preferring one whose save is in the library. */
  ledgerFindBySha(sha256: string): Promise<LedgerEntry | null>;
  /** Resume = ['queued', 'importing']; retry = ['failed']. Oldest queued first. */
  ledgerByStatus(statuses: readonly LedgerStatus[]): Promise<LedgerEntry[]>;
  ledgerPathsByStatus(statuses: readonly LedgerStatus[]): Promise<string[]>;
  ledgerCountByStatus(statuses: readonly LedgerStatus[]): Promise<number>;
  /** Deletes these files' rows, whatever their status: the files are gone for good (removed samples). */
  ledgerForget(paths: readonly string[]): Promise<number>;
  /** Most recently changed first. */
  ledgerHistory(query: LedgerQuery): Promise<LedgerPage>;

  close(): Promise<void>;
}
