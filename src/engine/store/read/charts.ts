/** The read model of the game page's charts tab: every history series of the save, in columns. */
import {
  chartSeriesKinds,
  type ChartSeries,
  type ChartSeriesKind,
  type GameCharts,
  type YieldPriceChart,
} from '../../../shared/views/charts.js';
import { num, numOrNull, str } from '../values.js';
import type { ReadContext } from './context.js';
import { playerBriefs } from './game.js';

export async function gameCharts(ctx: ReadContext, request: { saveId: number }): Promise<GameCharts | null> {
  const [save] = await ctx.db.all('SELECT game_name, turn, active_player FROM saves WHERE id = ?', [request.saveId]);
  if (!save) return null;
  const players = await playerBriefs(ctx, request.saveId);
  // One row per player, series and key, its points packed as "turn:value,...": a save's tens of
  // thousands of points cross from the driver as a few hundred strings instead of as many row objects.
  const rows = await ctx.db.all(
    `SELECT player_id, series, key, group_concat(CAST(turn AS TEXT) || ':' || CAST(value AS TEXT), ',') AS points
     FROM history_points_v WHERE save_id = ? GROUP BY player_id, series, key`,
    [request.saveId],
  );
  const prices = await ctx.db.all(
    `SELECT yield, group_concat(CAST(turn AS TEXT) || ':' || CAST(price AS TEXT), ',') AS points
     FROM yield_prices_v WHERE save_id = ? GROUP BY yield`,
    [request.saveId],
  );
  return {
    saveId: request.saveId,
    gameName: str(save.game_name),
    turn: num(save.turn),
    activePlayer: numOrNull(save.active_player),
    players,
    series: toColumns(
      players.map((p) => p.playerId),
      rows.map((r) => ({
        playerId: num(r.player_id),
        series: String(r.series),
        key: String(r.key),
        points: unpack(String(r.points)),
      })),
    ),
    yieldPrices: priceColumns(prices.map((r) => ({ yield: String(r.yield), points: unpack(String(r.points)) }))),
  };
}

interface Line {
  playerId: number;
  series: string;
  key: string;
  /** [turn, value] pairs, in any order. */
  points: [number, number][];
}

/** "3:10,5:12" -> [[3, 10], [5, 12]]. */
export function unpack(packed: string): [number, number][] {
  if (packed === '') return [];
  return packed.split(',').map((pair) => {
    const at = pair.indexOf(':');
    return [Number(pair.slice(0, at)), Number(pair.slice(at + 1))];
  });
}

/**
 * Sparse lines to columns: per series and key, the union of the turns any
 * player wrote, and per player a value on each (null where that player wrote
 * none, so a chart can tell a point from no point). Lines of a player the
 * save does not list are dropped: no line could be named.
 */
export function toColumns(playerIds: readonly number[], lines: readonly Line[]): ChartSeries[] {
  const index = new Map(playerIds.map((id, i) => [id, i]));
  const groups = new Map<string, { series: ChartSeriesKind; key: string; lines: Line[] }>();
  for (const l of lines) {
    if (!index.has(l.playerId) || !(chartSeriesKinds as readonly string[]).includes(l.series)) continue;
    const id = `${l.series}\u0000${l.key}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { series: l.series as ChartSeriesKind, key: l.key, lines: [] }));
    g.lines.push(l);
  }
  const order = (s: ChartSeriesKind) => chartSeriesKinds.indexOf(s);
  return [...groups.values()]
    .sort((a, b) => order(a.series) - order(b.series) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((g) => {
      const byPlayer = playerIds.map(() => [] as [number, number][]);
      for (const l of g.lines) byPlayer[index.get(l.playerId)!]!.push(...l.points);
      return { series: g.series, key: g.key, ...align(byPlayer) };
    });
}

/** The market's price lines to columns, one per yield in key order (the game's own lines, no player). */
export function priceColumns(lines: readonly { yield: string; points: [number, number][] }[]): YieldPriceChart {
  const sorted = [...lines].sort((a, b) => (a.yield < b.yield ? -1 : a.yield > b.yield ? 1 : 0));
  return { yields: sorted.map((l) => l.yield), ...align(sorted.map((l) => l.points)) };
}

/** Lines of [turn, value] pairs onto the union of their turns, null where a line has no point. */
function align(lines: readonly (readonly [number, number][])[]): { turns: number[]; values: (number | null)[][] } {
  const turns = [...new Set(lines.flatMap((points) => points.map(([t]) => t)))].sort((a, b) => a - b);
  const at = new Map(turns.map((t, i) => [t, i]));
  const values = lines.map((points) => {
    const line = new Array<number | null>(turns.length).fill(null);
    for (const [t, v] of points) line[at.get(t)!] = v;
    return line;
  });
  return { turns, values };
}
