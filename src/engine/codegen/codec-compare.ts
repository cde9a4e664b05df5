/**
 * The codec: orders rows `i` and `j` of a table's cells by its cluster key,
 * as SQLite's BINARY collation sees the values a save holds (integers,
 * ASCII text), so the writer appends to each B-tree in key order.
 */
import type { TableSpec } from '../model/tables.js';
import { compile, type Compiled } from './compile.js';

export type Compare = (cells: Float64Array | Int32Array, strings: readonly string[], i: number, j: number) => number;

export function compileCompare(spec: TableSpec, key: readonly string[]): Compiled<Compare> {
  const width = spec.fields.length;
  const at = key.map((f) => {
    const i = spec.fields.indexOf(f);
    if (i < 0) throw new Error(`${spec.table}: no field ${f} for its cluster key`);
    return i;
  });
  const body = [`const a = i * ${width}, b = j * ${width};`, 'let x, y;'];
  at.forEach((c, n) => {
    const cell = (row: string) => (spec.kinds[c] === 'text' ? `strings[cells[${row} + ${c}]]` : `cells[${row} + ${c}]`);
    body.push(`x = ${cell('a')}; y = ${cell('b')}; if (x !== y) return x < y ? -1 : 1; // ${key[n]}`);
  });
  body.push('return 0;');
  return compile(`compare_${spec.table}`, ['cells', 'strings', 'i', 'j'], body.join('\n'), () => {
    const text = at.map((c) => spec.kinds[c] === 'text');
    return (cells, strings, i, j) => {
      const a = i * width;
      const b = j * width;
      for (let n = 0; n < at.length; n++) {
        const x = text[n] ? strings[cells[a + at[n]!]!]! : cells[a + at[n]!]!;
        const y = text[n] ? strings[cells[b + at[n]!]!]! : cells[b + at[n]!]!;
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    };
  });
}
