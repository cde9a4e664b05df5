/**
 * The migrations that rebuild tables in steps (5: game keys in a
 * dictionary; 6: history series packed, SQLite) on libraries that hold
 * saves, on both backends and real files: a library of real generated saves
 * is imported at the latest version, copied into a library at each older
 * schema version (only the tables and columns that version has, in its
 * form), and opened again: every table's rows, each save's detail and
 * `show --json`, and the study views read back exactly as the library
 * imported at the latest version gives them. An interrupted conversion (the
 * process killed mid-way) resumes and ends the same, with no row twice; the
 * schema it ends in is the one a new library gets.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showJson } from '../../src/cli/show-json.js';
import { viewOf } from '../../src/engine/model/tables.js';
import { DuckDbStore } from '../../src/engine/store/duckdb-store.js';
import { latestVersion, openStore, tableSpecs, type Store } from '../../src/engine/store/index.js';
import { planSteps } from '../../src/engine/store/stepped-migration.js';
import { migrations } from '../../src/engine/store/migrations.js';
import { readModels, type ReadContext } from '../../src/engine/store/read/index.js';
import { SqliteStore } from '../../src/engine/store/sqlite-store.js';
import type { MigrationProgress } from '../../src/shared/migration.js';
import type { Backend } from '../../src/shared/settings.js';
import { copyToVersion, openAt, raw, type Row } from '../fixtures/old-library.js';
import { makeStudyLibrary } from './read/study-library.js';

const root = mkdtempSync(join(tmpdir(), 'scribe-stepped-migration-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let fileCounter = 0;
const newFile = (backend: Backend) => join(root, `lib-${++fileCounter}.${backend}`);

/** A boolean as either backend gives it back. */
const plain = (rows: Row[]) =>
  rows
    .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v]))))
    .sort();

const isSample = (p: string) => p.startsWith('/data/Sample saves/');

/** Everything a player or a tool reads of each save, and of the library as a whole. */
async function snapshot(store: Store, from: (table: string) => string = viewOf) {
  const ctx = <T>(fn: (c: ReadContext) => Promise<T>) => store.read((db) => fn({ db, isSample }));
  const perSave = new Map<number, unknown>();
  for (const [saveId, tables] of await snapshotTables(store, from)) {
    const detail = await store.saveDetail(saveId);
    const characters = (await raw(store, `SELECT id FROM ${from('characters')} WHERE save_id = ? ORDER BY id LIMIT 3`, [saveId])).map((r) =>
      Number(r.id),
    );
    const views: Record<string, unknown> = {};
    for (const name of [
      'gameTurns',
      'gameOverview',
      'gameCharts',
      'gameEvents',
      'gameRulers',
      'gameCities',
      'gameLaws',
      'gameMap',
    ] as const)
      views[name] = await ctx((c) => (readModels[name] as (c: ReadContext, r: { saveId: number }) => Promise<unknown>)(c, { saveId }));
    views.gameCharacter = await Promise.all(
      characters.map((characterId) => ctx((c) => readModels.gameCharacter(c, { saveId, characterId }))),
    );
    perSave.set(saveId, { tables, detail, show: detail && showJson(detail), views });
  }
  const library = {
    games: await ctx((c) => readModels.listGames(c, {})),
    stats: await ctx((c) => readModels.libraryStats(c, undefined)),
    list: await store.listSaves({ limit: 1000 }),
  };
  return { perSave, library };
}

/** Opens an old library at the latest version, one save per conversion step, recording the progress. */
async function migrate(backend: Backend, file: string): Promise<{ store: Store; progress: MigrationProgress[] }> {
  const progress: MigrationProgress[] = [];
  const options = { onMigrationProgress: (p: MigrationProgress) => progress.push(p), migrationBatchXmlBytes: 1 };
  const store = backend === 'sqlite' ? await SqliteStore.openAsync(file, options) : await DuckDbStore.open(file, options);
  return { store, progress };
}

/** A copy of the reference library at `version` (old-library.ts). */
async function oldCopy(backend: Backend, referenceFile: string, version: number): Promise<string> {
  const file = newFile(backend);
  await copyToVersion(backend, referenceFile, version, file);
  return file;
}

/** The schema as the database records it: every table, index, view and sequence, with its SQL. */
async function schemaOf(store: Store): Promise<Row[]> {
  if (store.backend === 'sqlite')
    return raw(store, `SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`);
  return [
    ...(await raw(
      store,
      `SELECT 'table' AS type, table_name AS name, sql FROM duckdb_tables() WHERE database_name = current_database() ORDER BY name`,
    )),
    ...(await raw(
      store,
      `SELECT 'view' AS type, view_name AS name, sql FROM duckdb_views() WHERE database_name = current_database() AND NOT internal ORDER BY name`,
    )),
    ...(await raw(
      store,
      `SELECT 'index' AS type, index_name AS name, sql FROM duckdb_indexes() WHERE database_name = current_database() ORDER BY name`,
    )),
    ...(await raw(
      store,
      `SELECT 'sequence' AS type, sequence_name AS name FROM duckdb_sequences() WHERE database_name = current_database() ORDER BY name`,
    )),
  ];
}

