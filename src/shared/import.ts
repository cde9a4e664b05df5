import type { FailureCode, FailureInfo, SkipCode } from './errors.js';

/** Why an import run was started: the UI words its banner on it. */
export type ImportKind = 'import' | 'resume' | 'retry' | 'watch';

export interface ImportStarted {
  runId: string;
  kind: ImportKind;
}

interface FileResultBase {
  runId: string;
  /** Absolute path of the archive. */
  path: string;
}

/** How one file ended. Exactly one per candidate file per run. */
export type FileResult =
  | (FileResultBase & { status: 'imported'; saveId: number; gameName: string | null; turn: number })
  | (FileResultBase & { status: 'skipped'; code: SkipCode; message: string; saveId: number | null })
  | (FileResultBase & {
      status: 'failed';
      code: FailureCode;
      message: string;
      /** What the player can do about it. */
      advice: string;
      detail?: FailureInfo['detail'];
    });

export type FileStatus = FileResult['status'];

export interface ImportProgress {
  runId: string;
  kind: ImportKind;
  phase: 'discovering' | 'importing' | 'finishing';
  filesTotal: number;
  imported: number;
  skipped: number;
  failed: number;
  /** Files not yet ended. */
  remaining: number;
  bytesDone: number;
  bytesTotal: number;
  savesPerSecond: number;
  /** null until there is a rate to extrapolate from. */
  etaSeconds: number | null;
  /** Paths being parsed or written right now. */
  inFlight: string[];
  elapsedMs: number;
}

/** Something found while discovering that is not a save result (unreadable folder, symlink loop). */
export interface DiscoveryNotice {
  path: string;
  message: string;
}

export interface ImportSummary {
  runId: string;
  kind: ImportKind;
  outcome: 'completed' | 'cancelled' | 'failed';
  filesTotal: number;
  imported: number;
  skipped: number;
  failed: number;
  /** Files left queued (cancelled runs): resumable. */
  notStarted: number;
  durationMs: number;
  failures: Extract<FileResult, { status: 'failed' }>[];
  notices: DiscoveryNotice[];
  /** Set when the run itself could not go on (database unusable...). */
  error?: string;
  /** Files whose read failed for a reason that passes (busy, locked) and was tried again; absent when none. */
  readRetried?: number;
  /** Why, when `error` is set: DB_FULL, DB_BUSY, or INTERNAL for anything else. */
  errorCode?: FailureCode;
}

export interface ImportState {
  running: ImportProgress | null;
  /** Files left queued by an interrupted run. */
  resumable: number;
  /** Files whose last attempt failed. */
  failed: number;
}
