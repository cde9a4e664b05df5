/**
 * A run given a single file parses it in the importing process, starting no
 * worker (`singleFileInProcess`, what the command line asks for). Every kind
 * of single file must end exactly as it does through the worker pool: the
 * same file results, summary, progress, ledger rows and saves. Each scenario
 * runs twice, into two fresh libraries, once each way; real zip files, real
 * SQLite files, real worker processes for the pool.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Importer } from '../../src/engine/importer';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import type { WorkerSpawner } from '../../src/engine/pipeline/worker-handle';
import type { RunChoices } from '../../src/engine/importer';
import { openStore, type Store } from '../../src/engine/store';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import { writeHostileSet, type HostileCase } from '../fixtures/hostile';
import { shardOf } from '../../src/engine/pipeline/shard';
import { Recorder, expectCompleteSaves, runCli, tempDir, workerEntry, writeCorpus, type CorpusFile } from './helpers';

let dir: string;
let corpus: CorpusFile[];
let copy: string;
let twin: string;
let hostile: HostileCase[];
let libraries = 0;

beforeAll(async () => {
  dir = await tempDir('single-file');
  const saves = path.join(dir, 'saves');
  corpus = await writeCorpus(saves, 2);
  copy = path.join(saves, 'copy-of-first.zip');
  await fs.copyFile(corpus[0]!.path, copy);
  twin = path.join(saves, 'same-turn-other-bytes.zip');
  await writeSaveZip(twin, generateSave({ scale: 'small', seed: 1000, gameId: corpus[0]!.gameId, crlf: false }).xml);
  hostile = await writeHostileSet(path.join(dir, 'hostile'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Way = 'in-process' | 'pool';

interface Run {
  paths: string[];
  choices?: RunChoices;
}

/** A spawner that counts the workers it starts. */
function counting(): { spawn: WorkerSpawner; spawned: () => number } {
  let n = 0;
  return {
    spawn: (entry, options) => {
      n++;
      return forkSpawner(entry, options);
    },
    spawned: () => n,
  };
}

function importerFor(store: Store, way: Way, recorder: Recorder, spawn: WorkerSpawner = forkSpawner): Importer {
  return new Importer(
    { store, spawn, workerEntry, workers: 2, maxXmlBytes: 256 * 1024 * 1024, singleFileInProcess: way === 'in-process' },
    recorder,
  );
}

const withoutRunId = <T extends { runId: string }>({ runId: _, ...rest }: T) => rest;

/** What a run showed and left behind, with what differs by clock alone (run ids, times, rates) taken out. */
async function observe(way: Way, runs: Run[]) {
  const file = path.join(dir, `library-${++libraries}.sqlite`);
  const store = await openStore(file);
  const workers = counting();
  const seen = [];
  try {
    for (const run of runs) {
      const recorder = new Recorder();
      const { summary } = await importerFor(store, way, recorder, workers.spawn).run('import', run.paths, run.choices).done;
      const { durationMs: _, ...kept } = withoutRunId(summary);
      // Progress is throttled by the clock, so which states in between a run reports depends on its
      // speed (a small save parsed here is done before the throttle lets "importing" out):
      // its first and last words are what must agree.
      const progress = recorder.progressEvents.map(({ runId: _r, elapsedMs: _e, savesPerSecond: _s, etaSeconds: _t, ...p }) => p);
      seen.push({
        files: recorder.files.map(withoutRunId),
        summary: { ...kept, failures: kept.failures.map(withoutRunId) },
        first: progress[0],
        last: progress.at(-1),
      });
    }
    const paths = [...new Set(runs.flatMap((r) => r.paths))];
    const ledger = [];
    for (const p of paths) {
      const row = await store.ledgerLookup(p);
      if (!row) {
        ledger.push(null);
        continue;
      }
      const { queuedAt: _q, startedAt: _s, finishedAt: _f, updatedAt: _u, parseMs: _p, writeMs: _w, ...kept } = row;
      ledger.push(kept);
    }
    const saves = [];
    for (const item of (await store.listSaves({ limit: 100 })).items) {
      const detail = await store.saveDetail(item.saveId);
      saves.push({ gameId: item.gameId, turn: item.turn, counts: detail!.counts });
    }
    expect(await expectCompleteSaves(store, corpus)).toBe(saves.length);
    return { seen, ledger, saves, workersStarted: workers.spawned(), file };
  } finally {
    await store.close();
  }
}

