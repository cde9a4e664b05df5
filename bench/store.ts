/**
 * Store write benchmark: a typical save (~25,000 rows) written with its
 * indexes, foreign keys and ledger row, on real files in the temp folder.
 *
 *   npx tsx bench/store.ts
 *
 * Per backend: N saves into one growing library, each timed alone (the
 * deterministic test builder makes each save untimed, just before). "mean"
 * includes the final WAL checkpoint spread over the saves, so periodic
 * checkpoints are paid for, not dodged. Each measurement runs in several
 * rounds on a fresh library and reports the best round's mean (noise from
 * other processes only ever adds time) next to the worst. Also compares
 * SQLite's bulk insert forms (one prepared single-row statement per row vs
 * multi-row VALUES), each driver alone on the same rows (no keys,
 * constraints, indexes or ledger: what the store adds on top), and DuckDB's
 * checkpoint threshold. The store writes as an import run does (`bulkWrites`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance, type DuckDBAppender } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import type { ParsedSave } from '../src/engine/model/parsed-save.js';
import { DuckDbStore, defaultCheckpointThreshold } from '../src/engine/store/duckdb-store.js';
import type { Store } from '../src/engine/store/index.js';
import { SqliteStore, defaultRowsPerStatement } from '../src/engine/store/sqlite-store.js';
import { tableSpecs, type ColumnKind, type TableSpec } from '../src/engine/model/tables.js';
import { makeParsedSave, totalRows } from '../test/store/make-save.js';
import { renderTable, type BenchRow } from './table.js';

type FlattenFn = (rows: readonly object[], start: number, count: number, saveId: number, out: unknown[]) => void;

/**
 * (The bare-driver comparison binds row objects directly.) Compiles the parameter flattening of one table: save_id then each field,
 * booleans as 0/1 (SQLite has no boolean to bind), undefined as NULL.
 * Generated so each field is a constant property load, not a keyed lookup.
 */
function compileFlatten(fields: readonly string[], kinds: readonly ColumnKind[]): FlattenFn {
  const body = [
    'let k = 0;',
    'for (let r = start; r < start + count; r++) {',
    '  const row = rows[r];',
    '  let v;',
    '  out[k++] = saveId;',
  ];
  fields.forEach((f, i) => {
    body.push(`  v = row[${JSON.stringify(f)}];`);
    body.push(
      kinds[i] === 'bool'
        ? '  out[k++] = v === true ? 1 : v === false ? 0 : v === undefined ? null : v;'
        : '  out[k++] = v === undefined ? null : v;',
    );
  });
  body.push('}');
  return new Function('rows', 'start', 'count', 'saveId', 'out', body.join('\n')) as FlattenFn;
}

type AppendFn = (ap: DuckDBAppender, rows: readonly object[], saveId: number) => void;

/** (The bare-driver comparison appends row objects directly.) One Appender call per value, in column order. */
function compileAppend(slots: readonly (string | null)[], kinds: Readonly<Record<string, ColumnKind>>): AppendFn {
  const body: string[] = ['for (let r = 0; r < rows.length; r++) {', '  const row = rows[r];', '  let v;'];
  for (const slot of slots) {
    if (slot === 'save_id') body.push('  ap.appendInteger(saveId);');
    else if (slot === null) body.push('  ap.appendNull();');
    else {
      body.push(`  v = row[${JSON.stringify(slot)}];`);
      const kind = kinds[slot];
      if (kind === 'int')
        body.push('  if (v == null) ap.appendNull(); else if ((v | 0) === v) ap.appendInteger(v); else ap.appendDouble(v);');
      else if (kind === 'text') body.push('  if (v == null) ap.appendNull(); else ap.appendVarchar(v);');
      else body.push('  if (v == null) ap.appendNull(); else ap.appendBoolean(v);');
    }
  }
  body.push('  ap.endRow();', '}');
  return new Function('ap', 'rows', 'saveId', body.join('\n')) as AppendFn;
}

export interface BenchStoreOptions {
  /** Measured saves per round (after warm-up). */
  saves?: number;
  /** Rounds per backend; the best round's mean is reported. */
  rounds?: number;
  /** Saves per variant in the comparisons (best of two rounds). */
  compareSaves?: number;
  /** Saves per DuckDB checkpoint-threshold run. */
  thresholdSaves?: number;
}

