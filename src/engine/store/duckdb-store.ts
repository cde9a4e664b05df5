/**
 * The library on DuckDB through @duckdb/node-api, behind the same interface.
 * One connection; a save is one explicit transaction (writer.ts): the saves
 * row (its id drawn from the sequence), every child table through an
 * Appender as data chunks filled column by column from the encoded cells
 * (duckdb-chunks.ts; flushed inside the transaction), the ledger row,
 * COMMIT. Any error rolls the whole save back. DuckDB cannot cascade, so
 * deleting a save deletes its children table by table in one transaction.
 */
import {
  BOOLEAN,
  DuckDBDataChunk,
  DuckDBInstance,
  INTEGER,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { StoreBase } from './base.js';
import { nowIso } from './clock.js';
import type { Dialect } from './dialect.js';
import type { EncodedTable } from '../codec/encoded-save.js';
import { CHUNK_ROWS, ChunkFiller, SaveStrings, type ChunkColumn } from './duckdb-chunks.js';
import { checkDuckDbLibrary, duckDbInstanceOptions, duckDbProblem } from './library-check.js';
import { latestVersion, type Migration } from './migrations.js';
import { migrate, openSchema } from './schema.js';
import type { MigrationListener } from '../../shared/migration.js';
import { StatementCache } from './statements.js';
import { runAsync, type Steps } from './steps.js';
import { tableSpecs, type TableSpec } from './tables.js';
import type { Row, SqlValue } from './values.js';

export interface DuckDbStoreOptions {
  /** Test hook: migrate only up to this version. */
  targetVersion?: number;
  /**
   * WAL size that triggers an automatic checkpoint. DuckDB's default (16 MB,
   * about six saves) rewrites the tables' last row groups over and over;
   * a larger threshold halves the amortised write time.
   */
  checkpointThreshold?: string;
  /** Told how the conversion of a library from an older Scribe advances (stepped-migration.ts). */
  onMigrationProgress?: MigrationListener;
  /** Test hook: XML bytes of saves per conversion step. */
  migrationBatchXmlBytes?: number;
}

export const defaultCheckpointThreshold = '256MB';

const duckType = { int: INTEGER, text: VARCHAR, bool: BOOLEAN } as const;

function toJs(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

/** How to append one table: its database columns in order, each a cell of the row or NULL. */
interface AppendPlan {
  types: DuckDBType[];
  filler: ChunkFiller;
  appender: DuckDBAppender | null;
}

class DuckDbDialect implements Dialect {
  readonly backend = 'duckdb' as const;
  private plans = new Map<string, AppendPlan>();
  /** The strings of the save being written, as DuckDB lays them out (shared by its tables). */
  private saveStrings: SaveStrings | null = null;
  /** Prepared once: DuckDB spends about a millisecond parsing and planning a small statement. */
  private readonly prepared = new StatementCache<DuckDBPreparedStatement>(256, (stmt) => stmt.destroySync());

  constructor(readonly conn: DuckDBConnection) {}

  private async statement(sql: string, params: readonly SqlValue[]): Promise<DuckDBPreparedStatement> {
    const stmt = await this.prepared.get(sql, (text) => this.conn.prepare(text));
    stmt.clearBindings();
    if (params.length) stmt.bind(params as DuckDBValue[]);
    return stmt;
  }

  async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const reader = await (await this.statement(sql, params)).runAndReadAll();
    const rows = reader.getRowObjectsJS() as Row[];
    for (const r of rows) for (const k of Object.keys(r)) r[k] = toJs(r[k]);
    return rows;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await (await this.statement(sql, params)).run();
    return Number(result.rowsChanged);
  }

  async begin(): Promise<void> {
    await this.conn.run('BEGIN TRANSACTION');
  }

  async commit(): Promise<void> {
    await this.conn.run('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.conn.run('ROLLBACK').catch(() => undefined);
  }

  nameEqualsSql(column: string): string {
    return `lower(${column}) = lower(?)`;
  }

  keyEqualsSql(column: string): string {
    return `${column} = ?`;
  }

  historyPointsSql(alias: string): { join: string; turn: string; value: string } {
    return { join: '', turn: `${alias}.turn`, value: `${alias}.value` };
  }

  async schemaVersion(): Promise<number> {
    await this.conn.run(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    // Not prepared: a prepared max() can be answered from the statistics it was planned with, and a migration
    // that only changes data (no catalog change to force a re-plan) would then still read the version before it.
    const rows = (await this.conn.runAndReadAll('SELECT coalesce(max(version), 0) AS v FROM schema_version')).getRowsJS();
    return Number(rows[0]![0]);
  }

  async runScript(sql: string): Promise<void> {
    await this.conn.run(sql);
  }

  /**
   * DuckDB's VACUUM reclaims nothing; a checkpoint writes the tables out
   * without the dropped ones' blocks, which the file reuses (and drops when
   * they are at its end).
   */
  async reclaimSpace(): Promise<void> {
    await this.conn.run('CHECKPOINT');
  }

  async recordVersion(m: Migration): Promise<void> {
    await this.conn.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, nowIso()]);
  }

  async columnsOf(table: string): Promise<string[]> {
    const rows = await this.all(
      `SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = ? ORDER BY ordinal_position`,
      [table],
    );
    return rows.map((r) => String(r.column_name));
  }

  planAppends(columns: ReadonlyMap<string, readonly string[]>): void {
    this.discardAppenders();
    this.plans = new Map();
    for (const [table, dbCols] of columns) {
      const spec = tableSpecOf(table);
      const cols: ChunkColumn[] = dbCols.map((c) => {
        if (c === 'save_id') return { kind: 'save_id', cell: -1 };
        const cell = spec.columns.indexOf(c);
        // A column the writer does not know (added by a later Scribe's migration): NULL.
        return cell < 0 ? { kind: 'null', cell: -1 } : { kind: spec.kinds[cell]!, cell };
      });
      this.plans.set(table, {
        types: cols.map((c) => (c.kind === 'save_id' || c.kind === 'null' ? INTEGER : duckType[c.kind])),
        filler: new ChunkFiller(cols),
        appender: null,
      });
    }
  }

  bindBool(value: boolean): SqlValue {
    // DuckDB binds a JS boolean as BOOLEAN; SqlValue leaves booleans out because SQLite's driver refuses them.
    return value as unknown as SqlValue;
  }

  /** The rows as data chunks, each filled column by column from the cells: no row objects. */
  async appendRows(spec: TableSpec, table: EncodedTable, strings: readonly string[], saveId: number): Promise<void> {
    const plan = this.plans.get(spec.table)!;
    plan.appender ??= await this.conn.createAppender(spec.table);
    const width = spec.fields.length;
    if (this.saveStrings?.strings !== strings) this.saveStrings = new SaveStrings(strings);
    for (let first = 0; first < table.count; first += CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, table.count - first);
      const chunk = DuckDBDataChunk.create(plan.types, n);
      plan.filler.fill(chunk.chunk, table.cells, first, width, n, this.saveStrings, saveId);
      plan.appender.appendDataChunk(chunk);
    }
    plan.appender.flushSync();
  }

  /**
   * One thread while an import runs. DuckDB's second thread takes the small
   * tasks of each append and commit off the calling one, and the hand-offs
   * cost more CPU than they save on a machine whose cores the parse workers
   * want: 32 typical saves ~4% faster (266: 19.2 -> 18.4 s) for ~5-10% less
   * CPU (docs/design.md). Only during the run: `threads` is the whole
   * instance's, and the library's own queries afterwards get every core.
   */
  async bulkWrites(on: boolean): Promise<void> {
    await this.conn.run(on ? 'SET threads = 1' : 'RESET threads');
  }

  afterCommit(): void {
    this.saveStrings = null;
  }

  afterRollback(): void {
    this.saveStrings = null;
    this.discardAppenders();
  }

  /** After a failure an appender may hold rows or be unusable: drop them all. */
  private discardAppenders(): void {
    for (const plan of this.plans.values()) {
      if (!plan.appender) continue;
      try {
        plan.appender.clear();
      } catch {
        // Unusable; closing below is best effort too.
      }
      try {
        plan.appender.closeSync();
      } catch {
        // The failed transaction refuses the flush; nothing to keep.
      }
      plan.appender = null;
    }
  }

  close(): void {
    this.discardAppenders();
    this.prepared.clear();
    this.conn.closeSync();
  }
}