/** Every row of every table of the library as written (the ledger and the import time aside): the saves must be the same to the cell. */
function contents(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'import_ledger' ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => {
        // Some tables have no rowid (clustered on their key): ordered by every column, both libraries list rows alike.
        const columns = db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(t) as number;
        const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
        const rows = db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).all() as Record<string, unknown>[];
        return [t, rows.map(({ imported_at: _, ...row }) => row)];
      }),
    );
  } finally {
    db.close();
  }
}

/** Runs the scenario both ways and checks they agree; returns the in-process observation. */
async function bothWays(runs: Run[]) {
  const inProcess = await observe('in-process', runs);
  const pool = await observe('pool', runs);
  const { workersStarted: inProcessWorkers, file: inProcessFile, ...inProcessSeen } = inProcess;
  const { workersStarted: poolWorkers, file: poolFile, ...poolSeen } = pool;
  expect(inProcessSeen).toEqual(poolSeen);
  expect(contents(inProcessFile)).toEqual(contents(poolFile));
  return { ...inProcess, poolWorkers, inProcessWorkers };
}

describe('a single file parsed in the importing process', () => {
  it('imports a save as the pool does, starting no worker', async () => {
    const r = await bothWays([{ paths: [corpus[0]!.path] }]);
    expect(r.seen[0]!.files).toMatchObject([{ status: 'imported', saveId: 1 }]);
    expect(r.seen[0]!.first).toMatchObject({ phase: 'discovering' });
    expect(r.seen[0]!.last).toMatchObject({ phase: 'finishing', imported: 1, remaining: 0 });
    expect(r.ledger).toMatchObject([{ status: 'imported', attempts: 1 }]);
    expect(contents(r.file).tiles!.length).toBe(corpus[0]!.tableCounts.tiles);
    expect(r.inProcessWorkers).toBe(0);
    expect(r.poolWorkers).toBeGreaterThan(0);
  });

  it('skips as the pool does: unchanged, the same bytes, the same turn, another shard', async () => {
    // The run takes the shard of two that this file's bytes do not fall in.
    const its = shardOf(
      createHash('sha256')
        .update(await fs.readFile(corpus[1]!.path))
        .digest('hex'),
      2,
    );
    const r = await bothWays([
      { paths: [corpus[0]!.path] },
      { paths: [corpus[0]!.path] },
      { paths: [copy] },
      { paths: [twin] },
      { paths: [corpus[1]!.path], choices: { shard: { index: its === 1 ? 2 : 1, count: 2 } } },
    ]);
    expect(r.seen.map((s) => s.files[0])).toMatchObject([
      { status: 'imported' },
      { status: 'skipped', code: 'UNCHANGED' },
      { status: 'skipped', code: 'ALREADY_IMPORTED' },
      { status: 'skipped', code: 'DUPLICATE_TURN' },
      { status: 'skipped', code: 'OTHER_SHARD' },
    ]);
    expect(r.inProcessWorkers).toBe(0);
  });

  it('replaces a save of the same game and turn as the pool does', async () => {
    const r = await bothWays([{ paths: [corpus[0]!.path] }, { paths: [twin], choices: { replace: true } }]);
    expect(r.seen[1]!.files).toMatchObject([{ status: 'imported' }]);
    expect(r.saves).toHaveLength(1);
    expect(r.inProcessWorkers).toBe(0);
  });

  it('fails every hostile file with the code and message the pool gives it', async () => {
    const r = await bothWays(hostile.map((h) => ({ paths: [h.file] })));
    r.seen.forEach((s, i) =>
      expect(s.files, hostile[i]!.description).toMatchObject([{ status: 'failed', code: hostile[i]!.expectedCode }]),
    );
    // A dangling link is no file: its run goes to the pool (two workers) and fails there the same way.
    const notFiles = await Promise.all(
      hostile.map((h) =>
        fs.stat(h.file).then(
          (s) => !s.isFile(),
          () => true,
        ),
      ),
    );
    expect(notFiles.filter(Boolean).length).toBe(1);
    expect(r.inProcessWorkers).toBe(2);
  });

  it('leaves a run of several files, or of a folder, to the pool', async () => {
    const files = await observe('in-process', [{ paths: [corpus[0]!.path, corpus[1]!.path] }]);
    expect(files.seen[0]!.summary).toMatchObject({ imported: 2 });
    expect(files.workersStarted).toBeGreaterThan(0);
    const folder = await observe('in-process', [{ paths: [path.dirname(corpus[0]!.path)] }]);
    expect(folder.seen[0]!.summary).toMatchObject({ filesTotal: 4, imported: 2 });
    expect(folder.workersStarted).toBeGreaterThan(0);
  });
});

