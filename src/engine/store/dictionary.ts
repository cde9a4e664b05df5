/**
 * The library's dictionary: each game key (TERRAIN_*, YIELD_*, a closed
 * set's value...) once, with the id the child tables store in its place
 * (`FieldDecl.dictionary`). A typical save's ~40,000 dictionary cells hold
 * a few hundred distinct keys, and a library of many saves a few thousand:
 * in SQLite, an id of one or two bytes instead of the key's text in every
 * row and every primary key is most of what makes the library small
 * (docs/design.md).
 *
 * DuckDB keeps the texts: it compresses a column's repeated strings itself
 * (dictionary and FSST segments; ids made its library 4% larger, not
 * smaller), and its views would pay a join per key column on every read
 * (a save's characters through the view: ~2 -> ~50 ms on a 1,000-save
 * library). Its `_v` views only pass the table through.
 *
 * The writer resolves a save's keys before appending its rows: the cache
 * answers the known ones, the new ones are inserted (in the save's own
 * transaction) and read back with their ids. A rolled-back save forgets
 * the ids it added, so the cache never names a row that is not there.
 * Ids are SQLite's rowids, and an insert that meets a key another
 * connection added just reads its id.
 */
import type { EncodedSave, EncodedTable } from '../codec/encoded-save.js';
import { NULL_I32 } from '../codec/encoded-save.js';
import { compileCompare, type Compare } from '../codegen/index.js';
import type { Backend } from '../../shared/settings.js';
import type { SqlRunner } from './sql-runner.js';
import { wait, type Steps } from './steps.js';
import { tableSpecs, type ListKey, type TableSpec } from './tables.js';

/** Whether a backend keeps game keys in the dictionary (see above for why DuckDB does not). */
export function usesDictionary(backend: Backend): boolean {
  return backend === 'sqlite';
}

/** Keys per statement: well under the parameter limit. */
const KEYS_PER_STATEMENT = 200;

/** Each table with a dictionary field: those fields' cells, and the order of its key once they hold ids. */
const keyedTables = tableSpecs
  .filter((spec) => spec.dictionary.some(Boolean))
  .map((spec) => ({
    spec,
    cells: spec.dictionary.flatMap((d, i) => (d ? [i] : [])),
    // Ids sort differently from their texts: a key with a dictionary field is sorted again by its ids.
    compare: spec.key?.some((f) => spec.dictionary[spec.fields.indexOf(f)]) ? compileCompare(storedSpec(spec), spec.key).fn : null,
  }));

/** The spec as its stored cells are: a dictionary field is a number. */
function storedSpec(spec: TableSpec): TableSpec {
  return { ...spec, kinds: spec.idKinds };
}

export class Dictionary {
  /** Committed keys and their ids; null until first read from the database. */
  private ids: Map<string, number> | null = null;
  /** Keys added by the transaction in progress. */
  private added: string[] = [];

  /**
   * The save's tables with every dictionary cell turned from a string index
   * into the key's id (adding the keys the library lacks), each sorted by
   * its key again where ids change the order. The save itself is left as it
   * was (a retried write resolves it again).
   */
  *resolve(db: SqlRunner, save: EncodedSave): Steps<EncodedSave['tables']> {
    const ids = this.ids ?? (yield* this.load(db));
    // Per string index: its key's id, 0 until resolved (ids start at 1).
    const idOf = new Int32Array(save.strings.length);
    const missing = new Set<string>();
    for (const { spec, cells } of keyedTables)
      forEachKeyCell(save.tables[spec.list], spec, cells, (i) => {
        if (idOf[i]) return;
        const key = save.strings[i]!;
        const id = ids.get(key);
        if (id === undefined) missing.add(key);
        else idOf[i] = id;
      });
    if (missing.size) {
      // In text order: the ids of one save's new keys then sort as their texts do, so the rows of a library's
      // first saves (which bring nearly all its keys) arrive already in key order and need no second sort.
      yield* this.add(db, [...missing].sort());
      save.strings.forEach((s, i) => {
        if (!idOf[i] && missing.has(s)) idOf[i] = ids.get(s)!;
      });
    }
    const tables = { ...save.tables };
    for (const { spec, cells, compare } of keyedTables) {
      const table = save.tables[spec.list];
      if (table.count) tables[spec.list as ListKey] = withIds(table, spec, cells, idOf, compare);
    }
    return tables;
  }

  /** The transaction committed: its keys are the library's. */
  committed(): void {
    this.added = [];
  }

  /** The transaction rolled back: its keys are gone. */
  rolledBack(): void {
    for (const key of this.added) this.ids?.delete(key);
    this.added = [];
  }

  private *load(db: SqlRunner): Steps<Map<string, number>> {
    const rows = yield* wait(db.all('SELECT id, key FROM dictionary'));
    this.ids = new Map(rows.map((r) => [String(r.key), Number(r.id)]));
    return this.ids;
  }

  private *add(db: SqlRunner, keys: readonly string[]): Steps<void> {
    for (let at = 0; at < keys.length; at += KEYS_PER_STATEMENT) {
      const part = keys.slice(at, at + KEYS_PER_STATEMENT);
      const marks = part.map(() => '(?)').join(', ');
      yield* wait(db.run(`INSERT INTO dictionary (key) VALUES ${marks} ON CONFLICT (key) DO NOTHING`, part));
      const rows = yield* wait(db.all(`SELECT id, key FROM dictionary WHERE key IN (${part.map(() => '?').join(', ')})`, part));
      for (const r of rows) this.ids!.set(String(r.key), Number(r.id));
    }
    this.added.push(...keys);
  }
}

function forEachKeyCell(table: EncodedTable, spec: TableSpec, fields: readonly number[], visit: (stringIndex: number) => void): void {
  const { cells, count } = table;
  const width = spec.fields.length;
  const i32 = cells instanceof Int32Array;
  for (let r = 0, at = 0; r < count; r++, at += width) {
    for (const f of fields) {
      const v = cells[at + f]!;
      if (i32 ? v !== NULL_I32 : v === v) visit(v);
    }
  }
}

/** A copy of the table's cells with ids in its dictionary fields, in key order. */
function withIds(table: EncodedTable, spec: TableSpec, fields: readonly number[], idOf: Int32Array, compare: Compare | null): EncodedTable {
  const cells = table.cells.slice();
  const width = spec.fields.length;
  const i32 = cells instanceof Int32Array;
  for (let at = 0; at < cells.length; at += width) {
    for (const f of fields) {
      const v = cells[at + f]!;
      if (i32 ? v !== NULL_I32 : v === v) cells[at + f] = idOf[v]!;
    }
  }
  return { count: table.count, cells: compare ? sorted(cells, table.count, width, compare) : cells };
}

function sorted(cells: Float64Array | Int32Array, count: number, width: number, compare: Compare): Float64Array | Int32Array {
  let inOrder = true;
  for (let i = 1; i < count && inOrder; i++) inOrder = compare(cells, [], i - 1, i) <= 0;
  if (inOrder) return cells;
  const order = new Array<number>(count);
  for (let i = 0; i < count; i++) order[i] = i;
  // A TimSort: the rows arrive in runs (one per history series, say) that it merges cheaply.
  order.sort((i, j) => compare(cells, [], i, j));
  const out = new (cells instanceof Int32Array ? Int32Array : Float64Array)(cells.length);
  let k = 0;
  for (let r = 0; r < count; r++) {
    const from = order[r]! * width;
    for (let c = 0; c < width; c++) out[k++] = cells[from + c]!;
  }
  return out;
}