function tableSpecOf(table: string): TableSpec {
  return tableSpecs.find((s) => s.table === table)!;
}

/** Applies the migrations above the recorded version, each in its own transaction (for tools and tests on a raw connection). */
export function migrateDuckDb(conn: DuckDBConnection, target = latestVersion): Promise<number> {
  return runAsync(migrate(new DuckDbDialect(conn), target));
}

export class DuckDbStore extends StoreBase {
  readonly backend = 'duckdb' as const;
  private readonly instance: DuckDBInstance;
  private readonly dialect: DuckDbDialect;

  private constructor(path: string, instance: DuckDBInstance, dialect: DuckDbDialect) {
    super(path, dialect);
    this.instance = instance;
    this.dialect = dialect;
  }

  /** Checks the file first (library-check.ts): a file Scribe must not use is refused untouched. */
  static async open(path: string, options: DuckDbStoreOptions = {}): Promise<DuckDbStore> {
    await checkDuckDbLibrary(path);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, duckDbInstanceOptions);
    } catch (err) {
      throw duckDbProblem(err) ?? err;
    }
    let conn: DuckDBConnection | null = null;
    try {
      conn = await instance.connect();
      await conn.run(`SET checkpoint_threshold = '${(options.checkpointThreshold ?? defaultCheckpointThreshold).replace(/'/g, '')}'`);
      const dialect = new DuckDbDialect(conn);
      const store = new DuckDbStore(path, instance, dialect);
      store.schemaVersion = await runAsync(
        openSchema(dialect, options.targetVersion ?? latestVersion, {
          onProgress: options.onMigrationProgress,
          batchXmlBytes: options.migrationBatchXmlBytes,
        }),
      );
      return store;
    } catch (err) {
      conn?.closeSync();
      instance.closeSync();
      throw err;
    }
  }

  protected runSteps<T>(steps: Steps<T>): Promise<T> {
    return runAsync(steps);
  }

  /** Raw connection for tests and tools. */
  get connection(): DuckDBConnection {
    return this.dialect.conn;
  }

  protected async doClose(): Promise<void> {
    this.dialect.close();
    this.instance.closeSync();
  }
}
