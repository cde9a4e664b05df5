/**
 * A `ParsedSave` as one typed array of cells per table plus one string table
 * per save: the form a save crosses from a parse worker to the writer in.
 *
 * Why this shape (measured on the 64-save typical corpus, per save):
 * - Structured-cloning ~32,000 row objects costs the receiving thread (the
 *   single writer) ~35 ms; the same rows as flat arrays in JSON bytes cost
 *   it ~8-12 ms to decode and the worker ~14 ms to stringify and encode.
 * - As cells in a typed array, the bytes are copied, not parsed: the writer
 *   decodes a save in well under 1 ms (a small JSON header). Of ~61,000
 *   text cells a save holds only ~1,400 distinct strings (TERRAIN_*,
 *   YIELD_*, ...), so text travels once, in the string table, and a text
 *   cell is that string's index.
 * - In memory the cells are float64, which holds every JS number exactly
 *   (ids, turns, any game value); NaN marks an absent value (no column holds
 *   NaN: the reader produces integers). The bytes narrow each table whose
 *   values all fit to int32 (every table of a typical save): half the bytes
 *   to copy and collect, ~7% less CPU for a whole 266-save, 2-worker import.
 * - The worker never builds the `ParsedSave`: its mappers push each row into
 *   a `SaveEncoder`, which writes it straight into the cells (map + encode
 *   of a typical save ~13.5 -> ~11 ms, and no 32,000 objects for the GC).
 *
 * Rows of the tables SQLite clusters on a key leave the worker sorted by that
 * key (see `clusterKeys`): SQLite then appends at the end of each B-tree
 * instead of seeking for every row (history_points ~15 -> ~11 ms per save)
 * and fills its pages. Row order within a save carries no meaning (SQLite
 * returns a WITHOUT ROWID table in key order whatever the insert order).
 */
import { entity, type CompletedLaterList } from '../model/catalogue.js';
import type { ParsedSave, RowSink, SaveMeta, SaveSink } from '../model/parsed-save.js';
import { compileCompare, compileInflate, compilePush, type Compare, type Push, type Reject } from '../codegen/index.js';
import { tableSpecs, type ListKey, type RowOf } from '../model/tables.js';

export interface EncodedTable {
  count: number;
  /**
   * `count` rows of `spec.fields.length` cells, row-major: numbers as
   * themselves, booleans as 0/1, text as an index into `EncodedSave.strings`.
   * An absent value is NaN in a Float64Array, `NULL_I32` in an Int32Array
   * (the byte form narrows a table to 32 bits when every value fits).
   */
  cells: Float64Array | Int32Array;
}

/** An absent value in an Int32Array of cells (a table holding this value as a value stays Float64). */
export const NULL_I32 = -2147483648;

export interface EncodedSave {
  meta: SaveMeta;
  /** The text values of the save's rows: each distinct one once (long ones may repeat). */
  strings: string[];
  tables: { [L in ListKey]: EncodedTable };
}

/**
 * The key each child table's rows are sent in order of, as row fields: the
 * natural key the catalogue declares (SQLite's clustering key after
 * save_id); null for a table without one. Only an insert-order hint: a
 * wrong key costs speed, never data.
 */
export const clusterKeys: { readonly [L in ListKey]: readonly string[] | null } = Object.fromEntries(
  tableSpecs.map((s) => [s.list, s.key]),
) as { [L in ListKey]: readonly string[] | null };

const reject: Reject = (field, value) => {
  throw new TypeError(`${field} holds ${typeof value === 'object' ? 'an object' : `a ${typeof value}`}, not a number.`);
};

/**
 * Longer texts are sent as they come, without looking them up: they are the
 * event log's sentences, nearly all distinct, and hashing each one only to
 * find it new cost more than the occasional repeat does to send.
 */
const MAX_INTERNED_LENGTH = 64;

