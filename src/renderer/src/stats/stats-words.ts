/** The statistics' words: rates and lengths as a player reads them. Pure. */

/** 0.5 -> "50%"; "—" before any game is finished. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** 84.4 -> "84 turns". */
export function turnsText(turns: number | null): string {
  if (turns === null) return '—';
  const n = Math.round(turns);
  return n === 1 ? '1 turn' : `${n} turns`;
}
