/**
 * `npm run bench`: measures the reader, the store and the whole pipeline on
 * this machine, prints the tables and writes docs/benchmarks.md.
 *   npm run bench -- --count 266
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { backendRows, benchBackends } from './backends';
import { benchPipeline, type RunResult } from './pipeline';
import { benchExport } from './export';
import { benchFirstSave } from './first-save';
import { benchReader } from './reader';
import { benchSchema, schemaRows } from './schema';
import { benchStore } from './store';
import { benchViews } from './views';
import { renderTable, type BenchRow } from './table';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '3' },
    skip: { type: 'string', multiple: true, default: [] },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) throw new Error('--count takes a whole number');
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number');
// `--skip reader,store` and `--skip reader --skip store` alike.
const skip = new Set(values.skip.flatMap((s) => s.split(',')));

const sections: { title: string; body: string }[] = [];
const show = (title: string, body: string): void => {
  sections.push({ title, body });
  console.log(`\n## ${title}\n\n${body}`);
};

if (!skip.has('reader')) show('Reader: one save, one core', renderTable(await benchReader()));
if (!skip.has('store')) show('Store: one typical save per transaction', renderTable(await benchStore()));

if (!skip.has('pipeline')) {
  const p = await benchPipeline(count, rounds);
  const perSecond = (r: RunResult) => r.imported / (r.wallMs / 1000);
  const totalPeak = (r: RunResult) => r.mainPeakRssMB + r.workerPeakRssMB.reduce((a, b) => a + b, 0);
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const lines = [
    `| run | wall (best) | saves/s | wall of each round | CPU, all processes | read | inflate | parse | transfer | write | main peak | workers peak | all peak |`,
    `| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...p.runs.map(({ best: r, wallsMs }) => {
      const name = r.mode === 'sequential' ? 'sequential (one process)' : `pipeline, ${r.workers} worker${r.workers > 1 ? 's' : ''}`;
      const s = r.stages;
      return `| ${name} | ${seconds(r.wallMs)} s | ${perSecond(r).toFixed(1)} | ${wallsMs.map(seconds).join(', ')} s | ${seconds(r.cpuMs)} s | ${s.readMs.toFixed(0)} ms | ${s.inflateMs.toFixed(0)} ms | ${s.parseMs.toFixed(0)} ms | ${s.transferMs.toFixed(0)} ms | ${s.writeMs.toFixed(0)} ms | ${r.mainPeakRssMB.toFixed(0)} MB | ${r.workerPeakRssMB.map((m) => m.toFixed(0)).join(' + ') || '–'} MB | ${totalPeak(r).toFixed(0)} MB |`;
    }),
  ];
  const pipelines = p.runs.filter((c) => c.best.mode === 'pipeline');
  const bestConfig = pipelines.reduce((a, b) => (perSecond(b.best) > perSecond(a.best) ? b : a));
  const best = bestConfig.best;
  const projected266 = 266 / perSecond(best);
  const sortedWalls = [...bestConfig.wallsMs].sort((a, b) => a - b);
  const medianWall = sortedWalls[(sortedWalls.length - 1) >> 1]!;
  const rows: BenchRow[] = [
    {
      name: `best pipeline (${best.workers} worker${best.workers === 1 ? '' : 's'})`,
      value: perSecond(best),
      unit: 'saves/s',
      target: '≥ 18',
      met: perSecond(best) >= 18,
    },
    {
      name: p.count === 266 ? '266 typical saves' : '266 typical saves (projected from this run)',
      value: projected266,
      unit: 's',
      target: '< 15',
      met: projected266 < 15,
    },
    {
      name: `same, median of ${p.rounds} rounds`,
      value: (266 / p.count) * (medianWall / 1000),
      unit: 's',
    },
    { name: 'peak memory, all processes', value: totalPeak(best), unit: 'MB', target: '< 1024', met: totalPeak(best) < 1024 },
    {
      name: `main peak with ${p.smallRun.files} files vs ${p.count}`,
      value: best.mainPeakRssMB - p.smallRun.mainPeakRssMB,
      unit: 'MB more',
      target: 'flat',
      met: Math.abs(best.mainPeakRssMB - p.smallRun.mainPeakRssMB) < 100,
    },
  ];
  const seq = p.runs.find((c) => c.best.mode === 'sequential')!.best;
  const perSave = (ms: number, r: RunResult) => (ms / Math.max(1, r.imported)).toFixed(0);
  const cores = os.availableParallelism();
  // Which bound is tightest: all cores busy (total CPU per save), the single writer's thread, or the workers.
  const coresBusy = best.cpuMs / best.wallMs / cores;
  const writerBusy = best.stages.writeMs / best.wallMs;
  const workersBusy = (best.stages.inflateMs + best.stages.parseMs) / best.wallMs / best.workers;
  const workersName = best.workers === 1 ? 'its worker' : `its ${best.workers} workers`;
  const bound = [
    { busy: coresBusy, what: 'the total CPU a save costs more than by any one stage' },
    { busy: writerBusy, what: "the single writer's thread" },
    { busy: workersBusy, what: `${workersName} unzipping and parsing` },
  ].reduce((a, b) => (b.busy > a.busy ? b : a)).what;
  const where =
    `\n\nWhere the time goes: alone, one save costs ${perSave(seq.stages.inflateMs, seq)} ms to unzip, ${perSave(seq.stages.parseMs, seq)} ms to parse and ${perSave(seq.stages.writeMs, seq)} ms to write ` +
    `(one process, no contention). The writer's share runs on one thread, the parse share is split across workers, and on ${cores} cores they all share the same cores: ` +
    `the best ${best.workers}-worker run used ${seconds(best.cpuMs)} s of CPU in ${seconds(best.wallMs)} s, ${(best.cpuMs / best.wallMs).toFixed(2)} of ${cores} cores busy ` +
    `(${perSave(best.cpuMs, best)} ms of CPU per save), its writer's thread spent ${(100 * writerBusy).toFixed(0)}% of the run writing ` +
    `and ${workersName} ${(100 * workersBusy).toFixed(0)}% unzipping and parsing, ` +
    `so the end-to-end rate is bounded by ${bound}. ` +
    `Worker time per save (unzip + parse) rose to ${perSave(best.stages.inflateMs + best.stages.parseMs, best)} ms there (workers slow down when every core is busy); writer time was ${perSave(best.stages.writeMs, best)} ms.`;
  show(
    `Pipeline: ${p.count} typical saves (${p.corpusMB.toFixed(0)} MB of archives), ${p.rounds} rounds`,
    `${lines.join('\n')}\n\nEach configuration ran ${p.rounds} times, interleaved; the row shows its best run (load from other tenants of this machine only ever adds time) and the wall time of every round. Stage times are summed over files (inflate and parse run in parallel, so they can exceed the wall time; transfer includes waiting for the writer's thread).\n\n${renderTable(rows)}${where}`,
  );
}

if (!skip.has('first-save')) {
  const f = await benchFirstSave();
  const list = (ms: number[]) => ms.map((m) => m.toFixed(0)).join(', ');
  show(
    'First save: a one-save import into a fresh SQLite library',
    `${renderTable(f.rows)}\n\nFrom spawning \`scribe import one.zip --db fresh.sqlite --json\` (a typical save) until its \`file\` line says imported, which is printed after the save's transaction commits. ${f.runs} runs each way, alternating: the file parsed in the command's own process (what \`scribe\` does with a single file) and through a worker process (\`SCRIBE_SINGLE_FILE_IN_WORKER=1\`, as before). Every run, in order: in-process ${list(f.savedMs.inProcess)} ms; worker ${list(f.savedMs.worker)} ms.`,
  );
}

if (!skip.has('backends')) {
  const b = await benchBackends(32, rounds);
  const walls = (rs: RunResult[]) => rs.map((r) => `${(r.wallMs / 1000).toFixed(1)} s / ${(r.cpuMs / 1000).toFixed(1)} s`).join(', ');
  show(
    `Backends: ${b.count} typical saves into a SQLite and a DuckDB library, ${rounds} rounds`,
    `${renderTable(backendRows(b))}\n\nThe pipeline at ${b.workers} workers, one fresh library per run, SQLite and DuckDB alternating. Wall / CPU of each round: SQLite ${walls(b.sqlite)}; DuckDB ${walls(b.duckdb)}.`,
  );
}

if (!skip.has('schema')) {
  const b = await benchSchema(count, rounds);
  show(
    `Schema: ${b.count} typical saves, this schema against the previous one (${b.beforeRev}), ${b.rounds} rounds`,
    `${renderTable(schemaRows(b))}\n\nThe same saves (${(b.archiveBytes / 1e6).toFixed(1)} MB of archives) imported through the pipeline at ${os.availableParallelism()} workers into a fresh library, by this checkout and by the commit before the newest migration (checked out and built under .bench/), SQLite and DuckDB, all four alternating. Bytes are the library file after the run; write is the single writer's share per save; CPU is every process of the run. The naive approach runs file after file in this process, timed over a sample of the same files.`,
  );
}

if (!skip.has('export')) {
  const e = await benchExport(count);
  show(
    `Export: a library of ${count} typical saves to Parquet and CSV`,
    `${renderTable(e.rows)}\n\nEach export runs in a process of its own (its peak memory is its own), after the library was imported by the pipeline. A SQLite library is streamed into DuckDB table by table and written in parts of a bounded number of rows, then joined into one file per table; a DuckDB library is attached read-only and copied straight. Peak memory is compared with the same export of a quarter-size library: flat means bounded, whatever the library's size.`,
  );
}

if (!skip.has('views')) {
  for (const backend of ['sqlite', 'duckdb'] as const) {
    const v = await benchViews(backend);
    const name = backend === 'sqlite' ? 'SQLite' : 'DuckDB';
    show(
      `Views (${name}): each study view's read model on a library of ${v.saves} saves`,
      `${renderTable(v.rows)}\n\nThe median of seven calls after a first one, through the store as the app calls it (without the IPC hop); the answer's size is its JSON. The library (made once in .bench/) holds eight distinct typical saves and one huge save, and the typical ones copied row for row in SQL up to ${v.saves} saves, five per game.`,
    );
  }
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const today = new Date().toISOString().slice(0, 10);
const machine = `${os.availableParallelism()} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\`. Each section says when and on what machine it ran: sections skipped in a run (\`--skip\`) keep their last results.`,
  'Saves are generated by test/fixtures/generate.ts (a typical save: 5 players, 74×74 tiles, ~450 characters, ~9 MB of XML).',
].join('\n');

/** The sections of the last file, by title, so that a run with --skip keeps what it did not measure. */
async function previousSections(): Promise<Map<string, string>> {
  const text = await fs.readFile('docs/benchmarks.md', 'utf8').catch(() => '');
  const found = new Map<string, string>();
  const parts = text.split(/^## /m).slice(1);
  const dated = /^Written by `npm run bench` on (\S+): (.*)\.$/m.exec(text);
  for (const part of parts) {
    const title = part.slice(0, part.indexOf('\n')).trim();
    let body = part.slice(part.indexOf('\n') + 1).trim();
    // Files from before sections carried their own date: the file's date and machine were theirs.
    if (!body.startsWith('_Run on') && dated) body = `_Run on ${dated[1]}: ${dated[2]}._\n\n${body}`;
    found.set(title, body);
  }
  return found;
}

const kept = await previousSections();
const order = [...kept.keys()];
const fresh = new Map(sections.map((s) => [s.title, `_Run on ${today}: ${machine}._\n\n${s.body}`]));
// A section's title carries its size ("266 typical saves"): a fresh one replaces the old one of the same kind.
const kind = (title: string): string => title.split(':')[0]!;
for (const title of fresh.keys()) {
  const old = order.find((t) => kind(t) === kind(title));
  if (old) {
    kept.delete(old);
    order.splice(order.indexOf(old), 1, title);
  } else order.push(title);
}
const all = order.map((title) => ({ title, body: fresh.get(title) ?? kept.get(title)! }));
await fs.mkdir('docs', { recursive: true });
await fs.writeFile('docs/benchmarks.md', `${header}\n${all.map((s) => `\n## ${s.title}\n\n${s.body}\n`).join('')}`);
console.log('\nWrote docs/benchmarks.md');
