/**
 * Attributes on one element: the duplicate check is linear, the cap refuses
 * what no save has, and duplicates are caught wherever they sit. Through the
 * real reader on real zip archives.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSave } from '../../src/engine/reader/index.js';
import { manyAttributes } from '../fixtures/hostile.js';
import { generateSave, writeSaveZip } from '../fixtures/generate.js';
import { makeTemp, miniSave, rejected, rmTemp } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await makeTemp();
});
afterAll(async () => {
  await rmTemp(dir);
});

const COUNT = 400_000;

async function zipOf(name: string, xml: string): Promise<string> {
  const file = path.join(dir, name);
  await writeSaveZip(file, xml);
  return file;
}

describe('attributes on one element', () => {
  it('400,000 attributes: refused at the cap by default, read in linear time when the cap allows them', async () => {
    const save = generateSave({ seed: 7, scale: 'small' }).xml;
    const file = await zipOf('many.zip', manyAttributes(save, COUNT));

    const refused = await rejected(readSave(file));
    expect(refused.code).toBe('NOT_OLD_WORLD_SAVE');
    expect(refused.message).toContain('more than 1,024 attributes');

    // With the cap lifted, every attribute goes through the duplicate check.
    // The old check compared each attribute with all earlier ones: 200,000
    // took ~40 s and 400,000 ran into the 120 s parse timeout. The linear one
    // takes well under a second; 10 s is a bound only a quadratic check
    // (or something as broken) can miss, however slow the machine.
    const started = Date.now();
    const parsed = await readSave(file, { maxAttributes: COUNT + 100 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(parsed.meta.settings[`a${COUNT - 1}`]).toBe('1');
    expect(Object.keys(parsed.meta.settings).filter((k) => /^a\d+$/.test(k))).toHaveLength(COUNT);
  });

  it('the cap counts attributes: at the cap is read, one more is refused', async () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => ` x${i}="${i}"`).join('');
    const at = await zipOf('at-cap.zip', miniSave(`<Extra${attrs(1000)} />\n`));
    expect((await readSave(at, { maxAttributes: 1000 })).meta.settings['Extra.x999']).toBe('999');
    const over = await zipOf('over-cap.zip', miniSave(`<Extra${attrs(1001)} />\n`));
    expect((await rejected(readSave(over, { maxAttributes: 1000 }))).code).toBe('NOT_OLD_WORLD_SAVE');
  });

  it('a repeated attribute is caught at the start, in the middle and at the end of a long list, with its position', async () => {
    const n = 1000;
    for (const [where, index] of [
      ['start', 1],
      ['middle', n / 2],
      ['end', n - 1],
    ] as const) {
      // Attribute `index` repeats the name of the one before it (at the start: of the first).
      const names = Array.from({ length: n }, (_, i) => `y${i}`);
      names[index] = where === 'start' ? names[0]! : names[index - 1]!;
      const line = names.map((name, i) => ` ${name}="${i}"`).join('');
      const doc = miniSave(`<Extra${line} />\n`);
      const err = await rejected(readSave(await zipOf(`dup-${where}.zip`, doc)));
      expect(err.code, where).toBe('XML_MALFORMED');
      expect(err.message, where).toContain(`duplicate attribute '${names[index]}'`);
      // The error points at the repeated name.
      const at = doc.indexOf(` ${names[index]}="${index}"`) + 1;
      const lineStart = doc.lastIndexOf('\n', at) + 1;
      expect(err.detail, where).toEqual({ line: doc.slice(0, at).split('\n').length, column: at - lineStart + 1 });
    }
  });

  it('the same attribute name on different elements is no duplicate', async () => {
    const file = await zipOf('siblings.zip', miniSave('<A v="1" w="2" /><A v="3" w="4"><B v="5" /></A>\n'));
    expect((await readSave(file)).meta.gameId).toBe('g-1');
  });
});
