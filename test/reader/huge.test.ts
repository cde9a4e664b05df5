/** A 50 MB save (the top of the real range) reads within the default limits. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, readSave } from '../../src/engine/reader/index.js';
import { generateSave, writeSaveZip } from '../fixtures/generate.js';
import { makeTemp, rmTemp } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await makeTemp();
});
afterAll(async () => {
  await rmTemp(dir);
});

describe('huge save', () => {
  it('reads ~50 MB of XML with default limits: every count and the key values', async () => {
    const { xml, expected } = generateSave({ seed: 50, scale: 'huge' });
    expect(expected.meta.xmlBytes).toBeGreaterThan(45 * 1024 * 1024);
    const file = path.join(dir, 'huge.zip');
    await writeSaveZip(file, xml, { level: 1 });
    const save = await readSave(file);
    expect(countRows(save)).toEqual(expected.counts);
    expect(save.meta).toEqual(expected.meta);
    expect(save.players).toEqual(expected.players);
    expect(save.tiles.at(-1)).toEqual(expected.save.tiles.at(-1));
    expect(save.units).toEqual(expected.save.units);
    expect(save.history.at(-1)).toEqual(expected.save.history.at(-1));
  });
});
