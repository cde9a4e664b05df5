import type { FailureInfo } from '../../shared/errors.js';
import type { Shard } from './shard.js';

/**
 * Messages between the pipeline and a parse worker.
 *
 * The worker screens each file itself against the SHA-256s already in the
 * library (sent once, at start), so a file whose bytes are known is skipped
 * before any parsing without a round trip: the writer's thread is busy in
 * synchronous writes, and a question asked of it would wait for the write
 * (measured: it left the workers idle for much of each write).
 */
export type ToWorker =
  /** The library's saves by SHA-256, and the shard this run takes (if any): sent before the first job. */
  | { type: 'known'; saves: [sha256: string, saveId: number][]; shard?: Shard }
  | { type: 'job'; jobId: number; path: string; maxXmlBytes: number };

export interface StageTimings {
  /** Stat, read and hash the file. */
  readMs: number;
  /** Unzip: find the save's entry, inflate it, check its CRC. */
  inflateMs: number;
  /** Scan the XML, map it and encode the rows for the writer. */
  parseMs: number;
  /** Wall-clock time the result was posted (performance.timeOrigin + now), to measure the transfer. */
  sentAt: number;
  /** The worker's peak resident memory so far, MB. */
  peakRssMB: number;
}

/** What reading the file learned: the ledger keeps it with the file's row. */
export interface Hashed {
  sha256: string;
  size: number;
  mtimeMs: number;
}

/** On every answer to a job: true when reading the file failed for a passing reason and was tried again. */
interface JobAnswer {
  jobId: number;
  readRetried?: true;
}

export type FromWorker =
  | { type: 'ready' }
  /** The bytes fall in another shard than this run's: not parsed. */
  | (JobAnswer & { type: 'otherShard'; hashed: Hashed })
  /** The bytes are a save already in the library: not parsed. */
  | (JobAnswer & { type: 'known'; hashed: Hashed; saveId: number })
  /** `save`: the parsed save as encodeSaveBytes wrote it (see codec/encoded-save.ts). */
  | (JobAnswer & { type: 'parsed'; hashed: Hashed; save: Uint8Array; timings: StageTimings })
  | (JobAnswer & { type: 'failed'; hashed: Hashed | null; failure: FailureInfo });
