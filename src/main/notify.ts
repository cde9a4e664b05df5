import { Notification, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { EventName, Events } from '../shared/contract.js';
import type { FileResult, ImportSummary } from '../shared/import.js';

const listed = 3;

function list(items: string[]): string {
  const shown = items.slice(0, listed).join(', ');
  return items.length > listed ? `${shown} and ${items.length - listed} more` : shown;
}

/** Title and text of the notification for a finished watch run; null when there is nothing to tell. */
export function describeWatchRun(summary: ImportSummary, imported: string[]): { title: string; body: string } | null {
  if (summary.imported === 0 && summary.failed === 0) return null;
  const parts: string[] = [];
  if (summary.imported > 0) parts.push(`Imported ${summary.imported} new save${summary.imported === 1 ? '' : 's'}: ${list(imported)}.`);
  if (summary.failed > 0) {
    const names = summary.failures.map((f) => `${path.basename(f.path)} (${f.code})`);
    parts.push(`${summary.failed} could not be imported: ${list(names)}.`);
  }
  const title =
    summary.failed === 0
      ? 'New saves imported'
      : summary.imported === 0
        ? 'A new save could not be imported'
        : 'New saves imported, some failed';
  return { title, body: parts.join(' ') };
}

/**
 * Tells the player what a watch-folder import did while they are not looking
 * at the window (hidden, minimized or in the background); the window itself
 * shows every import as it happens. Fed the engine's events.
 */
export function watchRunNotifier(getWindow: () => BrowserWindow | null): <K extends EventName>(name: K, payload: Events[K]) => void {
  const runs = new Map<string, string[]>();
  // Held until dismissed: a collected notification loses its click handler.
  const shown = new Set<Notification>();
  const unattended = (): boolean => {
    const win = getWindow();
    return !win || win.isDestroyed() || !win.isVisible() || win.isMinimized() || !win.isFocused();
  };
  return (name, payload) => {
    if (name === 'importStarted') {
      const e = payload as Events['importStarted'];
      if (e.kind === 'watch') runs.set(e.runId, []);
    } else if (name === 'fileResult') {
      const r = payload as FileResult;
      if (r.status === 'imported') runs.get(r.runId)?.push(r.gameName ? `${r.gameName} (turn ${r.turn})` : path.basename(r.path));
    } else if (name === 'importFinished') {
      const summary = payload as ImportSummary;
      const imported = runs.get(summary.runId);
      runs.delete(summary.runId);
      if (!imported || !unattended() || !Notification.isSupported()) return;
      const text = describeWatchRun(summary, imported);
      if (!text) return;
      const notification = new Notification({ title: text.title, body: text.body });
      notification.on('close', () => shown.delete(notification));
      notification.on('click', () => {
        shown.delete(notification);
        const win = getWindow();
        if (!win || win.isDestroyed()) return;
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
      });
      shown.add(notification);
      notification.show();
    }
  };
}
