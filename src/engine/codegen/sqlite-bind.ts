/**
 * SQLite: copies `n` rows of cells, from cell `src` on, into an INSERT's
 * parameters. An absent value (NaN, or `nullI32` in int32 cells) becomes
 * NULL and a text cell its string's bound value (the save's UTF-8 bytes).
 */
import type { TableSpec } from '../model/tables.js';
import { compile, type Compiled } from './compile.js';

export type Bind = (cells: Float64Array | Int32Array, src: number, n: number, texts: readonly unknown[], params: unknown[]) => void;

/** `nullI32`: the absent value of int32 cells; null for float64 cells, where NaN is absent. */
export function compileBind(spec: TableSpec, nullI32: number | null): Compiled<Bind> {
  const absent = nullI32 === null ? 'v !== v' : `v === ${nullI32}`;
  const body = ['let k = 0, s = src, v;', 'for (let r = 0; r < n; r++) {'];
  spec.kinds.forEach((kind, i) =>
    body.push(`  v = cells[s++]; params[k++] = ${absent} ? null : ${kind === 'text' ? 'texts[v]' : 'v'}; // ${spec.columns[i]}`),
  );
  body.push('}');
  return compile(`bind_${spec.table}`, ['cells', 'src', 'n', 'texts', 'params'], body.join('\n'), () => {
    const text = spec.kinds.map((k) => k === 'text');
    const width = text.length;
    return (cells, src, n, texts, params) => {
      let k = 0;
      let s = src;
      for (let r = 0; r < n; r++) {
        for (let c = 0; c < width; c++) {
          const v = cells[s++]!;
          params[k++] = (nullI32 === null ? v !== v : v === nullI32) ? null : text[c] ? texts[v] : v;
        }
      }
    };
  });
}