/** The texts of one save, each distinct short one once, each given the index it is sent under. */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  intern(s: string): number {
    if (s.length > MAX_INTERNED_LENGTH) return this.strings.push(s) - 1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/**
 * One table's rows as they arrive, written straight into its cells. `push` is
 * compiled per table (each field a constant property access, each cell's
 * kind known in the code) and shared by every save's sink for that table, so
 * a mapper's `out.history.push({ ... })` calls one known function that V8
 * inlines, and the row object it passes usually never exists at all.
 */
class TableSink {
  cells: Float64Array;
  /** Next free cell. */
  k = 0;
  count = 0;
  /** Per field: the last text pushed and its string index. */
  readonly lastText: (string | null)[];
  readonly lastIndex: number[];

  constructor(
    readonly width: number,
    readonly text: StringTable,
    readonly push: Push,
    expectedRows: number,
  ) {
    this.cells = new Float64Array(width * Math.max(16, expectedRows));
    this.lastText = new Array<string | null>(width).fill(null);
    this.lastIndex = new Array<number>(width).fill(0);
  }

  /** Makes room for at least one more row. */
  grow(): void {
    const next = new Float64Array(this.cells.length * 2);
    next.set(this.cells);
    this.cells = next;
  }
}

/** `make`'s value, made on the first call: each process generates only the functions it uses. */
function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

// Generated when first used, not when this module loads: a parse uses push and compare, only decodeSave the
// inflaters, and the writer's process of a one-file import (early-parse.ts) none of them.
const codecs = tableSpecs.map((spec) => {
  const key = clusterKeys[spec.list];
  return {
    spec,
    push: once(() => compilePush(spec, reject).fn),
    inflate: once(() => compileInflate(spec, null).fn),
    inflateI32: once(() => compileInflate(spec, NULL_I32).fn),
    compare: once(() => (key ? compileCompare(spec, key).fn : null)),
    lastCount: 0,
  };
});
const codecOf = new Map(codecs.map((c) => [c.spec.list, c]));
/** The largest first allocation a table's sink makes from the previous save's size. */
const MAX_ROWS_HINT = 1 << 16;

/** The table's cells in key order: as they are when already sorted (the usual case for most tables), else a sorted copy. */
function inKeyOrder(sink: TableSink, compare: Compare | null, strings: readonly string[]): Float64Array {
  const { cells, count, width } = sink;
  const used = cells.subarray(0, count * width);
  if (!compare) return used;
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) sorted = compare(cells, strings, i - 1, i) <= 0;
  if (sorted) return used;
  const order = new Array<number>(count);
  for (let i = 0; i < count; i++) order[i] = i;
  // Array.prototype.sort is a TimSort: the few ascending runs a save's rows come in merge cheaply.
  order.sort((i, j) => compare(cells, strings, i, j));
  const out = new Float64Array(count * width);
  let k = 0;
  for (let r = 0; r < count; r++) {
    const from = order[r]! * width;
    for (let c = 0; c < width; c++) out[k++] = cells[from + c]!;
  }
  return out;
}

// Every list's sink, typed from the catalogue (so a new entity needs no edit here); the encoder's constructor makes them.
const Sinks = class {} as new () => SaveSink;

/**
 * Where the reader's mappers put a save's rows when it is read to be sent
 * to the writer (see `SaveSink`): each table's rows go straight into its
 * cells as they are mapped, with no array of row objects in between.
 * The lists the catalogue marks `completedLater` stay row arrays until
 * `finish`: the mappers still complete them after the fact (a handful of rows).
 */
export class SaveEncoder extends Sinks {
  private readonly text = new StringTable();
  private readonly sinks = new Map<ListKey, TableSink>();

  constructor() {
    super();
    // Always the same properties in the same order: every encoder has one hidden class.
    const self = this as unknown as Record<ListKey, unknown>;
    for (const { spec } of codecs) self[spec.list] = entity(spec.list).completedLater ? [] : this.sink(spec.list);
  }

  private sink<L extends ListKey>(list: L): RowSink<RowOf<L>> {
    const codec = codecOf.get(list)!;
    const sink = new TableSink(codec.spec.fields.length, this.text, codec.push(), codec.lastCount);
    this.sinks.set(list, sink);
    return sink as RowSink<RowOf<L>>;
  }

  /** The save, every table in its key order. The encoder is spent afterwards. */
  finish(meta: SaveMeta): EncodedSave {
    for (const { spec } of codecs) {
      if (!entity(spec.list).completedLater) continue;
      const sink = this.sink(spec.list);
      for (const row of this[spec.list as CompletedLaterList] as object[]) sink.push(row as never);
    }
    const strings = this.text.strings;
    const tables = {} as EncodedSave['tables'];
    for (const codec of codecs) {
      const sink = this.sinks.get(codec.spec.list)!;
      // Saves of one collection have similar sizes: the next save's table starts at this one's size
      // (capped, so one huge save does not make every later one reserve its size).
      codec.lastCount = Math.min(sink.count, MAX_ROWS_HINT);
      tables[codec.spec.list] = { count: sink.count, cells: inKeyOrder(sink, codec.compare(), strings) };
    }
    return { meta, strings, tables };
  }
}

