/** Naming the characters a rulers list or a character page mentions, and the facts of a life told in turns. Pure. */
import { characterName } from '../../../../shared/names';
import type { CharacterRef } from '../../../../shared/views/rulers';

export type People = ReadonlyMap<number, CharacterRef>;

export function peopleById(list: readonly CharacterRef[]): People {
  return new Map(list.map((c) => [c.id, c]));
}

/** "Heldica the Great"; a character the save does not hold reads as such, never as a number. */
export function personName(people: People, id: number | null): string {
  if (id === null) return 'No one';
  const c = people.get(id);
  return c ? characterName(c.firstName, c.cognomen) : 'A character not in this save';
}

/** Years lived to the save's turn or to death (a turn is a year at the game's usual scale); null when the save lacks the birth. */
export function ageAt(c: Pick<CharacterRef, 'birthTurn' | 'deathTurn'>, saveTurn: number): number | null {
  if (c.birthTurn === null) return null;
  return Math.max(0, (c.deathTurn ?? saveTurn) - c.birthTurn);
}

/** "born turn 12", "born before the game (turn −5)", "turn 3 – turn 40". */
export function lifeText(c: Pick<CharacterRef, 'birthTurn' | 'deathTurn'>, saveTurn: number): string {
  const born = c.birthTurn === null ? null : c.birthTurn < 1 ? 'born before the game began' : `born turn ${c.birthTurn}`;
  const age = ageAt(c, saveTurn);
  if (c.deathTurn !== null) return [born, `died turn ${c.deathTurn}`, age === null ? null : `aged ${age}`].filter(Boolean).join(', ');
  return [born, age === null ? null : `age ${age}`].filter(Boolean).join(', ') || 'living';
}

/** The points of a small line chart of `values` in a `width` x `height` box (SVG `points`, no style). */
export function sparkPoints(values: readonly { turn: number; value: number }[], width: number, height: number): string {
  if (values.length === 0) return '';
  const turns = values.map((v) => v.turn);
  const ys = values.map((v) => v.value);
  const [t0, t1] = [Math.min(...turns), Math.max(...turns)];
  // The axis always holds zero: an opinion's sign matters more than its swing.
  const [y0, y1] = [Math.min(0, ...ys), Math.max(0, ...ys)];
  const x = (t: number) => (t1 === t0 ? width / 2 : ((t - t0) / (t1 - t0)) * width);
  const y = (v: number) => (y1 === y0 ? height / 2 : height - ((v - y0) / (y1 - y0)) * height);
  // A history holds only the turns a value changed: it stays level until the next point.
  const pts: string[] = [];
  values.forEach((v, i) => {
    if (i > 0) pts.push(`${x(v.turn).toFixed(1)},${y(values[i - 1]!.value).toFixed(1)}`);
    pts.push(`${x(v.turn).toFixed(1)},${y(v.value).toFixed(1)}`);
  });
  return pts.join(' ');
}

/** Where zero sits in the same box, for the chart's axis line. */
export function sparkZero(values: readonly { value: number }[], height: number): number {
  const ys = values.map((v) => v.value);
  const [y0, y1] = [Math.min(0, ...ys), Math.max(0, ...ys)];
  return y1 === y0 ? height / 2 : height - ((0 - y0) / (y1 - y0)) * height;
}
