/**
 * The library's read models: the saves list, one save's detail, a game's
 * saves, the totals. Plain data only; words for people (the winner, names)
 * are made by shared/format.ts where they are shown.
 */
import type {
  LibraryTotals,
  SaveDetail,
  SaveDetailPlayer,
  SaveListQuery,
  SavePage,
  SavePlayerBrief,
  SaveSummary,
} from '../../shared/library.js';
import { defaultListLimit, maxListLimit } from './ledger.js';
import { winnerOf } from './read/game.js';
import type { SqlRunner } from './sql-runner.js';
import { tableSpecs, viewOf } from './tables.js';
import { bool, num, numOrNull, parseJson, str, type Row, type SqlValue } from './values.js';

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function summary(r: Row, players: SavePlayerBrief[]): SaveSummary {
  return {
    saveId: num(r.id),
    gameId: String(r.game_id),
    gameName: str(r.game_name),
    turn: num(r.turn),
    saveDate: str(r.save_date),
    version: str(r.version),
    mapSize: str(r.map_size),
    gameOver: bool(r.game_over),
    winner: winnerOf(r),
    activePlayer: numOrNull(r.active_player),
    players,
    sourcePath: String(r.source_path),
    importedAt: String(r.imported_at),
  };
}

async function summaries(db: SqlRunner, rows: Row[]): Promise<SaveSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => num(r.id));
  const players = await db.all(
    `SELECT save_id, id, name, nation, team, is_human FROM players_v WHERE save_id IN (${ids.map(() => '?').join(', ')}) ORDER BY save_id, id`,
    ids,
  );
  const bySave = new Map<number, SavePlayerBrief[]>();
  for (const p of players) {
    const list = bySave.get(num(p.save_id)) ?? [];
    list.push({ playerId: num(p.id), name: str(p.name), nation: str(p.nation), team: numOrNull(p.team), isHuman: bool(p.is_human) });
    bySave.set(num(p.save_id), list);
  }
  return rows.map((r) => summary(r, bySave.get(num(r.id)) ?? []));
}

export async function listSaves(db: SqlRunner, query: SaveListQuery): Promise<SavePage> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (query.nation) {
    where.push('EXISTS (SELECT 1 FROM players_v p WHERE p.save_id = s.id AND p.nation = ?)');
    params.push(query.nation);
  }
  if (query.player) {
    where.push(`EXISTS (SELECT 1 FROM players_v p WHERE p.save_id = s.id AND ${db.nameEqualsSql('p.name')})`);
    params.push(query.player);
  }
  if (query.gameOver !== undefined && query.gameOver !== null) where.push(query.gameOver ? 's.game_over = TRUE' : 's.game_over = FALSE');
  if (query.text && query.text.trim()) {
    const like = likePattern(query.text.trim());
    where.push(
      `(lower(s.game_name) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM players_v p WHERE p.save_id = s.id AND lower(p.name) LIKE ? ESCAPE '\\'))`,
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
  const [countRow] = await db.all(`SELECT count(*) AS n FROM saves s ${whereSql}`, params);
  const rows = await db.all(`SELECT s.* FROM saves s ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`, [...params, limit, offset]);
  return { total: num(countRow!.n), items: await summaries(db, rows) };
}

export async function saveDetail(db: SqlRunner, saveId: number): Promise<SaveDetail | null> {
  const [r] = await db.all('SELECT * FROM saves WHERE id = ?', [saveId]);
  if (!r) return null;
  const playerRows = await db.all(
    `SELECT p.*, c.first_name AS ruler_first_name, c.cognomen AS ruler_cognomen
     FROM players_v p LEFT JOIN characters_v c ON c.save_id = p.save_id AND c.id = p.ruler_character_id
     WHERE p.save_id = ? ORDER BY p.id`,
    [saveId],
  );
  const p = db.historyPointsSql('h');
  const points = await db.all(
    // The table, not its view: the points series is found through the table's key (sql-runner.ts).
    `SELECT h.player_id, ${p.turn} AS turn, ${p.value} AS value FROM history_points h ${p.join}
     WHERE h.save_id = ? AND h.player_id IN (SELECT id FROM players WHERE save_id = ?) AND ${db.keyEqualsSql('h.series')} AND ${db.keyEqualsSql('h.key')}
     ORDER BY h.player_id, turn`,
    [saveId, saveId, 'points', ''],
  );
  const countRows = await db.all(
    // A packed table's rows are counted through its view, a row per point (packing.ts).
    tableSpecs
      .map((s) => `SELECT '${s.table}' AS t, count(*) AS n FROM ${s.packed ? viewOf(s.table) : s.table} WHERE save_id = ?`)
      .join('\nUNION ALL\n'),
    tableSpecs.map(() => saveId),
  );
  const sameGame = await db.all('SELECT id, turn FROM saves WHERE game_id = ? ORDER BY turn, id', [String(r.game_id)]);

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
      rulerCognomen: str(p.ruler_cognomen),
      legitimacy: numOrNull(p.legitimacy),
      points: series.length ? series[series.length - 1]!.value : null,
      pointsHistory: series,
    };
  });
  const counts: Record<string, number> = {};
  for (const s of tableSpecs) counts[s.table] = 0;
  for (const c of countRows) counts[String(c.t)] = num(c.n);
  const briefs = players.map((p) => ({ playerId: p.playerId, name: p.name, nation: p.nation, team: p.team, isHuman: p.isHuman }));
  return {
    save: summary(r, briefs),
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
}

export async function gameSaves(db: SqlRunner, gameId: string): Promise<SaveSummary[]> {
  return summaries(db, await db.all('SELECT * FROM saves WHERE game_id = ? ORDER BY turn, id', [gameId]));
}

export async function totals(db: SqlRunner): Promise<LibraryTotals> {
  const [r] = await db.all(
    `SELECT
       (SELECT count(*) FROM saves) AS saves,
       (SELECT count(DISTINCT game_id) FROM saves) AS games,
       (SELECT count(DISTINCT name) FROM players_v WHERE name IS NOT NULL AND name <> '') AS players,
       (SELECT count(*) FROM import_ledger WHERE status = 'failed') AS failed`,
  );
  return { saves: num(r!.saves), games: num(r!.games), players: num(r!.players), failedFiles: num(r!.failed) };
}
