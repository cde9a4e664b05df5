/**
 * The import ledger: one row per file ever offered, its SQL and its rows.
 * Every statement here is the common subset of SQLite and DuckDB.
 */
import type { FailureCode, SkipCode } from '../../shared/errors.js';
import type { LedgerEntry, LedgerPage, LedgerQuery, LedgerStatus } from '../../shared/library.js';
import { nowIso } from './clock.js';
import { inTransaction, type SqlRunner } from './sql-runner.js';
import { statementSizes } from './statements.js';
import { runAsync, wait, type Steps } from './steps.js';
import type { LedgerFile, LedgerHashed, SaveSource } from './store.js';
import { num, numOrNull, str, type Row, type SqlValue } from './values.js';

export const defaultListLimit = 100;
export const maxListLimit = 10_000;

const ledgerColumns =
  'path, size, mtime_ms, sha256, status, code, message, save_id, queued_at, started_at, finished_at, updated_at, parse_ms, write_ms, attempts';

function toLedgerEntry(r: Row): LedgerEntry {
  return {
    path: String(r.path),
    size: num(r.size),
    mtimeMs: num(r.mtime_ms),
    sha256: str(r.sha256),
    status: r.status as LedgerStatus,
    code: str(r.code) as LedgerEntry['code'],
    message: str(r.message),
    saveId: numOrNull(r.save_id),
    attempts: num(r.attempts ?? 0),
    queuedAt: str(r.queued_at),
    startedAt: str(r.started_at),
    finishedAt: str(r.finished_at),
    updatedAt: String(r.updated_at),
    parseMs: numOrNull(r.parse_ms),
    writeMs: numOrNull(r.write_ms),
  };
}

export interface LedgerFinish {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string | null;
  status: 'imported' | 'skipped' | 'failed';
  code: SkipCode | FailureCode | null;
  message: string | null;
  saveId: number | null;
  parseMs: number | null;
  writeMs: number | null;
}

/** The ledger row that ends a file's write, stamped with what its source says. */
export function ledgerRowFor(
  source: SaveSource,
  status: LedgerFinish['status'],
  code: LedgerFinish['code'],
  message: string | null,
  saveId: number | null,
  writeMs: number,
): LedgerFinish {
  return {
    path: source.path,
    size: source.size,
    mtimeMs: source.mtimeMs,
    sha256: source.sha256,
    status,
    code,
    message,
    saveId,
    parseMs: source.parseMs ?? null,
    writeMs,
  };
}

/**
 * A finished file (imported/skipped/failed): UPDATE the row, and INSERT it
 * when the update changed nothing. (DuckDB runs this pair several times
 * faster than INSERT ... ON CONFLICT DO UPDATE.) An unknown hash is kept when
 * size and mtime did not change; attempts stay at least 1.
 */
