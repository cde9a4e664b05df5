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
  /** Converted: the store says so after each version's step, the app's service once, when the library is open. */
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

/**
 * What the app's window is told (the `libraryMigration` event): the store's
 * progress, `done` once the library is open, or `stopped` when the open
 * failed part-way (the conversion resumes on the next open; the failure
 * itself reaches the player as the start's or the request's error).
 */
export interface LibraryMigration extends Omit<MigrationProgress, 'phase'> {
  phase: MigrationPhase | 'stopped';
}
