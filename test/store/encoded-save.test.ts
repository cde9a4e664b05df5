/**
 * The encoded form a save crosses from a parse worker to the writer in:
 * lossless (up to row order, which is the SQLite key order), byte round trip
 * at any alignment, wrong value types refused, and the sort keys it uses are
 * the keys SQLite clusters on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedSave } from '../../src/engine/model/parsed-save.js';
import { parseSaveXml, parseSaveXmlInto } from '../../src/engine/reader/index.js';
import { clusterKeys, decodeSave, decodeSaveBytes, encodeSave, encodeSaveBytes, SaveEncoder } from '../../src/engine/codec/encoded-save.js';
import { SqliteStore } from '../../src/engine/store/sqlite-store.js';
import { tableSpecs } from '../../src/engine/model/tables.js';
import { storedKey } from '../../src/engine/store/packing.js';
import { generateSave } from '../fixtures/generate.js';
import { makeParsedSave } from './make-save.js';

const root = mkdtempSync(join(tmpdir(), 'scribe-encoded-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Rows = Record<string, unknown>[];

/** Rows as the writer stores them: absent fields as null. */
function normalised(save: ParsedSave): Record<string, Rows> {
  const out: Record<string, Rows> = {};
  for (const spec of tableSpecs) {
    out[spec.list] = (save[spec.list] as unknown as Rows).map((row) => Object.fromEntries(spec.fields.map((f) => [f, row[f] ?? null])));
  }
  return out;
}

/** Order-insensitive comparison: rows of each table as sorted JSON lines. */
function asSets(tables: Record<string, Rows>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(tables).map(([k, rows]) => [k, rows.map((r) => JSON.stringify(r)).sort()]));
}

