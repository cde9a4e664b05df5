import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { failureAdvice, skipReasons, type FailureInfo } from '../../shared/errors.js';
import type { DiscoveryNotice, FileResult, ImportKind, ImportProgress, ImportStarted, ImportSummary } from '../../shared/import.js';
import { ScribeError, toFailure } from '../errors.js';
import { decodeSaveBytes, type Store } from '../store/index.js';
import { discover, type Candidate } from './discover.js';
import { WorkerPool, type JobOutcome, type PoolOptions } from './pool.js';
import { ProgressTracker, Throttle } from './progress.js';

export interface ImportEvents {
  started(event: ImportStarted): void;
  progress(event: ImportProgress): void;
  file(result: FileResult): void;
}

export interface ImportRunOptions {
  kind: ImportKind;
  /** Files and folders as the user gave them. */
  paths: readonly string[];
  store: Store;
  pool: Omit<PoolOptions, 'known'>;
  events: ImportEvents;
  signal?: AbortSignal;
  /** Replace a save of the same game and turn instead of skipping the new file. */
  replace?: boolean;
  /** Parsed saves allowed to wait for the writer, beyond one per worker: bounds memory. */
  writeBacklog?: number;
  runId?: string;
}

/** Per-stage time of a run, summed over files: where the time goes. */
export interface StageTotals {
  readMs: number;
  inflateMs: number;
  parseMs: number;
  transferMs: number;
  writeMs: number;
}

export function emptyStageTotals(): StageTotals {
  return { readMs: 0, inflateMs: 0, parseMs: 0, transferMs: 0, writeMs: 0 };
}

export interface ImportRunResult {
  summary: ImportSummary;
  stages: StageTotals;
  /** Peak resident memory of the workers, MB, one per pool slot. */
  workerPeakRssMB: number[];
}

const progressIntervalMs = 100;

function failed(runId: string, path: string, failure: FailureInfo): Extract<FileResult, { status: 'failed' }> {
  const result: Extract<FileResult, { status: 'failed' }> = {
    runId,
    path,
    status: 'failed',
    code: failure.code,
    message: failure.message,
    advice: failureAdvice[failure.code],
  };
  if (failure.detail) result.detail = failure.detail;
  return result;
}

/**
 * One import run: discover, screen against the ledger, parse in the worker
 * pool, write each save with the single store connection in its own
 * transaction. Every candidate file ends with exactly one FileResult, except
 * when the run is cancelled: files not finished stay queued in the ledger.
 */
