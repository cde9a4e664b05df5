/**
 * A one-save import from the command line, timed as the player sees it:
 * from spawning `scribe import one.zip --db fresh.sqlite --json` until the
 * save is in the library. The run's `file` line (status imported) is
 * printed after the save's transaction has committed, so its arrival is
 * that moment. Each run gets a fresh SQLite library; the file is a typical
 * save. Runs alternate between the two ways a single file can be parsed:
 * in the command's own process (what `scribe` does) and through a worker
 * process (`SCRIBE_SINGLE_FILE_IN_WORKER=1`, the way before), so both see the
 * same load from other tenants of the machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { typicalCorpus } from './corpus';
import type { BenchRow } from './table';

const cli = path.resolve('out/engine/scribe.js');
const ways = { inProcess: {}, worker: { SCRIBE_SINGLE_FILE_IN_WORKER: '1' } } as const;
type Way = keyof typeof ways;

interface Timed {
  /** The run's `started` line: the command is up and the library open. */
  startedMs: number;
  /** The `file` line, imported: the save is committed. */
  savedMs: number;
  /** The process has exited. */
  exitMs: number;
}

function freshLibrary(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '.import-lock']) fs.rmSync(file + suffix, { force: true });
}

async function importOnce(save: string, db: string, env: Record<string, string>): Promise<Timed> {
  freshLibrary(db);
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'import', save, '--db', db, '--json'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let startedMs = NaN;
  let savedMs = NaN;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line) as { type: string; status?: string };
    if (event.type === 'started') startedMs = performance.now() - t0;
    if (event.type === 'file') {
      if (event.status !== 'imported') throw new Error(`the bench save was not imported: ${line}`);
      savedMs = performance.now() - t0;
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const exitMs = performance.now() - t0;
  if (code !== 0 || Number.isNaN(savedMs)) throw new Error(`scribe import exited ${code} without importing the bench save`);
  const library = new Database(db, { readonly: true });
  const saves = (library.prepare('SELECT count(*) AS n FROM saves').get() as { n: number }).n;
  library.close();
  if (saves !== 1) throw new Error(`the library holds ${saves} saves after a one-save import`);
  return { startedMs, savedMs, exitMs };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface FirstSaveResult {
  rows: BenchRow[];
  runs: number;
  savedMs: Record<Way, number[]>;
}

export async function benchFirstSave(runs = 9): Promise<FirstSaveResult> {
  const save = (await typicalCorpus(1)).files[0]!;
  const db = path.resolve('.bench', 'first-save.sqlite');
  // One untimed run each way: the OS has the files in its cache, as it would for a player's second command.
  for (const env of Object.values(ways)) await importOnce(save, db, env);
  const timed: Record<Way, Timed[]> = { inProcess: [], worker: [] };
  const versionMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const way of Object.keys(ways) as Way[]) timed[way].push(await importOnce(save, db, ways[way]));
    const t0 = performance.now();
    spawnSync(process.execPath, [cli, '--version']);
    versionMs.push(performance.now() - t0);
  }
  freshLibrary(db);
  const of = (way: Way, key: keyof Timed) => median(timed[way].map((t) => t[key]));
  const saved = of('inProcess', 'savedMs');
  const rows: BenchRow[] = [
    { name: `first save in the library, median of ${runs}`, value: saved, unit: 'ms', target: '≤ 500 ms', met: saved <= 500 },
    { name: 'same, parsed through a worker process (before)', value: of('worker', 'savedMs'), unit: 'ms' },
    { name: 'in-process / worker, same runs', value: saved / of('worker', 'savedMs'), unit: '×' },
    { name: 'its `started` line (command up, library open)', value: of('inProcess', 'startedMs'), unit: 'ms' },
    { name: 'the command exits', value: of('inProcess', 'exitMs'), unit: 'ms' },
    { name: '`scribe --version` (start-up alone)', value: median(versionMs), unit: 'ms' },
  ];
  return { rows, runs, savedMs: { inProcess: timed.inProcess.map((t) => t.savedMs), worker: timed.worker.map((t) => t.savedMs) } };
}
