/** The library's words for what it filters and shows. Pure. */
import type { ResultKind } from '../../../shared/result';

/** The result filter's choices, in the order a player scans them. */
export const resultFilterLabels: Record<ResultKind, string> = {
  victory: 'Victories',
  defeat: 'Defeats',
  inProgress: 'In progress',
  // A finished game whose save does not say which player was its owner.
  over: 'Over, side unknown',
};

/** "Turn 20", "Turns 20–60". */
export function turnRange(first: number, last: number): string {
  return first === last ? `Turn ${first}` : `Turns ${first}–${last}`;
}
