import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSave, writeSaveZip, type GenerateOptions } from '../fixtures/generate';
import { writeHostileSet, type HostileCase } from '../fixtures/hostile';
import { countsByTable } from '../../src/engine/store';
import type { Store } from '../../src/engine/store';
import type { FileResult, ImportProgress, ImportStarted, ImportSummary } from '../../src/shared/import';
import type { ImporterListener } from '../../src/engine/importer';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import type { ServiceHost } from '../../src/engine/service';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built worker bundle (test/global-setup.ts builds it). */
export const workerEntry = path.join(root, 'out/engine/parse-worker.js');
export const cliEntry = path.join(root, 'out/engine/scribe.js');
/** A worker that crashes on files named *crash* and hangs on files named *hang*, and is the real one otherwise. */
export const flakyWorkerEntry = path.join(root, 'test/pipeline/flaky-worker.mjs');

/** A service host as the tests give it: the built worker in real processes, no dialogs, events dropped and no watching unless overridden. */
export function testServiceHost(dataDir: string, overrides: Partial<ServiceHost> = {}): ServiceHost {
  return {
    host: 'harness',
    version: 'test',
    dataDir,
    pickFiles: async () => [],
    pickFolders: async () => [],
    openFolder: async () => {},
    spawnWorker: forkSpawner,
    workerEntry,
    emit: () => {},
    watch: false,
    ...overrides,
  };
}

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `scribe-${prefix}-`));
}

export interface CorpusFile {
  path: string;
  gameId: string;
  turn: number;
  /** Rows per table a complete import of this save holds. */
  tableCounts: Record<string, number>;
}

/** Writes `count` small saves of distinct games into `dir`. */
export async function writeCorpus(
  dir: string,
  count: number,
  options: Partial<GenerateOptions> = {},
  prefix = 'save',
): Promise<CorpusFile[]> {
  await fs.mkdir(dir, { recursive: true });
  const files: CorpusFile[] = [];
  for (let i = 0; i < count; i++) {
    const seed = (options.seed ?? 1000) + i;
    const { xml, expected } = generateSave({
      scale: 'small',
      ...options,
      seed,
      gameId: options.gameId ?? `00000000-0000-4000-8000-${String(seed).padStart(12, '0')}`,
    });
    const file = path.join(dir, `${prefix}-${String(i).padStart(3, '0')}.zip`);
    await writeSaveZip(file, xml);
    files.push({ path: file, gameId: expected.meta.gameId, turn: expected.meta.turn, tableCounts: countsByTable(expected.counts) });
  }
  return files;
}

/** Collects every event of an import, for assertions. */
export class Recorder implements ImporterListener {
  readonly files: FileResult[] = [];
  readonly progressEvents: ImportProgress[] = [];
  readonly startedEvents: ImportStarted[] = [];
  readonly summaries: ImportSummary[] = [];
  /** Called after each file result; lets a test act mid-run (cancel, kill). */
  onFile: ((result: FileResult) => void) | null = null;

  started(event: ImportStarted): void {
    this.startedEvents.push(event);
  }
  progress(event: ImportProgress): void {
    this.progressEvents.push(event);
  }
  file(result: FileResult): void {
    this.files.push(result);
    this.onFile?.(result);
  }
  finished(summary: ImportSummary): void {
    this.summaries.push(summary);
  }
}

/** Asserts that every save in the store holds exactly the rows its source file had: nothing partial. */
export async function expectCompleteSaves(store: Store, corpus: CorpusFile[]): Promise<number> {
  const page = await store.listSaves({ limit: 10_000 });
  const byKey = new Map(corpus.map((c) => [`${c.gameId}#${c.turn}`, c]));
  for (const item of page.items) {
    const source = byKey.get(`${item.gameId}#${item.turn}`);
    if (!source) throw new Error(`Unexpected save in the library: ${item.gameId} turn ${item.turn}`);
    const detail = await store.saveDetail(item.saveId);
    const counts = Object.fromEntries(Object.entries(detail!.counts).filter(([table]) => table in source.tableCounts));
    if (JSON.stringify(counts) !== JSON.stringify(source.tableCounts)) {
      throw new Error(
        `Save ${item.saveId} (${source.path}) is partial: ${JSON.stringify(counts)} vs ${JSON.stringify(source.tableCounts)}`,
      );
    }
  }
  return page.total;
}

export interface CliRun {
  code: number | null;
  /** Standard output's JSON lines. */
  lines: Record<string, unknown>[];
  stdout: string;
  stderr: string;
}

/** Runs the built CLI to its end with output not on a terminal (so JSON lines), in `env` on top of this process's. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ code, lines, stdout, stderr });
    });
  });
}

export interface MixedFolder {
  corpus: CorpusFile[];
  /** A byte-for-byte copy of corpus[0]. */
  copy: string;
  /** Another file of corpus[0]'s game and turn. */
  twin: string;
  hostile: HostileCase[];
}

/**
 * A folder as players keep them: saves in nested folders, the same bytes
 * twice, another file of the same game and turn, every hostile file the
 * reader knows, a symlink loop, and files that are not candidates.
 */
export async function writeMixedFolder(saves: string): Promise<MixedFolder> {
  const corpus = await writeCorpus(path.join(saves, 'nested', 'deeper'), 4);
  corpus.push(...(await writeCorpus(saves, 3, { seed: 2000 }, 'top')));
  const copy = path.join(saves, 'copy-of-first.zip');
  await fs.copyFile(corpus[0]!.path, copy);
  const twin = path.join(saves, 'same-turn-other-bytes.zip');
  await writeSaveZip(twin, generateSave({ scale: 'small', seed: 1000, gameId: corpus[0]!.gameId, crlf: false }).xml);
  const hostile = await writeHostileSet(path.join(saves, 'hostile'));
  await fs.symlink(saves, path.join(saves, 'nested', 'loop'));
  await fs.writeFile(path.join(saves, 'notes.txt'), 'not a save');
  await fs.writeFile(path.join(saves, '.hidden.zip'), 'hidden');
  return { corpus, copy, twin, hostile };
}
