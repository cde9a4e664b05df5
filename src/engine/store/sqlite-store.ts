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
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite-driver.js';
import { compileBind, type Bind } from '../codegen/index.js';
import type { Dialect } from './dialect.js';
import { NULL_I32, type EncodedTable } from '../codec/encoded-save.js';
import { checkSqliteLibrary } from './library-check.js';
import { latestVersion, type Migration } from './migrations.js';
import { migrate, openSchema, type MigrateOptions } from './schema.js';
import type { MigrationListener } from '../../shared/migration.js';
import { StoreBase } from './base.js';
import { StatementCache, statementSizes } from './statements.js';
import { runAsync, runSync, type Steps } from './steps.js';
import { tableSpecs, type TableSpec } from './tables.js';
import { packRows, storedColumns } from './packing.js';
import type { Row, SqlValue } from './values.js';
import { WalCheckpointer, walBytes } from './wal-checkpointer.js';

export interface SqliteStoreOptions {
  /** Rows per INSERT statement; 1 = one prepared single-row statement per row. */
  rowsPerStatement?: number;
  /** Test hook: migrate only up to this version. */
  targetVersion?: number;
  /** Checkpoint the WAL on a thread of its own (default true); false leaves SQLite's automatic checkpoints. */
  backgroundCheckpoints?: boolean;
  /** Told how the conversion of a library from an older Scribe advances (stepped-migration.ts). */
  onMigrationProgress?: MigrationListener;
  /** Test hook: XML bytes of saves per conversion step. */
  migrationBatchXmlBytes?: number;
  /** Test hook (openAsync): awaited after each progress report, so a test can look at a conversion mid-way. */
  migrationPause?: () => Promise<void>;
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

interface TablePlan {
  spec: TableSpec;
  bind: Bind;
  bindI32: Bind;
  /** Parameters per row: the spec's fields (save_id is the statement's one `@save`). */
  width: number;
  sqlHead: string;
  rowSql: string;
  /** Whether the rows go in packed (packing.ts). */
  packed: boolean;
  /** Per statement size: the statement and its reused parameter array. */
  statements: Map<number, { stmt: Database.Statement; params: unknown[] }>;
}

/** better-sqlite3 answers synchronously: every method here returns its value, never a promise. */
class SqliteDialect implements Dialect {
  readonly backend = 'sqlite' as const;
  private readonly cache = new StatementCache<Database.Statement>(256);
  private readonly plans = new Map<string, TablePlan>();
  private readonly rowsPerStatement: number;
  /** Text cells bind as UTF-8 Buffers (see the plans), or as strings in a database that is not UTF-8. */
  private textAsBytes = true;
  /** The last save's string table and the values its text cells bind as. */
  private lastStrings: readonly string[] | null = null;
  private lastTexts: readonly (Buffer | string)[] = [];
  /** A packed statement's bound group cells, reused. */
  private packedCells: unknown[] | null = null;
  /** Started by the first write: a store opened only to read needs no thread. */
  private checkpointer: WalCheckpointer | null = null;

  constructor(
    readonly db: Db,
    readonly path: string,
    rowsPerStatement: number,
    private readonly backgroundCheckpoints: boolean,
  ) {
    this.rowsPerStatement = Math.max(1, Math.floor(rowsPerStatement));
  }

  private stmt(sql: string): Database.Statement {
    return this.cache.getSync(sql, (text) => this.db.prepare(text));
  }

  all(sql: string, params: readonly SqlValue[] = []): Row[] {
    return this.stmt(sql).all(...params) as Row[];
  }

  run(sql: string, params: readonly SqlValue[] = []): number {
    return this.stmt(sql).run(...params).changes;
  }

  begin(): void {
    // Calls are serialised (base.ts) and every step is synchronous: nothing else runs between BEGIN and COMMIT.
    this.db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    this.db.exec('COMMIT');
  }

  rollback(): void {
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // A failed rollback leaves nothing to keep; the caller reports the first error.
    }
  }

  nameEqualsSql(column: string): string {
    return `${column} = ? COLLATE NOCASE`;
  }

  keyEqualsSql(column: string): string {
    return `${column} = (SELECT id FROM dictionary WHERE key = ?)`;
  }

