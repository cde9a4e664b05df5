/**
 * Exports of real libraries (real saves through real workers into real
 * database files), read back the way an analyst would: with DuckDB.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJobs } from '../../src/engine/export/export-job';
import { exportLibrary } from '../../src/engine/export/export-library';
import type { Events } from '../../src/shared/contract';
import { Importer } from '../../src/engine/importer';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { openStore, tableSpecs } from '../../src/engine/store';
import type { ExportFormat } from '../../src/shared/export';
import type { Backend } from '../../src/shared/settings';
import { Recorder, tempDir, workerEntry, writeCorpus } from '../pipeline/helpers';
import { analyst, columnTypes, count, csvAs, rows, sqlText } from './helpers';

let dir: string;
const libraries: Record<Backend, string> = { sqlite: '', duckdb: '' };
const out = (backend: Backend, format: ExportFormat): string => path.join(dir, `export-${backend}`, format);

async function importInto(file: string, paths: string[]): Promise<void> {
  const store = await openStore(file);
  try {
    const importer = new Importer({ store, spawn: forkSpawner, workerEntry, workers: 2, maxXmlBytes: 256 * 1024 * 1024 }, new Recorder());
    const { summary } = await importer.run('import', paths).done;
    expect(summary.failed).toBe(0);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = await tempDir('export');
  const saves = path.join(dir, 'saves');
  await writeCorpus(saves, 3);
  // A series: three turns of one game.
  for (const turns of [20, 40, 60])
    await writeCorpus(saves, 1, { seed: 3000, gameId: '00000000-0000-4000-8000-00000000beef', turns }, `series-${turns}`);
  libraries.sqlite = path.join(dir, 'library.sqlite');
  libraries.duckdb = path.join(dir, 'library.duckdb');
  await importInto(libraries.sqlite, [saves]);
  await importInto(libraries.duckdb, [saves]);
  for (const backend of ['sqlite', 'duckdb'] as const) {
    for (const format of ['parquet', 'csv'] as const)
      await exportLibrary({ dbPath: libraries[backend], backend, format, outDir: out(backend, format) });
  }
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const childTables = tableSpecs.map((s) => s.table);

describe('export', () => {
  it('writes one file per table of the library, the import ledger left out, and no partial files', async () => {
    for (const backend of ['sqlite', 'duckdb'] as const) {
      for (const format of ['parquet', 'csv'] as const) {
        const files = (await fs.readdir(out(backend, format))).sort();
        expect(files).toEqual(['saves', ...childTables].map((t) => `${t}.${format}`).sort());
      }
    }
  });

  it('keeps the types and puts the global identity first in every table', async () => {
    const { conn, close } = await analyst();
    try {
      for (const backend of ['sqlite', 'duckdb'] as const) {
        for (const table of ['saves', ...childTables]) {
          const types = await columnTypes(conn, `read_parquet(${sqlText(path.join(out(backend, 'parquet'), `${table}.parquet`))})`);
          expect(Object.entries(types).slice(0, 3), `${backend} ${table}`).toEqual([
            ['game_id', 'VARCHAR'],
            ['save_turn', 'BIGINT'],
            ['save_sha256', 'VARCHAR'],
          ]);
          if (table !== 'saves') expect(types.save_id).toBe('BIGINT');
        }
        const players = await columnTypes(conn, `read_parquet(${sqlText(path.join(out(backend, 'parquet'), 'players.parquet'))})`);
        expect(players).toMatchObject({ id: 'BIGINT', name: 'VARCHAR', is_human: 'BOOLEAN', team: 'BIGINT' });
        const saves = await columnTypes(conn, `read_parquet(${sqlText(path.join(out(backend, 'parquet'), 'saves.parquet'))})`);
        expect(saves).toMatchObject({
          id: 'BIGINT',
          game_over: 'BOOLEAN',
          file_mtime_ms: 'DOUBLE',
          source_path: 'VARCHAR',
          source_file: 'VARCHAR',
          imported_at: 'VARCHAR',
        });
        expect(saves).not.toHaveProperty('sha256');
      }
    } finally {
      close();
    }
  });

  it('exports every row of every table, tied to its save, and CSV reads back with the same rows and values', async () => {
    const { conn, close } = await analyst();
    try {
      const library = await openStore(libraries.sqlite);
      const page = await library.listSaves({ limit: 100 });
      const detail = await library.saveDetail(page.items[0]!.saveId);
      await library.close();
      expect(page.total).toBe(6);
      for (const backend of ['sqlite', 'duckdb'] as const) {
        const parquet = (t: string) => `read_parquet(${sqlText(path.join(out(backend, 'parquet'), `${t}.parquet`))})`;
        expect(await count(conn, `SELECT count(*) FROM ${parquet('saves')}`)).toBe(6);
        const names = await rows(
          conn,
          `SELECT source_file, save_turn FROM ${parquet('saves')} WHERE game_id = '00000000-0000-4000-8000-00000000beef' ORDER BY save_turn`,
        );
        expect(names.map((r) => r.source_file)).toEqual(['series-20-000.zip', 'series-40-000.zip', 'series-60-000.zip']);
        for (const table of ['saves', ...childTables]) {
          const csv = await csvAs(
            conn,
            path.join(out(backend, 'csv'), `${table}.csv`),
            path.join(out(backend, 'parquet'), `${table}.parquet`),
          );
          const n = await count(conn, `SELECT count(*) FROM ${parquet(table)}`);
          expect(await count(conn, `SELECT count(*) FROM ${csv}`), `${backend} ${table}`).toBe(n);
          const differ = await count(conn, `SELECT count(*) FROM (SELECT * FROM ${parquet(table)} EXCEPT ALL SELECT * FROM ${csv})`);
          expect(differ, `${backend} ${table}: rows whose CSV values differ`).toBe(0);
          if (table === 'saves') continue;
          // Every row's identity is its own save's.
          const orphans = await count(
            conn,
            `SELECT count(*) FROM ${parquet(table)} t LEFT JOIN ${parquet('saves')} s ON s.id = t.save_id AND s.game_id = t.game_id AND s.save_turn = t.save_turn AND s.save_sha256 = t.save_sha256 WHERE s.id IS NULL`,
          );
          expect(orphans, `${backend} ${table}`).toBe(0);
        }
        // The counts of one save match what the library itself reports.
        const saveId = page.items[0]!.saveId;
        const sha = (await rows(conn, `SELECT save_sha256 FROM ${parquet('saves')} WHERE game_id = ${sqlText(page.items[0]!.gameId)}`))[0]!
          .save_sha256 as string;
        expect(await count(conn, `SELECT count(*) FROM ${parquet('tiles')} WHERE save_sha256 = ${sqlText(sha)}`)).toBe(
          detail!.counts.tiles,
        );
        expect(saveId).toBeGreaterThan(0);
      }
    } finally {
      close();
    }
  });

  it('gives the same rows from a SQLite and a DuckDB library of the same saves', async () => {
    const { conn, close } = await analyst();
    try {
      for (const table of ['saves', ...childTables]) {
        // Local ids and import times are each library's own; everything else is the saves'.
        const local = table === 'saves' ? 'EXCLUDE (id, imported_at)' : 'EXCLUDE (save_id)';
        const a = `SELECT * ${local} FROM read_parquet(${sqlText(path.join(out('sqlite', 'parquet'), `${table}.parquet`))})`;
        const b = `SELECT * ${local} FROM read_parquet(${sqlText(path.join(out('duckdb', 'parquet'), `${table}.parquet`))})`;
        expect(await count(conn, `SELECT count(*) FROM (${a} EXCEPT ALL ${b})`), table).toBe(0);
        expect(await count(conn, `SELECT count(*) FROM (${b} EXCEPT ALL ${a})`), table).toBe(0);
      }
    } finally {
      close();
    }
  });

  it("the app's export runs in the background, one at a time, and tells its progress and outcome as events", async () => {
    const events: { name: keyof Events; payload: unknown }[] = [];
    const jobs = exportJobs(
      () => ({ path: libraries.sqlite, backend: 'sqlite' }),
      (name, payload) => void events.push({ name, payload }),
    );
    const outDir = path.join(dir, 'app-export');
    jobs.start('parquet', outDir);
    expect(jobs.running).toBe(true);
    expect(() => jobs.start('parquet', outDir)).toThrow(
      expect.objectContaining({ code: 'USAGE', message: expect.stringMatching(/already running/) }),
    );
    await jobs.idle();
    expect(jobs.running).toBe(false);
    const progress = events.filter((e) => e.name === 'exportProgress').map((e) => e.payload as { tableIndex: number; tables: number });
    expect(progress[0]).toMatchObject({ tableIndex: 0, tables: childTables.length + 1 });
    expect(progress.at(-1)).toMatchObject({ tableIndex: childTables.length });
    expect(events.at(-1)).toMatchObject({ name: 'exportFinished', payload: { ok: true, outDir, summary: { format: 'parquet' } } });
    expect(await fs.readdir(outDir)).toHaveLength(childTables.length + 1);

    // A library that is not there ends in a failed outcome, not an exception.
    const missing = exportJobs(
      () => ({ path: path.join(dir, 'nope.sqlite'), backend: 'sqlite' }),
      (name, payload) => void events.push({ name, payload }),
    );
    missing.start('csv', path.join(dir, 'nope-out'));
    await missing.idle();
    expect(events.at(-1)).toMatchObject({ name: 'exportFinished', payload: { ok: false, code: 'FILE_UNREADABLE' } });
    expect(() => missing.start('xlsx' as never, outDir)).toThrow(/parquet or csv/);
    // The app's own DuckDB library is refused before any folder is asked for.
    const duck = exportJobs(
      () => ({ path: libraries.duckdb, backend: 'duckdb' }),
      () => {},
    );
    expect(() => duck.assertCanStart()).toThrow(/from the command line/);
  });
});
