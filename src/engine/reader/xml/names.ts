/**
 * String interning over ranges of the document. A save repeats a few
 * thousand distinct element names, and a few thousand distinct enum values
 * (TERRAIN_LUSH, UNIT_WARRIOR...), hundreds of thousands of times: the range
 * is hashed and looked up without allocating, and only a new string is
 * sliced out. Rows then share one string per distinct value.
 */

/** Character classes of ASCII name characters; bytes >= 0x80 count as name characters. */
export const NAME_START = 1;
export const NAME_CHAR = 2;
export const nameClass = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const start = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c >= 0x80;
  const char = start || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;
  nameClass[c] = (start ? NAME_START : 0) | (char ? NAME_CHAR : 0);
}

export class InternTable {
  /** The strings (UTF-8 fixed); for names also internalized, so `===` against a literal is a pointer compare. */
  readonly names: string[] = [];
  private hashes: Int32Array = new Int32Array(1024);
  /** Byte length and offset of the first occurrence of each string (read by the scanner's name prediction). */
  lens: Int32Array = new Int32Array(1024);
  firstAt: Int32Array = new Int32Array(1024);
  private slots: Int32Array = new Int32Array(4096);
  private mask = 4095;

  constructor(private readonly internalizeStrings: boolean) {}

  /** Id of the string in `bytes[start, end)` whose hash is `hash`. */
  id(bytes: Buffer, start: number, end: number, hash: number): number {
    const len = end - start;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0) return this.add(bytes, start, end, hash, slot);
      const id = entry - 1;
      if (this.hashes[id] === hash && this.lens[id] === len) {
        // Compare against the name's first occurrence in the same text:
        // cheaper than reading a sliced string char by char.
        const at = this.firstAt[id];
        let k = 0;
        while (k < len && bytes[at + k] === bytes[start + k]) k++;
        if (k === len) return id;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private add(bytes: Buffer, start: number, end: number, hash: number, slot: number): number {
    const id = this.names.length;
    const str = bytes.toString('utf8', start, end);
    this.names.push(this.internalizeStrings ? internalize(str) : str);
    if (id >= this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.lens = grown(this.lens);
      this.firstAt = grown(this.firstAt);
    }
    this.hashes[id] = hash;
    this.lens[id] = end - start;
    this.firstAt[id] = start;
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > this.mask) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.names.length; id++) {
      let slot = this.hashes[id] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }
}

function grown(a: Int32Array): Int32Array {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}

/**
 * V8 internalizes property keys; reading the key back yields the
 * internalized copy, which makes `switch (name) { case 'Terrain': ... }` in
 * the mappers a pointer comparison.
 */
function internalize(s: string): string {
  const o: Record<string, number> = {};
  o[s] = 0;
  return Object.keys(o)[0] ?? s;
}