const targets = { sqlite: 40, duckdb: 60 } as const;

interface Run {
  times: number[];
  checkpointMs: number;
  rows: number;
  /** Process CPU time (all threads) over the timed writes and the checkpoint. */
  cpuMs: number;
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

type Write = (save: ParsedSave, i: number) => Promise<unknown>;

const storeWrite =
  (store: Store): Write =>
  (save, i) =>
    store.insertSave(save, {
      path: `/bench/save-${i}.zip`,
      sha256: `bench-${i}`.padEnd(64, '0'),
      size: 750_000,
      mtimeMs: 1_758_000_000_000 + i,
    });

async function timeWrites(write: Write, count: number, warmup: number, checkpoint: () => Promise<void>): Promise<Run> {
  const times: number[] = [];
  let rows = 0;
  let cpuMs = 0;
  for (let i = 0; i < warmup + count; i++) {
    const save = makeParsedSave({ seed: 1000 + i, scale: 'typical' });
    const c0 = cpuNow();
    const t0 = performance.now();
    await write(save, i);
    const t = performance.now() - t0;
    if (i >= warmup) {
      times.push(t);
      rows += totalRows(save);
      cpuMs += cpuNow() - c0;
    }
  }
  const c0 = cpuNow();
  const t0 = performance.now();
  await checkpoint();
  return { times, checkpointMs: performance.now() - t0, rows, cpuMs: cpuMs + cpuNow() - c0 };
}

function stats(runs: Run[]) {
  const means = runs.map((run) => (run.times.reduce((a, b) => a + b, 0) + run.checkpointMs) / run.times.length);
  const best = means.indexOf(Math.min(...means));
  const all = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const run = runs[best]!;
  return {
    mean: means[best]!,
    worstMean: Math.max(...means),
    median: all[Math.floor(all.length / 2)]!,
    p90: all[Math.floor(all.length * 0.9)]!,
    rowsPerSecond: run.rows / ((means[best]! * run.times.length) / 1000),
    cpuPerSave: Math.min(...runs.map((r) => r.cpuMs / r.times.length)),
    rowsPerSave: run.rows / run.times.length,
  };
}

async function rounds(n: number, once: (round: number) => Promise<Run>): Promise<Run[]> {
  const out: Run[] = [];
  for (let i = 0; i < n; i++) out.push(await once(i));
  return out;
}

interface WriterVariant {
  /** Enforce foreign keys on the insert connection (the store ships with them off). */
  foreignKeys?: boolean;
  /** Checkpoint on a thread of its own (shipped) instead of inside the commit. */
  backgroundCheckpoints?: boolean;
  /** Page size of the new file (shipped: PAGE_SIZE). */
  pageSize?: number;
}

async function sqliteRun(
  dir: string,
  name: string,
  count: number,
  warmup: number,
  rowsPerStatement: number,
  variant: WriterVariant = {},
): Promise<Run> {
  const file = join(dir, `${name}.sqlite`);
  if (variant.pageSize) {
    // The store sets its page size only on a new file: make the file first.
    const db = new Database(file);
    db.pragma(`page_size = ${variant.pageSize}`);
    db.pragma('journal_mode = WAL');
    db.close();
  }
  const store = SqliteStore.open(file, { rowsPerStatement, backgroundCheckpoints: variant.backgroundCheckpoints ?? true });
  if (variant.foreignKeys) store.handle.pragma('foreign_keys = ON');
  try {
    await store.bulkWrites(true);
    return await timeWrites(storeWrite(store), count, warmup, async () => {
      store.handle.pragma('wal_checkpoint(TRUNCATE)');
    });
  } finally {
    await store.close();
  }
}

async function duckdbRun(dir: string, name: string, count: number, warmup: number, checkpointThreshold: string): Promise<Run> {
  const store = await DuckDbStore.open(join(dir, `${name}.duckdb`), { checkpointThreshold });
  try {
    // As an import run writes (one DuckDB thread, see duckdb-store.ts).
    await store.bulkWrites(true);
    return await timeWrites(storeWrite(store), count, warmup, async () => {
      await store.connection.run('CHECKPOINT');
    });
  } finally {
    await store.close();
  }
}

const bareType = (k: ColumnKind) => (k === 'text' ? 'TEXT' : k === 'bool' ? 'BOOLEAN' : 'INTEGER');
const bareDdl = (spec: TableSpec) =>
  `CREATE TABLE ${spec.table} (save_id INTEGER, ${spec.columns.map((c, i) => `"${c}" ${bareType(spec.kinds[i]!)}`).join(', ')})`;

/** The driver alone: the same rows into tables without keys, constraints or indexes, no ledger; one transaction per save. */
async function sqliteBareRun(dir: string, name: string, count: number, warmup: number): Promise<Run> {
  const db = new Database(join(dir, `${name}.sqlite`));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    for (const spec of tableSpecs) db.exec(bareDdl(spec));
    const n = defaultRowsPerStatement;
    const plans = tableSpecs.map((spec) => {
      const row = `(${['save_id', ...spec.columns].map(() => '?').join(', ')})`;
      return {
        spec,
        width: spec.columns.length + 1,
        flatten: compileFlatten(spec.fields, spec.kinds),
        many: db.prepare(`INSERT INTO ${spec.table} VALUES ${Array.from({ length: n }, () => row).join(', ')}`),
        one: db.prepare(`INSERT INTO ${spec.table} VALUES ${row}`),
      };
    });
    const write = db.transaction((save: ParsedSave, saveId: number) => {
      for (const p of plans) {
        const rows = save[p.spec.list] as readonly object[];
        let i = 0;
        for (; i + n <= rows.length; i += n) {
          const params = new Array(n * p.width);
          p.flatten(rows, i, n, saveId, params);
          p.many.run(params);
        }
        for (; i < rows.length; i++) {
          const params = new Array(p.width);
          p.flatten(rows, i, 1, saveId, params);
          p.one.run(params);
        }
      }
    });
    return await timeWrites(
      async (save, i) => write(save, i + 1),
      count,
      warmup,
      async () => {
        db.pragma('wal_checkpoint(TRUNCATE)');
      },
    );
  } finally {
    db.close();
  }
}

