/**
 * What both stores share: the library queries, the ledger statements, the
 * saves row, and the call serialisation. The SQL here is the common subset
 * of SQLite and DuckDB; each store supplies the three primitives.
 */
import type { FailureCode, SkipCode } from '../../shared/errors.js';
import { displayName } from '../../shared/format.js';
import { ScribeError } from '../errors.js';
import { databaseFailure } from '../db-failure.js';
import type {
  LedgerEntry,
  LedgerPage,
  LedgerQuery,
  LedgerStatus,
  LibraryTotals,
  SaveDetail,
  SaveDetailPlayer,
  SaveListQuery,
  SavePage,
  SavePlayerBrief,
  SaveSummary,
} from '../../shared/library.js';
import type { Backend } from '../../shared/settings.js';
import type { ParsedSave, SaveMeta } from '../model/parsed-save.js';
import type { EncodedSave } from '../codec/encoded-save.js';
import type { InsertOptions, InsertResult, LedgerFile, LedgerHashed, SaveSource, Store } from './store.js';
import { tableSpecs } from './tables.js';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export const defaultListLimit = 100;
export const maxListLimit = 10_000;

// ------------------------------------------------------------- value helpers

export const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n;

let lastStamp = 0;

/**
 * ISO 8601 UTC with microseconds, strictly increasing within the process, so
 * "most recently changed first" is exact even for changes in the same
 * millisecond.
 */
