/**
 * SQLite against DuckDB through the whole pipeline: the same typical saves
 * imported into a fresh library of each backend, alternating, several rounds.
 *   npx tsx bench/backends.ts [count] [rounds]
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { typicalCorpus } from './corpus';
import { runOnce, type RunResult } from './pipeline';
import type { BenchRow } from './table';

export interface BackendRuns {
  count: number;
  workers: number;
  sqlite: RunResult[];
  duckdb: RunResult[];
}

export async function benchBackends(count: number, rounds: number): Promise<BackendRuns> {
  const corpus = await typicalCorpus(count);
  const workers = os.availableParallelism();
  const out: BackendRuns = { count, workers, sqlite: [], duckdb: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternating, so that a slow spell of the machine hits both backends alike.
    for (const backend of ['sqlite', 'duckdb'] as const) {
      const r = runOnce('pipeline', workers, corpus.files, backend);
      console.error(
        `round ${round + 1}/${rounds}: ${backend}: ${(r.wallMs / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU`,
      );
      out[backend].push(r);
    }
  }
  return out;
}

const best = (rs: RunResult[], key: 'wallMs' | 'cpuMs') => Math.min(...rs.map((r) => r[key]));

export function backendRows(b: BackendRuns): BenchRow[] {
  const ratio = best(b.duckdb, 'wallMs') / best(b.sqlite, 'wallMs');
  return [
    { name: `SQLite library, ${b.count} typical saves (best wall)`, value: best(b.sqlite, 'wallMs') / 1000, unit: 's' },
    { name: `DuckDB library, ${b.count} typical saves (best wall)`, value: best(b.duckdb, 'wallMs') / 1000, unit: 's' },
    { name: 'DuckDB / SQLite, wall', value: ratio, unit: '×', target: '≤ 1.2', met: ratio <= 1.2 },
    { name: 'DuckDB / SQLite, CPU of all processes', value: best(b.duckdb, 'cpuMs') / best(b.sqlite, 'cpuMs'), unit: '×' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const b = await benchBackends(Number(process.argv[2] ?? 32), Number(process.argv[3] ?? 3));
  const fmt = (rs: RunResult[]) => rs.map((r) => `${(r.wallMs / 1000).toFixed(2)}/${(r.cpuMs / 1000).toFixed(2)}`).join(' ');
  console.log(`sqlite wall/cpu s: ${fmt(b.sqlite)}\nduckdb wall/cpu s: ${fmt(b.duckdb)}`);
  for (const row of backendRows(b)) console.log(`${row.name}: ${row.value.toFixed(2)} ${row.unit}`);
}
