/**
 * Reads that fail for a reason that passes are tried again with backoff.
 * The helper is tested with errors shaped exactly as Node's fs raises them;
 * the whole path (worker, pool, run summary) with a real read error: reading
 * /proc/self/mem from its start fails with EIO on Linux every time, so the
 * worker retries it, then fails it as FILE_UNREADABLE, and the run counts it.
 * A read error that really passes cannot be produced honestly here (no
 * Windows sharing violations, no flaky device), so success after retrying
 * is tested on the helper only.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Importer } from '../../src/engine/importer';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { isTransientReadError, readRetryDelaysMs, withRetry } from '../../src/engine/retry';
import { openStore, type Store } from '../../src/engine/store';
import { Recorder, tempDir, workerEntry, writeCorpus } from './helpers';

/** An error as Node's fs raises it (see uvException in Node's lib/internal/errors.js). */
function errnoError(code: 'EBUSY' | 'ENOENT' | 'EAGAIN', syscall = 'open', file = '/saves/a.zip'): NodeJS.ErrnoException {
  const errno = os.constants.errno[code];
  return Object.assign(new Error(`${code}: resource unavailable, ${syscall} '${file}'`), { errno: -errno, code, syscall, path: file });
}

function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

describe('withRetry', () => {
  it('tries again after EBUSY, with the delays in order, and returns what the later try read', async () => {
    let calls = 0;
    const { sleep, waits } = recordingSleep();
    const retries: number[] = [];
    const value = await withRetry(
      async () => {
        calls++;
        if (calls <= 2) throw errnoError('EBUSY');
        return 'bytes';
      },
      { isTransient: isTransientReadError, delays: [10, 40, 160], sleep, onRetry: (_err, retry) => retries.push(retry) },
    );
    expect(value).toBe('bytes');
    expect(calls).toBe(3);
    expect(waits).toEqual([10, 40]);
    expect(retries).toEqual([1, 2]);
  });

  it('fails at once for a reason that does not pass', async () => {
    let calls = 0;
    const { sleep, waits } = recordingSleep();
    const err = errnoError('ENOENT');
    await expect(
      withRetry(
        async () => {
          calls++;
          throw err;
        },
        { isTransient: isTransientReadError, delays: [10, 40], sleep },
      ),
    ).rejects.toBe(err);
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('gives up after the last delay and throws the last failure', async () => {
    let calls = 0;
    const { sleep, waits } = recordingSleep();
    await expect(
      withRetry(
        async () => {
          calls++;
          throw errnoError('EAGAIN', 'read');
        },
        { isTransient: isTransientReadError, delays: [1, 2, 3], sleep },
      ),
    ).rejects.toMatchObject({ code: 'EAGAIN' });
    expect(calls).toBe(4);
    expect(waits).toEqual([1, 2, 3]);
  });

  it('knows which read errors pass', () => {
    for (const code of ['EBUSY', 'EAGAIN', 'EIO'] as const) expect(isTransientReadError({ code })).toBe(true);
    for (const code of ['ENOENT', 'EACCES', 'EISDIR']) expect(isTransientReadError({ code })).toBe(false);
    expect(isTransientReadError(new Error('no code'))).toBe(false);
    expect(isTransientReadError(null)).toBe(false);
  });
});

describe.runIf(process.platform === 'linux')('a read error in a real import run', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await tempDir('read-retry');
    store = await openStore(path.join(dir, 'library.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('is retried, then fails the file as FILE_UNREADABLE, and the summary counts the retried file', async () => {
    const corpus = await writeCorpus(path.join(dir, 'saves'), 2);
    const recorder = new Recorder();
    const importer = new Importer({ store, spawn: forkSpawner, workerEntry, workers: 1, maxXmlBytes: 256 * 1024 * 1024 }, recorder);
    const { summary } = await importer.run('import', ['/proc/self/mem', ...corpus.map((c) => c.path)]).done;

    expect(summary).toMatchObject({ imported: 2, failed: 1, readRetried: 1 });
    expect(summary.failures).toEqual([
      expect.objectContaining({
        path: '/proc/self/mem',
        code: 'FILE_UNREADABLE',
        message: expect.stringContaining(`(EIO) after ${readRetryDelaysMs.length + 1} tries`),
      }),
    ]);
    expect(await store.ledgerLookup('/proc/self/mem')).toMatchObject({ status: 'failed', code: 'FILE_UNREADABLE' });
  });

  it('reports no retried files when every read succeeds first time', async () => {
    const corpus = await writeCorpus(path.join(dir, 'saves'), 2);
    const importer = new Importer({ store, spawn: forkSpawner, workerEntry, workers: 1, maxXmlBytes: 256 * 1024 * 1024 }, new Recorder());
    const { summary } = await importer.run(
      'import',
      corpus.map((c) => c.path),
    ).done;
    expect(summary.imported).toBe(2);
    expect(summary).not.toHaveProperty('readRetried');
  });
});
