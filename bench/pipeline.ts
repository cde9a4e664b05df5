import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { typicalCorpus } from './corpus';

export interface RunResult {
  mode: 'sequential' | 'pipeline';
  workers: number;
  files: number;
  imported: number;
  failed: number;
  wallMs: number;
  stages: { readMs: number; parseMs: number; transferMs: number; writeMs: number };
  mainPeakRssMB: number;
  workerPeakRssMB: number[];
}

function runOnce(mode: RunResult['mode'], workers: number, files: string[]): RunResult {
  const db = path.resolve('.bench', `pipeline-${mode}-${workers}-${files.length}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) execFileSync('rm', ['-f', db + suffix]);
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.resolve('bench/pipeline-run.ts'), mode, String(workers), db, ...files], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as RunResult;
}

export interface PipelineBench {
  count: number;
  corpusMB: number;
  runs: RunResult[];
  /** Same pipeline on a quarter of the files: peak memory must not grow with the file count. */
  smallRun: RunResult;
}

/** Imports `count` typical saves: sequential baseline, then the pipeline at 1, 2 and `cores` workers. */
export async function benchPipeline(count: number): Promise<PipelineBench> {
  const corpus = await typicalCorpus(count);
  const cores = os.availableParallelism();
  const workerCounts = [...new Set([1, 2, cores])].sort((a, b) => a - b);
  const runs: RunResult[] = [runOnce('sequential', 1, corpus.files)];
  for (const w of workerCounts) runs.push(runOnce('pipeline', w, corpus.files));
  const quarter = Math.max(8, Math.floor(count / 4));
  const small = await typicalCorpus(quarter);
  const smallRun = runOnce('pipeline', cores, small.files);
  await fs.rm(path.resolve('.bench', 'tmp'), { recursive: true, force: true });
  return { count, corpusMB: corpus.bytes / 1e6, runs, smallRun };
}