export function encodeSave(save: ParsedSave): EncodedSave {
  const encoder = new SaveEncoder();
  for (const { spec } of codecs) {
    const sink = encoder[spec.list] as RowSink<object>;
    for (const row of save[spec.list] as readonly object[]) sink.push(row);
  }
  return encoder.finish(save.meta);
}

export function decodeSave(encoded: EncodedSave): ParsedSave {
  const save = { meta: encoded.meta } as Record<string, unknown>;
  for (const { spec, inflate, inflateI32 } of codecs) {
    const table = encoded.tables[spec.list];
    save[spec.list] = (table.cells instanceof Int32Array ? inflateI32() : inflate())(table.cells, table.count, encoded.strings);
  }
  return save as unknown as ParsedSave;
}

export function isEncodedSave(save: ParsedSave | EncodedSave): save is EncodedSave {
  return 'tables' in save;
}

// ------------------------------------------------------------------ bytes
//
// Layout: u32 (LE) header length H | H bytes of JSON { meta, strings, counts,
// int32 } | every table's cells, in `tableSpecs` order, each starting at a
// multiple of 8 bytes (zero padding before it): as int32 where `int32` says
// so, else as float64, in the platform's byte order (both ends run on one
// machine). `counts` (rows per table) says how long each table is.
//
// Every value of a typical save fits in 32 bits (ids, turns, string
// indexes, game values): narrowing halves the ~1.9 MB a save crosses the
// pipe with, and with it the copies and the garbage collections of the
// writer's process, which the bytes' buffers drive.

interface Header {
  meta: SaveMeta;
  strings: string[];
  counts: number[];
  int32: boolean[];
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;

/** Whether every cell is absent (NaN) or a 32-bit integer other than NULL_I32. */
function fitsInt32(cells: Float64Array | Int32Array): boolean {
  if (cells instanceof Int32Array) return true;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    if (v === v && ((v | 0) !== v || v === NULL_I32)) return false;
  }
  return true;
}

/** The bytes a worker sends: a small JSON header and the cells copied as they are (or narrowed to int32). */
export function encodeSaveBytes(save: ParsedSave | EncodedSave): Uint8Array {
  const encoded = isEncodedSave(save) ? save : encodeSave(save);
  const tables = tableSpecs.map((spec) => encoded.tables[spec.list]);
  const int32 = tables.map((t) => fitsInt32(t.cells));
  const header: Header = { meta: encoded.meta, strings: encoded.strings, counts: tables.map((t) => t.count), int32 };
  const json = JSON.stringify(header);
  const headerBytes = Buffer.byteLength(json);
  let size = 4 + headerBytes;
  tables.forEach((t, i) => (size = align8(size) + t.cells.length * (int32[i] ? 4 : 8)));
  const out = Buffer.alloc(size);
  out.writeUInt32LE(headerBytes, 0);
  out.write(json, 4, 'utf8');
  let at = 4 + headerBytes;
  tables.forEach((t, i) => {
    at = align8(at);
    const cells = t.cells;
    if (!int32[i] || cells instanceof Int32Array) {
      out.set(new Uint8Array(cells.buffer, cells.byteOffset, cells.byteLength), at);
    } else {
      const to = new Int32Array(out.buffer, out.byteOffset + at, cells.length);
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c]!;
        to[c] = v === v ? v : NULL_I32;
      }
    }
    at += cells.length * (int32[i] ? 4 : 8);
  });
  return out;
}

/** Decodes what `encodeSaveBytes` wrote. The cells are views of `bytes` (or of one aligned copy of them). */
export function decodeSaveBytes(bytes: Uint8Array): EncodedSave {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerBytes = buf.readUInt32LE(0);
  const header = JSON.parse(buf.toString('utf8', 4, 4 + headerBytes)) as Header;
  // Typed-array views need their offsets aligned; the IPC layer gives no such promise.
  let cellBuffer = bytes.buffer;
  let base = bytes.byteOffset;
  if (base % 8 !== 0) {
    // (Not `bytes.slice`: on a Buffer that is a view, not a copy.)
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    cellBuffer = copy.buffer;
    base = 0;
  }
  const tables = {} as EncodedSave['tables'];
  let at = 4 + headerBytes;
  tableSpecs.forEach((spec, i) => {
    at = align8(at);
    const length = header.counts[i]! * spec.fields.length;
    const narrow = header.int32[i] === true;
    const cells = narrow ? new Int32Array(cellBuffer, base + at, length) : new Float64Array(cellBuffer, base + at, length);
    tables[spec.list] = { count: header.counts[i]!, cells };
    at += length * (narrow ? 4 : 8);
  });
  return { meta: header.meta, strings: header.strings, tables };
}
