/**
 * The league recipe of docs/scale.md, run for real with the built CLI: a
 * mixed corpus imported once whole and once as three shards (as three
 * machines would, each given the same files), every library exported to
 * Parquet and CSV, and DuckDB finding that the union of the shards holds
 * exactly the rows of the whole import, table by table, value by value.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/engine/pipeline/shard';
import { tableSpecs } from '../../src/engine/store';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import { writeHostileSet } from '../fixtures/hostile';
import { runCli, tempDir, writeCorpus, type CliRun } from '../pipeline/helpers';
import { analyst, count, csvAs, rows, sqlText } from './helpers';

let dir: string;
const tables = ['saves', ...tableSpecs.map((s) => s.table)];
const libraries = ['whole', 'shard-1', 'shard-2', 'shard-3'] as const;
type Library = (typeof libraries)[number];
const runs = new Map<Library, Record<string, unknown>[]>();

const scribe = (...args: string[]): Promise<CliRun> => runCli(args, { SCRIBE_DATA_DIR: path.join(dir, 'data') });

const db = (lib: Library): string => path.join(dir, `${lib}.sqlite`);
const out = (lib: Library, format: string): string => path.join(dir, 'exports', lib, format);

beforeAll(async () => {
  dir = await tempDir('shards');
  const saves = path.join(dir, 'saves');
  const corpus = await writeCorpus(saves, 9);
  // A series: three turns of one game.
  for (const turns of [20, 40, 60])
    await writeCorpus(saves, 1, { seed: 4000, gameId: '00000000-0000-4000-8000-00000000cafe', turns }, `series-${turns}`);
  // Byte-identical copies, under other names and folders: they land on one shard and are skipped there, as in the whole import.
  await fs.mkdir(path.join(saves, 'copies'));
  for (const c of corpus.slice(0, 3)) await fs.copyFile(c.path, path.join(saves, 'copies', `copy-of-${path.basename(c.path)}`));
  // Files that fail.
  await writeHostileSet(path.join(saves, 'hostile'));

  const whole = await scribe('import', saves, '--db', db('whole'), '--json', '--workers', '2');
  expect(whole.code, whole.stderr).toBe(1);
  runs.set(
    'whole',
    whole.lines.filter((l) => l.type === 'file'),
  );
  for (const k of [1, 2, 3] as const) {
    const r = await scribe('import', saves, '--db', db(`shard-${k}`), '--shard', `${k}/3`, '--json', '--workers', '2');
    expect([0, 1], r.stderr).toContain(r.code);
    runs.set(
      `shard-${k}`,
      r.lines.filter((l) => l.type === 'file'),
    );
  }
  for (const lib of libraries) {
    for (const format of ['parquet', 'csv']) {
      const r = await scribe('export', '--format', format, '--out', out(lib, format), '--db', db(lib), '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(r.lines.at(-1)).toMatchObject({ type: 'summary', format, tables: tables.length });
    }
  }
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('sharded import', () => {
  it('gives every file to exactly one shard, and each shard accounts for every file', () => {
    const whole = runs.get('whole')!;
    const byPath = (lib: Library) => new Map(runs.get(lib)!.map((l) => [l.path as string, l]));
    const shards = [1, 2, 3].map((k) => byPath(`shard-${k}` as Library));
    for (const shard of shards) expect(shard.size).toBe(whole.length);
    for (const file of whole) {
      const p = file.path as string;
      const taken = shards.filter((s) => s.get(p)!.code !== 'OTHER_SHARD');
      expect(taken, p).toHaveLength(1);
      // Where it was taken, it ended as in the whole import.
      expect([taken[0]!.get(p)!.status, taken[0]!.get(p)!.code], p).toEqual([file.status, file.code]);
      for (const s of shards) if (s !== taken[0]) expect(s.get(p)).toMatchObject({ status: 'skipped', code: 'OTHER_SHARD', saveId: null });
    }
    const count = (lib: Library, status: string) => runs.get(lib)!.filter((l) => l.status === status && l.code !== 'OTHER_SHARD').length;
    for (const status of ['imported', 'skipped', 'failed']) {
      expect(count('shard-1', status) + count('shard-2', status) + count('shard-3', status), status).toBe(count('whole', status));
    }
    expect(count('whole', 'imported')).toBe(12);
    expect(count('whole', 'failed')).toBeGreaterThan(0);
    // Not every file fell in one shard: the split is real.
    for (const k of [1, 2, 3]) expect(count(`shard-${k}` as Library, 'imported')).toBeLessThan(12);
  });

  it('the union of the three shards has exactly the rows of the whole import, in Parquet and in CSV', async () => {
    const { conn, close } = await analyst();
    try {
      for (const table of tables) {
        // Local ids and import times are each library's own; every other value must match.
        const local = table === 'saves' ? 'EXCLUDE (id, imported_at)' : 'EXCLUDE (save_id)';
        const parquet = (lib: Library) =>
          `SELECT * ${local} FROM read_parquet(${sqlText(path.join(out(lib, 'parquet'), `${table}.parquet`))})`;
        const union = [1, 2, 3].map((k) => parquet(`shard-${k}` as Library)).join(' UNION ALL ');
        const whole = parquet('whole');
        const n = await count(conn, `SELECT count(*) FROM (${whole})`);
        expect(await count(conn, `SELECT count(*) FROM (${union})`), table).toBe(n);
        expect(
          await count(conn, `SELECT count(*) FROM ((${whole}) EXCEPT ALL (${union}))`),
          `${table}: rows only in the whole import`,
        ).toBe(0);
        expect(await count(conn, `SELECT count(*) FROM ((${union}) EXCEPT ALL (${whole}))`), `${table}: rows only in the shards`).toBe(0);
        if (table === 'saves') expect(n).toBe(12);

        // The CSV files read back by DuckDB's CSV reader: the same rows as the Parquet files, in every library.
        for (const lib of libraries) {
          const csv = await csvAs(conn, path.join(out(lib, 'csv'), `${table}.csv`), path.join(out(lib, 'parquet'), `${table}.parquet`));
          const p = `read_parquet(${sqlText(path.join(out(lib, 'parquet'), `${table}.parquet`))})`;
          expect(await count(conn, `SELECT count(*) FROM ${csv}`), `${lib} ${table}`).toBe(await count(conn, `SELECT count(*) FROM ${p}`));
          expect(await count(conn, `SELECT count(*) FROM (SELECT * FROM ${p} EXCEPT ALL SELECT * FROM ${csv})`), `${lib} ${table}`).toBe(0);
        }
      }
    } finally {
      close();
    }
  });
});

/** The SQL blocks of docs/scale.md: the doc's queries are the ones tested. */
async function docSql(): Promise<{ union: string; dedupe: string }> {
  const doc = await fs.readFile(path.resolve('docs/scale.md'), 'utf8');
  const blocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const dedupeAt = doc.indexOf('<!-- tested: dedupe');
  const dedupe = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].find((m) => m.index > dedupeAt)![1]!;
  return { union: blocks.find((b) => b.includes('CREATE VIEW saves'))!, dedupe };
}

