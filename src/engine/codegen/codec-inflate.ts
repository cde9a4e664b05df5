/** The codec: a table's cells back into row objects (`decodeSave`, for the reader's API and the tests). */
import type { TableSpec } from '../model/tables.js';
import { compile, type Compiled } from './compile.js';

export type Inflate = (cells: Float64Array | Int32Array, count: number, strings: readonly string[]) => object[];

/** `nullI32`: the absent value of int32 cells; null for float64 cells, where NaN is absent. */
export function compileInflate(spec: TableSpec, nullI32: number | null): Compiled<Inflate> {
  const absent = nullI32 === null ? 'v !== v' : `v === ${nullI32}`;
  const fields = spec.fields.map((f, i) => {
    const kind = spec.kinds[i];
    const value = kind === 'bool' ? 'v === 1' : kind === 'text' ? `(${absent} ? null : strings[v])` : `(${absent} ? null : v)`;
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
  return compile(`inflate_${spec.table}`, ['cells', 'count', 'strings'], body.join('\n'), () => (cells, count, strings) => {
    const out = new Array<object>(count);
    let k = 0;
    for (let r = 0; r < count; r++) {
      const row: Record<string, unknown> = {};
      spec.fields.forEach((f, i) => {
        const v = cells[k++]!;
        const isAbsent = nullI32 === null ? v !== v : v === nullI32;
        const kind = spec.kinds[i];
        row[f] = kind === 'bool' ? v === 1 : isAbsent ? null : kind === 'text' ? strings[v] : v;
      });
      out[r] = row;
    }
    return out;
  });
}
