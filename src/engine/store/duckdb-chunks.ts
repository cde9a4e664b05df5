/**
 * Fills DuckDB data chunks from a table's encoded cells, one column at a
 * time: each column is written into a plain typed array laid out as DuckDB's
 * vector is (int32, one byte per boolean, 16-byte string_t, a validity bit
 * mask) and crosses into DuckDB in one copy. No row objects, and no native
 * call per value: node-api's `setItem` made one per text value (~11 ms a
 * typical save) and a BigInt mask operation per value (~3 ms).
 *
 * This writes DuckDB's vector memory through @duckdb/node-bindings, the
 * binding node-api itself is built on (same package, same version: a test
 * checks it): `copy_data_to_vector` for the values, the validity copy for
 * NULLs, and DuckDB's own `vector_assign_string_element_len` for each
 * string too long to sit inline in its string_t.
 */
import ddb from '@duckdb/node-bindings';
import { NULL_I32 } from '../codec/encoded-save.js';
import type { ColumnKind } from './tables.js';

/** One database column: a cell of each row (its index in the row), the save's id, or NULL (a column the writer does not know). */
export type ChunkColumn = { kind: ColumnKind; cell: number } | { kind: 'save_id' | 'null'; cell: -1 };

/** DuckDB's vector size: the most rows a data chunk holds. */
export const CHUNK_ROWS = 2048;

/** A string_t: a uint32 length, then the bytes themselves when they fit in 12, else a 4-byte prefix and a pointer into the vector's heap. */
const STRING_T = 16;
const INLINE_MAX = 12;

const bytesPerRow: Record<ChunkColumn['kind'], number> = { int: 4, bool: 1, text: STRING_T, save_id: 4, null: 0 };

/**
 * A save's strings as DuckDB holds them, each worked out when first needed:
 * its string_t as four int32 when it fits inline, else its UTF-8 bytes for
 * DuckDB to copy into a vector's heap. One per save: ~1,400 distinct strings
 * stand for ~61,000 text cells.
 */
export class SaveStrings {
  /** Per string: 0 not yet looked at, 1 inline (its string_t in `inline`), 2 long (its bytes in `long`). */
  readonly state: Uint8Array;
  readonly inline: Int32Array;
  readonly long: (Uint8Array | undefined)[];

  constructor(readonly strings: readonly string[]) {
    this.state = new Uint8Array(strings.length);
    this.inline = new Int32Array(strings.length * 4);
    this.long = new Array<Uint8Array | undefined>(strings.length);
  }

  /** Works out string `i`; its state. */
  prepare(i: number): number {
    const bytes = Buffer.from(this.strings[i]!, 'utf8');
    if (bytes.length > INLINE_MAX) {
      this.long[i] = bytes;
      return (this.state[i] = 2);
    }
    const slot = new Uint8Array(this.inline.buffer, i * STRING_T, STRING_T);
    new DataView(slot.buffer, slot.byteOffset).setUint32(0, bytes.length, true);
    slot.set(bytes, 4);
    return (this.state[i] = 1);
  }
}

const isNull = (v: number, i32: boolean): boolean => (i32 ? v === NULL_I32 : v !== v);

/**
 * One table's filler, with scratch buffers sized for a full chunk, reused for
 * every chunk of every save.
 */
export class ChunkFiller {
  private readonly buffers: ArrayBuffer[];
  private readonly validity = new Uint8Array(CHUNK_ROWS / 8);
  /** Per string index: 1 + the heap slot this chunk's column copied it into, or 0. */
  private heapSlot = new Int32Array(0);
  /** Per row of the chunk: 1 + the heap slot of its long string, or 0. */
  private readonly rowSlot = new Int32Array(CHUNK_ROWS);

  constructor(private readonly columns: readonly ChunkColumn[]) {
    this.buffers = columns.map((c) => new ArrayBuffer(Math.max(8, CHUNK_ROWS * bytesPerRow[c.kind])));
  }

