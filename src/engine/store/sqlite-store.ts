/**
 * The library on SQLite through better-sqlite3. The driver is synchronous:
 * every method does its work synchronously inside and returns a settled
 * promise; a save is written in one `BEGIN IMMEDIATE` transaction together
 * with its ledger row.
 *
 * Bulk rows go in as multi-row `INSERT ... VALUES (...), (...)` statements of
 * `rowsPerStatement` rows (remainders in power-of-two statements, so each
 * table needs at most a handful of cached statements). Measured by
 * bench/store.ts against one prepared single-row statement per row: the
 * multi-row form is about 1.4-1.5x faster per save (one native call binds a
 * whole batch); 32 to 512 rows per statement are within noise of each other,
 * 256 was marginally ahead.
 *
 * Two things are kept off the writer's thread: foreign-key enforcement and
 * WAL checkpoints (each measured on typical saves by bench/store.ts, the
 * "sqlite writer" rows).
 * - The connection runs with `foreign_keys = OFF`. With them on, every one
 *   of a save's ~25,000 child rows probes the saves table for its parent,
 *   although the writer itself just inserted that parent in the same
 *   transaction. The schema still declares the keys (and their cascade, for
 *   other tools that enable them); this store deletes children explicitly,
 *   and the tests run `PRAGMA foreign_key_check` after every kind of write.
 *   (The pragma is set once at open: toggling it per transaction would
 *   expire every prepared statement.)
 * - Checkpoints run on their own thread (wal-checkpointer.ts).
 */
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { skipReasons, type SkipCode } from '../../shared/errors.js';
import { ScribeError } from '../errors.js';
import type { ParsedSave } from '../model/parsed-save.js';
import {
  StatementCache,
  StoreBase,
  ledgerFinishStatements,
  statementSizes,
  nowIso,
  saveColumns,
  saveRowValues,
  deleteSaveSql,
  type LedgerFinish,
  type Row,
  type SqlValue,
  failedWrite,
  ledgerRowFor,
} from './base.js';
import { checkSqliteLibrary, tooNew } from './library-check.js';
import { latestVersion, migrations } from './migrations.js';
import type { InsertOptions, InsertResult, SaveSource } from './store.js';
import { encodeSave, isEncodedSave, NULL_I32, type EncodedSave, type EncodedTable } from '../codec/encoded-save.js';
import { tableSpecs, type TableSpec } from './tables.js';
import { WalCheckpointer, walBytes } from './wal-checkpointer.js';

export interface SqliteStoreOptions {
  /** Rows per INSERT statement; 1 = one prepared single-row statement per row. */
  rowsPerStatement?: number;
  /** Test hook: migrate only up to this version. */
  targetVersion?: number;
  /** Checkpoint the WAL on a thread of its own (default true); false leaves SQLite's automatic checkpoints. */
  backgroundCheckpoints?: boolean;
}

/** Page size of a new library file. */
export const PAGE_SIZE = 16 * 1024;
/** SQLite's own default: checkpoint when a commit leaves this many WAL pages. */
const AUTO_CHECKPOINT_PAGES = 1000;
/** After a complete checkpoint the WAL file is reused and cut back to this size. */
const WAL_SIZE_LIMIT = 32 * 1024 * 1024;
/** A WAL file this large means the checkpoint thread is not keeping up: the writer checkpoints itself. */
const WAL_FORCE_CHECKPOINT = 256 * 1024 * 1024;

export const defaultRowsPerStatement = 256;

type Db = Database.Database;

/** Applies the migrations above the database's `user_version`, each in its own transaction. */
export function migrateSqlite(db: Db, target = latestVersion): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) throw tooNew(current);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sqlite);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

export function configureSqlite(db: Db): void {
  // Only takes effect on a new, empty file (an existing library keeps its page
  // size). Fewer WAL frames, page splits and B-tree levels per row than the 4 KB
  // default: about 10% less CPU per save on the benchmark corpus (docs/design.md).
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Off on purpose: see the top of this file.
  db.pragma('foreign_keys = OFF');
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
}

/**
 * Copies `n` rows of cells, from cell `src` on, into a statement's
 * parameters: an absent value (NaN, or NULL_I32 in int32 cells) becomes NULL
 * and a text cell its string's UTF-8 bytes. Generated per table and cell
 * type, so each cell's kind is in the code (this loop runs for every one of
 * a save's ~230,000 cells).
 */
type Bind = (cells: Float64Array | Int32Array, src: number, n: number, texts: readonly (Buffer | string)[], params: unknown[]) => void;

function compileBind(spec: TableSpec, absent: string): Bind {
  const body = ['let k = 0, s = src, v;', 'for (let r = 0; r < n; r++) {'];
  for (const kind of spec.kinds) body.push(`  v = cells[s++]; params[k++] = ${absent} ? null : ${kind === 'text' ? 'texts[v]' : 'v'};`);
  body.push('}');
  return new Function('cells', 'src', 'n', 'texts', 'params', body.join('\n')) as Bind;
}

