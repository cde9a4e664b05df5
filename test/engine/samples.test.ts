import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScribeService, type ScribeService } from '../../src/engine/service';
import { readSave } from '../../src/engine/reader';
import { isSamplePath, makeSampleSet, sampleFileNames, sampleSetOutcome, samplesFolder } from '../../src/engine/samples';
import type { Events } from '../../src/shared/contract';
import type { FileResult, ImportSummary } from '../../src/shared/import';
import { tempDir, testServiceHost, writeCorpus } from '../pipeline/helpers';

let dir: string;
let service: ScribeService | null = null;
let events: { name: keyof Events; payload: unknown }[] = [];

beforeEach(async () => {
  dir = await tempDir('samples');
  events = [];
});
afterEach(async () => {
  await service?.close();
  service = null;
  await fs.rm(dir, { recursive: true, force: true });
});

const dataDir = (): string => path.join(dir, 'data');

async function start(): Promise<ScribeService> {
  service = await createScribeService(testServiceHost(dataDir(), { emit: (name, payload) => events.push({ name, payload }) }));
  return service;
}

const fileResults = (runId: string): FileResult[] =>
  events
    .filter((e) => e.name === 'fileResult')
    .map((e) => e.payload as FileResult)
    .filter((r) => r.runId === runId);
const summaryOf = (runId: string): ImportSummary | undefined =>
  events
    .filter((e) => e.name === 'importFinished')
    .map((e) => e.payload as ImportSummary)
    .find((s) => s.runId === runId);

describe('the sample set', () => {
  it('is the same bytes every time, and every archive but the damaged one reads as a save', async () => {
    const a = makeSampleSet();
    const b = makeSampleSet();
    expect(a.map((f) => f.fileName)).toEqual(sampleFileNames);
    expect(a.map((f) => f.bytes.equals(b.find((g) => g.fileName === f.fileName)!.bytes))).toEqual(a.map(() => true));
    for (const f of a) {
      if (f.fileName === sampleSetOutcome.damagedFile) await expect(readSave(f.bytes)).rejects.toMatchObject({ code: 'ZIP_CORRUPT' });
      else expect((await readSave(f.bytes)).meta.gameName).toMatch(/^Sample: /);
    }
  });

  it('tells a sample path from any other', () => {
    const folder = samplesFolder('/data');
    expect(isSamplePath(path.join(folder, 'a.zip'), folder)).toBe(true);
    expect(isSamplePath(path.join(folder, 'sub', 'a.zip'), folder)).toBe(true);
    expect(isSamplePath(folder, folder)).toBe(false);
    expect(isSamplePath(`${folder} 2/a.zip`, folder)).toBe(false);
    expect(isSamplePath('/data/a.zip', folder)).toBe(false);
  });
});

describe('sample saves through the service', () => {
  it('imports them with the real pipeline, marks them, and removes only them in one call', async () => {
    const s = await start();
    // A save of the player's own, which must survive removing the samples.
    await writeCorpus(path.join(dir, 'mine'), 1);
    await s.importer.run('import', [path.join(dir, 'mine')]).done;

    expect(await s.handlers.getSampleStatus()).toEqual({ folder: samplesFolder(dataDir()), saves: 0, files: 0 });
    const started = await s.handlers.importSamples();
    await s.importer.idle();

    const folder = samplesFolder(dataDir());
    const results = fileResults(started.runId);
    // Every file of the folder ends exactly once, as imported, skipped or failed.
    expect(results.map((r) => path.basename(r.path)).sort()).toEqual([...sampleFileNames].sort());
    const count = (status: FileResult['status']) => results.filter((r) => r.status === status).length;
    expect({ imported: count('imported'), skipped: count('skipped'), failed: count('failed') }).toEqual({
      imported: sampleSetOutcome.imported,
      skipped: sampleSetOutcome.skipped,
      failed: sampleSetOutcome.failed,
    });
    const damaged = results.find((r) => path.basename(r.path) === sampleSetOutcome.damagedFile);
    expect(damaged).toMatchObject({ status: 'failed', code: 'ZIP_CORRUPT' });
    expect(results.find((r) => r.status === 'skipped')).toMatchObject({ code: 'ALREADY_IMPORTED' });
    expect(summaryOf(started.runId)).toMatchObject({ outcome: 'completed', imported: sampleSetOutcome.imported });
    // Live progress came through the same events as any import.
    expect(events.some((e) => e.name === 'importProgress')).toBe(true);

    const page = await s.handlers.listSaves({ limit: 100 });
    expect(page.total).toBe(sampleSetOutcome.imported + 1);
    expect(page.items.filter((i) => i.isSample)).toHaveLength(sampleSetOutcome.imported);
    expect(page.items.filter((i) => !i.isSample).map((i) => i.sourcePath)).toEqual([expect.stringContaining(`${path.sep}mine${path.sep}`)]);
    const series = page.items.filter((i) => i.gameName === 'Sample: The Long Reign').map((i) => i.turn);
    expect(series.sort((x, y) => x - y)).toEqual([10, 25, 40, 55, 70]);
    expect(page.items.find((i) => i.gameName === 'Sample: A Hard-Won Victory')).toMatchObject({ gameOver: true });
    const multiplayer = page.items.find((i) => i.gameName === 'Sample: Friday Multiplayer')!;
    expect(multiplayer.players.filter((p) => p.isHuman)).toHaveLength(3);
    const detail = await s.handlers.saveDetail({ saveId: multiplayer.saveId });
    expect(detail?.save.isSample).toBe(true);
    expect(await s.handlers.getSampleStatus()).toEqual({ folder, saves: sampleSetOutcome.imported, files: sampleFileNames.length });

    expect(await s.handlers.removeSamples()).toEqual({ removedSaves: sampleSetOutcome.imported });
    const after = await s.handlers.listSaves({ limit: 100 });
    expect(after.items.map((i) => i.isSample)).toEqual([false]);
    expect(await s.handlers.getSampleStatus()).toEqual({ folder, saves: 0, files: 0 });
    await expect(fs.stat(folder)).rejects.toMatchObject({ code: 'ENOENT' });
    // Only the player's own file is left in the ledger.
    const ledger = await s.handlers.ledgerHistory({ limit: 100 });
    expect(ledger.items.map((e) => isSamplePath(e.path, folder))).toEqual([false]);

    // Made again, the samples import afresh (the ledger forgot them).
    const again = await s.handlers.importSamples();
    await s.importer.idle();
    expect(summaryOf(again.runId)).toMatchObject({ imported: sampleSetOutcome.imported, failed: 1 });
  });

  it('refuses to make or remove samples while an import runs, and leaves the library as it was', async () => {
    const s = await start();
    await writeCorpus(path.join(dir, 'mine'), 3);
    const run = s.importer.run('import', [path.join(dir, 'mine')]);
    const refusal = { code: 'USAGE', message: expect.stringMatching(/once the current import has finished/) as unknown };
    await expect(s.handlers.importSamples()).rejects.toMatchObject(refusal);
    await expect(s.handlers.removeSamples()).rejects.toMatchObject(refusal);
    await run.done;
    await expect(fs.stat(samplesFolder(dataDir()))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await s.handlers.listSaves({})).total).toBe(3);
  });
});
