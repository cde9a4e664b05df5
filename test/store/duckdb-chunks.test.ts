/**
 * The DuckDB chunk filler on its own, against a real in-memory DuckDB: what
 * it writes reads back exactly, across chunk boundaries, for inline and
 * heap strings (12 and 13 bytes of UTF-8, multi-byte text, a long string
 * repeated within and across chunks), NULLs of every kind, and the columns
 * the writer does not know.
 */
import { createRequire } from 'node:module';
import { DuckDBDataChunk, DuckDBInstance, BOOLEAN, INTEGER, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NULL_I32 } from '../../src/engine/codec/encoded-save.js';
import { CHUNK_ROWS, ChunkFiller, SaveStrings, type ChunkColumn } from '../../src/engine/store/duckdb-chunks.js';

const strings = [
  '',
  'TERRAIN_LUSH', // 12 bytes: the longest inline string
  'TERRAIN_ARID1', // 13 bytes: the shortest heap string
  'Çatalhöyük', // 10 characters, 12 bytes of UTF-8
  'Çatalhöyük!', // 11 characters, 13 bytes
  '🜂 the age of fire, a sentence longer than any key in the game',
  'x',
  'ÆÆÆÆÆÆ', // 6 characters, 12 bytes
];

// save_id, then (int, text, bool) cells, then a column the writer does not know.
const columns: ChunkColumn[] = [
  { kind: 'save_id', cell: -1 },
  { kind: 'int', cell: 0 },
  { kind: 'text', cell: 1 },
  { kind: 'bool', cell: 2 },
  { kind: 'null', cell: -1 },
  { kind: 'text', cell: 3 },
];
const width = 4;
const types = [INTEGER, INTEGER, VARCHAR, BOOLEAN, INTEGER, VARCHAR];

/** Row r: a value of each kind, NULL in a pattern that differs per column. */
function rowOf(r: number): [number | null, number | null, boolean | null, number | null] {
  return [
    r % 7 === 3 ? null : r % 2 ? -r * 1000 : r,
    r % 5 === 1 ? null : r % strings.length,
    r % 11 === 4 ? null : r % 3 === 0,
    r % 13 === 0 ? null : strings.length - 1 - (r % strings.length),
  ];
}

function cellsOf(rows: number, narrow: boolean): Float64Array | Int32Array {
  const cells = narrow ? new Int32Array(rows * width) : new Float64Array(rows * width);
  const none = narrow ? NULL_I32 : NaN;
  for (let r = 0; r < rows; r++) {
    const [i, t, b, t2] = rowOf(r);
    cells[r * width] = i ?? none;
    cells[r * width + 1] = t ?? none;
    cells[r * width + 2] = b === null ? none : b ? 1 : 0;
    cells[r * width + 3] = t2 ?? none;
  }
  return cells;
}

let instance: DuckDBInstance;
let conn: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

async function appendAll(table: string, cells: Float64Array | Int32Array, rows: number, saveId: number): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE ${table} (save_id INTEGER, i INTEGER, t TEXT, b BOOLEAN, later INTEGER, t2 TEXT)`);
  const appender = await conn.createAppender(table);
  const filler = new ChunkFiller(columns);
  const text = new SaveStrings(strings);
  for (let first = 0; first < rows; first += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - first);
    const chunk = DuckDBDataChunk.create(types, n);
    filler.fill(chunk.chunk, cells, first, width, n, text, saveId);
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
}

describe('DuckDB chunk filler', () => {
  // Two and a half chunks: the second and third reuse the filler's buffers and its per-chunk heap copies.
  const rows = CHUNK_ROWS * 2 + 700;

  it.each([
    ['int32 cells', true],
    ['float64 cells', false],
  ])('writes every value back exactly (%s)', async (_name, narrow) => {
    await appendAll('t_values', cellsOf(rows, narrow), rows, 42);
    const reader = await conn.runAndReadAll('SELECT * FROM t_values');
    const got = reader.getRowsJS();
    expect(got).toHaveLength(rows);
    got.forEach((row, r) => {
      const [i, t, b, t2] = rowOf(r);
      expect(row).toEqual([42, i, t === null ? null : strings[t], b, null, t2 === null ? null : strings[t2]]);
    });
  });

  it("uses the very binding node-api is built on (a second copy could not read node-api's chunks)", () => {
    const require = createRequire(import.meta.url);
    const api = require('@duckdb/node-api/package.json') as { dependencies: Record<string, string> };
    const ours = require('@duckdb/node-bindings/package.json') as { version: string };
    expect(api.dependencies['@duckdb/node-bindings']).toBe(ours.version);
    const fromApi = createRequire(require.resolve('@duckdb/node-api')).resolve('@duckdb/node-bindings');
    expect(fromApi).toBe(require.resolve('@duckdb/node-bindings'));
  });

  it('refuses a number that is not a 32-bit whole number (the table was sent as float64)', async () => {
    const cells = cellsOf(10, false);
    cells[5 * width] = 2 ** 31;
    await expect(appendAll('t_wide', cells, 10, 1)).rejects.toThrow(/32-bit/);
  });
});
