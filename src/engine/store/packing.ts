/**
 * SQLite's packed tables (`EntityDecl.packed`): a history series, the rows
 * of one player, series and key, is stored as one row whose points are one
 * JSON object `{"<turn>":<value>,...}`, in turn order. A typical save has
 * ~13,500 points in ~175 series, more than half of all its rows: packed,
 * the writer inserts ~175 rows instead (their B-tree work was ~12 -> ~2.4 ms
 * of a save's write, and the table about 40% smaller; docs/design.md).
 * The table's view unpacks the object with `json_each`, so every query and
 * the export read a row per point, as before.
 *
 * DuckDB keeps a row per point: its columns compress the repeated keys
 * themselves, and its writer fills whole column vectors at once, so a row
 * costs it little; a JSON object per series would cost it a parse per read.
 */
import type { Backend } from '../../shared/settings.js';
import { NULL_I32, type EncodedTable } from '../codec/encoded-save.js';
import { usesDictionary } from './dictionary.js';
import type { ColumnKind, TableSpec } from './tables.js';

/** Whether a backend stores a packed entity packed. */
export function packsRows(backend: Backend): boolean {
  return backend === 'sqlite';
}

export interface StoredColumn {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  /** The spec field the column stores, or null for a packed column. */
  field: number | null;
}

/** The table's columns after save_id as the backend stores them, in order: a dictionary field as its id where the backend keeps the dictionary. */
export function storedColumns(spec: TableSpec, backend: Backend): StoredColumn[] {
  const packed = packsRows(backend) ? spec.packed : null;
  const dictionaryIds = usesDictionary(backend);
  const out: StoredColumn[] = [];
  spec.fields.forEach((_, i) => {
    if (packed && (i === packed.key || i === packed.value)) return;
    out.push({ name: spec.columns[i]!, kind: dictionaryIds ? spec.idKinds[i]! : spec.kinds[i]!, nullable: spec.nullable[i]!, field: i });
  });
  if (packed) out.push({ name: packed.column, kind: 'text', nullable: false, field: null });
  return out;
}

/** The primary key after save_id as stored: a packed table is keyed without its packed key. */
export function storedKey(spec: TableSpec, backend: Backend): string[] | null {
  if (!spec.key) return null;
  const packed = packsRows(backend) ? spec.packed : null;
  const dropped = packed ? spec.fields[packed.key] : null;
  return spec.key.filter((f) => f !== dropped).map((f) => spec.columns[spec.fields.indexOf(f)]!);
}

/** The packed rows of one save's table: each row's group cells (the stored columns but the last), and its points. */
export interface PackedRows {
  count: number;
  /** `count` rows of the group fields' cells, in the stored columns' order. */
  cells: Float64Array | Int32Array;
  width: number;
  points: string[];
}

/**
 * Pure: a table's rows, sorted by its key (as the writer has them, dictionary.ts), packed one row per
 * group. A group's rows are consecutive because the packed key is the key's last field.
 */
export function packRows(spec: TableSpec, table: EncodedTable): PackedRows {
  const packed = spec.packed!;
  const width = spec.fields.length;
  const group = spec.fields.map((_, i) => i).filter((i) => i !== packed.key && i !== packed.value);
  const { cells, count } = table;
  const i32 = cells instanceof Int32Array;
  const out = new (i32 ? Int32Array : Float64Array)(count * group.length);
  const points: string[] = [];
  let rows = 0;
  let json = '';
  for (let r = 0, at = 0; r < count; r++, at += width) {
    let same = r > 0;
    for (let g = 0; same && g < group.length; g++) {
      const a = cells[at + group[g]!]!;
      const b = cells[at - width + group[g]!]!;
      same = a === b || (a !== a && b !== b);
    }
    if (!same) {
      if (r > 0) points.push(json + '}');
      for (let g = 0; g < group.length; g++) out[rows * group.length + g] = cells[at + group[g]!]!;
      rows++;
      json = '{';
    } else json += ',';
    const key = cells[at + packed.key]!;
    const value = cells[at + packed.value]!;
    if (i32 ? key === NULL_I32 || value === NULL_I32 : key !== key || value !== value)
      throw new TypeError(`${spec.table}: a packed ${spec.fields[packed.key]} or ${spec.fields[packed.value]} is absent.`);
    json += `"${key}":${value}`;
  }
  if (count) points.push(json + '}');
  return { count: rows, cells: out.subarray(0, rows * group.length), width: group.length, points };
}