function copyLibrary(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
}

/** The migrations above `from` that convert in steps on this backend. */
const steppedAbove = (backend: Backend, from: number): number[] => (backend === 'sqlite' ? [5, 6] : []).filter((v) => v > from);

/**
 * Progress in order: each stepped migration's events in turn, each converting (never going back),
 * finishing, reclaiming, done, ending at the total.
 */
function expectOrderedProgress(progress: MigrationProgress[], total: number, versions: number[]): void {
  expect(progress.map((p) => p.version).filter((v, i, all) => all.indexOf(v) === i)).toEqual(versions);
  for (let i = 1; i < progress.length; i++) expect(progress[i]!.version).toBeGreaterThanOrEqual(progress[i - 1]!.version);
  const phases = ['converting', 'finishing', 'reclaiming', 'done'];
  for (const version of versions) {
    const own = progress.filter((p) => p.version === version);
    expect(own.length).toBeGreaterThan(4);
    for (let i = 1; i < own.length; i++) {
      expect(phases.indexOf(own[i]!.phase)).toBeGreaterThanOrEqual(phases.indexOf(own[i - 1]!.phase));
      expect(own[i]!.savesDone).toBeGreaterThanOrEqual(own[i - 1]!.savesDone);
    }
    expect(new Set(own.map((p) => p.phase))).toEqual(new Set(phases));
    for (const p of own) expect(p).toMatchObject({ savesTotal: total });
    expect(own.at(-1)).toEqual({ version, phase: 'done', savesDone: total, savesTotal: total });
  }
}

describe('stepped migrations', () => {
  it('sorts every statement of migration 5 into its part', () => {
    const m = migrations.find((x) => x.version === 5)!;
    const plan = planSteps(m.sqlite, 'sqlite');
    expect(plan.tables.length).toBeGreaterThan(10);
    expect(plan.convert).toHaveLength(plan.tables.length);
    expect(plan.keys.pairs).toBeGreaterThan(plan.tables.length);
    expect(plan.finish.filter((s) => s.startsWith('CREATE VIEW'))).toHaveLength(tableSpecs.length);
    // DuckDB keeps its keys as text: its file only creates the views, nothing to convert in steps.
    const duck = planSteps(m.duckdb, 'duckdb');
    expect(duck).toMatchObject({ prepare: [], tables: [], convert: [] });
    expect(duck.finish).toHaveLength(tableSpecs.length);
    expect(() => planSteps('UPDATE saves SET turn = 0;', 'sqlite')).toThrow(/does not know/);
  });

  it('sorts every statement of migration 6 into its part: the batch limit goes before the GROUP BY', () => {
    const m = migrations.find((x) => x.version === 6)!;
    const plan = planSteps(m.sqlite, 'sqlite');
    expect(plan.tables).toEqual(['history_points']);
    expect(plan.keys.pairs).toBe(0);
    expect(plan.convert).toHaveLength(1);
    expect(plan.convert[0]).toMatch(
      /FROM history_points AS o\n\s*WHERE o\.save_id BETWEEN \? AND \?\n\s*GROUP BY o\.save_id, o\.player_id, o\.series, o\.key$/,
    );
    expect(plan.finish.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['DROP VIEW', 'DROP TABLE', 'ALTER TABLE', 'CREATE VIEW']);
    // DuckDB keeps a row per point: nothing to convert, nothing to run.
    expect(planSteps(m.duckdb, 'duckdb')).toMatchObject({ prepare: [], tables: [], convert: [], finish: [] });
  });
});

