import fs from 'node:fs/promises';
import path from 'node:path';
import { Importer } from '../../src/engine/importer';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { openStore, type Store } from '../../src/engine/store';
import { WatchService, type WatchRun, type WatchServiceOptions, type WatchTimings } from '../../src/engine/watch';
import type { WatchFolderStatus } from '../../src/shared/settings';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import { Recorder, tempDir, workerEntry } from '../pipeline/helpers';

/** Short intervals so tests run fast; nothing asserts on them. */
export const fastTimings: Partial<WatchTimings> = {
  stableMs: 250,
  debounceMs: 200,
  maxWaitMs: 15_000,
  rootCheckMs: 200,
  pollIntervalMs: 100,
  rescanIntervalMs: 0,
  incompleteGiveUpMs: 10 * 60_000,
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds; fails with `what` after a generous timeout. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await sleep(25);
  }
}

/** A small save of its own game, as zip bytes. */
export async function saveBytes(seed: number, scratch: string): Promise<Buffer> {
  const { xml } = generateSave({ scale: 'small', seed, gameId: `00000000-0000-4000-8000-${String(seed).padStart(12, '0')}` });
  const file = path.join(scratch, `bytes-${seed}-${process.hrtime.bigint()}.zip`);
  await writeSaveZip(file, xml);
  const bytes = await fs.readFile(file);
  await fs.rm(file);
  return bytes;
}

/** Writes a small save of its own game in `staging`, then moves it to `file` (same filesystem: one rename). */
export async function dropSave(file: string, seed: number, staging: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.mkdir(staging, { recursive: true });
  const built = path.join(staging, `save-${seed}-${process.hrtime.bigint()}.zip`);
  const { xml } = generateSave({ scale: 'small', seed, gameId: `00000000-0000-4000-8000-${String(seed).padStart(12, '0')}` });
  await writeSaveZip(built, xml);
  await fs.rename(built, file);
}

/** A real importer over a real SQLite store, and the watcher on top, with everything they report recorded. */
export class WatchRig {
  readonly recorder = new Recorder();
  readonly runs: WatchRun[] = [];
  readonly statuses: WatchFolderStatus[][] = [];
  importer!: Importer;
  store!: Store;
  watch: WatchService | null = null;

  private constructor(readonly dir: string) {}

  static async create(prefix: string): Promise<WatchRig> {
    const rig = new WatchRig(await tempDir(prefix));
    rig.store = await openStore(path.join(rig.dir, 'library.sqlite'));
    rig.importer = new Importer(
      { store: rig.store, spawn: forkSpawner, workerEntry, workers: 1, maxXmlBytes: 64 * 1024 * 1024 },
      rig.recorder,
    );
    return rig;
  }

  /** Starts a watcher (closing any previous one) over these folders. */
  async startWatching(folders: string[], options: Partial<WatchServiceOptions> = {}): Promise<WatchService> {
    await this.stopWatching();
    const watch = new WatchService({
      importer: this.importer,
      timings: fastTimings,
      ...options,
      onRun: (run) => {
        this.runs.push(run);
        options.onRun?.(run);
      },
      onStatus: (s) => this.statuses.push(s),
    });
    this.watch = watch;
    await watch.setFolders(folders);
    return watch;
  }

  async stopWatching(): Promise<void> {
    await this.watch?.close();
    this.watch = null;
    await this.importer.idle();
  }

  /** A save built outside the watched folders and moved to `file`. */
  dropSave(file: string, seed: number): Promise<void> {
    return dropSave(file, seed, path.join(this.dir, 'staging'));
  }

  state(folder: string): WatchFolderStatus | undefined {
    return this.watch?.status().find((s) => s.folder === folder);
  }

  /** Every file result for this path, over all runs. */
  resultsFor(file: string) {
    return this.recorder.files.filter((f) => f.path === file);
  }

  async waitImported(file: string, timeoutMs = 30_000): Promise<void> {
    await waitFor(
      `${path.basename(file)} imported`,
      () => this.recorder.files.some((f) => f.path === file && f.status === 'imported'),
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    await this.stopWatching();
    this.importer.stop();
    await this.importer.idle();
    await this.store.close();
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
