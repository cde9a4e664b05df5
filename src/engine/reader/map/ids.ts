/**
 * Entity IDs (players, characters, cities, tiles, units): each is the key
 * of its table, so each must be a whole number from 0 up and appear once
 * per save. SQLite's primary keys would refuse a repeat while DuckDB (no
 * keys on child tables) would keep both rows; checking here makes both
 * backends refuse the same saves, with a sentence that says what is wrong.
 */
import { ScribeError } from '../../errors.js';
import type { XmlTree } from '../xml/tree.js';
import { NONE } from '../xml/tree.js';

export type EntityKind = 'player' | 'character' | 'city' | 'tile' | 'unit';

/** The element each kind is read from, for messages and `detail.field`. */
const elementOf: Record<EntityKind, string> = { player: 'Player', character: 'Character', city: 'City', tile: 'Tile', unit: 'Unit' };

/**
 * A set of non-negative int32 IDs. Saves number their entities densely from
 * 0, so a bitmap covers them in a few words with no hashing; an ID beyond
 * the bitmap's reach (legal, just unusual) goes to a Set.
 */
export class IdSet {
  private bits = new Uint32Array(64);
  private far: Set<number> | null = null;
  private static readonly BITMAP_IDS = 1 << 22;

  /** Adds `id`; false if it was already there. */
  add(id: number): boolean {
    if (id >= IdSet.BITMAP_IDS) {
      this.far ??= new Set();
      if (this.far.has(id)) return false;
      this.far.add(id);
      return true;
    }
    const word = id >>> 5;
    if (word >= this.bits.length) {
      let size = this.bits.length;
      while (size <= word) size *= 2;
      const next = new Uint32Array(size);
      next.set(this.bits);
      this.bits = next;
    }
    const bit = 1 << (id & 31);
    if ((this.bits[word] & bit) !== 0) return false;
    this.bits[word] |= bit;
    return true;
  }
}

/** The IDs seen so far in one save, one set per kind. */
export class EntityIds {
  private readonly seen: Record<EntityKind, IdSet> = {
    player: new IdSet(),
    character: new IdSet(),
    city: new IdSet(),
    tile: new IdSet(),
    unit: new IdSet(),
  };

  /**
   * The `ID` attribute of entity element `n`, checked: MISSING_FIELD when
   * absent, INVALID_VALUE when it is not a whole number, negative, or already
   * used by another entity of the same kind.
   */
  take(kind: EntityKind, doc: XmlTree, n: number): number {
    const id = doc.attrInt(n, 'ID');
    if (id !== null && id >= 0 && this.seen[kind].add(id)) return id;
    const field = `${elementOf[kind]}/ID`;
    if (id === null) {
      const a = doc.attrIndex(n, 'ID');
      if (a === NONE) throw new ScribeError('MISSING_FIELD', `The save lists a ${kind} without an ID.`, { field });
      throw new ScribeError(
        'INVALID_VALUE',
        `The save lists a ${kind} whose ID "${doc.attrValue(a).slice(0, 40)}" is not a whole number.`,
        {
          field,
        },
      );
    }
    if (id < 0) throw new ScribeError('INVALID_VALUE', `The save lists a ${kind} with the negative ID ${id}.`, { field });
    throw new ScribeError('INVALID_VALUE', `The save lists ${kind} ${id} twice.`, { field });
  }
}
