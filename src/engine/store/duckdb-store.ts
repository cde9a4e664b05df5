/**
 * The library on DuckDB through @duckdb/node-api, behind the same interface.
 * One connection; a save is one explicit transaction: the saves row (its id
 * drawn from the sequence), every child table through an Appender (flushed
 * inside the transaction), the ledger row, COMMIT. Any error rolls the whole
 * save back. DuckDB cannot cascade, so deleting a save deletes its children
 * table by table in one transaction.
 */
import {
  DuckDBInstance,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
  type DuckDBValue,
} from '@duckdb/node-api';
import { performance } from 'node:perf_hooks';
import { skipReasons, type SkipCode } from '../../shared/errors.js';
import { ScribeError } from '../errors.js';
import type { ParsedSave } from '../model/parsed-save.js';
import {
  StatementCache,
  StoreBase,
  deleteSaveSql,
  ledgerFinishStatements,
  nowIso,
  saveColumns,
  saveRowValues,
  type LedgerFinish,
  type Row,
  type SqlValue,
  failedWrite,
  ledgerRowFor,
} from './base.js';
import { checkDuckDbLibrary, duckDbInstanceOptions, duckDbProblem, tooNew } from './library-check.js';
import { latestVersion, migrations } from './migrations.js';
import type { InsertOptions, InsertResult, SaveSource } from './store.js';
import { decodeSave, isEncodedSave, type EncodedSave } from '../codec/encoded-save.js';
import { tableSpecs, type ColumnKind, type TableSpec } from './tables.js';

export interface DuckDbStoreOptions {
  /** Test hook: migrate only up to this version. */
  targetVersion?: number;
  /**
   * WAL size that triggers an automatic checkpoint. DuckDB's default (16 MB,
   * about six saves) rewrites the tables' last row groups over and over;
   * a larger threshold halves the amortised write time.
   */
  checkpointThreshold?: string;
}

export const defaultCheckpointThreshold = '256MB';