describe('cancelling a single file being parsed in the importing process', () => {
  it('leaves it unfinished, as a cancelled worker does, and resume imports it', async () => {
    const file = corpus[0]!.path;
    for (const way of ['in-process', 'pool'] as const) {
      const store = await openStore(path.join(dir, `library-${++libraries}.sqlite`));
      try {
        const recorder = new Recorder();
        const workers = counting();
        const importer = importerFor(store, way, recorder, workers.spawn);
        const { done } = importer.run('import', [file]);
        let finished = false;
        void done.then(() => (finished = true));
        // The row turns `importing` just before the file is handed to its parser, which then reads it
        // (the event loop turns while it does): cancelled at that moment, the parse is under way.
        while (!finished && (await store.ledgerLookup(file))?.status !== 'importing') await new Promise((resolve) => setImmediate(resolve));
        expect(importer.cancel(), way).toBe(true);
        const { summary } = await done;
        expect(summary, way).toMatchObject({ outcome: 'cancelled', filesTotal: 1, imported: 0, notStarted: 1 });
        expect(recorder.files).toEqual([]);
        expect(workers.spawned() > 0, way).toBe(way === 'pool');
        expect((await store.listSaves({ limit: 10 })).total).toBe(0);
        expect(await store.ledgerPathsByStatus(['queued', 'importing'])).toEqual([file]);

        const resumed = new Recorder();
        const handle = await importerFor(store, way, resumed).resume();
        expect((await handle!.done).summary).toMatchObject({ outcome: 'completed', kind: 'resume', imported: 1 });
        expect(await expectCompleteSaves(store, corpus)).toBe(1);
      } finally {
        await store.close();
      }
    }
  });
});

describe('scribe import of one file', () => {
  it('prints the same lines and exits the same in its own process as with a worker (SCRIBE_SINGLE_FILE_IN_WORKER=1)', async () => {
    const broken = hostile.find((h) => h.expectedCode === 'ZIP_CORRUPT') ?? hostile.find((h) => h.expectedCode !== 'FILE_UNREADABLE')!;
    for (const file of [corpus[0]!.path, broken.file]) {
      const ways = [];
      for (const env of [{}, { SCRIBE_SINGLE_FILE_IN_WORKER: '1' }]) {
        const db = path.join(dir, `library-${++libraries}.sqlite`);
        const ran = await runCli(['import', file, '--db', db, '--json'], { ...env, SCRIBE_DATA_DIR: path.join(dir, 'data') });
        const lines = ran.lines.filter((l) => l.type === 'file' || l.type === 'summary').map(({ runId: _r, durationMs: _d, ...l }) => l);
        ways.push({ code: ran.code, lines, stderr: ran.stderr });
      }
      expect(ways[0], file).toEqual(ways[1]);
      expect(ways[0]!.lines).toHaveLength(2);
    }
  });
});
