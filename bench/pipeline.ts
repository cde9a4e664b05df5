import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StageTotals } from '../src/engine/pipeline/run-import';
import { typicalCorpus } from './corpus';

export interface RunResult {
  mode: 'sequential' | 'pipeline';
  workers: number;
  files: number;
  imported: number;
  failed: number;
  wallMs: number;
  stages: StageTotals;
  mainPeakRssMB: number;
  workerPeakRssMB: number[];
  /** CPU time of all the run's processes (user + system). */
  cpuMs: number;
}

/** "1m2.345s" (bash `times`) -> ms. */
function bashTime(t: string): number {
  const m = /^(\d+)m([\d.]+)s$/.exec(t);
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : NaN;
}

/**
 * One import in a process of its own. `root` is the checkout whose engine
 * runs (default this one; bench/schema.ts runs an older commit's too).
 */
export function runOnce(
  mode: RunResult['mode'],
  workers: number,
  files: string[],
  backend: 'sqlite' | 'duckdb' = 'sqlite',
  root = process.cwd(),
): RunResult & { db: string } {
  const tag = root === process.cwd() ? '' : `-${path.basename(root)}`;
  const db = path.resolve('.bench', `pipeline-${mode}-${workers}-${files.length}${tag}.${backend}`);
  for (const suffix of ['', '-wal', '-shm', '.wal']) execFileSync('rm', ['-f', db + suffix]);
  // Through bash, whose `times` then reports the CPU of every process of the run
  // (the importer and the workers it reaped): on a machine where other tenants come
  // and go, CPU time says how much work a run was, wall time how long it took.
  const script = '"$0" "$@" && times';
  const out = execFileSync(
    'bash',
    ['-c', script, process.execPath, '--import', 'tsx', path.join(root, 'bench/pipeline-run.ts'), mode, String(workers), db, ...files],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = out.trim().split('\n');
  const [user, sys] = (lines.at(-1) ?? '').trim().split(/\s+/).map(bashTime);
  const result = JSON.parse(lines.at(-3)!) as RunResult;
  return { ...result, cpuMs: (user ?? NaN) + (sys ?? NaN), db };
}

/** One configuration, run several times: the best run and every run's wall time. */
export interface ConfigRuns {
  best: RunResult;
  wallsMs: number[];
}

export interface PipelineBench {
  count: number;
  corpusMB: number;
  rounds: number;
  runs: ConfigRuns[];
  /** Same pipeline on a quarter of the files: peak memory must not grow with the file count. */
  smallRun: RunResult;
}

/**
 * Imports `count` typical saves: sequential baseline, then the pipeline at 1,
 * 2 and `cores` workers, each `rounds` times, interleaved so that a slow
 * spell of the machine hits every configuration alike. Each configuration
 * is reported by its best run (other tenants' load only ever adds time) next
 * to the spread of all its runs.
 */
export async function benchPipeline(count: number, rounds: number): Promise<PipelineBench> {
  const corpus = await typicalCorpus(count);
  const cores = os.availableParallelism();
  const configs: [RunResult['mode'], number][] = [
    ['sequential', 1],
    ...[...new Set([1, 2, cores])].sort((a, b) => a - b).map((w): [RunResult['mode'], number] => ['pipeline', w]),
  ];
  const all: RunResult[][] = configs.map(() => []);
  for (let round = 0; round < rounds; round++) {
    configs.forEach(([mode, workers], i) => {
      const r = runOnce(mode, workers, corpus.files);
      console.error(`round ${round + 1}/${rounds}: ${mode} ${workers}: ${(r.wallMs / 1000).toFixed(1)} s`);
      all[i]!.push(r);
    });
  }
  const runs = all.map((rs) => ({ best: rs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a)), wallsMs: rs.map((r) => r.wallMs) }));
  const quarter = Math.max(8, Math.floor(count / 4));
  const small = await typicalCorpus(quarter);
  const smallRun = runOnce('pipeline', cores, small.files);
  await fs.rm(path.resolve('.bench', 'tmp'), { recursive: true, force: true });
  return { count, corpusMB: corpus.bytes / 1e6, rounds, runs, smallRun };
}
