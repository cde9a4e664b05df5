/**
 * Opens the service's library and tells the window how its conversion goes
 * (a library from an older Scribe is converted in place as it opens, which
 * takes tens of seconds on a big one): every step as a `libraryMigration`
 * event, and the step reached for a window that loads meanwhile.
 */
import type { EventSink } from '../shared/contract.js';
import type { LibraryMigration, MigrationProgress } from '../shared/migration.js';
import { openStore, type OpenStoreOptions, type Store } from './store/index.js';

export interface LibraryOpener {
  /** The conversion running now; null when none does. */
  current(): LibraryMigration | null;
  /** `openStore`, reporting a conversion: its steps, then `done` once open or `stopped` if the open failed part-way. */
  open(path: string, options: Omit<OpenStoreOptions, 'onMigrationProgress'>): Promise<Store>;
}

export function libraryOpener(emit: EventSink): LibraryOpener {
  let current: LibraryMigration | null = null;
  return {
    current: () => current,
    async open(path, options) {
      let last: MigrationProgress | null = null;
      const report = (p: MigrationProgress): void => {
        // The store says `done` after each version's step (a library two versions old has two): the window is
        // told once, when the library is open, so it does not flash back to the app between them.
        if (p.phase === 'done') return;
        last = p;
        current = p;
        emit('libraryMigration', p);
      };
      const end = (phase: 'done' | 'stopped'): void => {
        current = null;
        if (last) emit('libraryMigration', { ...last, phase, savesDone: phase === 'done' ? last.savesTotal : last.savesDone });
      };
      let store: Store;
      try {
        store = await openStore(path, { ...options, onMigrationProgress: report });
      } catch (err) {
        end('stopped');
        throw err;
      }
      end('done');
      return store;
    },
  };
}
