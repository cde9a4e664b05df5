/**
 * One measured import, in a process of its own so that its peak memory is
 * its own. Prints one JSON line. Used by bench/pipeline.ts.
 *   tsx bench/pipeline-run.ts <mode: sequential|pipeline> <workers> <db> <files...>
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Importer } from '../src/engine/importer';
import { forkSpawner } from '../src/engine/pipeline/fork-spawner';
import { emptyStageTotals } from '../src/engine/pipeline/run-import';
import { extractSaveXml, parseSaveXml, resolveLimits } from '../src/engine/reader';
import { emptyStats } from '../src/engine/reader/archive';
import { openStore } from '../src/engine/store';

const [mode, workersArg, db, ...files] = process.argv.slice(2);
const workers = Number(workersArg);
const store = await openStore(db!);
const stages = emptyStageTotals();
let imported = 0;
let failed = 0;
let workerPeakRssMB: number[] = [];
const t0 = performance.now();

if (mode === 'sequential') {
  // The naive approach: one process, file after file.
  for (const file of files) {
    const a = performance.now();
    const bytes = await fs.readFile(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const stat = await fs.stat(file);
    const b = performance.now();
    const xml = await extractSaveXml(bytes, resolveLimits({}), emptyStats());
    const inflated = performance.now();
    const save = parseSaveXml(xml);
    const c = performance.now();
    const result = await store.insertSave(save, { path: file, sha256, size: stat.size, mtimeMs: Math.floor(stat.mtimeMs) });
    const d = performance.now();
    stages.readMs += b - a;
    stages.inflateMs += inflated - b;
    stages.parseMs += c - inflated;
    stages.writeMs += d - c;
    if (result.status === 'imported') imported++;
  }
} else {
  const importer = new Importer(
    { store, spawn: forkSpawner, workerEntry: path.resolve('out/engine/parse-worker.js'), workers, maxXmlBytes: 256 * 1024 * 1024 },
    { started: () => {}, progress: () => {}, file: () => {}, finished: () => {} },
  );
  const result = await importer.run('import', [path.dirname(files[0]!)]).done;
  Object.assign(stages, result.stages);
  imported = result.summary.imported;
  failed = result.summary.failed;
  workerPeakRssMB = result.workerPeakRssMB;
}
const wallMs = performance.now() - t0;
await store.close();
process.stdout.write(
  `${JSON.stringify({ mode, workers, files: files.length, imported, failed, wallMs, stages, mainPeakRssMB: process.resourceUsage().maxRSS / 1024, workerPeakRssMB })}\n`,
);
