/**
 * `scribe samples`, which `npm start` runs headless on an empty library: the
 * built CLI in its own process, with a home folder holding no Old World save
 * folder.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleSetOutcome, samplesFolder } from '../../src/engine/samples';
import { runCli, tempDir, writeCorpus, type CliRun } from '../pipeline/helpers';

let dir: string;

beforeEach(async () => {
  dir = await tempDir('samples-cli');
  await fs.mkdir(path.join(dir, 'home'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const dataDir = (): string => path.join(dir, 'data');

function scribe(...args: string[]): Promise<CliRun> {
  const home = path.join(dir, 'home');
  return runCli(args, {
    SCRIBE_DATA_DIR: dataDir(),
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
  });
}

describe('scribe samples', () => {
  it('on an empty library with no save folder: makes and imports the samples, exit 0; list marks them; --remove empties the library', async () => {
    const made = await scribe('samples', '--if-empty');
    // The damaged sample failing is the expected outcome, not an error.
    expect(made.code).toBe(0);
    expect(made.lines.find((l) => l.type === 'summary')).toMatchObject({
      imported: sampleSetOutcome.imported,
      skipped: sampleSetOutcome.skipped,
      failed: sampleSetOutcome.failed,
    });
    const listed = (await scribe('list')).lines.filter((l) => l.type === 'save');
    expect(listed).toHaveLength(sampleSetOutcome.imported);
    expect(listed.every((l) => l.isSample === true)).toBe(true);

    const removed = await scribe('samples', '--remove');
    expect(removed.code).toBe(0);
    expect(removed.lines).toEqual([expect.objectContaining({ type: 'samples', removedSaves: sampleSetOutcome.imported })]);
    expect((await scribe('list')).lines.filter((l) => l.type === 'save')).toEqual([]);
    await expect(fs.stat(samplesFolder(dataDir()))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('--if-empty leaves a library with saves alone', async () => {
    await writeCorpus(path.join(dir, 'mine'), 1);
    expect((await scribe('import', path.join(dir, 'mine'))).code).toBe(0);
    const offered = await scribe('samples', '--if-empty');
    expect(offered.code).toBe(0);
    expect(offered.lines).toEqual([]);
    await expect(fs.stat(samplesFolder(dataDir()))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await scribe('list')).lines.filter((l) => l.type === 'save').map((l) => l.isSample)).toEqual([false]);
  });
});
