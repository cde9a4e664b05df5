/** The owner's relations in words, one line per standing: "War: Rome, Persia". Pure. */
import type { OverviewPlayer } from '../../../../shared/views/overview';
import { diplomacyName, nationName } from '../../../../shared/names';

export function relationLines(
  relations: readonly { team: number; state: string }[],
  players: readonly OverviewPlayer[],
): [string, string][] {
  const byState = new Map<string, string[]>();
  for (const r of relations) {
    const members = players.filter((p) => p.team === r.team).map((p) => nationName(p.nation));
    // A team without players in the save (an empty slot) has no one to be at war with.
    if (members.length === 0) continue;
    const label = diplomacyName(r.state);
    byState.set(label, [...(byState.get(label) ?? []), ...members]);
  }
  return [...byState.entries()].map(([state, nations]) => [state, nations.join(', ')]);
}
