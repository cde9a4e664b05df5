/**
 * The timeline of a game in a few lines, from what a save stores: when each
 * of the owner's cities milestones fell, the successions of his rulers, the
 * religions founded, the ambitions achieved, and the end. Pure: the overview
 * read model hands it rows.
 */
import type { TimelineEntry } from '../../../shared/views/overview.js';

export interface TimelineInput {
  turn: number;
  gameOver: boolean;
  /** The players whose story is told (the owner; every player when the save has none). */
  players: readonly number[];
  cities: readonly { playerId: number | null; foundedTurn: number | null; name: string | null }[];
  leaders: readonly { playerId: number; ordinal: number; firstName: string | null; cognomen: string | null; deathTurn: number | null }[];
  religions: readonly { religion: string; founderPlayerId: number | null; foundedTurn: number | null }[];
  goals: readonly { playerId: number; type: string; finishedTurn: number | null; failed: boolean }[];
}

/** City counts worth a line: the first is told as the founding. */
export const cityMilestones = [5, 10, 20, 40] as const;

const kindOrder: Record<TimelineEntry['kind'], number> = { firstCity: 0, cityCount: 1, succession: 2, religion: 3, ambition: 4, end: 5 };

export function timeline(input: TimelineInput): TimelineEntry[] {
  const told = new Set(input.players);
  const out: TimelineEntry[] = [];
  for (const playerId of input.players) {
    const founded = input.cities
      .filter((c) => c.playerId === playerId && c.foundedTurn !== null)
      .sort((a, b) => a.foundedTurn! - b.foundedTurn!);
    const first = founded[0];
    if (first) out.push({ kind: 'firstCity', turn: first.foundedTurn!, playerId, city: first.name });
    for (const n of cityMilestones) {
      const nth = founded[n - 1];
      if (nth) out.push({ kind: 'cityCount', turn: nth.foundedTurn!, playerId, count: n });
    }
    // A reign begins when the one before it ended: the save keeps the death, not the accession.
    const reigns = input.leaders.filter((l) => l.playerId === playerId).sort((a, b) => a.ordinal - b.ordinal);
    reigns.forEach((l, i) => {
      const before = reigns[i - 1];
      if (before?.deathTurn !== null && before?.deathTurn !== undefined)
        out.push({ kind: 'succession', turn: before.deathTurn, playerId, rulerName: l.firstName, rulerCognomen: l.cognomen });
    });
  }
  for (const r of input.religions)
    if (r.foundedTurn !== null) out.push({ kind: 'religion', turn: r.foundedTurn, playerId: r.founderPlayerId, religion: r.religion });
  for (const g of input.goals)
    if (told.has(g.playerId) && g.finishedTurn !== null && !g.failed)
      out.push({ kind: 'ambition', turn: g.finishedTurn, playerId: g.playerId, goal: g.type });
  out.push({ kind: 'end', turn: input.turn, gameOver: input.gameOver });
  return out.sort((a, b) => a.turn - b.turn || kindOrder[a.kind] - kindOrder[b.kind]);
}