interface TablePlan {
  spec: TableSpec;
  bind: Bind;
  bindI32: Bind;
  /** Parameters per row: the spec's fields (save_id is the statement's one `@save`). */
  width: number;
  sqlHead: string;
  rowSql: string;
  /** Per statement size: the statement and its reused parameter array. */
  statements: Map<number, { stmt: Database.Statement; params: unknown[] }>;
}

export class SqliteStore extends StoreBase {
  readonly backend = 'sqlite' as const;
  private readonly db: Db;
  private readonly rowsPerStatement: number;
  private readonly cache = new StatementCache<Database.Statement>(256);
  private readonly plans: TablePlan[];
  /** Text cells bind as UTF-8 Buffers (see the plans), or as strings in a database that is not UTF-8. */
  private readonly textAsBytes: boolean;
  private readonly backgroundCheckpoints: boolean;
  /** Started by the first write: a store opened only to read needs no thread. */
  private checkpointer: WalCheckpointer | null = null;

  private constructor(path: string, db: Db, rowsPerStatement: number, backgroundCheckpoints: boolean) {
    super(path);
    this.db = db;
    this.backgroundCheckpoints = backgroundCheckpoints;
    this.rowsPerStatement = Math.max(1, Math.floor(rowsPerStatement));
    // CAST reads the bytes in the database's encoding: UTF-8 for every library Scribe creates; a
    // UTF-16 file made by another tool gets its text bound as strings instead.
    this.textAsBytes = String(db.pragma('encoding', { simple: true })).toUpperCase() === 'UTF-8';
    const text = this.textAsBytes ? 'CAST(? AS TEXT)' : '?';
    this.plans = tableSpecs.map((spec) => {
      const cols = ['save_id', ...spec.columns];
      return {
        spec,
        bind: compileBind(spec, 'v !== v'),
        bindI32: compileBind(spec, `v === ${NULL_I32}`),
        width: spec.fields.length,
        sqlHead: `INSERT INTO ${spec.table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES `,
        // Binding is most of an insert's cost (~50 ns a number, ~100 ns a string through the driver):
        // - every row's save_id is the one named parameter, bound once per statement (~5% of a save's insert time);
        // - text goes in as its UTF-8 bytes, cast back to TEXT by SQLite: a Buffer binds without the driver
        //   converting a JS string each time (~6% less; the stored value is the same TEXT).
        rowSql: `(@save, ${spec.kinds.map((k) => (k === 'text' ? text : '?')).join(', ')})`,
        statements: new Map(),
      };
    });
  }

  /** Checks the file first (library-check.ts): a file Scribe must not use is refused untouched. */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    checkSqliteLibrary(path);
    const db = new Database(path);
    try {
      configureSqlite(db);
      const version = migrateSqlite(db, options.targetVersion ?? latestVersion);
      const wal = db.pragma('journal_mode', { simple: true }) === 'wal';
      const store = new SqliteStore(
        path,
        db,
        options.rowsPerStatement ?? defaultRowsPerStatement,
        wal && (options.backgroundCheckpoints ?? true),
      );
      store.schemaVersion = version;
      if (version === latestVersion) store.checkColumns();
      return store;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** Every column the writer needs must exist: a missing migration fails here, not mid-import. */
  private checkColumns(): void {
    for (const spec of tableSpecs) {
      const have = new Set((this.db.prepare(`PRAGMA table_info(${spec.table})`).all() as { name: string }[]).map((r) => r.name));
      const missing = ['save_id', ...spec.columns].filter((c) => !have.has(c));
      if (missing.length)
        throw new ScribeError('INTERNAL', `The library database lacks ${spec.table}.${missing.join(', ')}: a migration is missing.`);
    }
  }

  private stmt(sql: string): Database.Statement {
    return this.cache.getSync(sql, (text) => this.db.prepare(text));
  }

  // Primitives for the shared queries: synchronous inside.
  protected async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.stmt(sql).all(...params) as Row[];
  }