export function nowIso(): string {
  let t = Math.round((performance.timeOrigin + performance.now()) * 1000);
  if (t <= lastStamp) t = lastStamp + 1;
  lastStamp = t;
  const ms = Math.floor(t / 1000);
  return `${new Date(ms).toISOString().slice(0, 19)}.${String(t - Math.floor(ms / 1000) * 1_000_000).padStart(6, '0')}Z`;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function localDay(d: Date): string {
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * YYYY-MM-DD of the save's own date text ("20 September 2025",
 * "2025-09-20"), or of the file time when the text is not a date.
 */
export function saveDay(saveDate: string | null, mtimeMs: number): string {
  if (saveDate) {
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(saveDate.trim());
    if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    const t = Date.parse(saveDate);
    if (Number.isFinite(t)) {
      const d = new Date(t);
      if (d.getFullYear() >= 2000 && d.getFullYear() <= 2200) return localDay(d);
    }
  }
  return localDay(new Date(mtimeMs));
}

/** Column order of the saves row (after id). */
export const saveColumns = [
  'game_id',
  'game_name',
  'turn',
  'save_date',
  'save_day',
  'version',
  'mods',
  'dlc',
  'victory_enabled',
  'map_width',
  'map_class',
  'map_size',
  'map_aspect_ratio',
  'game_mode',
  'turn_style',
  'difficulty',
  'settings',
  'game_over',
  'winner_team',
  'winner_player_id',
  'winner_victory',
  'active_player',
  'xml_bytes',
  'source_path',
  'file_size',
  'file_mtime_ms',
  'sha256',
  'imported_at',
] as const;

/**
 * The saves row, in `saveColumns` order. `gameOver` comes back as a boolean
 * for the store to bind in its own way. Exhaustive over SaveMeta: a field
 * added there fails the compile here until it is stored.
 */
export function saveRowValues(meta: SaveMeta, source: SaveSource, importedAt: string): { values: SqlValue[]; gameOver: boolean } {
  const {
    gameId,
    gameName,
    turn,
    saveDate,
    version,
    mods,
    dlc,
    mapWidth,
    mapClass,
    mapSize,
    mapAspectRatio,
    gameMode,
    turnStyle,
    difficulty,
    settings,
    victoryEnabled,
    gameOver,
    winner,
    activePlayer,
    xmlBytes,
    ...rest
  } = meta;
  const unstored: Record<string, never> = rest;
  void unstored;
  const values: SqlValue[] = [
    gameId,
    gameName,
    turn,
    saveDate,
    saveDay(saveDate, source.mtimeMs),
    version,
    JSON.stringify(mods),
    JSON.stringify(dlc),
    JSON.stringify(victoryEnabled),
    mapWidth,
    mapClass,
    mapSize,
    mapAspectRatio,
    gameMode,
    turnStyle,
    difficulty,
    JSON.stringify(settings),
    null, // game_over: bound by the store
    winner?.team ?? null,
    winner?.playerId ?? null,
    winner?.victory ?? null,
    activePlayer,
    xmlBytes,
    source.path,
    source.size,
    source.mtimeMs,
    source.sha256,
    importedAt,
  ];
  return { values, gameOver };
}

export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * Prepared statements by SQL text, least recently used evicted past `max`:
 * the list queries vary with their filters and page size, so the set of
 * texts is open-ended.
 */
export class StatementCache<T> {
  private readonly map = new Map<string, T>();

  constructor(
    private readonly max: number,
    private readonly dispose: (stmt: T) => void = () => undefined,
  ) {}

  async get(sql: string, create: (sql: string) => Promise<T>): Promise<T> {
    const hit = this.take(sql);
    return hit !== undefined ? hit : this.put(sql, await create(sql));
  }

  getSync(sql: string, create: (sql: string) => T): T {
    const hit = this.take(sql);
    return hit !== undefined ? hit : this.put(sql, create(sql));
  }

  private take(sql: string): T | undefined {
    const hit = this.map.get(sql);
    if (hit !== undefined) {
      // Most recently used goes last.
      this.map.delete(sql);
      this.map.set(sql, hit);
    }
    return hit;
  }

  private put(sql: string, stmt: T): T {
    this.map.set(sql, stmt);
    if (this.map.size > this.max) {
      const [oldest, old] = this.map.entries().next().value as [string, T];
      this.map.delete(oldest);
      this.dispose(old);
    }
    return stmt;
  }

  clear(): void {
    for (const stmt of this.map.values()) this.dispose(stmt);
    this.map.clear();
  }
}

// -------------------------------------------------------------------- ledger

const ledgerColumns =
  'path, size, mtime_ms, sha256, status, code, message, save_id, queued_at, started_at, finished_at, updated_at, parse_ms, write_ms, attempts';

export function toLedgerEntry(r: Row): LedgerEntry {
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
 * What a failed write leaves: the ledger row marking the file failed and the
 * error to throw, in the same words on both backends. A database that cannot
 * write at all (disk full, locked) gets no row: the file stays unfinished for
 * `resume`, and the run stops on the error (db-failure.ts).
 */
export function failedWrite(source: SaveSource, err: unknown, writeMs: number): { row: LedgerFinish | null; error: ScribeError } {
  const wide = databaseFailure(err);
  if (wide) return { row: null, error: wide };
  const reason = err instanceof Error ? err.message : String(err);
  const message = `The save could not be written to the database: ${reason}`;
  return {
    row: ledgerRowFor(source, 'failed', 'DB_WRITE_FAILED', message, null, writeMs),
    error: new ScribeError('DB_WRITE_FAILED', message),
  };
}

export interface SqlStatement {
  sql: string;
  params: SqlValue[];
}

/**
 * A finished file (imported/skipped/failed): UPDATE the row, and INSERT it
 * when the update changed nothing. (DuckDB runs this pair several times
 * faster than INSERT ... ON CONFLICT DO UPDATE.) An unknown hash is kept when
 * size and mtime did not change; attempts stay at least 1.
 */
export function ledgerFinishStatements(f: LedgerFinish): { update: SqlStatement; insert: SqlStatement } {
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
  return {
    update: { sql: `UPDATE import_ledger SET ${set.join(', ')} WHERE path = ?`, params },
    insert: {
      sql: `INSERT INTO import_ledger (path, size, mtime_ms, sha256, status, code, message, save_id, finished_at, updated_at, parse_ms, write_ms, attempts)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      params: [f.path, f.size, f.mtimeMs, f.sha256, f.status, f.code, f.message, f.saveId, now, now, f.parseMs, f.writeMs],
    },
  };
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

export function ledgerQueueSql(rows: number): string {
  return ledgerQueueHead + Array.from({ length: rows }, () => "(?, ?, ?, 'queued', ?, ?, 0)").join(', ') + ledgerQueueTail;
}

/** Rows per queue statement. */
export const ledgerQueueBatch = 256;

/**
 * Deleting a save, child tables first: neither store relies on the schema's
 * cascade (DuckDB has none; SQLite's writer runs with foreign keys off, see
 * sqlite-store.ts). Each child table leads with save_id, so each is a range delete.
 */
export const deleteSaveSql: readonly string[] = [
  ...tableSpecs.map((s) => `DELETE FROM ${s.table} WHERE save_id = ?`).reverse(),
  'DELETE FROM saves WHERE id = ?',
];

/**
 * Splits `total` rows into statements of `max` rows, the remainder in
 * descending powers of two: few distinct statement shapes to prepare and cache.
 */
export function statementSizes(total: number, max: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    let n = max;
    if (left < n) {
      n = 1;
      while (n * 2 <= left) n *= 2;
    }
    sizes.push(n);
    left -= n;
  }
  return sizes;
}

function dedupeFiles(files: readonly LedgerFile[]): LedgerFile[] {
  const byPath = new Map<string, LedgerFile>();
  for (const f of files) byPath.set(f.path, f);
  return [...byPath.values()];
}

function statusList(statuses: readonly LedgerStatus[]): { sql: string; params: SqlValue[] } {
  if (statuses.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: `status IN (${statuses.map(() => '?').join(', ')})`, params: [...statuses] };
}

// --------------------------------------------------------------------- base

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function winnerText(r: Row, players: SavePlayerBrief[]): string | null {
  const team = numOrNull(r.winner_team);
  const playerId = numOrNull(r.winner_player_id);
  if (playerId !== null) {
    const p = players.find((x) => x.playerId === playerId);
    return p?.nation ? `Player ${playerId} (${displayName(p.nation)})` : `Player ${playerId}`;
  }
  if (team !== null) return `Team ${team}`;
  return bool(r.game_over) && r.winner_victory ? displayName(str(r.winner_victory)) : null;
}

export abstract class StoreBase implements Store {
  abstract readonly backend: Backend;
  readonly path: string;
  schemaVersion = 0;
  private queue: Promise<unknown> = Promise.resolve();
  protected closed = false;

  protected constructor(path: string) {
    this.path = path;
  }

  // Primitives: only ever called inside `exclusive`.
  protected abstract all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Rows changed. */
  protected abstract run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  protected abstract transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** SQL for "the name equals ? ignoring case", using the dialect's index-friendly form. */
  protected abstract nameEqualsSql(column: string): string;

  protected abstract doInsertSave(save: ParsedSave | EncodedSave, source: SaveSource, opts: InsertOptions): Promise<InsertResult>;
  protected abstract doDeleteSave(saveId: number): Promise<boolean>;
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
    return this.exclusive(() => this.doInsertSave(save, source, opts));
  }

  deleteSave(saveId: number): Promise<boolean> {
    return this.exclusive(() => this.doDeleteSave(saveId));
  }

  close(): Promise<void> {
    return this.exclusive(async () => {
      this.closed = true;
      await this.doClose();
    });
  }

  // ------------------------------------------------------------ library

  listSaves(query: SaveListQuery): Promise<SavePage> {
    return this.exclusive(async () => {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (query.nation) {
        where.push('EXISTS (SELECT 1 FROM players p WHERE p.save_id = s.id AND p.nation = ?)');
        params.push(query.nation);
      }
      if (query.player) {
        where.push(`EXISTS (SELECT 1 FROM players p WHERE p.save_id = s.id AND ${this.nameEqualsSql('p.name')})`);
        params.push(query.player);
      }
      if (query.gameOver !== undefined && query.gameOver !== null)
        where.push(query.gameOver ? 's.game_over = TRUE' : 's.game_over = FALSE');
      if (query.text && query.text.trim()) {
        const like = likePattern(query.text.trim());
        where.push(
          `(lower(s.game_name) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM players p WHERE p.save_id = s.id AND lower(p.name) LIKE ? ESCAPE '\\'))`,
        );
        params.push(like, like);
      }
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const dir = query.order === 'asc' ? 'ASC' : 'DESC';
      const orderSql = {
        importedAt: `s.id ${dir}`,
        gameName: `s.game_name COLLATE NOCASE ${dir} NULLS LAST, s.turn ${dir}, s.id ${dir}`,
        turn: `s.turn ${dir}, s.id ${dir}`,
        saveDate: `s.save_day ${dir}, s.file_mtime_ms ${dir}, s.id ${dir}`,
      }[query.sort ?? 'importedAt'];
      const limit = Math.max(0, Math.min(maxListLimit, Math.floor(query.limit ?? defaultListLimit)));
      const offset = Math.max(0, Math.floor(query.offset ?? 0));
      const [countRow] = await this.all(`SELECT count(*) AS n FROM saves s ${whereSql}`, params);
      const rows = await this.all(`SELECT s.* FROM saves s ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`, [...params, limit, offset]);
      return { total: num(countRow!.n), items: await this.summaries(rows) };
    });
  }

  private async summaries(rows: Row[]): Promise<SaveSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => num(r.id));
    const players = await this.all(
      `SELECT save_id, id, name, nation, is_human FROM players WHERE save_id IN (${ids.map(() => '?').join(', ')}) ORDER BY save_id, id`,
      ids,
    );
    const bySave = new Map<number, SavePlayerBrief[]>();
    for (const p of players) {
      const list = bySave.get(num(p.save_id)) ?? [];
      list.push({ playerId: num(p.id), name: str(p.name), nation: str(p.nation), isHuman: bool(p.is_human) });
      bySave.set(num(p.save_id), list);
    }
    return rows.map((r) => this.summary(r, bySave.get(num(r.id)) ?? []));
  }

  private summary(r: Row, players: SavePlayerBrief[]): SaveSummary {
    return {
      saveId: num(r.id),
      gameId: String(r.game_id),
      gameName: str(r.game_name),
      turn: num(r.turn),
      saveDate: str(r.save_date),
      version: str(r.version),
      mapSize: str(r.map_size),
      gameOver: bool(r.game_over),
      winner: winnerText(r, players),
      players,
      sourcePath: String(r.source_path),
      importedAt: String(r.imported_at),
    };
  }

  saveDetail(saveId: number): Promise<SaveDetail | null> {
    return this.exclusive(async () => {
      const [r] = await this.all('SELECT * FROM saves WHERE id = ?', [saveId]);
      if (!r) return null;
      const playerRows = await this.all(
        `SELECT p.*, c.first_name AS ruler_first_name
         FROM players p LEFT JOIN characters c ON c.save_id = p.save_id AND c.id = p.ruler_character_id
         WHERE p.save_id = ? ORDER BY p.id`,
        [saveId],
      );
      const points = await this.all(
        `SELECT player_id, turn, value FROM history_points
         WHERE save_id = ? AND player_id IN (SELECT id FROM players WHERE save_id = ?) AND series = 'points' AND key = ''
         ORDER BY player_id, turn`,
        [saveId, saveId],
      );
      const countRows = await this.all(
        tableSpecs.map((s) => `SELECT '${s.table}' AS t, count(*) AS n FROM ${s.table} WHERE save_id = ?`).join('\nUNION ALL\n'),
        tableSpecs.map(() => saveId),
      );
      const sameGame = await this.all('SELECT id, turn FROM saves WHERE game_id = ? ORDER BY turn, id', [String(r.game_id)]);

      const history = new Map<number, { turn: number; value: number }[]>();
      for (const p of points) {
        const list = history.get(num(p.player_id)) ?? [];
        list.push({ turn: num(p.turn), value: num(p.value) });
        history.set(num(p.player_id), list);
      }
      const players: SaveDetailPlayer[] = playerRows.map((p) => {
        const series = history.get(num(p.id)) ?? [];
        return {
          playerId: num(p.id),
          name: str(p.name),
          nation: str(p.nation),
          dynasty: str(p.dynasty),
          team: numOrNull(p.team),
          isHuman: bool(p.is_human),
          rulerName: str(p.ruler_first_name),
          legitimacy: numOrNull(p.legitimacy),
          points: series.length ? series[series.length - 1]!.value : null,
          pointsHistory: series,
        };
      });
      const counts: Record<string, number> = {};
      for (const s of tableSpecs) counts[s.table] = 0;
      for (const c of countRows) counts[String(c.t)] = num(c.n);
      const briefs = players.map((p) => ({ playerId: p.playerId, name: p.name, nation: p.nation, isHuman: p.isHuman }));
      return {
        save: this.summary(r, briefs),
        mapWidth: num(r.map_width),
        mapClass: str(r.map_class),
        mapAspectRatio: str(r.map_aspect_ratio),
        gameMode: str(r.game_mode),
        turnStyle: str(r.turn_style),
        difficulty: str(r.difficulty),
        mods: parseJson<string[]>(r.mods, []),
        dlc: parseJson<string[]>(r.dlc, []),
        victoryEnabled: parseJson<string[]>(r.victory_enabled, []),
        settings: parseJson<Record<string, string>>(r.settings, {}),
        activePlayer: numOrNull(r.active_player),
        xmlBytes: num(r.xml_bytes),
        sha256: String(r.sha256),
        players,
        counts,
        sameGame: sameGame.map((g) => ({ saveId: num(g.id), turn: num(g.turn) })),
      };
    });
  }

  gameSaves(gameId: string): Promise<SaveSummary[]> {
    return this.exclusive(async () => this.summaries(await this.all('SELECT * FROM saves WHERE game_id = ? ORDER BY turn, id', [gameId])));
  }

  totals(): Promise<LibraryTotals> {
    return this.exclusive(async () => {
      const [r] = await this.all(
        `SELECT
           (SELECT count(*) FROM saves) AS saves,
           (SELECT count(DISTINCT game_id) FROM saves) AS games,
           (SELECT count(DISTINCT name) FROM players WHERE name IS NOT NULL AND name <> '') AS players,
           (SELECT count(*) FROM import_ledger WHERE status = 'failed') AS failed`,
      );
      return { saves: num(r!.saves), games: num(r!.games), players: num(r!.players), failedFiles: num(r!.failed) };
    });
  }

  // -------------------------------------------------------------- ledger

  ledgerQueue(files: readonly LedgerFile[]): Promise<void> {
    return this.exclusive(async () => {
      const unique = dedupeFiles(files);
      if (unique.length === 0) return;
      const now = nowIso();
      await this.transaction(async () => {
        let i = 0;
        for (const n of statementSizes(unique.length, ledgerQueueBatch)) {
          const params: SqlValue[] = [];
          for (const f of unique.slice(i, i + n)) params.push(f.path, f.size, f.mtimeMs, now, now);
          await this.run(ledgerQueueSql(n), params);
          i += n;
        }
      });
    });
  }

  ledgerMarkImporting(path: string): Promise<void> {
    return this.exclusive(async () => {
      const now = nowIso();
      const changed = await this.run(
        `UPDATE import_ledger SET status = 'importing', code = NULL, message = NULL, started_at = ?, finished_at = NULL, updated_at = ?, attempts = attempts + 1 WHERE path = ?`,
        [now, now, path],
      );
      if (changed === 0) throw new Error(`Not in the import ledger: ${path}`);
    });
  }

  ledgerMarkSkipped(path: string, code: SkipCode, message: string, saveId: number | null, hashed?: LedgerHashed | null): Promise<void> {
    return this.exclusive(() => this.finishLedger(path, hashed, { status: 'skipped', code, message, saveId }));
  }

  ledgerMarkFailed(path: string, code: FailureCode, message: string, hashed?: LedgerHashed | null, parseMs?: number): Promise<void> {
    return this.exclusive(() =>
      this.finishLedger(path, hashed, { status: 'failed', code, message, saveId: null, parseMs: parseMs ?? null }),
    );
  }

  private async finishLedger(
    path: string,
    hashed: LedgerHashed | null | undefined,
    f: Pick<LedgerFinish, 'status' | 'code' | 'message' | 'saveId'> & { parseMs?: number | null },
  ): Promise<void> {
    let file = hashed;
    if (!file) {
      const [r] = await this.all('SELECT size, mtime_ms, sha256 FROM import_ledger WHERE path = ?', [path]);
      file = { size: r ? num(r.size) : 0, mtimeMs: r ? num(r.mtime_ms) : 0, sha256: '' };
    }
    const { update, insert } = ledgerFinishStatements({
      path,
      size: file.size,
      mtimeMs: file.mtimeMs,
      sha256: file.sha256 || null,
      ...f,
      parseMs: f.parseMs ?? null,
      writeMs: null,
    });
    if ((await this.run(update.sql, update.params)) === 0) await this.run(insert.sql, insert.params);
  }

  ledgerLookup(path: string): Promise<LedgerEntry | null> {
    return this.exclusive(async () => {
      const [r] = await this.all(`SELECT ${ledgerColumns} FROM import_ledger WHERE path = ?`, [path]);
      return r ? toLedgerEntry(r) : null;
    });
  }

  knownSaves(): Promise<[sha256: string, saveId: number][]> {
    return this.exclusive(async () => {
      const rows = await this.all('SELECT sha256, id FROM saves WHERE sha256 IS NOT NULL');
      return rows.map((r) => [String(r.sha256), Number(r.id)] as [string, number]);
    });
  }

  ledgerFindBySha(sha256: string): Promise<LedgerEntry | null> {
    return this.exclusive(async () => {
      const [r] = await this.all(
        `SELECT ${ledgerColumns} FROM import_ledger WHERE sha256 = ?
         ORDER BY CASE WHEN save_id IS NULL THEN 1 ELSE 0 END, CASE WHEN status = 'imported' THEN 0 ELSE 1 END, updated_at DESC, path
         LIMIT 1`,
        [sha256],
      );
      return r ? toLedgerEntry(r) : null;
    });
  }

  ledgerByStatus(statuses: readonly LedgerStatus[]): Promise<LedgerEntry[]> {
    return this.exclusive(async () => {
      const s = statusList(statuses);
      const rows = await this.all(`SELECT ${ledgerColumns} FROM import_ledger WHERE ${s.sql} ORDER BY queued_at, path`, s.params);
      return rows.map(toLedgerEntry);
    });
  }

  ledgerPathsByStatus(statuses: readonly LedgerStatus[]): Promise<string[]> {
    return this.exclusive(async () => {
      const s = statusList(statuses);
      const rows = await this.all(`SELECT path FROM import_ledger WHERE ${s.sql} ORDER BY queued_at, path`, s.params);
      return rows.map((r) => String(r.path));
    });
  }

  ledgerCountByStatus(statuses: readonly LedgerStatus[]): Promise<number> {
    return this.exclusive(async () => {
      const s = statusList(statuses);
      const [r] = await this.all(`SELECT count(*) AS n FROM import_ledger WHERE ${s.sql}`, s.params);
      return num(r!.n);
    });
  }

  ledgerForget(paths: readonly string[]): Promise<number> {
    return this.exclusive(async () => {
      const unique = [...new Set(paths)];
      if (unique.length === 0) return 0;
      return this.transaction(async () => {
        let forgotten = 0;
        let i = 0;
        for (const n of statementSizes(unique.length, ledgerQueueBatch)) {
          const batch = unique.slice(i, i + n);
          forgotten += await this.run(`DELETE FROM import_ledger WHERE path IN (${batch.map(() => '?').join(', ')})`, batch);
          i += n;
        }
        return forgotten;
      });
    });
  }

  ledgerHistory(query: LedgerQuery): Promise<LedgerPage> {
    return this.exclusive(async () => {
      const s = query.status ? statusList([query.status]) : { sql: '1 = 1', params: [] as SqlValue[] };
      const limit = Math.max(0, Math.min(maxListLimit, Math.floor(query.limit ?? defaultListLimit)));
      const offset = Math.max(0, Math.floor(query.offset ?? 0));
      const [c] = await this.all(`SELECT count(*) AS n FROM import_ledger WHERE ${s.sql}`, s.params);
      const rows = await this.all(
        `SELECT ${ledgerColumns} FROM import_ledger WHERE ${s.sql} ORDER BY updated_at DESC, path LIMIT ? OFFSET ?`,
        [...s.params, limit, offset],
      );
      return { total: num(c!.n), items: rows.map(toLedgerEntry) };
    });
  }
}
