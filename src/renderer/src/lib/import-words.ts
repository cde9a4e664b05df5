/** How an import run is worded for players: pure, so it is unit-testable. */
import type { ImportKind, ImportSummary } from '../../../shared/import';
import { plural } from './format';

/** Banner wording per kind of run. */
export function runTitle(kind: ImportKind): string {
  switch (kind) {
    case 'resume':
      return 'Resuming the interrupted import';
    case 'retry':
      return 'Retrying failed files';
    case 'watch':
      return 'Importing new saves from watched folders';
    default:
      return 'Importing saves';
  }
}

export function outcomeTitle(summary: ImportSummary): string {
  if (summary.outcome === 'cancelled') return 'Import cancelled';
  if (summary.outcome === 'failed') return 'Import stopped';
  if (summary.filesTotal === 0) return 'No saves found';
  if (summary.failed > 0) return 'Import finished with failures';
  return 'Import complete';
}

/** One sentence that accounts for every file of the run. */
export function outcomeSentence(summary: ImportSummary): string {
  if (summary.filesTotal === 0) {
    return summary.notices.length > 0
      ? 'Scribe found no save archives it could read there.'
      : 'Scribe found no Old World save archives (.zip) there.';
  }
  const parts = [`${plural(summary.imported, 'save')} imported`, `${summary.skipped} skipped`, `${summary.failed} failed`];
  if (summary.notStarted > 0) parts.push(`${summary.notStarted} not started`);
  return `${plural(summary.filesTotal, 'file')}: ${parts.join(', ')}.`;
}

/** Files that were busy or locked at first and read again; null when there were none. */
export function retriedSentence(summary: ImportSummary): string | null {
  const n = summary.readRetried ?? 0;
  if (n === 0) return null;
  return `${plural(n, 'file was', 'files were')} busy or locked when first read and ${n === 1 ? 'was' : 'were'} tried again.`;
}
