/**
 * One measured export, in a process of its own so that its peak memory is
 * its own. Prints one JSON line. Used by bench/export.ts.
 *   tsx bench/export-run.ts <db> <parquet|csv> <out-dir>
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportLibrary } from '../src/engine/export/export-library';
import { backendForPath } from '../src/engine/store';
import type { ExportFormat } from '../src/shared/export';

const [db, format, outDir] = process.argv.slice(2) as [string, ExportFormat, string];
await fs.rm(outDir, { recursive: true, force: true });
const t0 = performance.now();
const summary = await exportLibrary({ dbPath: db, backend: backendForPath(db), format, outDir });
const wallMs = performance.now() - t0;
let bytes = 0;
for (const t of summary.tables) bytes += (await fs.stat(t.file)).size;
const rows = summary.tables.reduce((n, t) => n + t.rows, 0);
await fs.rm(outDir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({ db: path.basename(db), format, wallMs, rows, bytes, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
