/**
 * The conversion of a library from an older Scribe, followed through its
 * events. A window that loads mid-conversion asks where it stands, since the
 * events it missed are not sent again.
 */
import type { LibraryMigration } from '../../../shared/migration';
import { scribe } from '../api';
import { migrationRunning } from './migration-words';

class LibraryMigrationStore {
  progress = $state.raw<LibraryMigration | null>(null);
  readonly running = $derived(migrationRunning(this.progress));

  init(): void {
    let heard = false;
    scribe.onLibraryMigration((p) => {
      heard = true;
      this.progress = p;
    });
    // An event that arrived while the question was on its way is newer than the answer.
    void scribe
      .getLibraryMigration()
      .then((p) => {
        if (!heard) this.progress = p;
      })
      .catch(() => {
        // Nothing to show: the views report a library that cannot be opened themselves.
      });
  }
}

export const libraryMigration = new LibraryMigrationStore();
