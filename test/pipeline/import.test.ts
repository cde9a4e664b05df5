import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Importer } from '../../src/engine/importer';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { openStore, type Store } from '../../src/engine/store';
import { Recorder, cliEntry, expectCompleteSaves, flakyWorkerEntry, tempDir, workerEntry, writeCorpus, writeMixedFolder } from './helpers';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = await tempDir('pipeline');
  store = await openStore(path.join(dir, 'library.sqlite'));
});
afterEach(async () => {
  await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function importer(recorder: Recorder, options: Partial<ConstructorParameters<typeof Importer>[0]> = {}): Importer {
  return new Importer({ store, spawn: forkSpawner, workerEntry, workers: 2, maxXmlBytes: 256 * 1024 * 1024, ...options }, recorder);
}

/** The exit code (null when killed by a signal), whether or not the process has already exited. */
async function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  return child.exitCode;
}

async function integrityOk(file: string): Promise<boolean> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true });
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) === 'ok';
  } finally {
    db.close();
  }
}

describe('import pipeline', () => {
  it('accounts for every file of a mixed folder exactly once, through real worker processes', async () => {
    const saves = path.join(dir, 'saves');
    const { corpus, hostile } = await writeMixedFolder(saves);

    const recorder = new Recorder();
    // Hostile files are also named directly: a file the user names always gets an answer.
    const { done } = importer(recorder).run('import', [saves, ...hostile.map((h) => h.file)]);
    const { summary, stages } = await done;

    const candidates = [
      ...corpus.map((c) => c.path),
      path.join(saves, 'copy-of-first.zip'),
      path.join(saves, 'same-turn-other-bytes.zip'),
      ...hostile.map((h) => h.file),
    ];
    const resultPaths = recorder.files.map((f) => f.path);
    expect(resultPaths.sort()).toEqual([...candidates].sort());
    expect(new Set(resultPaths).size).toBe(resultPaths.length);

    const byPath = new Map(recorder.files.map((f) => [f.path, f]));
    for (const c of corpus.slice(1)) expect(byPath.get(c.path)?.status, c.path).toBe('imported');
    // The first save, its byte-for-byte copy and its same-turn twin: whichever is written first is
    // imported (they are parsed in parallel), the copy is ALREADY_IMPORTED, the twin DUPLICATE_TURN.
    const copy = path.join(saves, 'copy-of-first.zip');
    const group = [corpus[0]!.path, copy, path.join(saves, 'same-turn-other-bytes.zip')].map((p) => byPath.get(p)!);
    expect(group.filter((r) => r.status === 'imported')).toHaveLength(1);
    const skipCodes = group.flatMap((r) => (r.status === 'skipped' ? [r.code] : [])).sort();
    const firstImported = group[0]!.status === 'imported' || group[1]!.status === 'imported';
    expect(skipCodes).toEqual(firstImported ? ['ALREADY_IMPORTED', 'DUPLICATE_TURN'] : ['DUPLICATE_TURN', 'DUPLICATE_TURN']);
    for (const h of hostile) expect(byPath.get(h.file), h.file).toMatchObject({ status: 'failed', code: h.expectedCode });

    expect(summary).toMatchObject({ outcome: 'completed', imported: corpus.length, skipped: 2, failed: hostile.length });
    expect(summary.notices.some((n) => n.path === path.join(saves, 'nested', 'loop'))).toBe(true);
    expect(await expectCompleteSaves(store, corpus)).toBe(corpus.length);
    expect(await integrityOk(store.path)).toBe(true);

    // Every stage of the saves that were parsed and written took time (the benchmark reports them).
    for (const stage of ['readMs', 'inflateMs', 'parseMs', 'writeMs'] as const) expect(stages[stage], stage).toBeGreaterThan(0);

    // Progress moved and ended complete.
    const last = recorder.progressEvents.at(-1)!;
    expect(last).toMatchObject({ filesTotal: candidates.length, remaining: 0, inFlight: [] });
  });

  it('tells the store when the run starts and ends, around every write', async () => {
    await writeCorpus(path.join(dir, 'saves'), 2);
    const calls: string[] = [];
    const bulkWrites = store.bulkWrites.bind(store);
    const insertSave = store.insertSave.bind(store);
    store.bulkWrites = (on) => (calls.push(`bulk ${on}`), bulkWrites(on));
    store.insertSave = (...args) => (calls.push('write'), insertSave(...args));
    const { summary } = await importer(new Recorder()).run('import', [path.join(dir, 'saves')]).done;
    expect(summary.imported).toBe(2);
    expect(calls).toEqual(['bulk true', 'write', 'write', 'bulk false']);
  });

  it('skips unchanged files on a second run without parsing them', async () => {
    const corpus = await writeCorpus(path.join(dir, 'saves'), 3);
    await importer(new Recorder()).run('import', [path.join(dir, 'saves')]).done;
    const again = new Recorder();
    const { summary } = await importer(again).run('import', [path.join(dir, 'saves')]).done;
    expect(summary).toMatchObject({ imported: 0, skipped: 3, failed: 0 });
    expect(again.files.every((f) => f.status === 'skipped' && f.code === 'UNCHANGED')).toBe(true);
    expect(await expectCompleteSaves(store, corpus)).toBe(3);
  });

  it('skips a copy of an imported save under another name before parsing it', async () => {
    const corpus = await writeCorpus(path.join(dir, 'first'), 1);
    await importer(new Recorder()).run('import', [path.join(dir, 'first')]).done;
    const copy = path.join(dir, 'elsewhere', 'renamed.zip');
    await fs.mkdir(path.dirname(copy));
    await fs.copyFile(corpus[0]!.path, copy);
    const recorder = new Recorder();
    const { summary, stages } = await importer(recorder).run('import', [copy]).done;
    const saveId = (await store.listSaves({})).items[0]!.saveId;
    expect(recorder.files).toEqual([expect.objectContaining({ path: copy, status: 'skipped', code: 'ALREADY_IMPORTED', saveId })]);
    expect(summary).toMatchObject({ imported: 0, skipped: 1 });
    expect(stages.inflateMs + stages.parseMs).toBe(0);
    expect((await store.ledgerLookup(copy))?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fails only the file whose worker crashes or hangs, and imports the rest', async () => {
    const saves = path.join(dir, 'saves');
    const corpus = await writeCorpus(saves, 3);
    const crash = path.join(saves, 'will-crash.zip');
    const hang = path.join(saves, 'will-hang.zip');
    await fs.copyFile(corpus[0]!.path, crash);
    await fs.copyFile(corpus[1]!.path, hang);
    const recorder = new Recorder();
    // The limit must pass the good files' parse with room to spare on a loaded machine (it also counts a
    // worker's start-up): only the hanging file may reach it.
    const { summary } = await importer(recorder, { workerEntry: flakyWorkerEntry, fileTimeoutMs: 5000 }).run('import', [saves]).done;
    const byPath = new Map(recorder.files.map((f) => [f.path, f]));
    expect(byPath.get(crash)).toMatchObject({ status: 'failed', code: 'WORKER_CRASHED' });
    expect(byPath.get(hang)).toMatchObject({ status: 'failed', code: 'PARSE_TIMEOUT' });
    expect(summary).toMatchObject({ imported: 3, failed: 2 });
    expect(await expectCompleteSaves(store, corpus)).toBe(3);
    expect(await store.ledgerPathsByStatus(['failed'])).toEqual(expect.arrayContaining([crash, hang]));
  });

  it('cancels mid-run with nothing partial, and resumes the rest', async () => {
    const saves = path.join(dir, 'saves');
    const corpus = await writeCorpus(saves, 12);
    const recorder = new Recorder();
    const imp = importer(recorder, { workers: 1 });
    recorder.onFile = () => {
      if (recorder.files.length === 2) imp.cancel();
    };
    const { summary } = await imp.run('import', [saves]).done;
    expect(summary.outcome).toBe('cancelled');
    expect(summary.notStarted).toBeGreaterThan(0);
    const imported = await expectCompleteSaves(store, corpus);
    expect(imported).toBeLessThan(corpus.length);
    expect(await store.ledgerCountByStatus(['queued', 'importing'])).toBe(corpus.length - imported);

    const resumed = new Recorder();
    const again = importer(resumed);
    expect((await again.state()).resumable).toBe(corpus.length - imported);
    const handle = await again.resume();
    const result = await handle!.done;
    expect(result.summary).toMatchObject({ outcome: 'completed', kind: 'resume', failed: 0 });
    expect(await expectCompleteSaves(store, corpus)).toBe(corpus.length);
    expect(await store.ledgerCountByStatus(['queued', 'importing'])).toBe(0);
  });

  it('retries only the failed files', async () => {
    const saves = path.join(dir, 'saves');
    await writeCorpus(saves, 2);
    const broken = path.join(saves, 'broken.zip');
    await fs.writeFile(broken, 'PK\u0003\u0004 truncated');
    await importer(new Recorder()).run('import', [saves]).done;
    const retry = new Recorder();
    const handle = await importer(retry).retryFailed();
    await handle!.done;
    expect(retry.files.map((f) => f.path)).toEqual([broken]);
  });
});

describe('an import killed with SIGKILL', () => {
  it('resumes with no save missing, duplicated or partial', async () => {
    const saves = path.join(dir, 'saves');
    const corpus = await writeCorpus(saves, 16);
    const db = path.join(dir, 'killed.sqlite');
    await store.close();
    const env = { ...process.env, SCRIBE_DATA_DIR: path.join(dir, 'data') };

    const child = spawn(process.execPath, [cliEntry, 'import', saves, '--db', db, '--workers', '1', '--json'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let importedBeforeKill = 0;
    for await (const line of createInterface({ input: child.stdout })) {
      const event = JSON.parse(line) as { type: string; status?: string };
      if (event.type === 'file' && event.status === 'imported' && ++importedBeforeKill === 3) {
        child.kill('SIGKILL');
        break;
      }
    }
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');

    const resume = spawn(process.execPath, [cliEntry, 'resume', '--db', db, '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: { type: string; status?: string }[] = [];
    for await (const line of createInterface({ input: resume.stdout })) lines.push(JSON.parse(line));
    expect(await exited(resume)).toBe(0);
    expect(lines.filter((l) => l.type === 'file').length).toBeGreaterThan(0);

    store = await openStore(db);
    expect(await expectCompleteSaves(store, corpus)).toBe(corpus.length);
    expect(await store.ledgerCountByStatus(['queued', 'importing'])).toBe(0);
    expect(await integrityOk(db)).toBe(true);
  });
});
