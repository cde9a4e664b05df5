/**
 * The library's schema against the previous one, in the same run: the same
 * typical saves imported through the pipeline into a fresh library, by this
 * checkout and by the commit before the newest migration was added (checked
 * out and built once under .bench/), on both backends, alternating, several
 * rounds. Per save: the library's bytes (the file after close, against the
 * archives' bytes), the writer's time (the ledger's write_ms) and the CPU of
 * every process of the run. And the whole import against the naive approach
 * (unzip + fast-xml-parser DOM, one process, no database), timed per save on
 * a sample of the same files.
 *   npx tsx bench/schema.ts [count] [rounds]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { extractSaveXml, resolveLimits } from '../src/engine/reader';
import { emptyStats } from '../src/engine/reader/archive';
import { typicalCorpus } from './corpus';
import { runOnce, type RunResult } from './pipeline';
import type { BenchRow } from './table';

type Backend = 'sqlite' | 'duckdb';
type Side = 'before' | 'after';

interface Run extends RunResult {
  bytes: number;
  /** The writer's time per imported save (the pipeline's write stage: the single writer's share). */
  writeMsPerSave: number;
}

export interface SchemaBench {
  count: number;
  rounds: number;
  archiveBytes: number;
  beforeRev: string;
  runs: Record<Backend, Record<Side, Run[]>>;
  naiveMsPerSave: number;
  naiveSample: number;
}

const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** The commit before the newest migration: the previous schema, as the code that wrote it. */
function previousSchemaRev(): string {
  const added = git('log', '-1', '--format=%H', '--diff-filter=A', '--', 'src/engine/store/migrations');
  return git('rev-parse', '--short', `${added}^`);
}

/** That commit checked out beside the bench's files and its engine built (the parse worker is a bundle). */
function checkoutBefore(rev: string): string {
  const dir = path.resolve('.bench', `before-${rev}`);
  if (!existsSync(path.join(dir, 'out', 'engine', 'parse-worker.js'))) {
    if (!existsSync(dir)) git('worktree', 'add', '--detach', dir, rev);
    if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
    execFileSync(
      process.execPath,
      [path.resolve('node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.engine.config.ts', '--logLevel', 'warn'],
      {
        cwd: dir,
        stdio: 'inherit',
      },
    );
  }
  return dir;
}

function dbBytes(file: string): number {
  let n = 0;
  for (const suffix of ['', '-wal', '.wal']) if (existsSync(file + suffix)) n += statSync(file + suffix).size;
  return n;
}

/** Unzip and a DOM parse of each file, one after the other: what a script without Scribe would do. */
function naivePerSave(files: readonly string[]): Promise<number> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true });
  return (async () => {
    const t0 = performance.now();
    for (const file of files) {
      const xml = await extractSaveXml(readFileSync(file), resolveLimits({}), emptyStats());
      parser.parse(xml);
    }
    return (performance.now() - t0) / files.length;
  })();
}

export async function benchSchema(count: number, rounds: number): Promise<SchemaBench> {
  const corpus = await typicalCorpus(count);
  const beforeRev = previousSchemaRev();
  const dirs: Record<Side, string> = { before: checkoutBefore(beforeRev), after: process.cwd() };
  const workers = os.availableParallelism();
  const runs: SchemaBench['runs'] = { sqlite: { before: [], after: [] }, duckdb: { before: [], after: [] } };
  for (let round = 0; round < rounds; round++) {
    // Alternating, so that a slow spell of the machine hits every configuration alike.
    for (const backend of ['sqlite', 'duckdb'] as const) {
      for (const side of ['before', 'after'] as const) {
        const r = runOnce('pipeline', workers, corpus.files, backend, dirs[side]);
        const bytes = dbBytes(r.db);
        const run: Run = { ...r, bytes, writeMsPerSave: r.stages.writeMs / r.imported };
        console.error(
          `round ${round + 1}/${rounds}: ${backend} ${side}: ${(r.wallMs / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU, ${(bytes / 1e6).toFixed(1)} MB`,
        );
        runs[backend][side].push(run);
      }
    }
  }
  // The naive approach is ~25x slower: a sample of the distinct saves says what a save costs it.
  const sample = corpus.files.slice(0, Math.min(8, corpus.files.length));
  const naiveMsPerSave = await naivePerSave(sample);
  return { count, rounds, archiveBytes: corpus.bytes, beforeRev, runs, naiveMsPerSave, naiveSample: sample.length };
}

const best = (rs: readonly Run[], key: 'wallMs' | 'cpuMs' | 'writeMsPerSave'): number => Math.min(...rs.map((r) => r[key]));

export function schemaRows(b: SchemaBench): BenchRow[] {
  const rows: BenchRow[] = [];
  const targets: Record<Backend, number> = { sqlite: 1.5, duckdb: 0.5 };
  for (const backend of ['sqlite', 'duckdb'] as const) {
    const { before, after } = b.runs[backend];
    const perSave = (rs: readonly Run[]) => rs[rs.length - 1]!.bytes / b.count;
    const ratio = (rs: readonly Run[]) => rs[rs.length - 1]!.bytes / b.archiveBytes;
    const name = backend === 'sqlite' ? 'SQLite' : 'DuckDB';
    rows.push(
      { name: `${name}: library bytes per typical save, before (${b.beforeRev})`, value: perSave(before) / 1e6, unit: 'MB' },
      { name: `${name}: library bytes per typical save, after`, value: perSave(after) / 1e6, unit: 'MB' },
      { name: `${name}: library / archives, before`, value: ratio(before), unit: '×' },
      {
        name: `${name}: library / archives, after`,
        value: ratio(after),
        unit: '×',
        target: `≤ ${targets[backend]}`,
        met: ratio(after) <= targets[backend],
      },
      { name: `${name}: write per save (best round), before`, value: best(before, 'writeMsPerSave'), unit: 'ms' },
      { name: `${name}: write per save (best round), after`, value: best(after, 'writeMsPerSave'), unit: 'ms' },
      { name: `${name}: CPU per save, all processes, before`, value: best(before, 'cpuMs') / b.count, unit: 'ms' },
      { name: `${name}: CPU per save, all processes, after`, value: best(after, 'cpuMs') / b.count, unit: 'ms' },
      { name: `${name}: wall per save, before`, value: best(before, 'wallMs') / b.count, unit: 'ms' },
      { name: `${name}: wall per save, after`, value: best(after, 'wallMs') / b.count, unit: 'ms' },
    );
  }
  const scribe = best(b.runs.sqlite.after, 'wallMs') / b.count;
  const speedup = b.naiveMsPerSave / scribe;
  rows.push(
    {
      name: `naive approach (unzip + fast-xml-parser DOM, one process, no database), per save, ${b.naiveSample} saves`,
      value: b.naiveMsPerSave,
      unit: 'ms',
    },
    { name: `Scribe, ${b.count} typical saves into SQLite, per save (best round)`, value: scribe, unit: 'ms' },
    { name: 'Scribe speed-up over the naive approach, per save', value: speedup, unit: '×', target: '≥ 25', met: speedup >= 25 },
    {
      name: 'same, before',
      value: b.naiveMsPerSave / (best(b.runs.sqlite.before, 'wallMs') / b.count),
      unit: '×',
    },
  );
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const b = await benchSchema(Number(process.argv[2] ?? 32), Number(process.argv[3] ?? 2));
  for (const row of schemaRows(b)) console.log(`${row.name}: ${row.value.toFixed(2)} ${row.unit}`);
}
