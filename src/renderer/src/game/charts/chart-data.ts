/**
 * One history series as a chart draws it. A save writes a point only on the
 * turns a value changed, so between a line's first and last point the value
 * is carried forward turn by turn; before the first and after the last the
 * line (a player's, or a yield's price) has no data, and it has a gap there
 * (null, never 0 and never drawn across).
 */
import type { ChartSeries, YieldPriceChart } from '../../../../shared/views/charts';

/** A series in columns: a player history's (one line per player) or the yield prices' (one per yield). */
export type ChartColumns = ChartSeries | YieldPriceChart;

export interface ChartData {
  /** Every turn from the series' first to its last. */
  turns: number[];
  /** Per line, aligned to `turns`. */
  values: (number | null)[][];
}

export function chartData(series: ChartColumns): ChartData {
  if (series.turns.length === 0) return { turns: [], values: series.values.map(() => []) };
  const first = series.turns[0]!;
  const last = series.turns[series.turns.length - 1]!;
  const turns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const values = series.values.map((line) => {
    const written = new Map<number, number>();
    line.forEach((v, i) => v !== null && written.set(series.turns[i]!, v));
    const own = [...written.keys()];
    const from = Math.min(...own);
    const to = Math.max(...own);
    let carried: number | null = null;
    return turns.map((t) => {
      if (t < from || t > to) return null;
      carried = written.get(t) ?? carried;
      return carried;
    });
  });
  return { turns, values };
}
