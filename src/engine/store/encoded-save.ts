/**
 * A `ParsedSave` as flat, row-major value arrays in the store's column order:
 * the form a save crosses from a parse worker to the writer in.
 *
 * Why: a typical save is ~30,000 small row objects. Structured-cloning them
 * costs the receiving thread (the single writer) ~35 ms per save; the same
 * rows as flat arrays, sent as JSON bytes, cost it ~8 ms to decode, and the
 * SQLite writer binds them without touching a row object. See
 * docs/design.md and docs/benchmarks.md.
 */
import type { ParsedSave, SaveMeta } from '../reader/parsed-save.js';
import { tableSpecs, type ListKey, type TableSpec } from './tables.js';

export type Cell = string | number | null;

export interface EncodedTable {
  count: number;
  /** `count` rows of `spec.fields.length` cells; booleans as 0/1, absent values as null. */
  values: Cell[];
}

export interface EncodedSave {
  meta: SaveMeta;
  tables: { [L in ListKey]: EncodedTable };
}

type Flatten = (rows: readonly object[], out: Cell[]) => void;
type Inflate = (values: readonly Cell[], count: number) => object[];

/** Generated per table so that each field is a constant property access, not a keyed lookup. */
function compileFlatten(spec: TableSpec): Flatten {
  const body = ['let k = 0;', 'for (let r = 0; r < rows.length; r++) {', '  const row = rows[r];', '  let v;'];
  spec.fields.forEach((f, i) => {
    body.push(`  v = row[${JSON.stringify(f)}];`);
    body.push(spec.kinds[i] === 'bool' ? '  out[k++] = v === true ? 1 : v === false ? 0 : v ?? null;' : '  out[k++] = v ?? null;');
  });
  body.push('}');
  return new Function('rows', 'out', body.join('\n')) as Flatten;
}

function compileInflate(spec: TableSpec): Inflate {
  const fields = spec.fields.map((f, i) => `${JSON.stringify(f)}: ${spec.kinds[i] === 'bool' ? 'values[k++] === 1' : 'values[k++]'}`);
  const body = ['const out = new Array(count);', 'let k = 0;', 'for (let r = 0; r < count; r++) {', `  out[r] = { ${fields.join(', ')} };`, '}', 'return out;'];
  return new Function('values', 'count', body.join('\n')) as Inflate;
}

const codecs = tableSpecs.map((spec) => ({ spec, flatten: compileFlatten(spec), inflate: compileInflate(spec) }));

export function encodeSave(save: ParsedSave): EncodedSave {
  const tables = {} as EncodedSave['tables'];
  for (const { spec, flatten } of codecs) {
    const rows = save[spec.list] as readonly object[];
    const values: Cell[] = new Array(rows.length * spec.fields.length);
    flatten(rows, values);
    tables[spec.list] = { count: rows.length, values };
  }
  return { meta: save.meta, tables };
}

export function decodeSave(encoded: EncodedSave): ParsedSave {
  const save = { meta: encoded.meta } as Record<string, unknown>;
  for (const { spec, inflate } of codecs) {
    const table = encoded.tables[spec.list];
    save[spec.list] = inflate(table.values, table.count);
  }
  return save as unknown as ParsedSave;
}

export function isEncodedSave(save: ParsedSave | EncodedSave): save is EncodedSave {
  return 'tables' in save;
}

/** The bytes a worker sends: JSON is the fastest form V8 reads back (see the module comment). */
export function encodeSaveBytes(save: ParsedSave): Uint8Array {
  return Buffer.from(JSON.stringify(encodeSave(save)));
}

export function decodeSaveBytes(bytes: Uint8Array): EncodedSave {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as EncodedSave;
}
