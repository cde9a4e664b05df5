import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { FileResult, ImportKind, ImportProgress, ImportStarted, ImportState, ImportSummary } from '../shared/import.js';
import { acquireImportLock, LibraryError, type ImportLock, type Store } from './store/index.js';
import type { WorkerSpawner } from './pipeline/worker-handle.js';
import { emptyStageTotals, runImport, type ImportRetrying, type ImportRunResult } from './pipeline/run-import.js';
import type { Shard } from './pipeline/shard.js';

export interface ImporterListener {
  started(event: ImportStarted): void;
  progress(event: ImportProgress): void;
  file(result: FileResult): void;
  finished(summary: ImportSummary): void;
  /** The library was locked; the run waits and tries again. */
  retrying?(event: ImportRetrying): void;
}

export interface ImporterOptions {
  store: Store;
  spawn: WorkerSpawner;
  workerEntry: string;
  workers: number | 'auto';
  maxXmlBytes: number;
  /** Per-file limit for hashing or parsing in a worker. */
  fileTimeoutMs?: number;
  /** Heap cap of each worker process. */
  workerHeapMB?: number;
  /** A run given a single file parses it in this process (see ImportRunOptions). */
  singleFileInProcess?: boolean;
}

/**
 * Worker count when the user leaves it on 'auto': one per core. On 2 cores
 * the bench (docs/benchmarks.md) puts 2 workers a few percent ahead of 1
 * over its runs (11.5-12.5 s against 11.8-13.2 s for 266 saves), though 1
 * uses ~10% less CPU and less memory: with parsing now cheaper than
 * writing, the two are close.
 */
export const autoWorkerCount = (): number => Math.max(1, os.availableParallelism());

export const defaultFileTimeoutMs = 120_000;
export const defaultWorkerHeapMB = 768;

/** Per run: what `scribe import` may ask beyond the paths. */
export interface RunChoices {
  /** Replace a save of the same game and turn instead of skipping the new file. */
  replace?: boolean;
  /** Import only this shard of the files (by SHA-256). */
  shard?: Shard;
}

interface QueuedRun {
  runId: string;
  kind: ImportKind;
  paths: string[];
  choices: RunChoices;
  resolve(result: ImportRunResult): void;
}

/**
 * Runs imports one after another over one store, so there is only ever one
 * writer. The app's service and the command line both drive this.
 */
export class Importer {
  private readonly queue: QueuedRun[] = [];
  private drained: Promise<void> = Promise.resolve();
  private draining = false;
  private current: { runId: string; controller: AbortController; progress: ImportProgress | null } | null = null;

  constructor(
    private options: ImporterOptions,
    private readonly listener: ImporterListener,
  ) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** Takes effect from the next run. */
  configure(patch: Partial<ImporterOptions>): void {
    this.options = { ...this.options, ...patch };
  }

  /** Queues a run and resolves when it has finished. */
  run(kind: ImportKind, paths: string[], choices: RunChoices = {}): { started: ImportStarted; done: Promise<ImportRunResult> } {
    const runId = randomUUID();
    let resolve!: (r: ImportRunResult) => void;
    const done = new Promise<ImportRunResult>((r) => (resolve = r));
    this.queue.push({ runId, kind, paths, choices, resolve });
    if (!this.draining) this.drained = this.drain();
    return { started: { runId, kind }, done };
  }

  /** Finishes the files an interrupted run left queued; null when there are none or a run is going. */
  async resume(choices: RunChoices = {}): Promise<{ started: ImportStarted; done: Promise<ImportRunResult> } | null> {
    if (this.draining) return null;
    const paths = await this.options.store.ledgerPathsByStatus(['queued', 'importing']);
    return paths.length > 0 ? this.run('resume', paths, choices) : null;
  }

  async retryFailed(choices: RunChoices = {}): Promise<{ started: ImportStarted; done: Promise<ImportRunResult> } | null> {
    const paths = await this.options.store.ledgerPathsByStatus(['failed']);
    return paths.length > 0 ? this.run('retry', paths, choices) : null;
  }

  /** Resolves when no run is going or queued. */
  idle(): Promise<void> {
    return this.drained;
  }

  /**
   * Cancels the running import only. Runs queued behind it still start: the
   * player asked for each of them, and cancelling one must not silently lose
   * the others (their files would never reach the ledger).
   */
  cancel(): boolean {
    if (!this.current) return false;
    this.current.controller.abort();
    return true;
  }

  /**
   * Cancels the running import and drops the queued ones, for shutting down.
   * A dropped run never started, so it has no files in the ledger to resume.
   */
  stop(): boolean {
    for (const queued of this.queue.splice(0)) {
      queued.resolve({ summary: emptySummary(queued.runId, queued.kind, 'cancelled'), stages: emptyStageTotals(), workerPeakRssMB: [] });
    }
    return this.cancel();
  }

  async state(): Promise<ImportState> {
    const [resumable, failed] = await Promise.all([
      this.options.store.ledgerCountByStatus(['queued', 'importing']),
      this.options.store.ledgerCountByStatus(['failed']),
    ]);
    // While running, this run's own queued files are not "left over".
    return { running: this.current?.progress ?? null, resumable: this.current ? 0 : resumable, failed };
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      await this.drainQueue();
    } finally {
      this.draining = false;
    }
  }

  private async drainQueue(): Promise<void> {
    let next: QueuedRun | undefined;
    while ((next = this.queue.shift())) {
      const controller = new AbortController();
      const current = { runId: next.runId, controller, progress: null as ImportProgress | null };
      this.current = current;
      const o = this.options;
      // Another process importing into this library: refused before the ledger is touched.
      let lock: ImportLock;
      try {
        lock = acquireImportLock(o.store.path);
      } catch (err) {
        this.current = null;
        const summary = emptySummary(next.runId, next.kind, 'failed');
        summary.error =
          err instanceof LibraryError ? err.explanation : `The import could not start: ${err instanceof Error ? err.message : String(err)}`;
        this.listener.started({ runId: next.runId, kind: next.kind });
        this.listener.finished(summary);
        next.resolve({ summary, stages: emptyStageTotals(), workerPeakRssMB: [] });
        continue;
      }
      const result = await runImport({
        runId: next.runId,
        kind: next.kind,
        paths: next.paths,
        ...next.choices,
        store: o.store,
        signal: controller.signal,
        singleFileInProcess: o.singleFileInProcess,
        pool: {
          size: o.workers === 'auto' ? autoWorkerCount() : o.workers,
          spawn: o.spawn,
          entry: o.workerEntry,
          maxOldSpaceMB: o.workerHeapMB ?? defaultWorkerHeapMB,
          fileTimeoutMs: o.fileTimeoutMs ?? defaultFileTimeoutMs,
          maxXmlBytes: o.maxXmlBytes,
        },
        events: {
          started: (e) => this.listener.started(e),
          progress: (p) => {
            current.progress = p;
            this.listener.progress(p);
          },
          file: (r) => this.listener.file(r),
          retrying: (e) => this.listener.retrying?.(e),
        },
      }).finally(() => lock.release());
      this.current = null;
      this.listener.finished(result.summary);
      next.resolve(result);
    }
  }
}

function emptySummary(runId: string, kind: ImportKind, outcome: ImportSummary['outcome']): ImportSummary {
  return {
    runId,
    kind,
    outcome,
    filesTotal: 0,
    imported: 0,
    skipped: 0,
    failed: 0,
    notStarted: 0,
    durationMs: 0,
    failures: [],
    notices: [],
  };
}