describe('encoded save', () => {
  const save = makeParsedSave({ seed: 5, scale: 'typical' });

  it('round-trips every row, through the bytes too, at any byte offset', () => {
    const expected = asSets(normalised(save));
    expect(asSets(normalised(decodeSave(encodeSave(save))))).toEqual(expected);
    const bytes = encodeSaveBytes(save);
    for (const shift of [0, 1, 3, 8]) {
      // What the IPC layer hands over may be a view at any offset of a larger buffer.
      const carrier = new Uint8Array(bytes.byteLength + shift);
      carrier.set(bytes, shift);
      const decoded = decodeSaveBytes(carrier.subarray(shift));
      expect(decoded.meta).toEqual(save.meta);
      expect(asSets(normalised(decodeSave(decoded)))).toEqual(expected);
    }
  });

  it('keeps numbers exactly, nulls as nulls and booleans as booleans', () => {
    const odd = makeParsedSave({ seed: 6, scale: 'small' });
    const tile = odd.tiles[0]!;
    Object.assign(tile, { x: 2 ** 40 + 1, y: -7, terrain: null, road: true, riverW: false, ownerPlayerId: undefined });
    const back = decodeSave(decodeSaveBytes(encodeSaveBytes(odd))).tiles.find((t) => t.id === tile.id)!;
    expect(back).toMatchObject({ x: 2 ** 40 + 1, y: -7, terrain: null, road: true, riverW: false, ownerPlayerId: null });
  });

  it('sends tables whose values all fit in 32 bits as int32, and the others exactly as they are', () => {
    const plain = makeParsedSave({ seed: 9, scale: 'small' });
    const wide = makeParsedSave({ seed: 9, scale: 'small' });
    // A value outside int32, and one equal to the int32 marker for "absent": both must survive as values.
    Object.assign(wide.units[0]!, { xp: 2 ** 33 });
    Object.assign(wide.history[0]!, { value: -2147483648 });
    const narrow = decodeSaveBytes(encodeSaveBytes(plain));
    expect(tableSpecs.every((spec) => narrow.tables[spec.list].cells instanceof Int32Array)).toBe(true);
    const bytes = Buffer.from(encodeSaveBytes(plain));
    const cellCount = tableSpecs.reduce((sum, spec) => sum + encodeSave(plain).tables[spec.list].cells.length, 0);
    // Four bytes a cell, after the header, plus at most 7 bytes of alignment per table.
    expect(bytes.byteLength).toBeLessThanOrEqual(4 + bytes.readUInt32LE(0) + cellCount * 4 + 7 * tableSpecs.length);
    const mixed = decodeSaveBytes(encodeSaveBytes(wide));
    expect(mixed.tables.units.cells).toBeInstanceOf(Float64Array);
    expect(mixed.tables.history.cells).toBeInstanceOf(Float64Array);
    expect(mixed.tables.tiles.cells).toBeInstanceOf(Int32Array);
    expect(asSets(normalised(decodeSave(mixed)))).toEqual(asSets(normalised(wide)));
    expect(asSets(normalised(decodeSave(narrow)))).toEqual(asSets(normalised(plain)));
  });

  it('sends each distinct short text once', () => {
    const encoded = encodeSave(save);
    const short = encoded.strings.filter((s) => s.length <= 64);
    expect(short.length).toBeGreaterThan(100);
    expect(new Set(short).size).toBe(short.length);
    const textCells = tableSpecs.reduce((sum, s) => sum + save[s.list].length * s.kinds.filter((k) => k === 'text').length, 0);
    expect(encoded.strings.length).toBeLessThan(textCells);
  });

  it('refuses a value of the wrong type in a number column instead of storing NULL', () => {
    const bad = makeParsedSave({ seed: 7, scale: 'small' });
    (bad.units[0] as unknown as { xp: unknown }).xp = { not: 'a number' };
    expect(() => encodeSave(bad)).toThrow(/units\.xp/);
  });

  it('orders the rows of each clustered table by its key', () => {
    const shuffled = makeParsedSave({ seed: 8, scale: 'small' });
    shuffled.history.reverse();
    shuffled.tiles.reverse();
    const decoded = decodeSave(encodeSave(shuffled));
    for (const spec of tableSpecs) {
      const key = clusterKeys[spec.list];
      if (!key) continue;
      const rows = decoded[spec.list] as unknown as Rows;
      for (let i = 1; i < rows.length; i++) {
        const a = key.map((f) => rows[i - 1]![f] as string | number);
        const b = key.map((f) => rows[i]![f] as string | number);
        const cmp = a.findIndex((v, j) => v !== b[j]);
        expect(cmp === -1 || a[cmp]! < b[cmp]!, `${spec.table} row ${i}`).toBe(true);
      }
    }
  });

  it('holds the same rows when the reader writes them straight into an encoder (as the parse worker does)', () => {
    for (const seed of [41, 42]) {
      const xml = Buffer.from(generateSave({ seed, scale: 'small' }).xml, 'utf8');
      const parsed = parseSaveXml(xml);
      const encoder = new SaveEncoder();
      const meta = parseSaveXmlInto(xml, encoder);
      expect(meta).toEqual(parsed.meta);
      const direct = encoder.finish(meta);
      expect(tableSpecs.every((spec) => direct.tables[spec.list].count === parsed[spec.list].length)).toBe(true);
      expect(asSets(normalised(decodeSave(direct)))).toEqual(asSets(normalised(parsed)));
    }
    // A second save through a fresh encoder starts from the first one's table sizes: nothing carries over.
    const small = parseSaveXml(Buffer.from(generateSave({ seed: 43, scale: 'small' }).xml, 'utf8'));
    expect(asSets(normalised(decodeSave(encodeSave(small))))).toEqual(asSets(normalised(small)));
  });

  it('sorts by the primary key SQLite clusters each table on', () => {
    const store = SqliteStore.open(join(root, 'keys.sqlite'));
    try {
      for (const spec of tableSpecs) {
        const info = store.handle.prepare(`PRAGMA table_info(${spec.table})`).all() as { name: string; pk: number }[];
        const pk = info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name);
        const key = clusterKeys[spec.list];
        expect(key, spec.table).toEqual(spec.key);
        // A packed table (packing.ts) is keyed without the field its points are keyed by.
        const stored = storedKey(spec, 'sqlite');
        const expected = stored ? ['save_id', ...stored] : [];
        expect(pk, spec.table).toEqual(expected);
      }
    } finally {
      void store.close();
    }
  });
});
