/**
 * The hostile set: every failure code a reader can produce, each from a real
 * file on disk, refused under the default limits, by path and by bytes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSave, type ExtractStats } from '../../src/engine/reader/index.js';
import { readerFailureCodes, writeHostileSet, type HostileCase } from '../fixtures/hostile.js';
import { makeTemp, rejected, rmTemp } from './helpers.js';

let dir: string;
let cases: HostileCase[];
beforeAll(async () => {
  dir = await makeTemp();
  cases = await writeHostileSet(path.join(dir, 'hostile'));
});
afterAll(async () => {
  await rmTemp(dir);
});

describe('hostile set', () => {
  it('covers every failure code a reader can produce', () => {
    expect(new Set(cases.map((c) => c.expectedCode))).toEqual(new Set(readerFailureCodes));
  });

  it('leaves exactly its files in the folder', async () => {
    const names = (await fs.readdir(path.join(dir, 'hostile'))).sort();
    expect(names).toEqual(cases.map((c) => path.basename(c.file)).sort());
  });

  it('every file is refused with its code, by path and by bytes, never INTERNAL', async () => {
    for (const c of cases) {
      const stats: ExtractStats = { entries: 0, entryName: null, compressedBytes: 0, inflatedBytes: 0 };
      const err = await rejected(readSave(c.file, undefined, stats));
      expect(err.code, `${path.basename(c.file)}: ${c.description} -> ${err.message}`).toBe(c.expectedCode);
      expect(err.message.length).toBeGreaterThan(10);
      // No refusal inflates more than a few MB, bombs included.
      expect(stats.inflatedBytes, c.file).toBeLessThanOrEqual(4 * 1024 * 1024);
      if (c.expectedCode === 'FILE_UNREADABLE') continue;
      const bytes = await fs.readFile(c.file);
      expect((await rejected(readSave(bytes))).code, path.basename(c.file)).toBe(c.expectedCode);
    }
  });

  it('XML errors carry their position, missing fields and invalid values their path', async () => {
    for (const c of cases) {
      const err = await rejected(readSave(c.file));
      if (c.expectedCode === 'MISSING_FIELD') expect(err.detail?.field, c.file).toMatch(/^(GameId|MapWidth|Game\/Turn|Player)$/);
      else if (c.expectedCode === 'INVALID_VALUE')
        expect(err.detail?.field, c.file).toMatch(/^(MapWidth|Game\/Turn|(Player|Character|City|Tile)\/ID)$/);
      else if (c.expectedCode === 'XML_MALFORMED' || c.expectedCode === 'XML_FORBIDDEN_DTD')
        expect(err.detail, c.file).toEqual({ line: expect.any(Number), column: expect.any(Number) });
    }
  });

  it('says what is wrong with a bad value, in words a player understands', async () => {
    const message = async (name: string) => (await rejected(readSave(cases.find((c) => path.basename(c.file) === name)!.file))).message;
    expect(await message('duplicate-character.zip')).toMatch(/^The save lists character \d+ twice\.$/);
    expect(await message('duplicate-tile.zip')).toMatch(/^The save lists tile \d+ twice\.$/);
    expect(await message('map-width-overflow.zip')).toContain('MapWidth value 2147483648 is out of range');
    expect(await message('character-id-word.zip')).toBe('The save lists a character whose ID "one" is not a whole number.');
    expect(await message('turn-word.zip')).toBe('The save\'s turn "abc" is not a whole number.');
    expect(await message('no-players.zip')).toBe('The save has no players (Player).');
    expect(await message('raw-nul.zip')).toContain('control character U+0000');
    expect(await message('eocd-count-high.zip')).toContain('claims 257 entries');
  });
});
