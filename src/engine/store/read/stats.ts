/**
 * Library-wide statistics from the owners' side: the per-game facts
 * (game-facts.ts) are computed in SQL, one row per game, and tallied here;
 * the highest points come from the owners' points history in one query.
 */
import type { LibraryStats, RecordGame, ResultTally } from '../../../shared/views/stats.js';
import { bool, num, str, type Row } from '../values.js';
import type { ReadContext } from './context.js';
import { gamesCte } from './game-facts.js';

export interface GameFactsRow {
  gameId: string;
  gameName: string | null;
  saveId: number;
  nation: string | null;
  difficulty: string | null;
  mapClass: string | null;
  gameOver: boolean;
  won: boolean;
  lastTurn: number;
  saves: number;
}

const emptyTally = (): ResultTally => ({ games: 0, finished: 0, wins: 0 });

function count(t: ResultTally, g: GameFactsRow): void {
  t.games++;
  if (g.gameOver) t.finished++;
  if (g.won) t.wins++;
}

/** Groups in the order a player scans them: most games first, then by key. */
function tallyBy<K extends string>(games: readonly GameFactsRow[], key: (g: GameFactsRow) => string | null, name: K) {
  const groups = new Map<string | null, ResultTally>();
  for (const g of games) {
    const k = key(g);
    const t = groups.get(k) ?? emptyTally();
    count(t, g);
    groups.set(k, t);
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => b.games - a.games || (ka ?? '\uffff').localeCompare(kb ?? '\uffff'))
    .map(([k, t]) => ({ [name]: k, ...t }) as { [P in K]: string | null } & ResultTally);
}

function record(g: GameFactsRow): RecordGame {
  return { gameId: g.gameId, gameName: g.gameName, saveId: g.saveId, nation: g.nation };
}

/** The tallies and the length and save records of the games; pure. */
export function tallyGames(games: readonly GameFactsRow[]): Omit<LibraryStats, 'records'> & {
  records: Omit<LibraryStats['records'], 'highestPoints'>;
} {
  const all = emptyTally();
  for (const g of games) count(all, g);
  const finished = games.filter((g) => g.gameOver);
  // Ties go to the game seen first: the list is in save id order, so the earlier game keeps its record.
  const longest = games.reduce<GameFactsRow | null>((best, g) => (best === null || g.lastTurn > best.lastTurn ? g : best), null);
  const most = games.reduce<GameFactsRow | null>((best, g) => (best === null || g.saves > best.saves ? g : best), null);
  return {
    ...all,
    inProgress: games.length - finished.length,
    averageLength: finished.length > 0 ? finished.reduce((s, g) => s + g.lastTurn, 0) / finished.length : null,
    byNation: tallyBy(games, (g) => g.nation, 'nation'),
    byDifficulty: tallyBy(games, (g) => g.difficulty, 'difficulty'),
    byMap: tallyBy(games, (g) => g.mapClass, 'mapClass'),
    records: {
      longestGame: longest && { ...record(longest), turns: longest.lastTurn },
      mostSaves: most && { ...record(most), saves: most.saves },
    },
  };
}

function factsRow(r: Row): GameFactsRow {
  return {
    gameId: String(r.game_id),
    gameName: str(r.game_name),
    saveId: num(r.id),
    nation: str(r.owner_nation),
    difficulty: str(r.difficulty),
    mapClass: str(r.map_class),
    gameOver: bool(r.game_over),
    won: r.result === 'victory',
    lastTurn: num(r.last_turn),
    saves: num(r.saves),
  };
}

export async function libraryStats({ db }: ReadContext): Promise<LibraryStats> {
  const rows = await db.all(
    `${gamesCte}
     SELECT game_id, game_name, id, owner_nation, difficulty, map_class, game_over, result, last_turn, saves FROM games ORDER BY id`,
  );
  const p = db.historyPointsSql('h');
  const [best] = await db.all(
    `${gamesCte}
     SELECT games.game_id, games.game_name, games.id, games.owner_nation, ${p.value} AS value, ${p.turn} AS turn
     FROM games JOIN history_points h ON h.save_id = games.id AND h.player_id = games.owner_id
       AND ${db.keyEqualsSql('h.series')} AND ${db.keyEqualsSql('h.key')} ${p.join}
     ORDER BY value DESC, turn, games.id LIMIT 1`,
    ['points', ''],
  );
  const tally = tallyGames(rows.map(factsRow));
  return {
    ...tally,
    records: {
      ...tally.records,
      highestPoints: best
        ? {
            gameId: String(best.game_id),
            gameName: str(best.game_name),
            saveId: num(best.id),
            nation: str(best.owner_nation),
            points: num(best.value),
            turn: num(best.turn),
          }
        : null,
    },
  };
}