describe('the queries of docs/scale.md', () => {
  it('read the union of the shards, and keep one save per game and turn when shards each took another file of it', async () => {
    const { union, dedupe } = await docSql();
    // Two different files of one game and turn, on different shards of some N.
    const twins = path.join(dir, 'twins');
    await fs.mkdir(twins);
    const gameId = '00000000-0000-4000-8000-0000000d0b1e';
    const a = path.join(twins, 'a.zip');
    const b = path.join(twins, 'b.zip');
    await writeSaveZip(a, generateSave({ scale: 'small', seed: 5000, gameId }).xml);
    await writeSaveZip(b, generateSave({ scale: 'small', seed: 5001, gameId }).xml);
    const { createHash } = await import('node:crypto');
    const sha = async (f: string) =>
      createHash('sha256')
        .update(await fs.readFile(f))
        .digest('hex');
    const [ha, hb] = [await sha(a), await sha(b)];
    const n = [2, 3, 4, 5, 6, 7, 8].find((k) => shardOf(ha, k) !== shardOf(hb, k))!;
    const exportsDir = path.join(dir, 'twin-exports');
    for (const k of [shardOf(ha, n), shardOf(hb, n)]) {
      const lib = path.join(dir, `twins-${k}.sqlite`);
      const imported = await scribe('import', twins, '--db', lib, '--shard', `${k}/${n}`, '--json');
      expect(imported.code, imported.stderr).toBe(0);
      const exported = await scribe('export', '--format', 'parquet', '--out', path.join(exportsDir, `machine-${k}`), '--db', lib, '--json');
      expect(exported.code, exported.stderr).toBe(0);
    }
    const { conn, close } = await analyst();
    try {
      for (const statement of union
        .replaceAll("'/exports/*/", `'${exportsDir}/*/`)
        .split(';')
        .filter((t) => t.trim())) {
        await conn.run(statement);
      }
      expect(await count(conn, `SELECT count(*) FROM saves WHERE game_id = ${sqlText(gameId)}`)).toBe(2);
      for (const statement of dedupe.split(';').filter((t) => t.trim())) await conn.run(statement);
      const kept = await rows(conn, 'SELECT save_sha256 FROM kept');
      expect(kept).toEqual([{ save_sha256: [ha, hb].sort()[0] }]);
      const players = await count(conn, 'SELECT count(*) FROM players_kept');
      expect(players).toBeGreaterThan(0);
      expect(await count(conn, `SELECT count(DISTINCT save_sha256) FROM players_kept`)).toBe(1);
      expect(players).toBeLessThan(await count(conn, 'SELECT count(*) FROM players'));
    } finally {
      close();
    }
  });
});

describe('scribe export and --shard on the command line', () => {
  it('refuses bad arguments with exit 2 and a clear message', async () => {
    for (const args of [
      ['import', path.join(dir, 'saves'), '--shard', '4/3'],
      ['import', path.join(dir, 'saves'), '--shard', 'half'],
      ['export', '--format', 'xlsx', '--out', path.join(dir, 'x')],
      ['export', '--format', 'csv'],
      ['export', '--format', 'csv', '--out', ''],
    ]) {
      const r = await scribe(...args, '--db', db('whole'));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/error: |must /);
    }
  });

  it('refuses to export a database that is not a library, and writes nothing', async () => {
    const foreign = path.join(dir, 'notes.sqlite');
    await fs.writeFile(foreign, 'just some text, not a database');
    const r = await scribe('export', '--format', 'csv', '--out', path.join(dir, 'never'), '--db', foreign, '--json');
    expect(r.code).toBe(2);
    expect(r.lines.at(-1)).toMatchObject({ type: 'summary', outcome: 'failed', code: 'NOT_A_DATABASE' });
    await expect(fs.access(path.join(dir, 'never'))).rejects.toThrow();
  });
});