describe.each(['sqlite', 'duckdb'] as const)('%s: stepped migrations on a library with saves', (backend) => {
  let reference: string;
  /** The reference without yield prices: what a library before version 4 (which had no such table) holds. */
  let withoutYieldPrices: string;
  let expected: Awaited<ReturnType<typeof snapshot>>;
  let expectedBefore4: Awaited<ReturnType<typeof snapshot>>;
  let freshSchema: Row[];
  let saves = 0;

  beforeAll(async () => {
    const lib = await makeStudyLibrary(backend);
    reference = lib.store.path;
    expected = await snapshot(lib.store);
    saves = expected.perSave.size;
    await lib.store.close();
    withoutYieldPrices = newFile(backend);
    copyLibrary(reference, withoutYieldPrices);
    const copy = await openStore(withoutYieldPrices, { backend });
    await raw(copy, 'DELETE FROM yield_prices');
    expectedBefore4 = await snapshot(copy);
    await copy.close();
    const fresh = await openStore(newFile(backend), { backend });
    freshSchema = await schemaOf(fresh);
    await fresh.close();
  }, 120_000);

  it.each([1, 2, 3, 4, 5])(
    'converts a library at schema version %i: every row, detail and study view reads back as imported at the latest version',
    async (version) => {
      const file = await oldCopy(backend, version < 4 ? withoutYieldPrices : reference, version);
      const before = statSync(file).size;
      const { store, progress } = await migrate(backend, file);
      try {
        expect(store.schemaVersion).toBe(latestVersion);
        const got = await snapshot(store);
        const want = version < 4 ? expectedBefore4 : expected;
        expect([...got.perSave.keys()]).toEqual([...want.perSave.keys()]);
        for (const [saveId, save] of want.perSave) expect(got.perSave.get(saveId), `save ${saveId}`).toEqual(save);
        expect(got.library).toEqual(want.library);
        expect(await schemaOf(store)).toEqual(freshSchema);
        if (backend === 'sqlite') {
          expectOrderedProgress(progress, saves, steppedAbove(backend, version));
          // One step per save (the test's batch size), each reported.
          for (const v of steppedAbove(backend, version))
            expect(progress.filter((p) => p.version === v && p.phase === 'converting').map((p) => p.savesDone)).toEqual(
              Array.from({ length: saves + 1 }, (_, i) => i),
            );
          expect(await raw(store, 'PRAGMA freelist_count')).toEqual([{ freelist_count: 0 }]);
          expect(await raw(store, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        }
      } finally {
        await store.close();
      }
      // Keys stored once, as ids, and a series as one row: the file is smaller than the old one.
      if (backend === 'sqlite') expect(statSync(file).size).toBeLessThan(before);
    },
    120_000,
  );

  // DuckDB's stepped migrations only create views or nothing, in one transaction: nothing to resume.
  it.runIf(backend === 'sqlite').each([4, 5])(
    'resumes a conversion from version %i killed mid-way: the old library stays whole meanwhile, and it ends the same, no row twice',
    async (from) => {
      const file = await oldCopy(backend, reference, from);
      const child = join(import.meta.dirname, 'migrate-and-die.ts');
      const run = spawnSync(process.execPath, ['--import', 'tsx', child, file, backend, '3'], { encoding: 'utf8', timeout: 120_000 });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const lines = run.stdout.trim().split('\n');
      expect(lines).not.toContain('finished');
      expect(JSON.parse(lines.at(-1)!)).toMatchObject({ version: from + 1, phase: 'converting', savesDone: 3 });

      // Meanwhile the library is a whole library of its version: what an older Scribe opens, every row in its old tables.
      const between = await openAt(backend, file, from);
      expect(between.schemaVersion).toBe(from);
      const asBefore = await snapshotTables(between, (t) => (from >= 5 ? viewOf(t) : t));
      expect(asBefore).toEqual(tablesOnly(expected));
      // An older Scribe deletes a save the conversion had already done (save 1: the only save of its game).
      for (const s of tableSpecs) await raw(between, `DELETE FROM ${s.table} WHERE save_id = 1`);
      await raw(between, 'DELETE FROM import_ledger WHERE save_id = 1');
      await raw(between, 'DELETE FROM saves WHERE id = 1');
      await between.close();

      const { store, progress } = await migrate(backend, file);
      try {
        expect(store.schemaVersion).toBe(latestVersion);
        // It started where the killed run stopped: two of the three saves it had done are still there.
        expect(progress[0]).toEqual({ version: from + 1, phase: 'converting', savesDone: 2, savesTotal: saves - 1 });
        expectOrderedProgress(progress, saves - 1, steppedAbove(backend, from));
        const got = await snapshot(store);
        expect([...got.perSave.keys()]).toEqual([...expected.perSave.keys()].filter((id) => id !== 1));
        for (const [saveId, save] of got.perSave) expect(save, `save ${saveId}`).toEqual(expected.perSave.get(saveId));
        for (const s of tableSpecs) expect(await raw(store, `SELECT count(*) AS n FROM ${s.table} WHERE save_id = 1`)).toEqual([{ n: 0 }]);
        expect(await schemaOf(store)).toEqual(freshSchema);
      } finally {
        await store.close();
      }
    },
    180_000,
  );
});

/** Each save's rows of every table, read from `from(table)`. */
async function snapshotTables(store: Store, from: (table: string) => string): Promise<Map<number, Record<string, string[]>>> {
  const ids = (await raw(store, 'SELECT id FROM saves ORDER BY id')).map((r) => Number(r.id));
  const out = new Map<number, Record<string, string[]>>();
  for (const saveId of ids) {
    const tables: Record<string, string[]> = {};
    for (const s of tableSpecs)
      tables[s.table] = plain(
        await raw(store, `SELECT ${['save_id', ...s.columns].map((c) => `"${c}"`).join(', ')} FROM ${from(s.table)} WHERE save_id = ?`, [
          saveId,
        ]),
      );
    out.set(saveId, tables);
  }
  return out;
}

function tablesOnly(s: Awaited<ReturnType<typeof snapshot>>): Map<number, Record<string, string[]>> {
  return new Map([...s.perSave].map(([id, save]) => [id, (save as { tables: Record<string, string[]> }).tables]));
}
