/** Owner changes out of a tile's owner history: what the Cities tab shows as captures. */
import type { CityOwnerChange } from '../../../shared/views/cities.js';

/** `history` in turn order; the first entry is the founding owner, not a change. Repeats of one owner are no change. */
export function ownerChanges(history: readonly { turn: number; playerId: number | null }[]): CityOwnerChange[] {
  const out: CityOwnerChange[] = [];
  for (let i = 1; i < history.length; i++) {
    const from = history[i - 1]!.playerId;
    const to = history[i]!.playerId;
    if (from !== to) out.push({ turn: history[i]!.turn, from, to });
  }
  return out;
}
