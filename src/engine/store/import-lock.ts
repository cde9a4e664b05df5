/**
 * One import at a time per library, across processes. Two importers on one
 * library race on the ledger (each marks the other's files as duplicates of
 * the saves the other just wrote) and finish with every row `skipped`; a
 * second import has nothing to add to the first, so it is refused at once
 * and the player is told to wait.
 *
 * The lock is an exclusive SQLite lock on a small file beside the library,
 * held for the run. The operating system drops it with the process, so an
 * import that was killed never leaves a stale lock (a pid file would need
 * guessing whether its pid is still the same process); SQLite also keeps
 * two connections of one process apart.
 */
import { openSqlite } from './sqlite-driver.js';
import { LibraryError } from './library-error.js';

export interface ImportLock {
  release(): void;
}

export const importLockPath = (libraryPath: string): string => `${libraryPath}.import-lock`;

/** Takes the library's import lock, or throws LibraryError LIBRARY_IN_USE when another import holds it. */
export function acquireImportLock(libraryPath: string): ImportLock {
  const db = openSqlite(importLockPath(libraryPath), { timeout: 0 });
  try {
    // Nothing is ever written: the journal stays in memory, so no -journal file appears beside it.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')))
      throw new LibraryError('LIBRARY_IN_USE', 'Another Scribe is importing into this library right now; this import did not start.');
    throw err;
  }
  let held = true;
  return {
    release: () => {
      if (!held) return;
      held = false;
      db.close();
    },
  };
}
