/**
 * What opening a library from an older Scribe reports while it converts the
 * library in place (store/stepped-migration.ts): the CLI draws it as a
 * bar or JSON lines, the app as a status.
 */
export type MigrationPhase =
  /** Saves converted in steps that each commit: an interruption keeps what was done. */
  | 'converting'
  /** The converted tables take the old ones' place, in one transaction. */
  | 'finishing'
  /** The space the old tables held goes back to the disk (SQLite's VACUUM). */
  | 'reclaiming'
  | 'done';

export interface MigrationProgress {
  /** The schema version being reached. */
  version: number;
  phase: MigrationPhase;
  /** Saves converted so far, of `savesTotal`: the library's saves. */
  savesDone: number;
  savesTotal: number;
}

export type MigrationListener = (progress: MigrationProgress) => void;
