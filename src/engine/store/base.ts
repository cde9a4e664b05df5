/**
 * The `Store` interface over one dialect: calls one at a time, in call
 * order, each delegated to the module that does its job (writer.ts,
 * ledger.ts, library-queries.ts). The adapters (sqlite-store.ts,
 * duckdb-store.ts) only open their database and supply the dialect.
 */
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
import type { Dialect } from './dialect.js';
import { Dictionary } from './dictionary.js';
import type { EncodedSave } from '../codec/encoded-save.js';
import * as ledger from './ledger.js';
import * as library from './library-queries.js';
import type { SqlRunner } from './sql-runner.js';
import type { Steps } from './steps.js';
import type { InsertOptions, InsertResult, LedgerFile, LedgerHashed, SaveSource, Store } from './store.js';
import { deleteSave, writeSave } from './writer.js';

export abstract class StoreBase implements Store {
  abstract readonly backend: Backend;
  readonly path: string;
  schemaVersion = 0;
  private queue: Promise<unknown> = Promise.resolve();
  protected closed = false;
  private readonly dictionary = new Dictionary();

  protected constructor(
    path: string,
    protected readonly db: Dialect,
  ) {
    this.path = path;
  }

  /** Runs the writer's steps: straight through for a synchronous driver, awaiting each for an asynchronous one. */
  protected abstract runSteps<T>(steps: Steps<T>): Promise<T>;
  protected abstract doClose(): Promise<void>;

  /** Runs calls one at a time, in call order. */
  protected exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.closed) throw new Error('The library database is closed.');
      return fn();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  insertSave(save: ParsedSave | EncodedSave, source: SaveSource, opts: InsertOptions = {}): Promise<InsertResult> {
    return this.exclusive(() => this.runSteps(writeSave(this.db, this.dictionary, save, source, opts)));
  }

  deleteSave(saveId: number): Promise<boolean> {
    return this.exclusive(() => this.runSteps(deleteSave(this.db, saveId)));
  }

  bulkWrites(on: boolean): Promise<void> {
    return this.exclusive(async () => this.db.bulkWrites(on));
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      this.closed = true;
      await this.doClose();
    });
  }

  listSaves(query: SaveListQuery): Promise<SavePage> {
    return this.exclusive(() => library.listSaves(this.db, query));
  }

  saveDetail(saveId: number): Promise<SaveDetail | null> {
    return this.exclusive(() => library.saveDetail(this.db, saveId));
  }

  gameSaves(gameId: string): Promise<SaveSummary[]> {
    return this.exclusive(() => library.gameSaves(this.db, gameId));
  }

  read<T>(query: (db: SqlRunner) => Promise<T>): Promise<T> {
    return this.exclusive(() => query(this.db));
  }

  totals(): Promise<LibraryTotals> {
    return this.exclusive(() => library.totals(this.db));
  }

  ledgerQueue(files: readonly LedgerFile[]): Promise<void> {
    return this.exclusive(() => ledger.ledgerQueue(this.db, files));
  }

  ledgerMarkImporting(path: string): Promise<void> {
    return this.exclusive(() => ledger.ledgerMarkImporting(this.db, path));
  }

  ledgerMarkSkipped(path: string, code: SkipCode, message: string, saveId: number | null, hashed?: LedgerHashed | null): Promise<void> {
    return this.exclusive(() => ledger.ledgerFinish(this.db, path, hashed, { status: 'skipped', code, message, saveId }));
  }

  ledgerMarkFailed(path: string, code: FailureCode, message: string, hashed?: LedgerHashed | null, parseMs?: number): Promise<void> {
    return this.exclusive(() =>
      ledger.ledgerFinish(this.db, path, hashed, { status: 'failed', code, message, saveId: null, parseMs: parseMs ?? null }),
    );
  }

  ledgerLookup(path: string): Promise<LedgerEntry | null> {
    return this.exclusive(() => ledger.ledgerLookup(this.db, path));
  }

  knownSaves(): Promise<[sha256: string, saveId: number][]> {
    return this.exclusive(() => ledger.knownSaves(this.db));
  }

  ledgerFindBySha(sha256: string): Promise<LedgerEntry | null> {
    return this.exclusive(() => ledger.ledgerFindBySha(this.db, sha256));
  }

  ledgerByStatus(statuses: readonly LedgerStatus[]): Promise<LedgerEntry[]> {
    return this.exclusive(() => ledger.ledgerByStatus(this.db, statuses));
  }

  ledgerPathsByStatus(statuses: readonly LedgerStatus[]): Promise<string[]> {
    return this.exclusive(() => ledger.ledgerPathsByStatus(this.db, statuses));
  }

  ledgerCountByStatus(statuses: readonly LedgerStatus[]): Promise<number> {
    return this.exclusive(() => ledger.ledgerCountByStatus(this.db, statuses));
  }

  ledgerForget(paths: readonly string[]): Promise<number> {
    return this.exclusive(() => ledger.ledgerForget(this.db, paths));
  }

  ledgerHistory(query: LedgerQuery): Promise<LedgerPage> {
    return this.exclusive(() => ledger.ledgerHistory(this.db, query));
  }
}
