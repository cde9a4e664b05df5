/**
 * Export of a library of `count` typical saves, from each backend to each
 * format: seconds and peak memory, and the same export of a quarter of the
 * library beside it, to show memory stays flat as the library grows.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { typicalCorpus } from './corpus';
import type { BenchRow } from './table';

interface ExportRun {
  db: string;
  format: string;
  wallMs: number;
  rows: number;
  bytes: number;
  peakRssMB: number;
}

function tsx(script: string, args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', path.resolve(script), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** A library of the first `count` corpus saves, imported by the pipeline (2 workers). */
function library(files: string[], ext: 'sqlite' | 'duckdb'): string {
  const db = path.resolve('.bench', `export-${files.length}.${ext}`);
  for (const suffix of ['', '-wal', '-shm', '.wal']) execFileSync('rm', ['-f', db + suffix]);
  tsx('bench/pipeline-run.ts', ['pipeline', '2', db, ...files]);
  return db;
}

function exportRun(db: string, format: 'parquet' | 'csv'): ExportRun {
  const out = tsx('bench/export-run.ts', [db, format, path.resolve('.bench', 'export-out')]);
  return JSON.parse(out.trim().split('\n').at(-1)!) as ExportRun;
}

export async function benchExport(count: number): Promise<{ rows: BenchRow[]; runs: ExportRun[] }> {
  const corpus = await typicalCorpus(count);
  const quarter = Math.max(1, Math.floor(count / 4));
  const runs: ExportRun[] = [];
  const rows: BenchRow[] = [];
  for (const ext of ['sqlite', 'duckdb'] as const) {
    // pipeline-run imports the corpus's folder, so the quarter library gets its own corpus folder.
    const small = library((await typicalCorpus(quarter)).files, ext);
    const full = library(corpus.files, ext);
    for (const format of ['parquet', 'csv'] as const) {
      const a = exportRun(small, format);
      const b = exportRun(full, format);
      runs.push(a, b);
      const name = `${ext} library of ${count} saves to ${format}`;
      rows.push({ name: `${name}: time`, value: b.wallMs / 1000, unit: 's' });
      rows.push({ name: `${name}: rows per second`, value: b.rows / (b.wallMs / 1000), unit: 'rows/s' });
      rows.push({ name: `${name}: files' size`, value: b.bytes / 1024 / 1024, unit: 'MB' });
      rows.push({
        name: `${name}: peak memory (${quarter} saves: ${a.peakRssMB.toFixed(0)} MB)`,
        value: b.peakRssMB,
        unit: 'MB',
        target: `flat: within 1.25x of the ${quarter}-save export`,
        met: b.peakRssMB <= a.peakRssMB * 1.25,
      });
    }
  }
  return { rows, runs };
}
