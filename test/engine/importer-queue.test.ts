import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Importer } from '../../src/engine/importer';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { openStore, type Store } from '../../src/engine/store';
import { Recorder, expectCompleteSaves, tempDir, workerEntry, writeCorpus } from '../pipeline/helpers';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await tempDir('importer-queue');
  store = await openStore(path.join(dir, 'library.sqlite'));
});
afterEach(async () => {
  await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

const importer = (recorder: Recorder): Importer =>
  new Importer({ store, spawn: forkSpawner, workerEntry, workers: 1, maxXmlBytes: 256 * 1024 * 1024 }, recorder);

describe('cancelling with a run queued behind', () => {
  it('stops only the running import: the queued one still runs and its files end imported', async () => {
    const first = await writeCorpus(path.join(dir, 'first'), 8, { seed: 1000 }, 'first');
    const second = await writeCorpus(path.join(dir, 'second'), 3, { seed: 2000 }, 'second');
    const recorder = new Recorder();
    const imp = importer(recorder);
    const a = imp.run('import', [path.join(dir, 'first')]);
    const b = imp.run('import', [path.join(dir, 'second')]);
    // Cancel on the first run's first file: the second run is still waiting in the queue then.
    recorder.onFile = (r) => {
      if (r.runId === a.started.runId && recorder.files.length === 1) expect(imp.cancel()).toBe(true);
    };

    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.summary.outcome).toBe('cancelled');
    expect(ra.summary.notStarted).toBeGreaterThan(0);
    expect(rb.summary).toMatchObject({ outcome: 'completed', imported: second.length, failed: 0, notStarted: 0 });
    // Both runs were reported as started and finished, in order.
    expect(recorder.startedEvents.map((e) => e.runId)).toEqual([a.started.runId, b.started.runId]);
    expect(recorder.summaries.map((s) => s.runId)).toEqual([a.started.runId, b.started.runId]);

    for (const file of second) expect(await store.ledgerLookup(file.path)).toMatchObject({ status: 'imported' });
    // The cancelled run's unfinished files stay queued, for resume; nothing is partial.
    const imported = await expectCompleteSaves(store, [...first, ...second]);
    expect(await store.ledgerCountByStatus(['queued', 'importing'])).toBe(first.length + second.length - imported);
  });

  it('cancel with nothing running says so and drops nothing', async () => {
    const recorder = new Recorder();
    expect(importer(recorder).cancel()).toBe(false);
  });

  it('stop (shutting down) cancels the running import and drops the queued ones, which never touched the ledger', async () => {
    await writeCorpus(path.join(dir, 'first'), 4, { seed: 1000 }, 'first');
    const second = await writeCorpus(path.join(dir, 'second'), 2, { seed: 2000 }, 'second');
    const recorder = new Recorder();
    const imp = importer(recorder);
    const a = imp.run('import', [path.join(dir, 'first')]);
    const b = imp.run('import', [path.join(dir, 'second')]);
    recorder.onFile = () => {
      if (recorder.files.length === 1) imp.stop();
    };
    const [ra, rb] = await Promise.all([a.done, b.done]);
    await imp.idle();
    expect(ra.summary.outcome).toBe('cancelled');
    expect(rb.summary).toMatchObject({ outcome: 'cancelled', filesTotal: 0 });
    expect(recorder.startedEvents.map((e) => e.runId)).toEqual([a.started.runId]);
    for (const file of second) expect(await store.ledgerLookup(file.path)).toBeNull();
  });
});
