/**
 * A damaged copy of a save that is already in the library (same game, same
 * turn) fails in the reader with its own code: it is never taken for a
 * duplicate turn, and both database backends give the same answer. Real
 * worker processes, real zip files, real library files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Importer } from '../../src/engine/importer';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { openStore, type Store } from '../../src/engine/store';
import type { FailureCode } from '../../src/shared/errors';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import { duplicated, withoutPlayers } from '../fixtures/hostile';
import { Recorder, tempDir, workerEntry } from '../pipeline/helpers';

let dir: string;
let store: Store | null = null;

beforeEach(async () => {
  dir = await tempDir('reader-twin');
});
afterEach(async () => {
  await store?.close();
  store = null;
  await fs.rm(dir, { recursive: true, force: true });
});

async function runImport(paths: string[]): Promise<Recorder> {
  const recorder = new Recorder();
  const importer = new Importer({ store: store!, spawn: forkSpawner, workerEntry, workers: 1, maxXmlBytes: 256 * 1024 * 1024 }, recorder);
  await importer.run('import', paths).done;
  return recorder;
}

for (const backend of ['sqlite', 'duckdb'] as const) {
  describe(`beside its imported twin (${backend})`, () => {
    it('a playerless copy, duplicate IDs and out-of-range or non-numeric values fail with the reader code, not as a duplicate turn', async () => {
      store = await openStore(path.join(dir, `library.${backend}`));
      const { xml, expected } = generateSave({ scale: 'small', seed: 5150, gameId: '00000000-0000-4000-8000-000000005150' });
      const twin = path.join(dir, 'twin.zip');
      await writeSaveZip(twin, xml);
      expect((await runImport([twin])).files).toMatchObject([{ path: twin, status: 'imported' }]);

      const copies: [string, string, FailureCode][] = [
        ['no-players.zip', withoutPlayers(xml), 'MISSING_FIELD'],
        ['duplicate-character.zip', duplicated(xml, 'Character'), 'INVALID_VALUE'],
        ['duplicate-city.zip', duplicated(xml, 'City'), 'INVALID_VALUE'],
        ['duplicate-tile.zip', duplicated(xml, 'Tile'), 'INVALID_VALUE'],
        ['map-width-overflow.zip', xml.replace(/MapWidth="\d+"/, 'MapWidth="2147483648"'), 'INVALID_VALUE'],
        ['turn-word.zip', xml.replace(/<Turn>\d+<\/Turn>/, '<Turn>abc</Turn>'), 'INVALID_VALUE'],
        ['repeated-history-turn.zip', xml.replace(/(<PointsHistory>\s*)(<T\d+>-?\d+<\/T\d+>)/, '$1$2$2'), 'INVALID_VALUE'],
      ];
      for (const [name, copy] of copies) {
        expect(copy, name).not.toBe(xml);
        await writeSaveZip(path.join(dir, name), copy);
      }
      const second = await runImport(copies.map(([name]) => path.join(dir, name)));
      const byPath = new Map(second.files.map((f) => [path.basename(f.path), f]));
      for (const [name, , code] of copies) expect(byPath.get(name), name).toMatchObject({ status: 'failed', code });
      expect(byPath.get('no-players.zip')).toMatchObject({ message: 'The save has no players (Player).' });
      expect(byPath.get('duplicate-character.zip')).toMatchObject({
        message: expect.stringMatching(/^The save lists character \d+ twice\.$/),
      });

      // The library still holds the twin alone, complete.
      const page = await store.listSaves({ limit: 100 });
      expect(page.items.map((s) => [s.gameId, s.turn])).toEqual([[expected.meta.gameId, expected.meta.turn]]);
    });
  });
}
