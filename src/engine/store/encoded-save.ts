/**
 * A `ParsedSave` as one typed array of cells per table plus one string table
 * per save: the form a save crosses from a parse worker to the writer in.
 *
 * Why this shape (measured on the 64-save typical corpus, per save):
 * - Structured-cloning ~32,000 row objects costs the receiving thread (the
 *   single writer) ~35 ms; the same rows as flat arrays in JSON bytes cost
 *   it ~8-12 ms to decode and the worker ~14 ms to stringify and encode.
 * - As cells in a Float64Array, the bytes are copied, not parsed: the writer
 *   decodes a save in well under 1 ms (a small JSON header) and the worker
 *   encodes it in ~4 ms. Of ~61,000 text cells a save holds only ~1,400
 *   distinct strings (TERRAIN_*, YIELD_*, ...), so text travels once, in the
 *   string table, and a text cell is that string's index.
 * - Float64 holds every JS number exactly (ids, turns, any game value), so
 *   nothing is narrowed; NaN marks an absent value (no column holds NaN: the
 *   reader produces integers).
 *
 * Rows of the tables SQLite clusters on a key leave the worker sorted by that
 * key (see `clusterKeys`): SQLite then appends at the end of each B-tree
 * instead of seeking for every row (history_points ~15 -> ~11 ms per save)
 * and fills its pages. Row order within a save carries no meaning (SQLite
 * returns a WITHOUT ROWID table in key order whatever the insert order).
 */
import type { ParsedSave, SaveMeta } from '../reader/parsed-save.js';
import { tableSpecs, type ListKey, type TableSpec } from './tables.js';

export interface EncodedTable {
  count: number;
  /**
   * `count` rows of `spec.fields.length` cells, row-major: numbers as
   * themselves, booleans as 0/1, text as an index into `EncodedSave.strings`,
   * absent values as NaN.
   */
  cells: Float64Array;
}

export interface EncodedSave {
  meta: SaveMeta;
  /** Every distinct text value of the save's rows, each once. */
  strings: string[];
  tables: { [L in ListKey]: EncodedTable };
}

/**
 * The SQLite clustering key of each child table after save_id (its WITHOUT
 * ROWID primary key, migrations v1), as row fields; null for a rowid table.
 * Only an insert-order hint: a key missing here costs speed, never data
 * (test/store checks these against the schema).
 */
export const clusterKeys: { readonly [L in ListKey]: readonly string[] | null } = {
  players: ['id'],
  playerValues: ['playerId', 'kind', 'key'],
  playerLaws: ['playerId', 'lawClass'],
  playerLeaders: ['playerId', 'ordinal'],
  playerCouncil: ['playerId', 'position'],
  playerFamilies: ['playerId', 'family'],
  playerGoals: ['playerId', 'ordinal'],
  history: ['playerId', 'series', 'key', 'turn'],
  logEntries: ['playerId', 'ordinal'],
  memories: ['playerId', 'ordinal'],
  characters: ['id'],
  characterTraits: ['characterId', 'trait'],
  characterRatings: ['characterId', 'rating'],
  characterRelationships: null,
  characterSpouses: ['characterId', 'spouseId'],
  cities: ['id'],
  cityReligions: ['cityId', 'religion'],
  cityCulture: ['cityId', 'team'],
  cityValues: ['cityId', 'kind', 'key'],
  tiles: ['id'],
  tileOwnerHistory: ['tileId', 'turn'],
  units: ['id'],
  unitPromotions: ['unitId', 'promotion'],
  families: ['family'],
  religions: ['religion'],
  tribes: ['tribe'],
  diplomacy: ['kind', 'a', 'b'],
};

type Intern = (s: string) => number;
type Reject = (field: string, value: unknown) => never;
/** Writes rows (in `order`, when given) into `cells` from offset `k`. */
type Flatten = (rows: readonly object[], order: Uint32Array | null, cells: Float64Array, k: number, intern: Intern, reject: Reject) => void;
type Inflate = (cells: Float64Array, count: number, strings: readonly string[]) => object[];
type Compare = (a: object, b: object) => number;

// The per-table functions are generated so that each field is a constant
// property access and each cell's kind is known in the code, not looked up.

function compileFlatten(spec: TableSpec): Flatten {
  const body = ['for (let i = 0; i < rows.length; i++) {', '  const row = rows[order === null ? i : order[i]];', '  let v;'];
  spec.fields.forEach((f, i) => {
    body.push(`  v = row[${JSON.stringify(f)}];`);
    const kind = spec.kinds[i];
    // A float64 cell would silently turn a value of the wrong type into NaN
    // (NULL): refuse it instead, as the database driver would have.
    const number = `typeof v === 'number' ? v : v == null ? NaN : reject(${JSON.stringify(`${spec.table}.${f}`)}, v)`;
    if (kind === 'text') body.push('  cells[k++] = v == null ? NaN : intern(v);');
    else if (kind === 'bool') body.push(`  cells[k++] = v === true ? 1 : v === false ? 0 : ${number};`);
    else body.push(`  cells[k++] = ${number};`);
  });
  body.push('}');
  return new Function('rows', 'order', 'cells', 'k', 'intern', 'reject', body.join('\n')) as Flatten;
}