  protected async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.stmt(sql).run(...params).changes;
  }

  protected async transaction<T>(fn: () => Promise<T>): Promise<T> {
    // Every primitive above settles synchronously and calls are serialised,
    // so nothing else can run between BEGIN and COMMIT.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn();
      this.db.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  protected nameEqualsSql(column: string): string {
    return `${column} = ? COLLATE NOCASE`;
  }

  /** Raw handle for tests and tools (integrity checks, schema inspection). */
  get handle(): Db {
    return this.db;
  }

  // ---------------------------------------------------------------- writes

  private insertRows(plan: TablePlan, table: EncodedTable, texts: readonly (Buffer | string)[], saveId: number): void {
    const { width } = plan;
    const save = { save: saveId };
    let src = 0;
    for (const n of statementSizes(table.count, this.rowsPerStatement)) {
      let prepared = plan.statements.get(n);
      if (!prepared) {
        prepared = {
          stmt: this.db.prepare(plan.sqlHead + Array.from({ length: n }, () => plan.rowSql).join(', ')),
          params: new Array(n * width),
        };
        plan.statements.set(n, prepared);
      }
      (table.cells instanceof Int32Array ? plan.bindI32 : plan.bind)(table.cells, src, n, texts, prepared.params);
      src += n * width;
      prepared.stmt.run(prepared.params, save);
    }
  }

  private finishLedgerSync(f: LedgerFinish): void {
    const { update, insert } = ledgerFinishStatements(f);
    if (this.stmt(update.sql).run(update.params).changes === 0) this.stmt(insert.sql).run(insert.params);
  }

  private deleteSaveRows(saveId: number): boolean {
    let changes = 0;
    for (const sql of deleteSaveSql) changes = this.stmt(sql).run(saveId).changes;
    // The last statement deletes the saves row.
    return changes > 0;
  }

  /** Hands checkpoints to their thread at the first write; they come back here if it cannot run. */
  private startCheckpointer(): void {
    if (!this.backgroundCheckpoints || this.checkpointer) return;
    const setAuto = (pages: number) => {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${pages}`);
    };
    try {
      this.checkpointer = new WalCheckpointer(this.path, {
        onReady: () => setAuto(0),
        onLost: () => setAuto(AUTO_CHECKPOINT_PAGES),
      });
    } catch {
      // No worker threads here: SQLite keeps checkpointing in the commit.
    }
  }

  /** After each commit: wake the checkpoint thread, or checkpoint here if it has fallen far behind. */
  private afterCommit(): void {
    if (!this.checkpointer?.active) return;
    this.checkpointer.poke();
    if (walBytes(this.path) > WAL_FORCE_CHECKPOINT) this.db.pragma('wal_checkpoint(RESTART)');
  }

  protected async doInsertSave(input: ParsedSave | EncodedSave, source: SaveSource, opts: InsertOptions): Promise<InsertResult> {
    const t0 = performance.now();
    this.startCheckpointer();
    const write = (): InsertResult => {
      // Encoded in here, so a row the encoder refuses fails like any write: rolled back, ledger marked failed.
      const save = isEncodedSave(input) ? input : encodeSave(input);
      const meta = save.meta;
      const bySha = this.stmt('SELECT id FROM saves WHERE sha256 = ?').get(source.sha256) as { id: number } | undefined;
      const byTurn = this.stmt('SELECT id FROM saves WHERE game_id = ? AND turn = ?').get(meta.gameId, meta.turn) as
        { id: number } | undefined;
      const ledger = (status: 'imported' | 'skipped', saveId: number, code: SkipCode | null, message: string | null) =>
        this.finishLedgerSync(ledgerRowFor(source, status, code, message, saveId, performance.now() - t0));
      const replaced: number[] = [];
      if (!opts.replace) {
        const dup = bySha
          ? { code: 'ALREADY_IMPORTED' as const, id: bySha.id }
          : byTurn
            ? { code: 'DUPLICATE_TURN' as const, id: byTurn.id }
            : null;
        if (dup) {
          ledger('skipped', dup.id, dup.code, skipReasons[dup.code]);
          return { status: 'skipped', code: dup.code, message: skipReasons[dup.code], saveId: dup.id };
        }
      } else {
        for (const old of [bySha?.id, byTurn?.id]) {
          if (old !== undefined && !replaced.includes(old)) {
            this.deleteSaveRows(old);
            replaced.push(old);
          }
        }
      }
      const { values, gameOver } = saveRowValues(meta, source, nowIso());
      values[saveColumns.indexOf('game_over')] = gameOver ? 1 : 0;
      const saveId = Number(
        this.stmt(`INSERT INTO saves (${saveColumns.join(', ')}) VALUES (${saveColumns.map(() => '?').join(', ')})`).run(values)
          .lastInsertRowid,
      );
      const texts = this.textAsBytes ? save.strings.map((text) => Buffer.from(text, 'utf8')) : save.strings;
      for (const plan of this.plans) {
        const table = save.tables[plan.spec.list];
        if (table.count) this.insertRows(plan, table, texts, saveId);
      }
      // Files that pointed at a replaced save now point at its replacement.
      for (const old of replaced) this.stmt('UPDATE import_ledger SET save_id = ? WHERE save_id = ?').run(saveId, old);
      ledger('imported', saveId, null, null);
      return { status: 'imported', saveId };
    };
    try {
      const result = this.db.transaction(write).immediate();
      this.afterCommit();
      return result;
    } catch (err) {
      const failed = failedWrite(source, err, performance.now() - t0);
      try {
        if (failed.row) this.finishLedgerSync(failed.row);
      } catch {
        // The database itself is failing; the thrown error says why.
      }
      throw failed.error;
    }
  }

  protected async doDeleteSave(saveId: number): Promise<boolean> {
    const deleted = this.db
      .transaction(() => {
        this.stmt('DELETE FROM import_ledger WHERE save_id = ?').run(saveId);
        return this.deleteSaveRows(saveId);
      })
      .immediate();
    this.afterCommit();
    return deleted;
  }

  protected async doClose(): Promise<void> {
    // Its last checkpoint finishes first; closing the writer then checkpoints the rest and removes the WAL.
    await this.checkpointer?.stop();
    this.checkpointer = null;
    if (this.db.open) {
      try {
        this.db.pragma('optimize');
      } catch {
        // Best effort.
      }
      this.db.close();
    }
  }
}
