import type { FailureInfo } from '../../shared/errors.js';

/**
 * Messages between the pipeline and a parse worker. A job goes in two steps so
 * that a file whose bytes are already in the library is skipped before any
 * parsing: the worker hashes, the pipeline screens the hash, then says go.
 */
export type ToWorker =
  | { type: 'hash'; jobId: number; path: string }
  | { type: 'parse'; jobId: number; maxXmlBytes: number }
  | { type: 'drop'; jobId: number };

export interface StageTimings {
  readMs: number;
  parseMs: number;
  /** Wall-clock time the result was posted (performance.timeOrigin + now), to measure the transfer. */
  sentAt: number;
  /** The worker's peak resident memory so far, MB. */
  peakRssMB: number;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'hashed'; jobId: number; sha256: string; size: number; mtimeMs: number }
  /** `save`: the parsed save as encodeSaveBytes wrote it (a JSON header and typed cells; see store/encoded-save.ts). */
  | { type: 'parsed'; jobId: number; save: Uint8Array; timings: StageTimings }
  | { type: 'failed'; jobId: number; failure: FailureInfo };
