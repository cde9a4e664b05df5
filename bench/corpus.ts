import fs from 'node:fs/promises';
import path from 'node:path';
import { generateSave, writeSaveZip } from '../test/fixtures/generate';

/** Distinct base saves; the rest of the corpus are copies with their own GameId, so every file is a distinct game. */
const baseCount = 8;

/**
 * A folder of `count` typical saves under .bench/, made once and reused
 * (the generator is deterministic, so the same count gives the same files).
 */
export async function typicalCorpus(count: number): Promise<{ dir: string; files: string[]; bytes: number }> {
  const dir = path.resolve('.bench', `corpus-typical-${count}`);
  const done = path.join(dir, '.complete');
  const names = Array.from({ length: count }, (_, i) => `OW-Bench-${String(i).padStart(4, '0')}.zip`);
  const exists = await fs.stat(done).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    const bases = Array.from({ length: Math.min(baseCount, count) }, (_, i) => generateSave({ seed: 7000 + i, scale: 'typical' }));
    for (let i = 0; i < count; i++) {
      const base = bases[i % bases.length]!;
      const gameId = `b3a0c0de-0000-4000-8000-${String(i).padStart(12, '0')}`;
      await writeSaveZip(path.join(dir, names[i]!), base.xml.replace(base.expected.meta.gameId, gameId));
    }
    await fs.writeFile(done, '');
  }
  const files = names.map((n) => path.join(dir, n));
  let bytes = 0;
  for (const f of files) bytes += (await fs.stat(f)).size;
  return { dir, files, bytes };
}
