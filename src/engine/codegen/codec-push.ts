/**
 * The codec: one row object pushed by a mapper, written straight into its
 * table's cells. Consecutive rows mostly repeat a text (a history's series
 * and key, a tile's terrain): each text field remembers its last value and
 * index, so most text cells cost a compare, not a Map lookup.
 */
import type { TableSpec } from '../model/tables.js';
import { compile, type Compiled } from './compile.js';

/** The table sink a push writes into (codec/encoded-save.ts). */
export interface PushTarget {
  cells: Float64Array;
  k: number;
  count: number;
  readonly lastText: (string | null)[];
  readonly lastIndex: number[];
  readonly text: { intern(s: string): number };
  grow(): void;
}

export type Push = (this: PushTarget, row: object) => void;
/** Refuses a value of the wrong type: a float64 cell would silently turn it into NaN (NULL). */
export type Reject = (field: string, value: unknown) => never;

export function compilePush(spec: TableSpec, reject: Reject): Compiled<Push> {
  const width = spec.fields.length;
  const body = [
    'return function push(row) {',
    'let k = this.k;',
    `if (k + ${width} > this.cells.length) this.grow();`,
    'const cells = this.cells, lastText = this.lastText, lastIndex = this.lastIndex;',
    'let v;',
  ];
  spec.fields.forEach((f, i) => {
    body.push(`v = row[${JSON.stringify(f)}];`);
    const kind = spec.kinds[i];
    const number = `typeof v === 'number' ? v : v == null ? NaN : reject(${JSON.stringify(`${spec.table}.${f}`)}, v)`;
    if (kind === 'text') {
      body.push(
        `cells[k++] = v == null ? NaN : v === lastText[${i}] ? lastIndex[${i}] : (lastText[${i}] = v, lastIndex[${i}] = this.text.intern(v));`,
      );
    } else if (kind === 'bool') body.push(`cells[k++] = v === true ? 1 : v === false ? 0 : ${number};`);
    else body.push(`cells[k++] = ${number};`);
  });
  body.push('this.k = k;', 'this.count++;', '};');
  return compile(
    `push_${spec.table}`,
    ['reject'],
    body.join('\n'),
    () => {
      const names = spec.fields.map((f) => `${spec.table}.${f}`);
      return function push(this: PushTarget, row: object) {
        let k = this.k;
        if (k + width > this.cells.length) this.grow();
        const cells = this.cells;
        for (let i = 0; i < width; i++) {
          const v = (row as Record<string, unknown>)[spec.fields[i]!];
          const kind = spec.kinds[i];
          if (kind === 'text') {
            if (v == null) cells[k++] = NaN;
            else if (v === this.lastText[i]) cells[k++] = this.lastIndex[i]!;
            else {
              this.lastText[i] = v as string;
              cells[k++] = this.lastIndex[i] = this.text.intern(v as string);
            }
          } else if (kind === 'bool' && (v === true || v === false)) cells[k++] = v ? 1 : 0;
          else cells[k++] = typeof v === 'number' ? v : v == null ? NaN : reject(names[i]!, v);
        }
        this.k = k;
        this.count++;
      };
    },
    [reject],
  );
}
