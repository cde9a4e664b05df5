import path from 'node:path';
import { exitCodes } from './exit-codes.js';
import { whenOutputBreaks, writeErr, writeOut } from './output.js';
import { createImporter } from '../engine/compose.js';
import type { ImporterListener } from '../engine/importer.js';
import { forkSpawner } from '../engine/pipeline/fork-spawner.js';
import type { SettingsStore } from '../engine/settings-store.js';
import type { Store } from '../engine/store/index.js';
import { WatchService } from '../engine/watch/index.js';
import type { FileResult } from '../shared/import.js';
import type { WatchFolderStatus } from '../shared/settings.js';
import { fileLine } from './report.js';

export interface WatchCommandOptions {
  folders: string[];
  store: Store;
  settings: SettingsStore;
  workerEntry: string;
  workers?: number;
  /** One JSON object per line (skipped files and folder states included) instead of lines for people. */
  json: boolean;
  /** Poll instead of using the system's change notifications. */
  poll: boolean;
}

const out = (line: string): void => {
  writeOut(`${line}\n`);
};

function humanFileLine(r: FileResult): string | null {
  if (r.status === 'imported') return `imported  ${r.path}  ${r.gameName ?? '(unnamed game)'}, turn ${r.turn} (save ${r.saveId})`;
  if (r.status === 'failed') return `failed    ${r.path}  ${r.code}: ${r.message} ${r.advice}`;
  return null; // Skipped files (unchanged, duplicates) stay quiet here; --json lists them.
}

/**
 * `scribe watch`: imports each new save in the folders as it arrives, until
 * SIGINT or SIGTERM (the way to end it, so exit 0), or until its output can
 * no longer be written (exit 3). One line per imported or failed file on
 * standard output; folder states on standard error (or as JSON lines with
 * --json).
 */
export async function watchCommand(o: WatchCommandOptions): Promise<number> {
  const s = o.settings.get();
  const listener: ImporterListener = {
    started: () => {},
    progress: () => {},
    file: (r) => {
      if (o.json) out(JSON.stringify(fileLine(r)));
      else {
        const line = humanFileLine(r);
        if (line) out(line);
      }
    },
    finished: (summary) => {
      if (o.json)
        out(
          JSON.stringify({
            type: 'run',
            runId: summary.runId,
            outcome: summary.outcome,
            imported: summary.imported,
            skipped: summary.skipped,
            failed: summary.failed,
            error: summary.error,
            errorCode: summary.errorCode,
          }),
        );
      else if (summary.error) writeErr(`scribe: ${summary.error}\n`);
    },
  };
  const importer = createImporter(
    { ...s, workers: o.workers ?? s.workers },
    { store: o.store, spawn: forkSpawner, workerEntry: o.workerEntry, listener },
  );

  const reported = new Map<string, string>();
  const onStatus = (folders: WatchFolderStatus[]): void => {
    for (const f of folders) {
      const key = `${f.state}\n${f.message ?? ''}`;
      if (reported.get(f.folder) === key) continue;
      reported.set(f.folder, key);
      if (o.json) out(JSON.stringify({ type: 'watch', folder: f.folder, state: f.state, message: f.message ?? null }));
      else writeErr(`${f.state.padEnd(8)}  ${f.folder}: ${f.message ?? ''}\n`);
    }
  };
  const watcher = new WatchService({ importer, forcePolling: o.poll, onStatus });

  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let code: number = exitCodes.ok;
  // A second signal gets the default handling: exit at once.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  whenOutputBreaks(() => {
    code = exitCodes.outputBroken;
    stop();
  });
  try {
    await watcher.setFolders(o.folders.map((f) => path.resolve(f)));
    if (!o.json) writeErr('Watching for new saves (subfolders included). Press Ctrl+C to stop.\n');
    await stopped;
  } finally {
    whenOutputBreaks(null);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await watcher.close();
    // A run still going stops cleanly; its unfinished files stay queued and the next start picks them up.
    importer.stop();
    await importer.idle();
  }
  if (!o.json) writeErr('Stopped watching.\n');
  return code;
}
