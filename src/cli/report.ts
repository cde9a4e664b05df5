import type cliProgressModule from 'cli-progress';
import { writeErr, writeOut } from './output.js';
import path from 'node:path';
import type { FileResult, ImportProgress, ImportSummary } from '../shared/import.js';
import type { ImporterListener } from '../engine/importer.js';

export interface Reporter {
  listener: ImporterListener;
  summary(summary: ImportSummary): void;
  nothingToDo(message: string): void;
}

const writeLine = (value: unknown): void => {
  writeOut(`${JSON.stringify(value)}\n`);
};

/** Machine-readable: one JSON object per line, a `file` line for every candidate file. */
function jsonReporter(): Reporter {
  return {
    listener: {
      started: (e) => writeLine({ type: 'started', ...e }),
      progress: (p) => writeLine({ type: 'progress', ...p }),
      file: (r) => writeLine(fileLine(r)),
      finished: () => {},
      retrying: (e) => writeLine({ type: 'retry', ...e }),
    },
    summary: (s) => writeLine({ type: 'summary', ...s, failures: undefined }),
    nothingToDo: (message) =>
      writeLine({ type: 'summary', outcome: 'completed', filesTotal: 0, imported: 0, skipped: 0, failed: 0, message }),
  };
}

export function fileLine(r: FileResult): Record<string, unknown> {
  return {
    type: 'file',
    path: r.path,
    status: r.status,
    code: r.status === 'imported' ? null : r.code,
    message: r.status === 'imported' ? null : r.message,
    saveId: r.status === 'failed' ? null : r.saveId,
  };
}

const formatEta = (seconds: number | null): string => {
  if (seconds === null || !Number.isFinite(seconds)) return '--';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
};

/** For people: a live bar, then what happened, with every failure and what to do about it. */
function ttyReporter(cliProgress: typeof cliProgressModule): Reporter {
  const bar = new cliProgress.SingleBar(
    {
      format:
        ' {bar} {percentage}% | {value}/{total} files | {imported} imported, {skipped} skipped, {failed} failed | {rate}/s | ETA {eta}',
      barCompleteChar: '█',
      barIncompleteChar: '░',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let barStarted = false;
  const payload = (p: ImportProgress) => ({
    imported: p.imported,
    skipped: p.skipped,
    failed: p.failed,
    rate: p.savesPerSecond.toFixed(1),
    eta: formatEta(p.etaSeconds),
  });
  return {
    listener: {
      started: () => {},
      progress: (p) => {
        if (p.phase === 'discovering') return;
        if (!barStarted) {
          bar.start(p.filesTotal, 0, payload(p));
          barStarted = true;
        }
        bar.setTotal(p.filesTotal);
        bar.update(p.filesTotal - p.remaining, payload(p));
      },
      file: () => {},
      finished: () => {
        if (barStarted) bar.stop();
      },
      retrying: (e) => writeErr(`\n${e.message}\n`),
    },
    summary: (s) => {
      const out = { write: writeOut };
      const seconds = (s.durationMs / 1000).toFixed(1);
      const head = s.outcome === 'cancelled' ? 'Import cancelled' : s.outcome === 'failed' ? 'Import stopped' : 'Import finished';
      out.write(`\n${head} in ${seconds}s: ${s.imported} imported, ${s.skipped} skipped, ${s.failed} failed`);
      out.write(s.notStarted > 0 ? `, ${s.notStarted} not started (run \`scribe resume\`).\n` : '.\n');
      const retried = s.readRetried ?? 0;
      if (retried > 0)
        out.write(`${retried} ${retried === 1 ? 'file was' : 'files were'} busy or locked when first read and tried again.\n`);
      if (s.error) out.write(`\n${s.error}\n`);
      if (s.failures.length > 0) {
        out.write('\nFailed files:\n');
        const rows = s.failures.map((f) => [path.basename(f.path), f.code, `${f.message} ${f.advice}`]);
        const w0 = Math.min(48, Math.max(4, ...rows.map((r) => r[0]!.length)));
        const w1 = Math.max(4, ...rows.map((r) => r[1]!.length));
        out.write(`  ${'FILE'.padEnd(w0)}  ${'CODE'.padEnd(w1)}  WHY AND WHAT TO DO\n`);
        for (const [file, code, why] of rows) out.write(`  ${file!.slice(0, w0).padEnd(w0)}  ${code!.padEnd(w1)}  ${why}\n`);
        out.write('\nRun `scribe retry-failed` to try these again.\n');
      }
      for (const n of s.notices) out.write(`Note: ${n.path}: ${n.message}\n`);
    },
    nothingToDo: (message) => writeOut(`${message}\n`),
  };
}

/** The progress bar's module is loaded only for a terminal: `--json` (and a one-save import's start-up) never pays for it. */
export async function createReporter(mode: 'json' | 'tty'): Promise<Reporter> {
  return mode === 'json' ? jsonReporter() : ttyReporter((await import('cli-progress')).default);
}
