/**
 * The Laws tab's side-by-side grids: one row per law class or tech any
 * player has, one cell per player. Pure, readable text only.
 */
import type { GameLaws, PlayerGoal } from '../../../../shared/views/laws';
import { goalName, lawClassName, lawName, techName } from '../../../../shared/names';

export interface GridRow {
  key: string;
  label: string;
  /** One per player, in the view's player order; null = the player has none. */
  cells: (string | null)[];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

export function lawRows(view: GameLaws): GridRow[] {
  const classes = [...new Set(view.players.flatMap((p) => p.laws.map((l) => l.lawClass)))];
  return classes
    .map((lawClass) => ({
      key: lawClass,
      label: lawClassName(lawClass),
      cells: view.players.map((p) => {
        const law = p.laws.find((l) => l.lawClass === lawClass);
        if (!law) return null;
        return law.adoptedTurn === null ? lawName(law.law) : `${lawName(law.law)} (turn ${law.adoptedTurn})`;
      }),
    }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export function techRows(view: GameLaws): GridRow[] {
  const techs = [...new Set(view.players.flatMap((p) => p.techs.map((t) => t.tech)))];
  return techs
    .map((tech) => ({
      key: tech,
      label: techName(tech),
      cells: view.players.map((p) => {
        const found = p.techs.find((t) => t.tech === tech);
        if (!found) return null;
        return found.discoveredTurn === null ? 'Discovered' : `Turn ${found.discoveredTurn}`;
      }),
    }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** "Finished on turn 40", "Failed on turn 31", "Under way since turn 12". */
export function goalStatus(goal: PlayerGoal): string {
  if (goal.failed) return goal.finishedTurn === null ? 'Failed' : `Failed on turn ${goal.finishedTurn}`;
  if (goal.finishedTurn !== null) return `Achieved on turn ${goal.finishedTurn}`;
  return goal.startedTurn === null ? 'Under way' : `Under way since turn ${goal.startedTurn}`;
}

export function goalLabel(goal: PlayerGoal): string {
  return goalName(goal.type);
}
