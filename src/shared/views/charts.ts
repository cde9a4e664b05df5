/**
 * The game page's Charts tab: every stored history series of the save, all
 * players, in columns (one turns array per series, one values array per
 * player aligned to it) so thousands of points cross IPC as a few arrays.
 */

/** The history series a save stores (engine/model/catalogue.ts `historySeries`), in the picker's order. */
export const chartSeriesKinds = [
  'points',
  'military_power',
  'legitimacy',
  'yield_rate',
  'yield_total',
  'family_opinion',
  'religion_opinion',
] as const;
export type ChartSeriesKind = (typeof chartSeriesKinds)[number];

export interface ChartPlayer {
  playerId: number;
  name: string | null;
  nation: string | null;
  team: number | null;
  isHuman: boolean;
}

export interface ChartSeries {
  series: ChartSeriesKind;
  /** `YIELD_*`, `FAMILY_*`, `RELIGION_*`; '' for the single-valued series. */
  key: string;
  /** Every turn any player has a value for, ascending. */
  turns: number[];
  /**
   * Per player (in `players` order): the value on each of `turns`, null where
   * that player's history has no point. The save writes a point only when the
   * value changed, so a null between two points means "unchanged".
   */
  values: (number | null)[][];
}

/**
 * The market's price of each yield over the game: the game's own history,
 * not a player's, so one line per yield. Columns as in `ChartSeries`.
 */
export interface YieldPriceChart {
  /** `YIELD_*`, in key order: one line each. */
  yields: string[];
  /** Every turn any yield has a price for, ascending. */
  turns: number[];
  /** Per yield (in `yields` order): the price on each of `turns`, null where the save wrote none (unchanged). */
  values: (number | null)[][];
}

export interface GameCharts {
  saveId: number;
  gameName: string | null;
  turn: number;
  activePlayer: number | null;
  players: ChartPlayer[];
  /** In `chartSeriesKinds` order, then by key. */
  series: ChartSeries[];
  /** No yields when the save has no price history. */
  yieldPrices: YieldPriceChart;
}
