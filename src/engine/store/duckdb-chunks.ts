/**
 * Fills a DuckDB data chunk from a table's encoded cells, one column at a
 * time: each column's kind is decided once per chunk, not once per cell, and
 * no row object is made (the row-at-a-time Appender path rebuilt ~25,000
 * objects per save). Integer and boolean vectors are typed arrays copied to
 * DuckDB in one call per column; text costs one native call per value.
 */
import type { DuckDBDataChunk, DuckDBVector } from '@duckdb/node-api';
import { NULL_I32 } from '../codec/encoded-save.js';
import type { ColumnKind } from './tables.js';

/** One database column: a cell of each row (its index in the row), the save's id, or NULL (a column the writer does not know). */
export type ChunkColumn = { kind: ColumnKind; cell: number } | { kind: 'save_id' | 'null'; cell: -1 };

export function fillChunk(
  chunk: DuckDBDataChunk,
  columns: readonly ChunkColumn[],
  cells: Float64Array | Int32Array,
  from: number,
  width: number,
  n: number,
  strings: readonly string[],
  saveId: number,
): void {
  const i32 = cells instanceof Int32Array;
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c]!;
    const vector = chunk.getColumnVector(c) as DuckDBVector<number | string | boolean>;
    if (col.kind === 'save_id') {
      for (let r = 0; r < n; r++) vector.setItem(r, saveId);
    } else if (col.kind === 'null') {
      for (let r = 0; r < n; r++) vector.setItem(r, null);
    } else {
      let k = from + col.cell;
      const kind = col.kind;
      for (let r = 0; r < n; r++, k += width) {
        const v = cells[k]!;
        // An absent value: NaN in float64 cells, NULL_I32 in int32 ones.
        if (i32 ? v === NULL_I32 : v !== v) vector.setItem(r, null);
        else vector.setItem(r, kind === 'text' ? strings[v]! : kind === 'bool' ? v === 1 : v);
      }
    }
    vector.flush();
  }
}
