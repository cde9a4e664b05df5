/**
 * The game-centric library: one row per game, filtered, sorted and paged in
 * SQL on the per-game facts (game-facts.ts); only the page's games have
 * their players and saves read.
 */
import type { GameListQuery, GamePage, GameRow, GameSaveRow } from '../../../shared/views/games.js';
import type { ResultKind, ResultPlayer } from '../../../shared/result.js';
import { nationsMatching } from '../../../shared/names.js';
import type { SqlRunner } from '../sql-runner.js';
import { bool, num, numOrNull, str, type Row, type SqlValue } from '../values.js';
import type { ReadContext } from './context.js';
import { gamesCte } from './game-facts.js';
import { winnerOf } from './game.js';

const maxLimit = 1000;

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Nations the text names, among every nation the library holds and the known ones. */
async function nationsNamed(db: SqlRunner, text: string): Promise<string[]> {
  const seen = await db.all('SELECT DISTINCT nation FROM players_v WHERE nation IS NOT NULL');
  return nationsMatching(
    text,
    seen.map((r) => String(r.nation)),
  );
}

async function whereClause(db: SqlRunner, query: GameListQuery): Promise<{ sql: string; params: SqlValue[] }> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const text = query.text?.trim();
  if (text) {
    const like = likePattern(text);
    const nations = await nationsNamed(db, text);
    const byNation = nations.length > 0 ? ` OR p.nation IN (${placeholders(nations.length)})` : '';
    where.push(
      `(lower(games.game_name) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM players_v p WHERE p.save_id = games.id AND (lower(p.name) LIKE ? ESCAPE '\\'${byNation})))`,
    );
    params.push(like, like, ...nations);
  }
  const equal: [keyof GameListQuery, string][] = [
    ['nation', 'games.owner_nation'],
    ['result', 'games.result'],
    ['map', 'games.map_class'],
    ['difficulty', 'games.difficulty'],
  ];
  for (const [field, column] of equal) {
    const value = query[field];
    if (typeof value === 'string' && value !== '') {
      where.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (query.from) {
    where.push('games.save_day >= ?');
    params.push(query.from);
  }
  if (query.to) {
    where.push('games.save_day <= ?');
    params.push(query.to);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

function orderClause(query: GameListQuery): string {
  const sort = query.sort ?? 'lastPlayed';
  // Names read best A→Z; everything else biggest or newest first.
  const dir = (query.order ?? (sort === 'name' ? 'asc' : 'desc')) === 'asc' ? 'ASC' : 'DESC';
  return {
    lastPlayed: `games.save_day ${dir}, games.file_mtime_ms ${dir}, games.id ${dir}`,
    name: `games.game_name COLLATE NOCASE ${dir} NULLS LAST, games.id ${dir}`,
    turns: `games.last_turn ${dir}, games.id ${dir}`,
    saves: `games.saves ${dir}, games.id ${dir}`,
  }[sort];
}

async function choices(db: SqlRunner): Promise<GamePage['choices']> {
  const rows = await db.all(`${gamesCte}
    SELECT 'nation' AS kind, owner_nation AS value FROM games WHERE owner_nation IS NOT NULL
    UNION SELECT 'map', map_class FROM games WHERE map_class IS NOT NULL
    UNION SELECT 'difficulty', difficulty FROM games WHERE difficulty IS NOT NULL`);
  const of = (kind: string) =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => String(r.value))
      .sort();
  return { nations: of('nation'), maps: of('map'), difficulties: of('difficulty') };
}

type BriefPlayer = ResultPlayer & { name: string | null };

/** The players of the page's latest saves and the saves of the page's games: two queries on primary keys. */
async function pageDetails(
  { db, isSample }: ReadContext,
  rows: Row[],
): Promise<{ players: Map<number, BriefPlayer[]>; saves: Map<string, GameSaveRow[]> }> {
  const saveIds = rows.map((r) => num(r.id));
  const gameIds = rows.map((r) => String(r.game_id));
  const playerRows = await db.all(
    `SELECT save_id, id, name, nation, team, is_human FROM players_v WHERE save_id IN (${placeholders(saveIds.length)}) ORDER BY save_id, id`,
    saveIds,
  );
  const saveRows = await db.all(
    `SELECT id, game_id, turn, save_date, imported_at, source_path FROM saves WHERE game_id IN (${placeholders(gameIds.length)}) ORDER BY game_id, turn`,
    gameIds,
  );
  const players = new Map<number, BriefPlayer[]>();
  for (const p of playerRows) {
    const list = players.get(num(p.save_id)) ?? [];
    list.push({ playerId: num(p.id), name: str(p.name), nation: str(p.nation), team: numOrNull(p.team), isHuman: bool(p.is_human) });
    players.set(num(p.save_id), list);
  }
  const saves = new Map<string, GameSaveRow[]>();
  for (const s of saveRows) {
    const list = saves.get(String(s.game_id)) ?? [];
    list.push({
      saveId: num(s.id),
      turn: num(s.turn),
      saveDate: str(s.save_date),
      importedAt: String(s.imported_at),
      isSample: isSample(String(s.source_path)),
    });
    saves.set(String(s.game_id), list);
  }
  return { players, saves };
}

function gameRow(r: Row, players: BriefPlayer[], saveList: GameSaveRow[]): GameRow {
  const ownerId = numOrNull(r.owner_id);
  const gameOver = bool(r.game_over);
  const winner = winnerOf(r);
  return {
    gameId: String(r.game_id),
    gameName: str(r.game_name),
    latestSaveId: num(r.id),
    saves: num(r.saves),
    firstTurn: num(r.first_turn),
    lastTurn: num(r.last_turn),
    lastPlayed: str(r.save_date),
    lastPlayedDay: str(r.save_day),
    mapClass: str(r.map_class),
    mapSize: str(r.map_size),
    difficulty: str(r.difficulty),
    owner: ownerId === null ? null : { playerId: ownerId, name: str(r.owner_name), nation: str(r.owner_nation) },
    result: String(r.result) as ResultKind,
    facts: { gameOver, winner, activePlayer: numOrNull(r.active_player), players },
    isSample: saveList.length > 0 && saveList.every((s) => s.isSample),
    saveList,
  };
}

export async function listGames(ctx: ReadContext, query: GameListQuery): Promise<GamePage> {
  const { db } = ctx;
  const limit = Math.max(0, Math.min(maxLimit, query.limit ?? 100));
  const offset = query.offset ?? 0;
  const where = await whereClause(db, query);
  const rows = await db.all(
    `${gamesCte}
     SELECT games.*, count(*) OVER () AS total FROM games ${where.sql}
     ORDER BY ${orderClause(query)} LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
  // Past the last page the window has no row to count on.
  const total =
    rows.length > 0
      ? num(rows[0]!.total)
      : num((await db.all(`${gamesCte} SELECT count(*) AS n FROM games ${where.sql}`, where.params))[0]!.n);
  const details =
    rows.length > 0 ? await pageDetails(ctx, rows) : { players: new Map<number, BriefPlayer[]>(), saves: new Map<string, GameSaveRow[]>() };
  return {
    total,
    items: rows.map((r) => gameRow(r, details.players.get(num(r.id)) ?? [], details.saves.get(String(r.game_id)) ?? [])),
    choices: await choices(db),
  };
}
