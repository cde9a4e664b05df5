import { performance } from 'node:perf_hooks';
import type { FailureInfo } from '../../shared/errors.js';
import { decodeSaveBytes, type EncodedSave } from '../codec/encoded-save.js';
import type { WorkerHandle, WorkerSpawner } from './worker-handle.js';
import type { FromWorker, Hashed, StageTimings, ToWorker } from './worker-protocol.js';
import type { Shard } from './shard.js';

export type { Hashed } from './worker-protocol.js';

export interface PoolOptions {
  size: number;
  spawn: WorkerSpawner;
  entry: string;
  /** Heap cap per worker, MB. */
  maxOldSpaceMB: number;
  /** Longest a worker may spend reading, hashing and parsing one file. */
  fileTimeoutMs: number;
  maxXmlBytes: number;
  /** The library's saves by SHA-256, given to every worker: files with these bytes are not parsed. */
  known: ReadonlyMap<string, number>;
  /** The shard this run takes; every file when absent. */
  shard?: Shard;
}

export type JobOutcome =
  /** `save`: called by the writer just before it writes (a worker's encoded bytes are smaller than the rows they decode to). */
  | {
      kind: 'parsed';
      save: () => EncodedSave;
      hashed: Hashed;
      timings: Pick<StageTimings, 'readMs' | 'inflateMs' | 'parseMs'>;
      transferMs: number;
    }
  | { kind: 'known'; hashed: Hashed; saveId: number }
  | { kind: 'otherShard'; hashed: Hashed }
  | { kind: 'failed'; failure: FailureInfo; hashed: Hashed | null };

interface Job {
  id: number;
  path: string;
  resolve(outcome: JobOutcome): void;
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
}

/** One worker process and the job it holds, if any. */
class Slot {
  private handle: WorkerHandle | null = null;
  private job: Job | null = null;
  private exited = false;
  /** Messages held until the worker says it is ready: one sent earlier could reach no listener. */
  private outbox: ToWorker[] | null = null;
  /** Highest peak RSS any of this slot's workers reported, MB. */
  peakRssMB = 0;
  /** Files whose read was tried again after a passing failure. */
  readRetried = 0;

  constructor(
    private readonly options: PoolOptions,
    private readonly onFree: (slot: Slot) => void,
  ) {}

  get busy(): boolean {
    return this.job !== null;
  }

  private ensureWorker(): WorkerHandle {
    if (this.handle && !this.exited) return this.handle;
    this.exited = false;
    this.outbox = [{ type: 'known', saves: [...this.options.known], shard: this.options.shard }];
    const handle = this.options.spawn(this.options.entry, { maxOldSpaceMB: this.options.maxOldSpaceMB });
    // Its own before it listens: a spawner may deliver what the worker already said (`ready`) at once.
    this.handle = handle;
    handle.onMessage((message) => this.onMessage(handle, message as FromWorker));
    handle.onExit(() => this.onExit(handle));
    return handle;
  }

  start(job: Job): void {
    this.job = job;
    this.send({ type: 'job', jobId: job.id, path: job.path, maxXmlBytes: this.options.maxXmlBytes });
    this.armTimer(job);
  }

  private send(message: ToWorker): void {
    const handle = this.ensureWorker();
    if (this.outbox) this.outbox.push(message);
    else handle.send(message);
  }

  private armTimer(job: Job): void {
    this.clearTimer(job);
    job.timer = setTimeout(() => {
      job.timedOut = true;
      this.handle?.kill(); // onExit finishes the job as PARSE_TIMEOUT.
    }, this.options.fileTimeoutMs);
  }

  private clearTimer(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
  }

  private onMessage(from: WorkerHandle, message: FromWorker): void {
    if (from !== this.handle) return;
    if (message.type === 'ready') {
      const held = this.outbox ?? [];
      this.outbox = null;
      for (const m of held) from.send(m);
      return;
    }
    const job = this.job;
    if (!job || message.jobId !== job.id) return;
    if (message.readRetried) this.readRetried++;
    switch (message.type) {
      case 'known':
        this.finish({ kind: 'known', hashed: message.hashed, saveId: message.saveId });
        break;
      case 'otherShard':
        this.finish({ kind: 'otherShard', hashed: message.hashed });
        break;
      case 'parsed': {
        // Both clocks are wall time on one machine: serialise, pipe, wait for this (writer) thread, deserialise.
        const transferMs = Math.max(0, performance.timeOrigin + performance.now() - message.timings.sentAt);
        this.peakRssMB = Math.max(this.peakRssMB, message.timings.peakRssMB);
        const bytes = message.save;
        this.finish({ kind: 'parsed', save: () => decodeSaveBytes(bytes), hashed: message.hashed, timings: message.timings, transferMs });
        break;
      }
      case 'failed':
        this.finish({ kind: 'failed', failure: message.failure, hashed: message.hashed });
        break;
    }
  }

