import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { failureAdvice, skipReasons, type FailureInfo } from '../../shared/errors.js';
import type { DiscoveryNotice, FileResult, ImportKind, ImportProgress, ImportStarted, ImportSummary } from '../../shared/import.js';
import { databaseFailure } from '../db-failure.js';
import { toFailure } from '../errors.js';
import type { Store } from '../store/index.js';
import { discover, type Candidate } from './discover.js';
import { WorkerPool, type FileParsers, type JobOutcome, type PoolOptions } from './pool.js';
import { ProgressTracker, Throttle } from './progress.js';
import { defaultBusyRetryDelaysMs, retryWhileBusy } from './busy-retry.js';
import { shardOf, type Shard } from './shard.js';

export interface ImportEvents {
  started(event: ImportStarted): void;
  progress(event: ImportProgress): void;
  file(result: FileResult): void;
  /** The library was locked past SQLite's busy timeout; the call is tried again after `delayMs`. */
  retrying?(event: ImportRetrying): void;
}

export interface ImportRetrying {
  runId: string;
  /** Which retry this is (1 for the first), out of `retries`. */
  attempt: number;
  retries: number;
  delayMs: number;
  message: string;
}

export interface ImportRunOptions {
  kind: ImportKind;
  /** Files and folders as the user gave them. */
  paths: readonly string[];
  store: Store;
  pool: Omit<PoolOptions, 'known' | 'shard'>;
  /**
   * A run given a single file parses it in this process (local-parser.ts)
   * and starts no worker. Not for a process that must stay responsive while
   * a save is parsed, such as the desktop app's main process.
   */
  singleFileInProcess?: boolean;
  events: ImportEvents;
  signal?: AbortSignal;
  /** Replace a save of the same game and turn instead of skipping the new file. */
  replace?: boolean;
  /** Import only the files whose SHA-256 falls in this shard; the others end skipped as OTHER_SHARD. */
  shard?: Shard;
  /** Parsed saves allowed to wait for the writer, beyond one per worker: bounds memory. */
  writeBacklog?: number;
  runId?: string;
  /** Pauses between attempts at a store call that found the library locked (default: busy-retry.ts). */
  busyRetryDelaysMs?: readonly number[];
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

function otherShardMessage(sha256: string, shard: Shard): string {
  return `Left to shard ${shardOf(sha256, shard.count)} of ${shard.count}: this import takes shard ${shard.index}.`;
}

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

/** Whether this run parses its one file in this process: asked for, and given exactly one path that is a file. */
async function parsesAlone(options: ImportRunOptions): Promise<boolean> {
  if (options.singleFileInProcess !== true || options.paths.length !== 1) return false;
  return fs.stat(options.paths[0]!).then(
    (stat) => stat.isFile(),
    () => false,
  );
}

/**
 * One import run: discover, screen against the ledger, parse in the worker
 * pool (or here, for a single file when asked), write each save with the
 * single store connection in its own transaction. Every candidate file ends
 * with exactly one FileResult, except when the run is cancelled or stopped:
 * files not finished stay queued in the ledger. A run stops (outcome
 * 'failed') when the library cannot go on: disk full, locked past the
 * retries, unreadable. Whatever ends it, every file event comes before the
 * function returns, and it never rejects.
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
  /** Why the run cannot go on; set once, by the first such error. */
  let stopped: { code: FailureInfo['code']; error: string } | null = null;
  const halted = (): boolean => stopped !== null || signal?.aborted === true;
  const retries = options.busyRetryDelaysMs ?? defaultBusyRetryDelaysMs;
  // Every store call of the run: a locked library is waited for a few times before the run stops. Calls
  // in flight together meet the same lock, so each retry is reported once, by the first call to reach it.
  let reportedRetry = 0;
  const db = async <T>(fn: () => Promise<T>): Promise<T> => {
    const result = await retryWhileBusy(fn, {
      delaysMs: retries,
      signal,
      onRetry: (attempt, delayMs) => {
        if (attempt <= reportedRetry) return;
        reportedRetry = attempt;
        events.retrying?.({
          runId,
          attempt,
          retries: retries.length,
          delayMs,
          message: `The library is locked by another program; trying again in ${(delayMs / 1000).toFixed(1)} s (retry ${attempt} of ${retries.length}).`,
        });
      },
    });
    reportedRetry = 0;
    return result;
  };

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
    known = new Map(await db(() => store.knownSaves()));
  } catch (err) {
    const wide = databaseFailure(err);
    stopped = wide
      ? { code: wide.code, error: `${wide.message} ${failureAdvice[wide.code]}` }
      : { code: 'INTERNAL', error: `The library cannot be read: ${toFailure(err).message}` };
  }
  const parsers: FileParsers = (await parsesAlone(options))
    ? new (await import('./local-parser.js')).LocalParser({ known, shard: options.shard, maxXmlBytes: options.pool.maxXmlBytes })
    : new WorkerPool({ ...options.pool, size: Math.max(1, options.pool.size), known, shard: options.shard });
  let wake: (() => void) | null = null;
  /** Stops the run on an error no single file explains: the workers stop, files not written stay queued. */
  const stop = (err: unknown): void => {
    if (stopped) return;
    const wide = databaseFailure(err);
    stopped = wide
      ? { code: wide.code, error: `${wide.message} ${failureAdvice[wide.code]}` }
      : { code: toFailure(err).code, error: toFailure(err).message };
    parsers.close();
    wake?.();
  };
  // Cancel: stop the workers at once; jobs they held end and stay queued for resume.
  const onAbort = (): void => {
    parsers.close();
    wake?.();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const jobs: Promise<void>[] = [];
  let writeChain: Promise<void> = Promise.resolve();
  let bulk = false;
  try {
    if (stopped) return finish();
    await db(() => store.bulkWrites(true));
    bulk = true;
    parsers.warm();
    const found = await discover(options.paths);
    notices = found.notices;
    filesTotal = found.candidates.length;
    tracker.begin(
      filesTotal,
      found.candidates.reduce((sum, c) => sum + c.size, 0),
    );
    throttle.request();

    // Screen by path before queueing, so unchanged imported files keep their ledger row as it is.
    const toParse: Candidate[] = [];
    for (const candidate of found.candidates) {
      const row = await db(() => store.ledgerLookup(candidate.path));
      if (row && row.status === 'imported' && row.size === candidate.size && row.mtimeMs === candidate.mtimeMs) {
        end(
          { runId, path: candidate.path, status: 'skipped', code: 'UNCHANGED', message: skipReasons.UNCHANGED, saveId: row.saveId },
          candidate.size,
        );
      } else {
        toParse.push(candidate);
      }
    }
    await db(() => store.ledgerQueue(toParse));

    const backlogLimit = parsers.size + (options.writeBacklog ?? 2);
    let holding = 0; // files dispatched and not yet written: parsing, parsed, or being written
    const released = (): void => {
      holding--;
      wake?.();
    };

    const write = async (candidate: Candidate, outcome: Extract<JobOutcome, { kind: 'parsed' }>): Promise<void> => {
      if (halted()) return; // Left queued for resume.
      const t0 = performance.now();
      let writeStart = t0;
      let ended: FileResult;
      try {
        const save = outcome.save();
        writeStart = performance.now();
        stages.transferMs += writeStart - t0;
        const source = { path: candidate.path, sha256: outcome.hashed.sha256, size: outcome.hashed.size, mtimeMs: outcome.hashed.mtimeMs };
        const result = await db(() => store.insertSave(save, source, { replace: options.replace ?? false }));
        ended =
          result.status === 'imported'
            ? { runId, path: candidate.path, status: 'imported', saveId: result.saveId, gameName: save.meta.gameName, turn: save.meta.turn }
            : { runId, path: candidate.path, status: 'skipped', code: result.code, message: result.message, saveId: result.saveId };
      } catch (err) {
        // The library cannot write at all: nothing of this save was kept and the file stays unfinished.
        if (databaseFailure(err)) return stop(err);
        const failure = toFailure(err);
        const info: FailureInfo =
          failure.code === 'INTERNAL' ? { code: 'DB_WRITE_FAILED', message: `The save could not be written: ${failure.message}` } : failure;
        await db(() => store.ledgerMarkFailed(candidate.path, info.code, info.message)).catch(() => {});
        ended = failed(runId, candidate.path, info);
      } finally {
        stages.writeMs += performance.now() - writeStart;
      }
      // Outside the try: the write's outcome is settled, whatever a listener does with it.
      end(ended, candidate.size);
    };

    // Never rejects: an error it cannot put on its file stops the run.
    const handle = async (candidate: Candidate): Promise<void> => {
      // Not raced against a "halted" promise: each race would hang on to its parsed save until the run ended.
      // Closing the pool settles a job still waiting for a worker (null) instead.
      const outcome = await parsers.process(candidate.path);
      if (outcome === null || halted()) {
        released();
        return;
      }
      if (outcome.kind === 'parsed') {
        stages.readMs += outcome.timings.readMs;
        stages.inflateMs += outcome.timings.inflateMs;
        stages.parseMs += outcome.timings.parseMs;
        stages.transferMs += outcome.transferMs;
        writeChain = writeChain
          .then(() => write(candidate, outcome))
          .catch(stop)
          .finally(released);
        return;
      }
      try {
        if (outcome.kind === 'otherShard') {
          const message = otherShardMessage(outcome.hashed.sha256, options.shard!);
          await db(() => store.ledgerMarkSkipped(candidate.path, 'OTHER_SHARD', message, null, outcome.hashed));
          end({ runId, path: candidate.path, status: 'skipped', code: 'OTHER_SHARD', message, saveId: null }, candidate.size);
        } else if (outcome.kind === 'known') {
          await db(() =>
            store.ledgerMarkSkipped(candidate.path, 'ALREADY_IMPORTED', skipReasons.ALREADY_IMPORTED, outcome.saveId, outcome.hashed),
          );
          end(
            {
              runId,
              path: candidate.path,
              status: 'skipped',
              code: 'ALREADY_IMPORTED',
              message: skipReasons.ALREADY_IMPORTED,
              saveId: outcome.saveId,
            },
            candidate.size,
          );
        } else {
          await db(() => store.ledgerMarkFailed(candidate.path, outcome.failure.code, outcome.failure.message, outcome.hashed));
          end(failed(runId, candidate.path, outcome.failure), candidate.size);
        }
      } catch (err) {
        stop(err);
      } finally {
        released();
      }
    };

    for (const candidate of toParse) {
      while (holding >= backlogLimit && !halted()) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (halted()) break;
      await db(() => store.ledgerMarkImporting(candidate.path));
      holding++;
      tracker.started(candidate.path, Date.now());
      throttle.request();
      jobs.push(handle(candidate).catch(stop));
    }
  } catch (err) {
    stop(err);
  }
  // Also after a stop: the files in flight settle (without a result) before the summary.
  await Promise.all(jobs);
  await writeChain;
  // A library that stopped the run may refuse this too; the summary says why it stopped.
  if (bulk) await store.bulkWrites(false).catch(() => {});
  return finish();

  function finish(): ImportRunResult {
    signal?.removeEventListener('abort', onAbort);
    parsers.close();
    tracker.finishing();
    throttle.flush();
    const { imported, skipped, failed: failedCount } = tracker.counts();
    const summary: ImportSummary = {
      runId,
      kind: options.kind,
      outcome: stopped ? 'failed' : signal?.aborted ? 'cancelled' : 'completed',
      filesTotal,
      imported,
      skipped,
      failed: failedCount,
      notStarted: filesTotal - tracker.endedCount,
      durationMs: Date.now() - startedAt,
      failures,
      notices,
    };
    if (stopped) {
      summary.error = stopped.error;
      summary.errorCode = stopped.code;
    }
    const readRetried = parsers.readRetried();
    if (readRetried > 0) summary.readRetried = readRetried;
    return { summary, stages, workerPeakRssMB: parsers.peakRssMB() };
  }
}
