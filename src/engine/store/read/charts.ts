/** The read model of the game page's charts tab: every history series of the save, in columns. */
import { chartSeriesKinds, type ChartSeries, type ChartSeriesKind, type GameCharts } from '../../../shared/views/charts.js';
import { num, numOrNull, str } from '../values.js';
import type { ReadContext } from './context.js';
import { playerBriefs } from './game.js';

export async function gameCharts(ctx: ReadContext, request: { saveId: number }): Promise<GameCharts | null> {
  const [save] = await ctx.db.all('SELECT game_name, turn, active_player FROM saves WHERE id = ?', [request.saveId]);
  if (!save) return null;
  const players = await playerBriefs(ctx, request.saveId);
  // In primary-key order: the rows come straight off the index, no sort.
  const rows = await ctx.db.all(
    'SELECT player_id, series, key, turn, value FROM history_points WHERE save_id = ? ORDER BY player_id, series, key, turn',
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
        turn: num(r.turn),
        value: num(r.value),
      })),
    ),
  };
}

interface Point {
  playerId: number;
  series: string;
  key: string;
  turn: number;
  value: number;
}

/**
 * Sparse points to columns: per series and key, the union of the turns any
 * player wrote, and per player a value on each (null where that player wrote
 * none, so a chart leaves a gap rather than drawing across it). Points of a
 * player the save does not list are dropped: no line could be named.
 */
export function toColumns(playerIds: readonly number[], points: readonly Point[]): ChartSeries[] {
  const index = new Map(playerIds.map((id, i) => [id, i]));
  const groups = new Map<string, { series: ChartSeriesKind; key: string; points: Point[] }>();
  for (const p of points) {
    if (!index.has(p.playerId) || !(chartSeriesKinds as readonly string[]).includes(p.series)) continue;
    const id = `${p.series}\u0000${p.key}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { series: p.series as ChartSeriesKind, key: p.key, points: [] }));
    g.points.push(p);
  }
  const order = (s: ChartSeriesKind) => chartSeriesKinds.indexOf(s);
  return [...groups.values()]
    .sort((a, b) => order(a.series) - order(b.series) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((g) => {
      const turns = [...new Set(g.points.map((p) => p.turn))].sort((a, b) => a - b);
      const at = new Map(turns.map((t, i) => [t, i]));
      const values = playerIds.map(() => new Array<number | null>(turns.length).fill(null));
      for (const p of g.points) values[index.get(p.playerId)!]![at.get(p.turn)!] = p.value;
      return { series: g.series, key: g.key, turns, values };
    });
}
