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

  it('XML errors carry their position, missing fields their path', async () => {
    for (const c of cases) {
      if (c.expectedCode !== 'XML_MALFORMED' && c.expectedCode !== 'MISSING_FIELD' && c.expectedCode !== 'XML_FORBIDDEN_DTD') continue;
      const err = await rejected(readSave(c.file));
      if (c.expectedCode === 'MISSING_FIELD') expect(err.detail?.field, c.file).toMatch(/^(GameId|MapWidth|Game\/Turn)$/);
      else expect(err.detail, c.file).toEqual({ line: expect.any(Number), column: expect.any(Number) });
    }
  });
});