  historyPointsSql(alias: string): { join: string; turn: string; value: string } {
    return { join: `JOIN json_each(${alias}.points) ${alias}_p`, turn: `CAST(${alias}_p.key AS INTEGER)`, value: `${alias}_p.value` };
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  runScript(sql: string): void {
    this.db.exec(sql);
  }

  recordVersion(m: Migration): void {
    this.db.pragma(`user_version = ${m.version}`);
  }

  /** VACUUM rewrites the file without its free pages; SQLite alone never shrinks it. */
  reclaimSpace(): void {
    this.db.exec('VACUUM');
  }

  columnsOf(table: string): string[] {
    return (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((r) => r.name);
  }

  planAppends(): void {
    // Inserts name their columns, so the database's column order does not matter here.
    // CAST reads the bytes in the database's encoding: UTF-8 for every library Scribe creates; a
    // UTF-16 file made by another tool gets its text bound as strings instead.
    this.textAsBytes = String(this.db.pragma('encoding', { simple: true })).toUpperCase() === 'UTF-8';
    const text = this.textAsBytes ? 'CAST(? AS TEXT)' : '?';
    for (const spec of tableSpecs) {
      // The writer has turned each dictionary cell into its id (dictionary.ts): those bind as numbers. A packed
      // table (packing.ts) binds its group cells and then each group's points as text.
      const columns = storedColumns(spec, 'sqlite');
      const cells = columns.filter((c) => c.field !== null);
      const stored = {
        ...spec,
        kinds: cells.map((c) => c.kind),
        fields: cells.map((c) => spec.fields[c.field!]!),
        columns: cells.map((c) => c.name),
      };
      this.plans.set(spec.table, {
        spec,
        bind: compileBind(stored, null).fn,
        bindI32: compileBind(stored, NULL_I32).fn,
        width: columns.length,
        sqlHead: `INSERT INTO ${spec.table} (${['save_id', ...columns.map((c) => c.name)].map((c) => `"${c}"`).join(', ')}) VALUES `,
        // Binding is most of an insert's cost (~50 ns a number, ~100 ns a string through the driver):
        // - every row's save_id is the one named parameter, bound once per statement (~5% of a save's insert time);
        // - text goes in as its UTF-8 bytes, cast back to TEXT by SQLite: a Buffer binds without the driver
        //   converting a JS string each time (~6% less; the stored value is the same TEXT).
        rowSql: `(@save, ${columns.map((c) => (c.kind === 'text' ? (c.field === null ? '?' : text) : '?')).join(', ')})`,
        packed: spec.packed !== null,
        statements: new Map(),
      });
    }
  }

  bindBool(value: boolean): SqlValue {
    return value ? 1 : 0;
  }

  /** Multi-row INSERTs of `rowsPerStatement` rows, bound straight from the cells. */
  appendRows(spec: TableSpec, table: EncodedTable, strings: readonly string[], saveId: number): void {
    const plan = this.plans.get(spec.table)!;
    if (strings !== this.lastStrings) {
      // Once per save: one Buffer per distinct string, bound wherever the string is.
      this.lastStrings = strings;
      this.lastTexts = this.textAsBytes ? strings.map((text) => Buffer.from(text, 'utf8')) : strings;
    }
    const packed = plan.packed ? packRows(spec, table) : null;
    const rows = packed ?? table;
    const { width } = plan;
    const save = { save: saveId };
    let src = 0;
    for (const n of statementSizes(rows.count, this.rowsPerStatement)) {
      const prepared = this.statementOf(plan, n);
      const params = prepared.params;
      if (packed) {
        // The group cells of the statement's rows, then each row's cells and points into its slots.
        const cellWidth = width - 1;
        const cells = (this.packedCells ??= []);
        cells.length = n * cellWidth;
        (packed.cells instanceof Int32Array ? plan.bindI32 : plan.bind)(packed.cells, src * cellWidth, n, this.lastTexts, cells);
        for (let r = 0; r < n; r++) {
          for (let c = 0; c < cellWidth; c++) params[r * width + c] = cells[r * cellWidth + c];
          params[r * width + cellWidth] = packed.points[src + r];
        }
        src += n;
      } else {
        (table.cells instanceof Int32Array ? plan.bindI32 : plan.bind)(table.cells, src, n, this.lastTexts, params);
        src += n * width;
      }
      prepared.stmt.run(params, save);
    }
  }

  private statementOf(plan: TablePlan, n: number): { stmt: Database.Statement; params: unknown[] } {
    let prepared = plan.statements.get(n);
    if (!prepared) {
      prepared = {
        stmt: this.db.prepare(plan.sqlHead + Array.from({ length: n }, () => plan.rowSql).join(', ')),
        params: new Array(n * plan.width),
      };
      plan.statements.set(n, prepared);
    }
    return prepared;
  }

  /** SQLite writes on this thread alone whatever the run: nothing to change. */
  bulkWrites(): void {}

  /** After each commit: start the checkpoint thread (first write) or wake it, or checkpoint here if it has fallen far behind. */
  afterCommit(): void {
    this.startCheckpointer();
    if (!this.checkpointer?.active) return;
    this.checkpointer.poke();
    if (walBytes(this.path) > WAL_FORCE_CHECKPOINT) this.db.pragma('wal_checkpoint(RESTART)');
  }

  afterRollback(): void {
    this.lastStrings = null;
    this.lastTexts = [];
  }

  /** Hands checkpoints to their thread; they come back here if it cannot run. */
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

  async close(): Promise<void> {
    // Its last checkpoint finishes first; closing the writer then checkpoints the rest and removes the WAL.
    await this.checkpointer?.stop();
    this.checkpointer = null;
    this.lastStrings = null;
    this.lastTexts = [];
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

/**
 * Applies the migrations above the database's `user_version`, each in its own transaction (for tools and tests
 * on a raw handle); `baseline: false` runs every one on a new database instead of the baseline (baseline.ts).
 */
export function migrateSqlite(db: Db, target = latestVersion, options: { baseline?: boolean } = {}): number {
  return runSync(migrate(new SqliteDialect(db, db.name, defaultRowsPerStatement, false), target, options));
}

function migrateOptions(options: SqliteStoreOptions): MigrateOptions {
  return { onProgress: options.onMigrationProgress, batchXmlBytes: options.migrationBatchXmlBytes };
}

export class SqliteStore extends StoreBase {
  readonly backend = 'sqlite' as const;
  private readonly dialect: SqliteDialect;

  private constructor(path: string, dialect: SqliteDialect) {
    super(path, dialect);
    this.dialect = dialect;
  }

  /** Checks the file first (library-check.ts): a file Scribe must not use is refused untouched. */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    const { store, dialect } = SqliteStore.connect(path, options);
    try {
      store.schemaVersion = runSync(openSchema(dialect, options.targetVersion ?? latestVersion, migrateOptions(options)));
      return store;
    } catch (err) {
      dialect.db.close();
      throw err;
    }
  }

  /**
   * As `open`, but a long migration lets the event loop run between its
   * steps (the driver is synchronous): the CLI's bar and the app's window
   * keep drawing the progress meanwhile.
   */
  static async openAsync(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
    const { store, dialect } = SqliteStore.connect(path, options);
    try {
      const breathe = async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        await options.migrationPause?.();
      };
      store.schemaVersion = await runAsync(
        openSchema(dialect, options.targetVersion ?? latestVersion, { ...migrateOptions(options), breathe }),
      );
      return store;
    } catch (err) {
      dialect.db.close();
      throw err;
    }
  }

  /** The checked file, open and configured, before its schema. */
  private static connect(path: string, options: SqliteStoreOptions): { store: SqliteStore; dialect: SqliteDialect } {
    checkSqliteLibrary(path);
    const db = openSqlite(path);
    try {
      configureSqlite(db);
      const wal = db.pragma('journal_mode', { simple: true }) === 'wal';
      const dialect = new SqliteDialect(
        db,
        path,
        options.rowsPerStatement ?? defaultRowsPerStatement,
        wal && (options.backgroundCheckpoints ?? true),
      );
      return { store: new SqliteStore(path, dialect), dialect };
    } catch (err) {
      db.close();
      throw err;
    }
  }

  protected runSteps<T>(steps: Steps<T>): Promise<T> {
    try {
      return Promise.resolve(runSync(steps));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /** Raw handle for tests and tools (integrity checks, schema inspection). */
  get handle(): Db {
    return this.dialect.db;
  }

  protected doClose(): Promise<void> {
    return this.dialect.close();
  }
}
