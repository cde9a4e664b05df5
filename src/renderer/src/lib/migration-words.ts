/** How the conversion of a library from an older Scribe is worded for players: pure, so it is unit-testable. */
import type { LibraryMigration } from '../../../shared/migration';
import { formatCount, plural } from './format';

/** True while a conversion runs: the window shows its status instead of the app. */
export function migrationRunning(p: LibraryMigration | null): p is LibraryMigration {
  return p !== null && p.phase !== 'done' && p.phase !== 'stopped';
}

/** Where the conversion stands, in one sentence. */
export function migrationStep(p: LibraryMigration): string {
  switch (p.phase) {
    case 'converting':
      return p.savesTotal === 0
        ? 'Preparing the library'
        : `Converting saves: ${formatCount(p.savesDone)} of ${plural(p.savesTotal, 'save')} done`;
    case 'finishing':
      return `All ${plural(p.savesTotal, 'save')} converted; putting them in place`;
    case 'reclaiming':
      return 'Giving the disk space the old format used back to your computer';
    case 'done':
      return 'The library is up to date';
    case 'stopped':
      return 'The update stopped';
  }
}

/** Only converting counts saves; the last two steps are one operation each, with nothing to count. */
export function migrationCounted(p: LibraryMigration): boolean {
  return p.phase === 'converting' && p.savesTotal > 0;
}
