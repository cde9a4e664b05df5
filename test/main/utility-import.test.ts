import Database from 'better-sqlite3';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Importer } from '../../src/engine/importer';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { openStore } from '../../src/engine/store';
import { decodeSaveBytes } from '../../src/engine/codec/encoded-save';
import type { FileResult } from '../../src/shared/import';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import {
  Recorder,
  expectCompleteSaves,
  flakyWorkerEntry,
  tempDir,
  workerEntry,
  writeCorpus,
  writeMixedFolder,
  type CorpusFile,
} from '../pipeline/helpers';
import { launch, quitAll } from './launch';

const flakyUtilityWorker = path.join(import.meta.dirname, 'flaky-utility-worker.mjs');

let dir: string;
beforeEach(async () => {
  dir = await tempDir('main-utility');
});
afterEach(async () => {
  await quitAll();
  await fs.rm(dir, { recursive: true, force: true });
});

/** test/pipeline/import.test.ts's mixed folder, plus a save whose worker crashes. */
async function mixedFolder(saves: string): Promise<{ corpus: CorpusFile[]; paths: string[]; group: string[]; crash: string }> {
  const { corpus, copy, twin, hostile } = await writeMixedFolder(saves);
  const crash = path.join(saves, 'will-crash.zip');
  await writeSaveZip(crash, generateSave({ scale: 'small', seed: 3000 }).xml);
  // Which of these three is written first depends on which worker finishes first.
  const group = [corpus[0]!.path, copy, twin];
  return { corpus, paths: [saves, ...hostile.map((h) => h.file)], group, crash };
}

/** What a library holds: every ledger row and the row count of every table. */
function contents(file: string): { ledger: Record<string, string>; rows: Record<string, number> } {
  const db = new Database(file, { readonly: true });
  try {
    const ledger = Object.fromEntries(
      (db.prepare('SELECT path, status, code FROM import_ledger').all() as { path: string; status: string; code: string | null }[]).map(
        (r) => [r.path, `${r.status} ${r.code ?? ''}`.trim()],
      ),
    );
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
    ).map((t) => t.name);
    const rows = Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
    return { ledger, rows };
  } finally {
    db.close();
  }
}

