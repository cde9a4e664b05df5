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
 */
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { skipReasons, type SkipCode } from '../../shared/errors.js';
import { ScribeError } from '../errors.js';
import type { ParsedSave } from '../reader/parsed-save.js';
import {
  StatementCache,
  StoreBase,
  ledgerFinishStatements,
  statementSizes,
  nowIso,
  saveColumns,
  saveRowValues,
  type LedgerFinish,
  type Row,
  type SqlValue,
} from './base.js';
import { latestVersion, migrations } from './migrations.js';
import type { InsertOptions, InsertResult, SaveSource } from './store.js';
import { tableSpecs, type ColumnKind, type TableSpec } from './tables.js';

export interface SqliteStoreOptions {
  /** Rows per INSERT statement; 1 = one prepared single-row statement per row. */
  rowsPerStatement?: number;
  /** Test hook: migrate only up to this version. */
  targetVersion?: number;
}

export const defaultRowsPerStatement = 256;

type Db = Database.Database;

/** Applies the migrations above the database's `user_version`, each in its own transaction. */
export function migrateSqlite(db: Db, target = latestVersion): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) {
    throw new ScribeError(
      'INTERNAL',
      `The library database has schema version ${current}, newer than this Scribe understands (${latestVersion}). Update Scribe.`,
    );
  }
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
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
}

type FlattenFn = (rows: readonly object[], start: number, count: number, saveId: number, out: unknown[]) => void;

/**
 * Compiles the parameter flattening of one table: save_id then each field,
 * booleans as 0/1 (SQLite has no boolean to bind), undefined as NULL.
 * Generated so each field is a constant property load, not a keyed lookup.
 */
export function compileFlatten(fields: readonly string[], kinds: readonly ColumnKind[]): FlattenFn {
  const body = [
    'let k = 0;',
    'for (let r = start; r < start + count; r++) {',
    '  const row = rows[r];',
    '  let v;',
    '  out[k++] = saveId;',
  ];
  fields.forEach((f, i) => {
    body.push(`  v = row[${JSON.stringify(f)}];`);
    body.push(
      kinds[i] === 'bool'
        ? '  out[k++] = v === true ? 1 : v === false ? 0 : v === undefined ? null : v;'
        : '  out[k++] = v === undefined ? null : v;',
    );
  });
  body.push('}');
  return new Function('rows', 'start', 'count', 'saveId', 'out', body.join('\n')) as FlattenFn;
}

interface TablePlan {
  spec: TableSpec;
  width: number;
  flatten: FlattenFn;
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

  private constructor(path: string, db: Db, rowsPerStatement: number) {
    super(path);
    this.db = db;
    this.rowsPerStatement = Math.max(1, Math.floor(rowsPerStatement));
    this.plans = tableSpecs.map((spec) => {
      const cols = ['save_id', ...spec.columns];
      return {
        spec,
        width: cols.length,
        flatten: compileFlatten(spec.fields, spec.kinds),
        sqlHead: `INSERT INTO ${spec.table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES `,
        rowSql: `(${cols.map(() => '?').join(', ')})`,
        statements: new Map(),
      };
    });
  }

  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    const db = new Database(path);
    try {
      configureSqlite(db);
      const version = migrateSqlite(db, options.targetVersion ?? latestVersion);
      const store = new SqliteStore(path, db, options.rowsPerStatement ?? defaultRowsPerStatement);
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

  private insertRows(plan: TablePlan, rows: readonly object[], saveId: number): void {
    const { width } = plan;
    let i = 0;
    for (const n of statementSizes(rows.length, this.rowsPerStatement)) {
      let prepared = plan.statements.get(n);
      if (!prepared) {
        prepared = {
          stmt: this.db.prepare(plan.sqlHead + Array.from({ length: n }, () => plan.rowSql).join(', ')),
          params: new Array(n * width),
        };
        plan.statements.set(n, prepared);
      }
      plan.flatten(rows, i, n, saveId, prepared.params);
      prepared.stmt.run(prepared.params);
      i += n;
    }
  }

  private finishLedgerSync(f: LedgerFinish): void {
    const { update, insert } = ledgerFinishStatements(f);
    if (this.stmt(update.sql).run(update.params).changes === 0) this.stmt(insert.sql).run(insert.params);
  }

  private deleteSaveRows(saveId: number): boolean {
    // Children go by ON DELETE CASCADE.
    return this.stmt('DELETE FROM saves WHERE id = ?').run(saveId).changes > 0;
  }

  protected async doInsertSave(save: ParsedSave, source: SaveSource, opts: InsertOptions): Promise<InsertResult> {
    const t0 = performance.now();
    const meta = save.meta;
    const write = (): InsertResult => {
      const bySha = this.stmt('SELECT id FROM saves WHERE sha256 = ?').get(source.sha256) as { id: number } | undefined;
      const byTurn = this.stmt('SELECT id FROM saves WHERE game_id = ? AND turn = ?').get(meta.gameId, meta.turn) as
        { id: number } | undefined;
      const ledger = (status: 'imported' | 'skipped', saveId: number, code: SkipCode | null, message: string | null) =>
        this.finishLedgerSync({
          path: source.path,
          size: source.size,
          mtimeMs: source.mtimeMs,
          sha256: source.sha256,
          status,
          code,
          message,
          saveId,
          parseMs: source.parseMs ?? null,
          writeMs: performance.now() - t0,
        });
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
      for (const plan of this.plans) {
        const rows = save[plan.spec.list] as readonly object[];
        if (rows.length) this.insertRows(plan, rows, saveId);
      }
      // Files that pointed at a replaced save now point at its replacement.
      for (const old of replaced) this.stmt('UPDATE import_ledger SET save_id = ? WHERE save_id = ?').run(saveId, old);
      ledger('imported', saveId, null, null);
      return { status: 'imported', saveId };
    };
    try {
      return this.db.transaction(write).immediate();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const message = `The save could not be written to the database: ${reason}`;
      try {
        this.finishLedgerSync({
          path: source.path,
          size: source.size,
          mtimeMs: source.mtimeMs,
          sha256: source.sha256,
          status: 'failed',
          code: 'DB_WRITE_FAILED',
          message,
          saveId: null,
          parseMs: source.parseMs ?? null,
          writeMs: performance.now() - t0,
        });
      } catch {
        // The database itself is failing; the thrown error says why.
      }
      throw new ScribeError('DB_WRITE_FAILED', message);
    }
  }

  protected async doDeleteSave(saveId: number): Promise<boolean> {
    return this.db
      .transaction(() => {
        this.stmt('DELETE FROM import_ledger WHERE save_id = ?').run(saveId);
        return this.deleteSaveRows(saveId);
      })
      .immediate();
  }

  protected async doClose(): Promise<void> {
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
