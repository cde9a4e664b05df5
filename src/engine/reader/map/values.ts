/**
 * The save's value conventions, in one place so every mapper reads them the
 * same way (see parsed-save.ts): `-1` means none for references, "None" /
 * "NONE" / empty mean no string, `int.MinValue` means an unset turn.
 */
import { NONE, type XmlTree } from '../xml/tree.js';

/** .NET int.MinValue: the game's "never" for turns (DeathTurn, LeaderTurn...). */
export const INT_MIN = -2147483648;

/** A reference (player, character, city, team...): negative = none. */
export function ref(v: number | null): number | null {
  return v === null || v < 0 ? null : v;
}

/** A turn that may lie before the game start (BirthTurn, trait turns). */
export function turn(v: number | null): number | null {
  return v === INT_MIN ? null : v;
}

/** A turn at which something happened; negative = it did not (Finished -1). */
export function eventTurn(v: number | null): number | null {
  return v === null || v < 0 ? null : v;
}

/** Enum-like or free text: '', 'None' and 'NONE' are no value. */
export function str(v: string | null): string | null {
  return v === null || v === '' || v === 'None' || v === 'NONE' ? null : v;
}

/** Text of a child element, or null when the child is absent. */
export function childText(doc: XmlTree, n: number, name: string): string | null {
  const c = doc.child(n, name);
  return c === NONE ? null : doc.value(c);
}

export function childInt(doc: XmlTree, n: number, name: string): number | null {
  const c = doc.child(n, name);
  return c === NONE ? null : doc.int(c);
}

/** A flag element (`<Capital />`): present = true, unless it says 0 / false. */
export function flag(doc: XmlTree, n: number): boolean {
  if (n === NONE) return false;
  if (doc.hasChildren(n)) return true;
  const t = doc.value(n).trim();
  return t !== '0' && t.toLowerCase() !== 'false';
}

/**
 * Number after a key prefix in an element name: `T37` -> 37 with prefix 'T',
 * `T.1` -> 1 with 'T.', `P.0` -> 0 with 'P.'. -1 when the name has another
 * shape, leading zeros included: one number, one name, so a repeated key is
 * a repeated name (see XmlTree.uniqueChildren).
 */
export function keyNumber(name: string, prefix: string): number {
  const len = name.length;
  const start = prefix.length;
  if (len <= start || !name.startsWith(prefix)) return -1;
  if (name.charCodeAt(start) === 0x30 && len > start + 1) return -1;
  let v = 0;
  for (let i = start; i < len; i++) {
    const c = name.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
    if (v > 0x7fffffff) return -1;
  }
  return v;
}

/**
 * Calls `fn(key, value)` for each integer-valued child of a keyed map
 * (`<YIELD_FOOD>253</YIELD_FOOD>`); a key given twice is refused.
 */
export function eachKeyedInt(doc: XmlTree, n: number, fn: (key: string, value: number) => void): void {
  doc.uniqueChildren(n);
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    const v = doc.int(c);
    if (v !== null) fn(doc.name(c), v);
  }
}

/** Calls `fn(key, text)` for each child of a keyed map with a non-empty value; a key given twice is refused. */
export function eachKeyedText(doc: XmlTree, n: number, fn: (key: string, value: string) => void): void {
  doc.uniqueChildren(n);
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) {
    const v = str(doc.value(c));
    if (v !== null) fn(doc.name(c), v);
  }
}

/**
 * Remembers which keyed sections of one entity were read: a section given
 * twice (two `<YieldStockpile>` in a player) repeats its keys' rows.
 */
export class Sections {
  private seen = 0;

  /** Throws INVALID_VALUE if section `bit` (one bit per section kind) of `parent` was already read at `c`. */
  once(doc: XmlTree, parent: number, c: number, bit: number): void {
    if ((this.seen & bit) !== 0) doc.repeated(parent, c);
    this.seen |= bit;
  }
}

/** Names of the children of a flag list (`<Promotions><PROMOTION_X /></Promotions>`). */
export function childNames(doc: XmlTree, n: number): string[] {
  const out: string[] = [];
  for (let c = doc.firstChild(n); c !== NONE; c = doc.nextSibling(c, n)) out.push(doc.name(c));
  return out;
}