describe('imports through utility processes (process.parentPort)', () => {
  it('imports the mixed folder, one worker crashing, with the same ledger and rows as the child_process.fork path', async () => {
    const saves = path.join(dir, 'saves');
    const { corpus, paths, group, crash } = await mixedFolder(saves);

    // The command line's path: child_process.fork, the crashing worker of test/pipeline.
    const forkDb = path.join(dir, 'fork', 'library.sqlite');
    await fs.mkdir(path.dirname(forkDb));
    const store = await openStore(forkDb);
    const recorder = new Recorder();
    const viaFork = await new Importer(
      { store, spawn: forkSpawner, workerEntry: flakyWorkerEntry, workers: 2, maxXmlBytes: 256 * 1024 * 1024 },
      recorder,
    ).run('import', paths).done;
    await store.close();

    // The app's path: utilityProcess.fork from src/main, the same crash on cue through parentPort.
    const appData = path.join(dir, 'app');
    await fs.mkdir(appData);
    await fs.writeFile(path.join(appData, 'settings.json'), JSON.stringify({ workers: 2 }));
    const app = await launch({ dataDir: appData, workerEntry: flakyUtilityWorker });
    const started = await app.invoke('startImport', { paths });
    const summary = await app.waitForEvent('importFinished', (s) => s.runId === started.runId);
    const files = app.events('fileResult').filter((f) => f.runId === started.runId);
    const forked = app.electron.forkedUtilities;
    await app.quit();

    // Every worker was a utility process (a replacement for the crashed one only when jobs were left for it).
    expect(forked.length).toBeGreaterThanOrEqual(2);
    for (const f of forked) {
      expect(f.modulePath).toBe(flakyUtilityWorker);
      expect(f.options).toMatchObject({ serviceName: 'Scribe save parser', stdio: 'inherit' });
      expect(f.options.execArgv).toEqual(
        expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/), '--single-threaded-gc']),
      );
    }
    const status = (f: FileResult) => `${f.status} ${f.status === 'imported' ? '' : f.code}`.trim();
    expect(Object.fromEntries(files.map((f) => [f.path, status(f)]))[crash]).toBe('failed WORKER_CRASHED');
    expect(summary).toMatchObject({
      outcome: 'completed',
      imported: viaFork.summary.imported,
      skipped: viaFork.summary.skipped,
      failed: viaFork.summary.failed,
    });
    expect(summary.imported).toBe(corpus.length);

    const fromApp = contents(path.join(appData, 'scribe.sqlite'));
    const fromFork = contents(forkDb);
    expect(fromApp.rows).toEqual(fromFork.rows);
    expect(fromApp.rows.saves).toBe(corpus.length);
    const settled = (ledger: Record<string, string>) => Object.fromEntries(Object.entries(ledger).filter(([p]) => !group.includes(p)));
    expect(settled(fromApp.ledger)).toEqual(settled(fromFork.ledger));
    expect(Object.keys(fromApp.ledger).sort()).toEqual(Object.keys(fromFork.ledger).sort());
    for (const ledger of [fromApp.ledger, fromFork.ledger]) expect(group.filter((p) => ledger[p] === 'imported')).toHaveLength(1);
    const appStore = await openStore(path.join(appData, 'scribe.sqlite'));
    try {
      expect(await expectCompleteSaves(appStore, corpus)).toBe(corpus.length);
    } finally {
      await appStore.close();
    }
  });

  it('gives the worker Electron’s parentPort and structured-clone semantics, and no Node IPC', async () => {
    const { utilityProcess } = await import('./electron-stand-in');
    const probe = path.join(dir, 'probe.mjs');
    await fs.writeFile(
      probe,
      `let nodeMessages = 0;
process.on('message', () => nodeMessages++);
process.parentPort.on('message', (e) => {
  if (e.data === 'report') return process.parentPort.postMessage({ send: typeof process.send, nodeMessages, ports: e.ports.length });
  let refused = null;
  try { process.parentPort.postMessage({ f() {} }); } catch (err) { refused = err.name; }
  process.parentPort.postMessage({ echo: e.data, isBuffer: Buffer.isBuffer(e.data.bytes), refused, buffer: Buffer.from('ab') });
});`,
    );
    const child = utilityProcess.fork(probe);
    const messages: unknown[] = [];
    child.on('message', (m) => messages.push(m));
    child.postMessage({ bytes: Buffer.from('xyz'), when: new Date(0), list: new Map([[1, 'a']]) });
    expect(() => child.postMessage({ f() {} })).toThrow(/could not be cloned/);
    child.postMessage('report');
    await expect.poll(() => messages.length, { timeout: 10_000 }).toBe(2);
    const [echo, report] = messages as [Record<string, unknown>, Record<string, unknown>];
    expect(echo).toMatchObject({ echo: { when: new Date(0), list: new Map([[1, 'a']]) }, isBuffer: false, refused: 'DataCloneError' });
    expect((echo.echo as { bytes: unknown }).bytes).toBeInstanceOf(Uint8Array);
    // A Buffer posted by the worker arrives as Electron delivers it: a plain Uint8Array.
    expect((echo.buffer as Uint8Array).constructor).toBe(Uint8Array);
    expect(report).toEqual({ send: 'undefined', nodeMessages: 0, ports: 0 });
    expect(child.kill()).toBe(true);
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(15); // SIGTERM, as waitpid reports it
    expect(child.kill()).toBe(false);
  });

  it('runs the real worker entry under parentPort: a parsed save arrives as bytes the writer decodes', async () => {
    const { utilityProcess } = await import('./electron-stand-in');
    const [save] = await writeCorpus(path.join(dir, 'one'), 1);
    const child = utilityProcess.fork(workerEntry);
    const messages: { type: string; save?: Uint8Array }[] = [];
    child.on('message', (m) => messages.push(m as (typeof messages)[number]));
    child.postMessage({ type: 'known', saves: [] });
    child.postMessage({ type: 'job', jobId: 1, path: save!.path, maxXmlBytes: 64 * 1024 * 1024 });
    await expect.poll(() => messages.map((m) => m.type), { timeout: 20_000 }).toEqual(['ready', 'parsed']);
    expect(messages[1]!.save!.constructor).toBe(Uint8Array);
    expect(decodeSaveBytes(messages[1]!.save!).meta.gameId).toBe(save!.gameId);
    child.kill();
  });
});

describe('the packaged layout', () => {
  it('forks the worker from app.asar.unpacked, where electron-builder puts it, and imports the files named at launch', async () => {
    // What a packaged app's main sees: its bundle (and so the worker's path) inside resources/app.asar,
    // while the worker file itself exists only in app.asar.unpacked.
    const resources = path.join(dir, 'resources');
    const packed = path.join(resources, 'app.asar', 'out', 'main', 'chunks', 'parse-worker-test.js');
    const unpacked = path.join(resources, 'app.asar.unpacked', 'out', 'main', 'chunks', 'parse-worker-test.js');
    await fs.mkdir(path.dirname(unpacked), { recursive: true });
    await fs.writeFile(unpacked, `await import(${JSON.stringify(pathToFileURL(workerEntry).href)});\n`);
    const [save] = await writeCorpus(path.join(dir, 'saves'), 1);

    const app = await launch({
      dataDir: path.join(dir, 'app'),
      isPackaged: true,
      args: [save!.path, '--some-chromium-flag'],
      workerEntry: packed,
    });
    const summary = await app.waitForEvent('importFinished');
    expect(summary).toMatchObject({ kind: 'import', imported: 1, failed: 0 });
    expect(app.electron.forkedUtilities.map((f) => f.modulePath)).toContain(unpacked);
    expect(app.electron.forkedUtilities.map((f) => f.modulePath)).not.toContain(packed);
  });
});
