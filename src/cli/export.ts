/**
 * `scribe export`: the library as Parquet or CSV files, one per table, for
 * analysts and for league sites that concatenate many libraries.
 */
import cliProgress from 'cli-progress';
import path from 'node:path';
import type { ExportFormat, ExportProgress } from '../shared/export.js';
import type { Backend } from '../shared/settings.js';
import { toFailure } from '../engine/errors.js';
import { LibraryError } from '../engine/store/library-error.js';
import { writeErr, writeOut } from './output.js';

export interface ExportCommandOptions {
  dbPath: string;
  backend: Backend;
  format: ExportFormat;
  outDir: string;
  json: boolean;
  signal: AbortSignal;
  /** The exit code of whatever aborted `signal` (a signal, or output that broke). */
  stoppedWith(): number;
}

/** Progress lines at most this often: a table of millions of rows reports often enough to watch, not to flood a pipe. */
const jsonProgressIntervalMs = 250;

/** Resolves to the exit code: 0 done, 2 when the library cannot be exported, `stoppedWith()` when interrupted. */
export async function exportCommand(o: ExportCommandOptions): Promise<number> {
  const writeLine = (value: unknown): void => writeOut(`${JSON.stringify(value)}\n`);
  const bar = o.json
    ? null
    : new cliProgress.SingleBar(
        {
          format: ' {bar} {percentage}% | table {index}/{tables} {table} | {value}/{total} rows',
          barCompleteChar: '█',
          barIncompleteChar: '░',
          hideCursor: true,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      );
  let lastTable = -1;
  let lastLine = 0;
  const onProgress = (p: ExportProgress): void => {
    const payload = { table: p.table, index: p.tableIndex + 1, tables: p.tables };
    if (bar) {
      if (p.tableIndex !== lastTable) {
        if (lastTable === -1) bar.start(p.rowsTotal, p.rowsDone, payload);
        else bar.setTotal(p.rowsTotal);
        lastTable = p.tableIndex;
      }
      bar.update(p.rowsDone, payload);
      return;
    }
    const now = Date.now();
    if (p.tableIndex !== lastTable || p.rowsDone === p.rowsTotal || now - lastLine >= jsonProgressIntervalMs) {
      lastTable = p.tableIndex;
      lastLine = now;
      writeLine({ type: 'progress', ...p });
    }
  };
  try {
    // DuckDB (which writes every export) loads here, not with every `scribe` command.
    const { exportLibrary } = await import('../engine/export/export-library.js');
    const summary = await exportLibrary({
      dbPath: o.dbPath,
      backend: o.backend,
      format: o.format,
      outDir: o.outDir,
      onProgress,
      signal: o.signal,
    });
    bar?.stop();
    if (o.json) {
      for (const t of summary.tables) writeLine({ type: 'table', ...t });
      writeLine({
        type: 'summary',
        format: summary.format,
        outDir: summary.outDir,
        tables: summary.tables.length,
        rows: rowsOf(summary.tables),
        durationMs: Math.round(summary.durationMs),
      });
    } else {
      writeOut(
        `Exported ${summary.tables.length} tables (${rowsOf(summary.tables).toLocaleString('en-US')} rows) as ${o.format === 'parquet' ? 'Parquet' : 'CSV'} to ${path.resolve(o.outDir)} in ${(summary.durationMs / 1000).toFixed(1)} s.\n`,
      );
    }
    return 0;
  } catch (err) {
    bar?.stop();
    if (o.signal.aborted) {
      writeErr('scribe: export stopped; the files it had not finished were left out.\n');
      return o.stoppedWith();
    }
    const failure = err instanceof LibraryError ? { code: err.code, message: err.explanation } : toFailure(err);
    if (o.json) writeLine({ type: 'summary', outcome: 'failed', code: failure.code, message: failure.message });
    writeErr(`scribe: the library could not be exported (${failure.code}): ${failure.message}\n`);
    return 2;
  }
}

const rowsOf = (tables: readonly { rows: number }[]): number => tables.reduce((n, t) => n + t.rows, 0);