function toJs(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

async function query(conn: DuckDBConnection, sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
  const reader = await conn.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
  const rows = reader.getRowObjectsJS() as Row[];
  for (const r of rows) for (const k of Object.keys(r)) r[k] = toJs(r[k]);
  return rows;
}

async function currentVersion(conn: DuckDBConnection): Promise<number> {
  await conn.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const [r] = await query(conn, 'SELECT coalesce(max(version), 0) AS v FROM schema_version');
  return Number(r!.v);
}

/** Applies the migrations above the recorded version, each in its own transaction. */
export async function migrateDuckDb(conn: DuckDBConnection, target = latestVersion): Promise<number> {
  const current = await currentVersion(conn);
  if (current > latestVersion) throw tooNew(current);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    await conn.run('BEGIN TRANSACTION');
    try {
      await conn.run(m.duckdb);
      await conn.run('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, nowIso()]);
      await conn.run('COMMIT');
    } catch (err) {
      await conn.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
  return currentVersion(conn);
}

type AppendFn = (ap: DuckDBAppender, rows: readonly object[], saveId: number) => void;

/** How to append one table: the database's column order mapped onto row fields. */
interface AppendPlan {
  spec: TableSpec;
  append: AppendFn;
  appender: DuckDBAppender | null;
}

/**
 * Compiles the append loop of one table: one Appender call per value, in the
 * table's column order. Generated so each field is a constant property load
 * instead of a keyed lookup (the loop runs 25,000 times per save).
 * `slots`: per database column, 'save_id', null (a column the writer does
 * not know: NULL), or the row field.
 */
export function compileAppend(slots: readonly (string | null)[], kinds: Readonly<Record<string, ColumnKind>>): AppendFn {
  const body: string[] = ['for (let r = 0; r < rows.length; r++) {', '  const row = rows[r];', '  let v;'];
  for (const slot of slots) {
    if (slot === 'save_id') body.push('  ap.appendInteger(saveId);');
    else if (slot === null) body.push('  ap.appendNull();');
    else {
      body.push(`  v = row[${JSON.stringify(slot)}];`);
      const kind = kinds[slot];
      // Out-of-range numbers go as doubles and fail DuckDB's cast loudly.
      if (kind === 'int')
        body.push('  if (v == null) ap.appendNull(); else if ((v | 0) === v) ap.appendInteger(v); else ap.appendDouble(v);');
      else if (kind === 'text') body.push('  if (v == null) ap.appendNull(); else ap.appendVarchar(v);');
      else body.push('  if (v == null) ap.appendNull(); else ap.appendBoolean(v);');
    }
  }
  body.push('  ap.endRow();', '}');
  return new Function('ap', 'rows', 'saveId', body.join('\n')) as AppendFn;
}

export class DuckDbStore extends StoreBase {
  readonly backend = 'duckdb' as const;
  private readonly instance: DuckDBInstance;
  private readonly conn: DuckDBConnection;
  private plans: AppendPlan[] = [];
  /** Prepared once: DuckDB spends about a millisecond parsing and planning a small statement. */
  private readonly prepared = new StatementCache<DuckDBPreparedStatement>(256, (stmt) => stmt.destroySync());

  private constructor(path: string, instance: DuckDBInstance, conn: DuckDBConnection) {
    super(path);
    this.instance = instance;
    this.conn = conn;
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
      const version = await migrateDuckDb(conn, options.targetVersion ?? latestVersion);
      const store = new DuckDbStore(path, instance, conn);
      store.schemaVersion = version;
      if (version === latestVersion) await store.plan();
      return store;
    } catch (err) {
      conn?.closeSync();
      instance.closeSync();
      throw err;
    }
  }

  /** Reads each child table's column order; a column the writer needs and the table lacks is a missing migration. */
  private async plan(): Promise<void> {
    const cols = await query(
      this.conn,
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' ORDER BY table_name, ordinal_position`,
    );
    const byTable = new Map<string, string[]>();
    for (const c of cols) {
      const list = byTable.get(String(c.table_name)) ?? [];
      list.push(String(c.column_name));
      byTable.set(String(c.table_name), list);
    }
    this.plans = tableSpecs.map((spec) => {
      const dbCols = byTable.get(spec.table) ?? [];
      const missing = ['save_id', ...spec.columns].filter((c) => !dbCols.includes(c));
      if (missing.length)
        throw new ScribeError('INTERNAL', `The library database lacks ${spec.table}.${missing.join(', ')}: a migration is missing.`);
      const slots = dbCols.map((c) => (c === 'save_id' ? 'save_id' : (spec.fields[spec.columns.indexOf(c)] ?? null)));
      const kinds = Object.fromEntries(spec.fields.map((f, i) => [f, spec.kinds[i]!]));
      return { spec, append: compileAppend(slots, kinds), appender: null };
    });
  }

  private async statement(sql: string, params: readonly SqlValue[] | readonly DuckDBValue[]): Promise<DuckDBPreparedStatement> {
    const stmt = await this.prepared.get(sql, (text) => this.conn.prepare(text));
    stmt.clearBindings();
    if (params.length) stmt.bind(params as DuckDBValue[]);
    return stmt;
  }

  protected async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const reader = await (await this.statement(sql, params)).runAndReadAll();
    const rows = reader.getRowObjectsJS() as Row[];
    for (const r of rows) for (const k of Object.keys(r)) r[k] = toJs(r[k]);
    return rows;
  }

  protected async run(sql: string, params: readonly SqlValue[] | readonly DuckDBValue[] = []): Promise<number> {
    const result = await (await this.statement(sql, params)).run();
    return Number(result.rowsChanged);
  }

  protected async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.conn.run('COMMIT');
      return result;
    } catch (err) {
      await this.conn.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  protected nameEqualsSql(column: string): string {
    return `lower(${column}) = lower(?)`;
  }

  /** Raw connection for tests and tools. */
  get connection(): DuckDBConnection {
    return this.conn;
  }

  // ---------------------------------------------------------------- writes

  private async appenderFor(plan: AppendPlan): Promise<DuckDBAppender> {
    if (!plan.appender) plan.appender = await this.conn.createAppender(plan.spec.table);
    return plan.appender;
  }

  /** After a failure an appender may hold rows or be unusable: drop them all. */
  private discardAppenders(): void {
    for (const plan of this.plans) {
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

  private async finishLedgerRow(f: LedgerFinish): Promise<void> {
    const { update, insert } = ledgerFinishStatements(f);
    if ((await this.run(update.sql, update.params)) === 0) await this.run(insert.sql, insert.params);
  }

  private async deleteSaveRows(saveId: number): Promise<boolean> {
    let changes = 0;
    for (const sql of deleteSaveSql) changes = await this.run(sql, [saveId]);
    // The last statement deletes the saves row.
    return changes > 0;
  }

  protected async doInsertSave(input: ParsedSave | EncodedSave, source: SaveSource, opts: InsertOptions): Promise<InsertResult> {
    const t0 = performance.now();
    // The Appender takes values one call at a time either way; rows as objects are its natural input.
    const save = isEncodedSave(input) ? decodeSave(input) : input;
    const meta = save.meta;
    const ledger = (status: 'imported' | 'skipped', saveId: number, code: SkipCode | null, message: string | null) =>
      this.finishLedgerRow(ledgerRowFor(source, status, code, message, saveId, performance.now() - t0));
    await this.run('BEGIN TRANSACTION');
    try {
      // One round trip: the duplicates, and the new id (a sequence gap when skipped is harmless).
      const [screen] = await this.all(
        `SELECT nextval('saves_id_seq') AS next_id,
           (SELECT min(id) FROM saves WHERE sha256 = ?) AS by_sha,
           (SELECT min(id) FROM saves WHERE game_id = ? AND turn = ?) AS by_turn`,
        [source.sha256, meta.gameId, meta.turn],
      );
      const bySha = screen!.by_sha === null ? null : Number(screen!.by_sha);
      const byTurn = screen!.by_turn === null ? null : Number(screen!.by_turn);
      const replaced: number[] = [];
      if (!opts.replace) {
        const dup =
          bySha !== null
            ? { code: 'ALREADY_IMPORTED' as const, id: bySha }
            : byTurn !== null
              ? { code: 'DUPLICATE_TURN' as const, id: byTurn }
              : null;
        if (dup) {
          await ledger('skipped', dup.id, dup.code, skipReasons[dup.code]);
          await this.run('COMMIT');
          return { status: 'skipped', code: dup.code, message: skipReasons[dup.code], saveId: dup.id };
        }
      } else {
        for (const old of [bySha, byTurn]) {
          if (old !== null && !replaced.includes(old)) {
            await this.deleteSaveRows(old);
            replaced.push(old);
          }
        }
      }
      const { values, gameOver } = saveRowValues(meta, source, nowIso());
      const params: DuckDBValue[] = values;
      params[saveColumns.indexOf('game_over')] = gameOver;
      const saveId = Number(screen!.next_id);
      await this.run(`INSERT INTO saves (id, ${saveColumns.join(', ')}) VALUES (?, ${saveColumns.map(() => '?').join(', ')})`, [
        saveId,
        ...params,
      ]);
      for (const plan of this.plans) {
        const rows = save[plan.spec.list] as readonly object[];
        if (!rows.length) continue;
        const ap = await this.appenderFor(plan);
        plan.append(ap, rows, saveId);
        ap.flushSync();
      }
      for (const old of replaced) await this.run('UPDATE import_ledger SET save_id = ? WHERE save_id = ?', [saveId, old]);
      await ledger('imported', saveId, null, null);
      await this.run('COMMIT');
      return { status: 'imported', saveId };
    } catch (err) {
      await this.conn.run('ROLLBACK').catch(() => undefined);
      this.discardAppenders();
      const failed = failedWrite(source, err, performance.now() - t0);
      try {
        if (failed.row) await this.finishLedgerRow(failed.row);
      } catch {
        // The database itself is failing; the thrown error says why.
      }
      throw failed.error;
    }
  }

  protected async doDeleteSave(saveId: number): Promise<boolean> {
    return this.transaction(async () => {
      await this.run('DELETE FROM import_ledger WHERE save_id = ?', [saveId]);
      return this.deleteSaveRows(saveId);
    });
  }

  protected async doClose(): Promise<void> {
    this.discardAppenders();
    this.prepared.clear();
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