export async function runImport(options: ImportRunOptions): Promise<ImportRunResult> {
  const { store, events, signal } = options;
  const runId = options.runId ?? randomUUID();
  const startedAt = Date.now();
  const tracker = new ProgressTracker(runId, options.kind, startedAt);
  const throttle = new Throttle(progressIntervalMs, () => events.progress(tracker.snapshot(Date.now())));
  const stages = emptyStageTotals();
  const failures: Extract<FileResult, { status: 'failed' }>[] = [];
  let notices: DiscoveryNotice[] = [];
  let filesTotal = 0;
  let runError: string | undefined;

  events.started({ runId, kind: options.kind });
  throttle.request();

  const end = (result: FileResult, bytes: number): void => {
    tracker.ended(result, bytes);
    if (result.status === 'failed') failures.push(result);
    events.file(result);
    throttle.request();
  };

  // Read before the workers start, since each gets the list when it starts. A save written during
  // this run is not in it: a second copy in the same run is caught by the store's own SHA check.
  let known: ReadonlyMap<string, number> = new Map();
  try {
    known = new Map(await store.knownSaves());
  } catch (err) {
    runError = `The library cannot be read: ${toFailure(err).message}`;
  }
  const pool = new WorkerPool({ ...options.pool, size: Math.max(1, options.pool.size), known });
  let wake: (() => void) | null = null;
  // Cancel: stop the workers at once; jobs they held end and stay queued for resume.
  const onAbort = (): void => {
    pool.close();
    wake?.();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (runError) throw new ScribeError('INTERNAL', runError);
    pool.warm();
    const found = await discover(options.paths);
    notices = found.notices;
    filesTotal = found.candidates.length;
    tracker.begin(filesTotal, found.candidates.reduce((sum, c) => sum + c.size, 0));
    throttle.request();

    // Screen by path before queueing, so unchanged imported files keep their ledger row as it is.
    const toParse: Candidate[] = [];
    for (const candidate of found.candidates) {
      const row = await store.ledgerLookup(candidate.path);
      if (row && row.status === 'imported' && row.size === candidate.size && row.mtimeMs === candidate.mtimeMs) {
        end({ runId, path: candidate.path, status: 'skipped', code: 'UNCHANGED', message: skipReasons.UNCHANGED, saveId: row.saveId }, candidate.size);
      } else {
        toParse.push(candidate);
      }
    }
    await store.ledgerQueue(toParse);

    const backlogLimit = pool.size + (options.writeBacklog ?? 2);
    let holding = 0; // files dispatched and not yet written: parsing, parsed, or being written
    const released = (): void => {
      holding--;
      wake?.();
    };
    let writeChain: Promise<void> = Promise.resolve();
    const jobs: Promise<void>[] = [];

    const write = async (candidate: Candidate, outcome: Extract<JobOutcome, { kind: 'parsed' }>): Promise<void> => {
      if (signal?.aborted) return; // Left queued for resume.
      const t0 = performance.now();
      let writeStart = t0;
      try {
        const save = decodeSaveBytes(outcome.save);
        writeStart = performance.now();
        stages.transferMs += writeStart - t0;
        const result = await store.insertSave(
          save,
          { path: candidate.path, sha256: outcome.hashed.sha256, size: outcome.hashed.size, mtimeMs: outcome.hashed.mtimeMs },
          { replace: options.replace ?? false },
        );
        if (result.status === 'imported') {
          end({ runId, path: candidate.path, status: 'imported', saveId: result.saveId, gameName: save.meta.gameName, turn: save.meta.turn }, candidate.size);
        } else {
          end({ runId, path: candidate.path, status: 'skipped', code: result.code, message: result.message, saveId: result.saveId }, candidate.size);
        }
      } catch (err) {
        const failure = toFailure(err);
        const info: FailureInfo = failure.code === 'INTERNAL' ? { code: 'DB_WRITE_FAILED', message: `The save could not be written: ${failure.message}` } : failure;
        await store.ledgerMarkFailed(candidate.path, info.code, info.message).catch(() => {});
        end(failed(runId, candidate.path, info), candidate.size);
      } finally {
        stages.writeMs += performance.now() - writeStart;
      }
    };

    const handle = async (candidate: Candidate): Promise<void> => {
      const outcome = await pool.process(candidate.path);
      if (signal?.aborted) {
        released();
        return;
      }
      if (outcome.kind === 'parsed') {
        stages.readMs += outcome.timings.readMs;
        stages.inflateMs += outcome.timings.inflateMs;
        stages.parseMs += outcome.timings.parseMs;
        stages.transferMs += outcome.transferMs;
        writeChain = writeChain.then(() => write(candidate, outcome)).finally(released);
        return;
      }
      try {
        if (outcome.kind === 'known') {
          await store.ledgerMarkSkipped(candidate.path, 'ALREADY_IMPORTED', skipReasons.ALREADY_IMPORTED, outcome.saveId, outcome.hashed);
          end({ runId, path: candidate.path, status: 'skipped', code: 'ALREADY_IMPORTED', message: skipReasons.ALREADY_IMPORTED, saveId: outcome.saveId }, candidate.size);
        } else {
          await store.ledgerMarkFailed(candidate.path, outcome.failure.code, outcome.failure.message, outcome.hashed);
          end(failed(runId, candidate.path, outcome.failure), candidate.size);
        }
      } finally {
        released();
      }
    };

    for (const candidate of toParse) {
      while (holding >= backlogLimit && !signal?.aborted) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (signal?.aborted) break;
      holding++;
      tracker.started(candidate.path, Date.now());
      await store.ledgerMarkImporting(candidate.path);
      throttle.request();
      jobs.push(handle(candidate));
    }
    await Promise.all(jobs);
    await writeChain;
  } catch (err) {
    runError = toFailure(err).message;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    pool.close();
  }

  tracker.finishing();
  throttle.flush();
  const { imported, skipped, failed: failedCount } = tracker.counts();
  const summary: ImportSummary = {
    runId,
    kind: options.kind,
    outcome: runError ? 'failed' : signal?.aborted ? 'cancelled' : 'completed',
    filesTotal,
    imported,
    skipped,
    failed: failedCount,
    notStarted: filesTotal - tracker.endedCount,
    durationMs: Date.now() - startedAt,
    failures,
    notices,
  };
  if (runError) summary.error = runError;
  const readRetried = pool.readRetried();
  if (readRetried > 0) summary.readRetried = readRetried;
  return { summary, stages, workerPeakRssMB: pool.peakRssMB() };
}
