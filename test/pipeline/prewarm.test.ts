/**
 * The worker started before the library opens: real parse worker processes,
 * spawned by the command line's own spawner.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import path from 'node:path';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { WorkerPool } from '../../src/engine/pipeline/pool';
import { prewarm } from '../../src/engine/pipeline/prewarm';
import type { WorkerHandle, WorkerSpawner } from '../../src/engine/pipeline/worker-handle';
import { tempDir, workerEntry, writeCorpus } from './helpers';

/** The real spawner, watched: what each worker said and whether it is gone. */
function watched() {
  const workers: { handle: WorkerHandle; said: unknown[]; exited: boolean }[] = [];
  const spawn: WorkerSpawner = (entry, options) => {
    const handle = forkSpawner(entry, options);
    const w = { handle, said: [] as unknown[], exited: false };
    handle.onMessage((m) => w.said.push(m));
    handle.onExit(() => (w.exited = true));
    workers.push(w);
    return handle;
  };
  return { spawn, workers };
}

const options = { maxOldSpaceMB: 256 };
const ready = (said: unknown[]) => said.some((m) => (m as { type?: string }).type === 'ready');

describe('prewarm', () => {
  it('hands the running worker to the first spawn, with the messages it sent before anyone listened', async () => {
    const base = watched();
    const warm = prewarm(base.spawn, workerEntry, options);
    expect(base.workers).toHaveLength(1);
    await expect.poll(() => ready(base.workers[0]!.said), { timeout: 20_000 }).toBe(true);

    const handle = warm.spawn(workerEntry, options);
    expect(base.workers).toHaveLength(1);
    const heard: unknown[] = [];
    handle.onMessage((m) => heard.push(m));
    expect(ready(heard)).toBe(true);
    // The next spawn is a new process.
    const second = warm.spawn(workerEntry, options);
    expect(base.workers).toHaveLength(2);
    handle.kill();
    second.kill();
    await expect.poll(() => base.workers.every((w) => w.exited), { timeout: 20_000 }).toBe(true);
  });

  it('a spawn with other options gets a new worker, and the spare is killed', async () => {
    const base = watched();
    const warm = prewarm(base.spawn, workerEntry, options);
    const other = warm.spawn(workerEntry, { maxOldSpaceMB: 512 });
    expect(base.workers).toHaveLength(2);
    await expect.poll(() => base.workers[0]!.exited, { timeout: 20_000 }).toBe(true);
    other.kill();
    await expect.poll(() => base.workers[1]!.exited, { timeout: 20_000 }).toBe(true);
  });

  it('dispose kills a worker nothing took, and an exit before the pool listens is still reported', async () => {
    const base = watched();
    const warm = prewarm(base.spawn, workerEntry, options);
    warm.dispose();
    await expect.poll(() => base.workers[0]!.exited, { timeout: 20_000 }).toBe(true);
    // Gone before it was asked for: the next spawn starts a fresh one.
    warm.spawn(workerEntry, options).kill();
    expect(base.workers).toHaveLength(2);

    const again = watched();
    const early = prewarm(again.spawn, workerEntry, options);
    const handle = early.spawn(workerEntry, options);
    handle.kill();
    await expect.poll(() => again.workers[0]!.exited, { timeout: 20_000 }).toBe(true);
    let exited = false;
    handle.onExit(() => (exited = true));
    expect(exited).toBe(true);
  });

  it('a pool given a worker that said ready before the pool listened sends it its first file', async () => {
    // A library that opens slowly (DuckDB's) leaves the prewarmed worker's `ready` kept, handed over as the pool listens.
    const dir = await tempDir('prewarm');
    afterAll(() => fs.rm(dir, { recursive: true, force: true }));
    const [file] = await writeCorpus(path.join(dir, 'saves'), 1);
    const base = watched();
    const warm = prewarm(base.spawn, workerEntry, options);
    await expect.poll(() => ready(base.workers[0]!.said), { timeout: 20_000 }).toBe(true);
    const pool = new WorkerPool({
      size: 1,
      spawn: warm.spawn,
      entry: workerEntry,
      maxOldSpaceMB: options.maxOldSpaceMB,
      fileTimeoutMs: 30_000,
      maxXmlBytes: 64 << 20,
      known: new Map(),
    });
    const outcome = await pool.process(file!.path);
    expect(outcome?.kind).toBe('parsed');
    expect(base.workers).toHaveLength(1);
    pool.close();
    await expect.poll(() => base.workers[0]!.exited, { timeout: 20_000 }).toBe(true);
  });
});
