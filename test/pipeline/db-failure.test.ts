/**
 * A run whose database fails under it: the disk fills (a real SQLITE_FULL)
 * or another process holds the write lock past the busy timeout (a real
 * second process). The run ends in exactly one summary, after every file
 * event, with outcome 'failed' and a sentence a player understands; no save
 * is marked failed for it, and `resume` finishes the rest once the cause is
 * gone. Real worker processes, a real database file; the CLI on a real full
 * file system where this machine lets the test mount one.
 */
import type Database from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Importer } from '../../src/engine/importer';
import type { ImportRetrying } from '../../src/engine/pipeline/run-import';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { SqliteStore } from '../../src/engine/store';
import { Recorder, expectCompleteSaves, runCli, tempDir, workerEntry, writeCorpus, type CliRun, type CorpusFile } from './helpers';

let dir: string;
let saves: string;
let corpus: CorpusFile[];

beforeAll(async () => {
  dir = await tempDir('db-failure');
  saves = path.join(dir, 'saves');
  corpus = await writeCorpus(saves, 12);
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

/** Every event in order, so a test can say the summary came last. */
class OrderedRecorder extends Recorder {
  readonly order: string[] = [];
  readonly retries: ImportRetrying[] = [];
  override file(result: Parameters<Recorder['file']>[0]): void {
    this.order.push('file');
    super.file(result);
  }
  override finished(summary: Parameters<Recorder['finished']>[0]): void {
    this.order.push('finished');
    super.finished(summary);
  }
  retrying(event: ImportRetrying): void {
    this.order.push('retrying');
    this.retries.push(event);
  }
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
let store: SqliteStore;
let dbFile: string;
let counter = 0;

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
  dbFile = path.join(dir, `lib-${++counter}.sqlite`);
  store = SqliteStore.open(dbFile);
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await store.close();
});

const importerFor = (recorder: Recorder): Importer =>
  new Importer({ store, spawn: forkSpawner, workerEntry, workers: 2, maxXmlBytes: 256 * 1024 * 1024 }, recorder);

function ledgerCounts(handle: Database.Database): Record<string, number> {
  const rows = handle.prepare('SELECT status, count(*) AS n FROM import_ledger GROUP BY status').all() as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** What a stopped run must leave: one summary, last; no file failed for it; the rest queued for resume. */
function expectStoppedCleanly(recorder: OrderedRecorder, code: 'DB_FULL' | 'DB_BUSY', sentence: RegExp): void {
  expect(recorder.summaries).toHaveLength(1);
  expect(recorder.order.at(-1)).toBe('finished');
  const summary = recorder.summaries[0]!;
  expect(summary).toMatchObject({ outcome: 'failed', errorCode: code, failed: 0 });
  expect(summary.error).toMatch(sentence);
  expect(summary.notStarted).toBeGreaterThan(0);
  expect(recorder.files.filter((f) => f.status === 'failed')).toEqual([]);
  const left = ledgerCounts(store.handle);
  expect(left.failed).toBeUndefined();
  expect((left.queued ?? 0) + (left.importing ?? 0)).toBe(summary.notStarted);
  expect(unhandled).toEqual([]);
}

async function expectResumeFinishes(): Promise<void> {
  const recorder = new OrderedRecorder();
  const handle = await importerFor(recorder).resume();
  expect(handle).not.toBeNull();
  const { summary } = await handle!.done;
  expect(summary).toMatchObject({ outcome: 'completed', failed: 0 });
  expect(ledgerCounts(store.handle)).toEqual({ imported: corpus.length });
  // Nothing twice, nothing partial.
  expect(await expectCompleteSaves(store, corpus)).toBe(corpus.length);
  expect(unhandled).toEqual([]);
}

describe('a run whose database fails mid-run', () => {
  it('stops on a full disk with one summary and the reason, and resume finishes once there is room', async () => {
    const recorder = new OrderedRecorder();
    // After the first save is in, the library may not grow: the next save's write gets a real SQLITE_FULL.
    recorder.onFile = () => {
      if (recorder.files.length === 1) {
        const pages = store.handle.pragma('page_count', { simple: true }) as number;
        store.handle.pragma(`max_page_count = ${pages}`);
      }
    };
    const { summary } = await importerFor(recorder).run('import', [saves]).done;
    expect(summary.imported).toBeGreaterThanOrEqual(1);
    expectStoppedCleanly(recorder, 'DB_FULL', /The disk holding your library is full/);
    expect(summary.error).toMatch(/Free some space/);

    store.handle.pragma('max_page_count = 1073741823');
    await expectResumeFinishes();
  });

  it('retries a library another process keeps locked, then stops with one summary; resume finishes once it lets go', async () => {
    // Short, so the test waits little: the run's own retries come on top of it.
    store.handle.pragma('busy_timeout = 100');
    // A second process that takes the write lock on SIGUSR2 (saying so with a file) and lets go on SIGHUP
    // (SIGUSR1 is Node's debugger signal).
    // Signals and a file, not pipes: the test waits for the lock synchronously (below), with its event loop held.
    const lockedFile = path.join(dir, `locked-${counter}`);
    const locker = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3';
         import fs from 'node:fs';
         const [file, marker] = process.argv.slice(1);
         const db = new Database(file);
         db.pragma('busy_timeout = 10000');
         process.on('SIGUSR2', () => { db.exec('BEGIN EXCLUSIVE'); fs.writeFileSync(marker, ''); });
         process.on('SIGHUP', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
         setInterval(() => {}, 60_000); // Signal listeners alone do not keep a process alive.
         console.log('ready');`,
        dbFile,
        lockedFile,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() },
    );
    try {
      // Its first line, or an end of its output if it could not start.
      const [ready] = (await Promise.race([once(createInterface({ input: locker.stdout! }), 'line'), once(locker.stdout!, 'end')])) as [
        string | undefined,
      ];
      expect(ready).toBe('ready');
      const recorder = new OrderedRecorder();
      // Once the first save is in, the other process takes the lock before the run may go on: the wait is
      // synchronous, so it holds this process (and the run) still whatever the timing.
      recorder.onFile = () => {
        if (recorder.files.length !== 1) return;
        locker.kill('SIGUSR2');
        const deadline = Date.now() + 20_000;
        while (!fs.existsSync(lockedFile)) {
          if (Date.now() > deadline) throw new Error('the other process did not take the lock');
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        }
      };
      const done = importerFor(recorder).run('import', [saves]).done;
      const { summary } = await done;
      expect(summary.imported).toBeGreaterThanOrEqual(1);
      expect(recorder.retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
      expect(recorder.retries[0]!.message).toMatch(/locked by another program; trying again/);
      expectStoppedCleanly(recorder, 'DB_BUSY', /Another program is holding the library locked/);
      // Every retry came before the summary.
      expect(recorder.order.lastIndexOf('retrying')).toBeLessThan(recorder.order.indexOf('finished'));

      locker.kill('SIGHUP');
      await once(locker, 'exit');
      await expectResumeFinishes();
    } finally {
      if (locker.exitCode === null) locker.kill('SIGKILL');
    }
  });
});

/** Whether this machine lets the test mount a small tmpfs (root, and mounting allowed): a disk that really fills. */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'scribe-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

const scribe = (args: string[]): Promise<CliRun> => runCli(args, { SCRIBE_DATA_DIR: path.join(dir, 'data') });

describe('scribe import on a disk that fills', () => {
  const mountable = canMountTmpfs();
  it.skipIf(!mountable)(
    'exits 2 after one summary with the reason; resume finishes once the disk has room (needs root to mount a tmpfs)',
    async () => {
      const mnt = fs.mkdtempSync(path.join(os.tmpdir(), 'scribe-full-disk-'));
      // Room for the empty library and a save or so, not for the whole corpus.
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2000k', 'tmpfs', mnt]);
      try {
        const db = path.join(mnt, 'lib.sqlite');
        const ran = await scribe(['import', saves, '--db', db, '--workers', '2', '--json']);
        expect(ran.code, ran.stderr).toBe(2);
        expect(ran.stderr).not.toMatch(/\n\s+at |Unhandled|Error:/);
        const summaries = ran.lines.filter((l) => l.type === 'summary');
        expect(summaries).toHaveLength(1);
        expect(ran.lines.at(-1)).toMatchObject({ type: 'summary', outcome: 'failed', errorCode: 'DB_FULL', failed: 0 });
        expect(ran.lines.at(-1)!.error).toMatch(/The disk holding your library is full/);
        expect(ran.lines.filter((l) => l.type === 'file' && l.status === 'failed')).toEqual([]);

        execFileSync('mount', ['-o', 'remount,size=64m', mnt]);
        const resumed = await scribe(['resume', '--db', db, '--json']);
        expect(resumed.code, resumed.stderr).toBe(0);
        const handle = new BetterSqlite(db, { readonly: true });
        try {
          expect(ledgerCounts(handle)).toEqual({ imported: corpus.length });
          expect(handle.prepare('SELECT count(*) AS n, count(DISTINCT sha256) AS d FROM saves').get()).toEqual({
            n: corpus.length,
            d: corpus.length,
          });
        } finally {
          handle.close();
        }
      } finally {
        execFileSync('umount', [mnt]);
        fs.rmSync(mnt, { recursive: true, force: true });
      }
    },
  );
});