export function* writeLedgerRow(db: SqlRunner, f: LedgerFinish): Steps<void> {
  const now = nowIso();
  const set: string[] = [];
  const params: SqlValue[] = [];
  if (f.sha256 !== null) {
    set.push('sha256 = ?');
    params.push(f.sha256);
  } else {
    set.push('sha256 = CASE WHEN size = ? AND mtime_ms = ? THEN sha256 ELSE NULL END');
    params.push(f.size, f.mtimeMs);
  }
  set.push(
    'size = ?',
    'mtime_ms = ?',
    'status = ?',
    'code = ?',
    'message = ?',
    'save_id = ?',
    'finished_at = ?',
    'updated_at = ?',
    'write_ms = ?',
  );
  params.push(f.size, f.mtimeMs, f.status, f.code, f.message, f.saveId, now, now, f.writeMs);
  if (f.parseMs !== null) {
    set.push('parse_ms = ?');
    params.push(f.parseMs);
  }
  set.push('attempts = CASE WHEN attempts > 0 THEN attempts ELSE 1 END');
  params.push(f.path);
  if ((yield* wait(db.run(`UPDATE import_ledger SET ${set.join(', ')} WHERE path = ?`, params))) > 0) return;
  yield* wait(
    db.run(
      `INSERT INTO import_ledger (path, size, mtime_ms, sha256, status, code, message, save_id, finished_at, updated_at, parse_ms, write_ms, attempts)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      [f.path, f.size, f.mtimeMs, f.sha256, f.status, f.code, f.message, f.saveId, now, now, f.parseMs, f.writeMs],
    ),
  );
}

/** Files that pointed at a replaced save now point at its replacement. */
export function* repointLedger(db: SqlRunner, from: number, to: number): Steps<void> {
  yield* wait(db.run('UPDATE import_ledger SET save_id = ? WHERE save_id = ?', [to, from]));
}

/** Deleting a save forgets the files that held it: they import afresh. */
export function* forgetSaveInLedger(db: SqlRunner, saveId: number): Steps<void> {
  yield* wait(db.run('DELETE FROM import_ledger WHERE save_id = ?', [saveId]));
}

/**
 * Queue: a row whose size or mtime changed forgets its hash and save (the
 * content is not known any more); an unchanged one keeps them.
 */
const ledgerQueueHead = `INSERT INTO import_ledger (path, size, mtime_ms, status, queued_at, updated_at, attempts) VALUES `;
const ledgerQueueTail = `
ON CONFLICT (path) DO UPDATE SET
  sha256 = CASE WHEN import_ledger.size = excluded.size AND import_ledger.mtime_ms = excluded.mtime_ms THEN import_ledger.sha256 ELSE NULL END,
  save_id = CASE WHEN import_ledger.size = excluded.size AND import_ledger.mtime_ms = excluded.mtime_ms THEN import_ledger.save_id ELSE NULL END,
  size = excluded.size,
  mtime_ms = excluded.mtime_ms,
  status = 'queued',
  code = NULL,
  message = NULL,
  queued_at = excluded.queued_at,
  started_at = NULL,
  finished_at = NULL,
  updated_at = excluded.updated_at,
  parse_ms = NULL,
  write_ms = NULL`;

function ledgerQueueSql(rows: number): string {
  return ledgerQueueHead + Array.from({ length: rows }, () => "(?, ?, ?, 'queued', ?, ?, 0)").join(', ') + ledgerQueueTail;
}

/** Rows per queue statement. */
const ledgerQueueBatch = 256;

function statusList(statuses: readonly LedgerStatus[]): { sql: string; params: SqlValue[] } {
  if (statuses.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: `status IN (${statuses.map(() => '?').join(', ')})`, params: [...statuses] };
}

export async function ledgerQueue(db: SqlRunner, files: readonly LedgerFile[]): Promise<void> {
  const byPath = new Map<string, LedgerFile>();
  for (const f of files) byPath.set(f.path, f);
  const unique = [...byPath.values()];
  if (unique.length === 0) return;
  const now = nowIso();
  await inTransaction(db, async () => {
    let i = 0;
    for (const n of statementSizes(unique.length, ledgerQueueBatch)) {
      const params: SqlValue[] = [];
      for (const f of unique.slice(i, i + n)) params.push(f.path, f.size, f.mtimeMs, now, now);
      await db.run(ledgerQueueSql(n), params);
      i += n;
    }
  });
}

export async function ledgerMarkImporting(db: SqlRunner, path: string): Promise<void> {
  const now = nowIso();
  const changed = await db.run(
    `UPDATE import_ledger SET status = 'importing', code = NULL, message = NULL, started_at = ?, finished_at = NULL, updated_at = ?, attempts = attempts + 1 WHERE path = ?`,
    [now, now, path],
  );
  if (changed === 0) throw new Error(`Not in the import ledger: ${path}`);
}

/** A file finished outside a save's write (skipped or failed before it reached the database). */
export async function ledgerFinish(
  db: SqlRunner,
  path: string,
  hashed: LedgerHashed | null | undefined,
  f: Pick<LedgerFinish, 'status' | 'code' | 'message' | 'saveId'> & { parseMs?: number | null },
): Promise<void> {
  let file = hashed;
  if (!file) {
    const [r] = await db.all('SELECT size, mtime_ms, sha256 FROM import_ledger WHERE path = ?', [path]);
    file = { size: r ? num(r.size) : 0, mtimeMs: r ? num(r.mtime_ms) : 0, sha256: '' };
  }
  await runAsync(
    writeLedgerRow(db, {
      path,
      size: file.size,
      mtimeMs: file.mtimeMs,
      sha256: file.sha256 || null,
      ...f,
      parseMs: f.parseMs ?? null,
      writeMs: null,
    }),
  );
}

export async function ledgerLookup(db: SqlRunner, path: string): Promise<LedgerEntry | null> {
  const [r] = await db.all(`SELECT ${ledgerColumns} FROM import_ledger WHERE path = ?`, [path]);
  return r ? toLedgerEntry(r) : null;
}

export async function knownSaves(db: SqlRunner): Promise<[sha256: string, saveId: number][]> {
  const rows = await db.all('SELECT sha256, id FROM saves WHERE sha256 IS NOT NULL');
  return rows.map((r) => [String(r.sha256), Number(r.id)] as [string, number]);
}

export async function ledgerFindBySha(db: SqlRunner, sha256: string): Promise<LedgerEntry | null> {
  const [r] = await db.all(
    `SELECT ${ledgerColumns} FROM import_ledger WHERE sha256 = ?
     ORDER BY CASE WHEN save_id IS NULL THEN 1 ELSE 0 END, CASE WHEN status = 'imported' THEN 0 ELSE 1 END, updated_at DESC, path
     LIMIT 1`,
    [sha256],
  );
  return r ? toLedgerEntry(r) : null;
}

export async function ledgerByStatus(db: SqlRunner, statuses: readonly LedgerStatus[]): Promise<LedgerEntry[]> {
  const s = statusList(statuses);
  const rows = await db.all(`SELECT ${ledgerColumns} FROM import_ledger WHERE ${s.sql} ORDER BY queued_at, path`, s.params);
  return rows.map(toLedgerEntry);
}

export async function ledgerPathsByStatus(db: SqlRunner, statuses: readonly LedgerStatus[]): Promise<string[]> {
  const s = statusList(statuses);
  const rows = await db.all(`SELECT path FROM import_ledger WHERE ${s.sql} ORDER BY queued_at, path`, s.params);
  return rows.map((r) => String(r.path));
}

export async function ledgerCountByStatus(db: SqlRunner, statuses: readonly LedgerStatus[]): Promise<number> {
  const s = statusList(statuses);
  const [r] = await db.all(`SELECT count(*) AS n FROM import_ledger WHERE ${s.sql}`, s.params);
  return num(r!.n);
}

export async function ledgerForget(db: SqlRunner, paths: readonly string[]): Promise<number> {
  const unique = [...new Set(paths)];
  if (unique.length === 0) return 0;
  return inTransaction(db, async () => {
    let forgotten = 0;
    let i = 0;
    for (const n of statementSizes(unique.length, ledgerQueueBatch)) {
      const batch = unique.slice(i, i + n);
      forgotten += await db.run(`DELETE FROM import_ledger WHERE path IN (${batch.map(() => '?').join(', ')})`, batch);
      i += n;
    }
    return forgotten;
  });
}

export async function ledgerHistory(db: SqlRunner, query: LedgerQuery): Promise<LedgerPage> {
  const s = query.status ? statusList([query.status]) : { sql: '1 = 1', params: [] as SqlValue[] };
  const limit = Math.max(0, Math.min(maxListLimit, Math.floor(query.limit ?? defaultListLimit)));
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const [c] = await db.all(`SELECT count(*) AS n FROM import_ledger WHERE ${s.sql}`, s.params);
  const rows = await db.all(`SELECT ${ledgerColumns} FROM import_ledger WHERE ${s.sql} ORDER BY updated_at DESC, path LIMIT ? OFFSET ?`, [
    ...s.params,
    limit,
    offset,
  ]);
  return { total: num(c!.n), items: rows.map(toLedgerEntry) };
}