  private onExit(from: WorkerHandle): void {
    if (from !== this.handle) return;
    this.exited = true;
    this.handle = null;
    const job = this.job;
    if (!job) return;
    const failure: FailureInfo = job.timedOut
      ? {
          code: 'PARSE_TIMEOUT',
          message: `Reading this save took longer than ${Math.round(this.options.fileTimeoutMs / 1000)} s and was stopped.`,
        }
      : { code: 'WORKER_CRASHED', message: 'The process reading this save stopped unexpectedly (it may have run out of memory).' };
    this.finish({ kind: 'failed', failure, hashed: null });
  }

  private finish(outcome: JobOutcome): void {
    const job = this.job;
    if (!job) return;
    this.clearTimer(job);
    this.job = null;
    job.resolve(outcome);
    this.onFree(this);
  }

  /** Starts the worker ahead of the first job, so start-up overlaps discovery. */
  warm(): void {
    this.ensureWorker();
  }

  stop(): void {
    const handle = this.handle;
    this.handle = null;
    handle?.kill();
    if (this.job) this.finish({ kind: 'failed', failure: { code: 'INTERNAL', message: 'Import stopped.' }, hashed: null });
  }
}

/** What a run asks of whatever parses its files: the worker pool, or the run's own process for a single file. */
export interface FileParsers {
  /** How many files it parses at once. */
  readonly size: number;
  /** Starts what it needs ahead of the first file. */
  warm(): void;
  /** Reads, screens and parses one file; null when closed before it took the file (the file stays unfinished). */
  process(path: string): Promise<JobOutcome | null>;
  close(): void;
  /** Files whose read failed for a passing reason and was tried again. */
  readRetried(): number;
  /** Peak resident memory of each worker, MB (for the bench); empty without workers. */
  peakRssMB(): number[];
}

/**
 * A fixed set of parse worker processes. Each holds one file at a time; a
 * worker that crashes or overruns its time fails only that file and is
 * replaced on the next job.
 */
export class WorkerPool implements FileParsers {
  private readonly slots: Slot[];
  /** Jobs waiting for a free worker; called with null when the pool closes first. */
  private closed = false;
  private readonly waiting: ((slot: Slot | null) => void)[] = [];
  /** Slots handed to a caller that has not started its job yet. */
  private readonly reserved = new Set<Slot>();
  private nextJobId = 1;

  constructor(private readonly options: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => new Slot(options, (slot) => this.release(slot)));
  }

  get size(): number {
    return this.slots.length;
  }

  /** Peak resident memory of each slot's workers, MB (for the bench). */
  peakRssMB(): number[] {
    return this.slots.map((s) => s.peakRssMB);
  }

  /** Files whose read failed for a passing reason and was tried again, in all workers. */
  readRetried(): number {
    return this.slots.reduce((sum, s) => sum + s.readRetried, 0);
  }

  warm(): void {
    for (const slot of this.slots) slot.warm();
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
  }

  private acquire(): Promise<Slot | null> {
    if (this.closed) return Promise.resolve(null);
    const free = this.slots.find((s) => !s.busy && !this.reserved.has(s));
    if (free) {
      this.reserved.add(free);
      return Promise.resolve(free);
    }
    return new Promise((resolve) =>
      this.waiting.push((slot) => {
        if (slot) this.reserved.add(slot);
        resolve(slot);
      }),
    );
  }

  /**
   * Waits for a free worker, then reads, screens and parses one file; null
   * when the pool was closed before a worker took the file (it stays unfinished).
   */
  async process(path: string): Promise<JobOutcome | null> {
    const slot = await this.acquire();
    if (!slot) return null;
    return new Promise<JobOutcome>((resolve) => {
      this.reserved.delete(slot);
      slot.start({ id: this.nextJobId++, path, resolve, timer: null, timedOut: false });
    });
  }

  /** Kills every worker; jobs in flight end as failed and callers decide what that means. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots) slot.stop();
    for (const waiter of this.waiting.splice(0)) waiter(null);
  }
}