function compileInflate(spec: TableSpec): Inflate {
  const fields = spec.fields.map((f, i) => {
    const kind = spec.kinds[i];
    const value = kind === 'bool' ? 'v === 1' : kind === 'text' ? '(v !== v ? null : strings[v])' : '(v !== v ? null : v)';
    return `${JSON.stringify(f)}: (v = cells[k++], ${value})`;
  });
  const body = [
    'const out = new Array(count);',
    'let k = 0;',
    'let v;',
    'for (let r = 0; r < count; r++) {',
    `  out[r] = { ${fields.join(', ')} };`,
    '}',
    'return out;',
  ];
  return new Function('cells', 'count', 'strings', body.join('\n')) as Inflate;
}

/** Key order, as SQLite's BINARY collation sees it for the values a save holds (integers, ASCII text). */
function compileCompare(key: readonly string[]): Compare {
  const body = ['let x, y;'];
  for (const f of key) {
    const p = JSON.stringify(f);
    body.push(`x = a[${p}]; y = b[${p}]; if (x !== y) return x < y ? -1 : 1;`);
  }
  body.push('return 0;');
  return new Function('a', 'b', body.join('\n')) as Compare;
}

const codecs = tableSpecs.map((spec) => {
  const key = clusterKeys[spec.list];
  return { spec, flatten: compileFlatten(spec), inflate: compileInflate(spec), compare: key ? compileCompare(key) : null };
});

/** The rows' key order, or null when they already are in it (the usual case for most tables). */
function keyOrder(rows: readonly object[], compare: Compare | null): Uint32Array | null {
  if (!compare) return null;
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = compare(rows[i - 1]!, rows[i]!) <= 0;
  if (sorted) return null;
  // Array.prototype.sort is a TimSort: the few ascending runs a save's rows come in merge cheaply.
  const order = Array.from({ length: rows.length }, (_, i) => i).sort((a, b) => compare(rows[a]!, rows[b]!));
  return Uint32Array.from(order);
}

const reject: Reject = (field, value) => {
  throw new TypeError(`${field} holds ${typeof value === 'object' ? 'an object' : `a ${typeof value}`}, not a number.`);
};

export function encodeSave(save: ParsedSave): EncodedSave {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern: Intern = (s) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const tables = {} as EncodedSave['tables'];
  for (const { spec, flatten, compare } of codecs) {
    const rows = save[spec.list] as readonly object[];
    const cells = new Float64Array(rows.length * spec.fields.length);
    flatten(rows, keyOrder(rows, compare), cells, 0, intern, reject);
    tables[spec.list] = { count: rows.length, cells };
  }
  return { meta: save.meta, strings, tables };
}

export function decodeSave(encoded: EncodedSave): ParsedSave {
  const save = { meta: encoded.meta } as Record<string, unknown>;
  for (const { spec, inflate } of codecs) {
    const table = encoded.tables[spec.list];
    save[spec.list] = inflate(table.cells, table.count, encoded.strings);
  }
  return save as unknown as ParsedSave;
}

export function isEncodedSave(save: ParsedSave | EncodedSave): save is EncodedSave {
  return 'tables' in save;
}

// ------------------------------------------------------------------ bytes
//
// Layout: u32 (LE) header length H | H bytes of JSON { meta, strings, counts }
// | zero padding to a multiple of 8 | every table's cells as float64 (in the
// platform's byte order: both ends run on one machine), back to back in
// `tableSpecs` order. `counts` (rows per table, same order)
// says where each table's cells start.

interface Header {
  meta: SaveMeta;
  strings: string[];
  counts: number[];
}

/** The bytes a worker sends: a small JSON header and the cells copied as they are. */
export function encodeSaveBytes(save: ParsedSave): Uint8Array {
  const encoded = encodeSave(save);
  const tables = tableSpecs.map((spec) => encoded.tables[spec.list]);
  const header: Header = { meta: encoded.meta, strings: encoded.strings, counts: tables.map((t) => t.count) };
  const json = JSON.stringify(header);
  const headerBytes = Buffer.byteLength(json);
  const cellsStart = Math.ceil((4 + headerBytes) / 8) * 8;
  const cellBytes = tables.reduce((sum, t) => sum + t.cells.byteLength, 0);
  const out = Buffer.alloc(cellsStart + cellBytes);
  out.writeUInt32LE(headerBytes, 0);
  out.write(json, 4, 'utf8');
  let at = cellsStart;
  for (const t of tables) {
    out.set(new Uint8Array(t.cells.buffer, t.cells.byteOffset, t.cells.byteLength), at);
    at += t.cells.byteLength;
  }
  return out;
}

/** Decodes what `encodeSaveBytes` wrote. The cells are views of `bytes` (or of one aligned copy of them). */
export function decodeSaveBytes(bytes: Uint8Array): EncodedSave {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerBytes = buf.readUInt32LE(0);
  const header = JSON.parse(buf.toString('utf8', 4, 4 + headerBytes)) as Header;
  const cellsStart = Math.ceil((4 + headerBytes) / 8) * 8;
  // A Float64Array view needs an 8-byte aligned offset; the IPC layer gives no such promise.
  let cellBuffer = bytes.buffer;
  let offset = bytes.byteOffset + cellsStart;
  if (offset % 8 !== 0) {
    // (Not `bytes.slice`: on a Buffer that is a view, not a copy.)
    const copy = new Uint8Array(bytes.byteLength - cellsStart);
    copy.set(bytes.subarray(cellsStart));
    cellBuffer = copy.buffer;
    offset = 0;
  }
  const tables = {} as EncodedSave['tables'];
  tableSpecs.forEach((spec, i) => {
    const count = header.counts[i]!;
    const length = count * spec.fields.length;
    tables[spec.list] = { count, cells: new Float64Array(cellBuffer, offset, length) };
    offset += length * 8;
  });
  return { meta: header.meta, strings: header.strings, tables };
}
