/**
 * The app's export: one at a time, in the background, its progress and its
 * outcome pushed as events, so the window never waits on it.
 */
import type { EventSink } from '../../shared/contract.js';
import { isExportFormat, type ExportFormat, type ExportProgress } from '../../shared/export.js';
import { ScribeRequestError } from '../../shared/request-errors.js';
import type { Backend } from '../../shared/settings.js';
import { toFailure } from '../errors.js';
import { LibraryError } from '../store/library-error.js';

/** Progress events at most this often: enough for a bar that moves, few enough for IPC. */
const progressIntervalMs = 100;

export interface ExportJobs {
  /** Throws the reason an export cannot start now (one is running, a DuckDB library): asked before the folder dialog. */
  assertCanStart(): void;
  /** Starts an export into `outDir`; refused as `assertCanStart` says. */
  start(format: ExportFormat, outDir: string): void;
  readonly running: boolean;
  /** Resolves when no export runs. */
  idle(): Promise<void>;
}

export function exportJobs(library: () => { path: string; backend: Backend }, emit: EventSink): ExportJobs {
  let current: Promise<void> | null = null;
  const assertCanStart = (): void => {
    if (current) throw new ScribeRequestError('USAGE', 'An export is already running; wait until it has finished.');
    if (library().backend === 'duckdb') {
      // The app holds its DuckDB library open for writing, and DuckDB lets one process at a time at a file;
      // a second instance of it in this process would read the file behind the first one's back.
      throw new ScribeRequestError('USAGE', 'A DuckDB library is exported from the command line: close Scribe, then run `scribe export`.');
    }
  };
  return {
    get running() {
      return current !== null;
    },
    idle: () => current ?? Promise.resolve(),
    assertCanStart,
    start(format, outDir) {
      if (!isExportFormat(format)) throw new ScribeRequestError('BAD_REQUEST', 'Export needs a format: parquet or csv.');
      assertCanStart();
      const { path, backend } = library();
      let last = 0;
      const onProgress = (p: ExportProgress): void => {
        const now = Date.now();
        if (p.rowsDone === 0 || p.rowsDone === p.rowsTotal || now - last >= progressIntervalMs) {
          last = now;
          emit('exportProgress', p);
        }
      };
      // DuckDB (which writes every export) loads with the first export, not with the app.
      current = import('./export-library.js')
        .then(({ exportLibrary }) => exportLibrary({ dbPath: path, backend, format, outDir, onProgress }))
        .then(
          (summary) => emit('exportFinished', { ok: true, outDir, summary }),
          (err: unknown) => {
            const failure =
              err instanceof ScribeRequestError
                ? err.toInfo()
                : err instanceof LibraryError
                  ? { code: err.code, message: err.explanation }
                  : toFailure(err);
            emit('exportFinished', { ok: false, outDir, code: failure.code, message: failure.message });
          },
        )
        .finally(() => {
          current = null;
        });
    },
  };
}