  /** Writes rows `[first, first + n)` of the cells (`width` to a row) into the raw chunk's vectors. */
  fill(
    chunk: ddb.DataChunk,
    cells: Float64Array | Int32Array,
    first: number,
    width: number,
    n: number,
    strings: SaveStrings,
    saveId: number,
  ): void {
    const i32 = cells instanceof Int32Array;
    const validity = this.validity;
    for (let c = 0; c < this.columns.length; c++) {
      const col = this.columns[c]!;
      const vector = ddb.data_chunk_get_vector(chunk, c);
      const buffer = this.buffers[c]!;
      if (col.kind === 'save_id') {
        new Int32Array(buffer, 0, n).fill(saveId);
        ddb.copy_data_to_vector(vector, 0, buffer, 0, n * 4);
        continue;
      }
      if (col.kind === 'null') {
        validity.fill(0);
        this.copyValidity(vector, n);
        continue;
      }
      validity.fill(0xff);
      let nulls = 0;
      let k = first * width + col.cell;
      if (col.kind === 'int') {
        const out = new Int32Array(buffer, 0, n);
        for (let r = 0; r < n; r++, k += width) {
          const v = cells[k]!;
          if (isNull(v, i32)) {
            validity[r >> 3]! &= ~(1 << (r & 7));
            nulls++;
            out[r] = 0;
          } else {
            // A float64 table holds a value wider than 32 bits somewhere; DuckDB's INTEGER cannot take it.
            if ((v | 0) !== v) throw new RangeError(`${v} is not a 32-bit whole number`);
            out[r] = v;
          }
        }
        ddb.copy_data_to_vector(vector, 0, buffer, 0, n * 4);
      } else if (col.kind === 'bool') {
        const out = new Uint8Array(buffer, 0, n);
        for (let r = 0; r < n; r++, k += width) {
          const v = cells[k]!;
          if (isNull(v, i32)) {
            validity[r >> 3]! &= ~(1 << (r & 7));
            nulls++;
            out[r] = 0;
          } else out[r] = v === 1 ? 1 : 0;
        }
        ddb.copy_data_to_vector(vector, 0, buffer, 0, n);
      } else {
        nulls = this.fillText(vector, buffer, cells, i32, k, width, n, strings);
      }
      if (nulls) this.copyValidity(vector, n);
    }
  }

  /**
   * Inline strings are written into their string_t slots here. A long one is
   * copied into the vector's heap by DuckDB once per chunk, into the next of
   * the first slots, and every row holding it then gets that string_t,
   * pointing at the one copy (the heap lives as long as the vector).
   */
  private fillText(
    vector: ddb.Vector,
    buffer: ArrayBuffer,
    cells: Float64Array | Int32Array,
    i32: boolean,
    k0: number,
    width: number,
    n: number,
    strings: SaveStrings,
  ): number {
    if (this.heapSlot.length < strings.strings.length) this.heapSlot = new Int32Array(strings.strings.length * 2);
    const { heapSlot, rowSlot, validity } = this;
    const { state, inline } = strings;
    const out = new Int32Array(buffer, 0, n * 4);
    let nulls = 0;
    let longs = 0;
    for (let r = 0, k = k0; r < n; r++, k += width) {
      const v = cells[k]!;
      const o = r * 4;
      rowSlot[r] = 0;
      if (isNull(v, i32)) {
        validity[r >> 3]! &= ~(1 << (r & 7));
        nulls++;
        out[o] = out[o + 1] = out[o + 2] = out[o + 3] = 0;
      } else if ((state[v] || strings.prepare(v)) === 1) {
        const t = v * 4;
        out[o] = inline[t]!;
        out[o + 1] = inline[t + 1]!;
        out[o + 2] = inline[t + 2]!;
        out[o + 3] = inline[t + 3]!;
      } else {
        if (heapSlot[v] === 0) {
          ddb.vector_assign_string_element_len(vector, longs, strings.long[v]!);
          heapSlot[v] = ++longs;
        }
        rowSlot[r] = heapSlot[v]!;
      }
    }
    if (longs > 0) {
      // The string_t DuckDB wrote for each heap copy, read back from the first `longs` slots.
      const heap = ddb.vector_get_data(vector, longs * STRING_T);
      const aligned = heap.byteOffset % 4 === 0 ? heap : new Uint8Array(heap);
      const slots = new Int32Array(aligned.buffer, aligned.byteOffset, longs * 4);
      for (let r = 0, k = k0; r < n; r++, k += width) {
        const slot = rowSlot[r]!;
        if (slot === 0) continue;
        const o = r * 4;
        const t = (slot - 1) * 4;
        out[o] = slots[t]!;
        out[o + 1] = slots[t + 1]!;
        out[o + 2] = slots[t + 2]!;
        out[o + 3] = slots[t + 3]!;
        // The next chunk has a heap of its own.
        heapSlot[cells[k]!] = 0;
      }
    }
    ddb.copy_data_to_vector(vector, 0, buffer, 0, n * STRING_T);
    return nulls;
  }

  private copyValidity(vector: ddb.Vector, n: number): void {
    ddb.vector_ensure_validity_writable(vector);
    ddb.copy_data_to_vector_validity(vector, 0, this.validity.buffer, 0, Math.ceil(n / 64) * 8);
  }
}
