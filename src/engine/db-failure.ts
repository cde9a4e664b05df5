import { ScribeError } from './errors.js';

/**
 * Errors that say the library itself cannot take writes right now, not that
 * one save is bad: the disk is full, or another connection holds the write
 * lock past the busy timeout. Such an error stops the whole run (every
 * later write would fail the same way) and leaves the file it hit unfinished
 * in the ledger, so `resume` takes it once the cause is gone, instead of
 * marking good saves failed.
 */
const fullMessage = 'The disk holding your library is full, so Scribe stopped importing.';
const busyMessage = 'Another program is holding the library locked, so Scribe stopped importing.';

/** The database-wide failure `err` stands for, or null when it is about one save (or unknown). */
export function databaseFailure(err: unknown): ScribeError | null {
  if (err instanceof ScribeError) return err.code === 'DB_FULL' || err.code === 'DB_BUSY' ? err : null;
  if (!(err instanceof Error)) return null;
  // better-sqlite3's SqliteError carries SQLite's (extended) result code by name.
  const raw = (err as Error & { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  if (code.startsWith('SQLITE_FULL') || /\bENOSPC\b|No space left on device/i.test(err.message))
    return new ScribeError('DB_FULL', fullMessage);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new ScribeError('DB_BUSY', busyMessage);
  return null;
}