async function duckdbBareRun(dir: string, name: string, count: number, warmup: number): Promise<Run> {
  const instance = await DuckDBInstance.create(join(dir, `${name}.duckdb`));
  const conn = await instance.connect();
  try {
    await conn.run(`SET checkpoint_threshold = '${defaultCheckpointThreshold}'`);
    for (const spec of tableSpecs) await conn.run(bareDdl(spec));
    const plans = tableSpecs.map((spec) => ({
      spec,
      append: compileAppend(['save_id', ...spec.fields], Object.fromEntries(spec.fields.map((f, i) => [f, spec.kinds[i]!]))),
    }));
    const appenders = await Promise.all(tableSpecs.map((spec) => conn.createAppender(spec.table)));
    return await timeWrites(
      async (save, i) => {
        await conn.run('BEGIN TRANSACTION');
        plans.forEach((p, k) => {
          const rows = save[p.spec.list] as readonly object[];
          if (!rows.length) return;
          p.append(appenders[k]!, rows, i + 1);
          appenders[k]!.flushSync();
        });
        await conn.run('COMMIT');
      },
      count,
      warmup,
      async () => {
        await conn.run('CHECKPOINT');
      },
    );
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The rows each backend is judged by, as shipped: its target and the spread around it. */
function headlineRows(backend: keyof typeof targets, s: ReturnType<typeof stats>): BenchRow[] {
  const target = targets[backend];
  return [
    { name: `${backend}: rows per typical save`, value: Math.round(s.rowsPerSave), unit: 'rows' },
    {
      name: `${backend}: write per typical save, mean incl. checkpoints`,
      value: round(s.mean),
      unit: 'ms',
      target: `<= ${target} ms`,
      met: s.mean <= target,
    },
    { name: `${backend}: same, worst round`, value: round(s.worstMean), unit: 'ms' },
    { name: `${backend}: write per typical save, median`, value: round(s.median), unit: 'ms' },
    { name: `${backend}: write per typical save, p90`, value: round(s.p90), unit: 'ms' },
    { name: `${backend}: CPU time per typical save (all threads)`, value: round(s.cpuPerSave), unit: 'ms' },
    { name: `${backend}: rows per second`, value: Math.round(s.rowsPerSecond), unit: 'rows/s' },
  ];
}

export async function benchStore(options: BenchStoreOptions = {}): Promise<BenchRow[]> {
  const count = options.saves ?? 30;
  const nRounds = options.rounds ?? 3;
  const compare = options.compareSaves ?? 20;
  const warmup = 3;
  const dir = mkdtempSync(join(tmpdir(), 'scribe-bench-store-'));
  const rows: BenchRow[] = [];
  try {
    // SQLite, as shipped.
    const sq = stats(await rounds(nRounds, (r) => sqliteRun(dir, `sqlite-${r}`, count, warmup, defaultRowsPerStatement)));
    rows.push(...headlineRows('sqlite', sq));
    // What the writer keeps off its thread (foreign-key checks, WAL checkpoints)
    // and its page size (sqlite-store.ts). Rounds interleaved so that machine
    // noise hits each alike.
    const variants: [string, WriterVariant][] = [
      [
        '4 KB pages, foreign keys enforced, checkpoints in the commit (before)',
        { pageSize: 4096, foreignKeys: true, backgroundCheckpoints: false },
      ],
      ['4 KB pages', { pageSize: 4096 }],
      ['foreign keys enforced', { foreignKeys: true }],
      ['checkpoints in the commit', { backgroundCheckpoints: false }],
      ['as shipped', {}],
    ];
    const variantRuns: Run[][] = variants.map(() => []);
    for (let r = 0; r < nRounds; r++)
      for (const [i, [, v]] of variants.entries())
        variantRuns[i]!.push(await sqliteRun(dir, `sqlite-writer-${i}-${r}`, compare, warmup, defaultRowsPerStatement, v));
    for (const [i, [label]] of variants.entries()) {
      const v = stats(variantRuns[i]!);
      rows.push({ name: `sqlite writer: ${label}, mean (CPU, all threads)`, value: round(v.mean), unit: `ms (${round(v.cpuPerSave)} ms)` });
    }

    const sqBare = stats(await rounds(2, (r) => sqliteBareRun(dir, `sqlite-bare-${r}`, compare, warmup)));
    rows.push({ name: 'sqlite: bare driver baseline (no keys, FKs, indexes, ledger), mean', value: round(sqBare.mean), unit: 'ms' });

    // SQLite bulk forms: single-row prepared statement vs multi-row VALUES.
    const forms = [...new Set([1, 32, 128, 256, 512, defaultRowsPerStatement])].sort((a, b) => a - b);
    const byForm = new Map<number, number>();
    for (const n of forms) {
      const s = stats(await rounds(2, (r) => sqliteRun(dir, `sqlite-form-${n}-${r}`, compare, warmup, n)));
      byForm.set(n, s.mean);
      rows.push({
        name: n === 1 ? 'sqlite bulk: single-row prepared statement, mean' : `sqlite bulk: ${n} rows per VALUES statement, mean`,
        value: round(s.mean),
        unit: 'ms',
      });
    }
    const single = byForm.get(1)!;
    const shipped = byForm.get(defaultRowsPerStatement)!;
    rows.push({
      name: `sqlite bulk: ${defaultRowsPerStatement}-row VALUES (shipped) speed-up over single-row`,
      value: round(single / shipped, 2),
      unit: 'x',
    });

    // DuckDB, as shipped (Appender).
    const dk = stats(await rounds(nRounds, (r) => duckdbRun(dir, `duckdb-${r}`, count, warmup, defaultCheckpointThreshold)));
    rows.push(...headlineRows('duckdb', dk));
    const dkBare = stats(await rounds(2, (r) => duckdbBareRun(dir, `duckdb-bare-${r}`, compare, warmup)));
    rows.push({
      name: 'duckdb: bare Appender baseline (no constraints, ledger or saves row), mean',
      value: round(dkBare.mean),
      unit: 'ms',
    });
    // Checkpoint threshold: checkpoints recompress each table's last, partly
    // filled row group, so their cost grows with the library; measured over a
    // longer run than the rounds above.
    const long = options.thresholdSaves ?? 50;
    for (const threshold of ['16MB', defaultCheckpointThreshold]) {
      const t = stats([await duckdbRun(dir, `duckdb-threshold-${threshold}`, long, warmup, threshold)]);
      rows.push({ name: `duckdb: mean over ${long} saves, checkpoint_threshold ${threshold}`, value: round(t.mean), unit: 'ms' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchStore();
  process.stdout.write(`${renderTable(rows)}\n`);
}
