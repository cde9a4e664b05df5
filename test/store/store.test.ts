/**
 * The library store, run against both backends on real database files in
 * the OS temp folder: round trips, duplicates, rollback, cascades,
 * migrations, the ledger, and that the files open in the stock tools.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countRows, type ParsedSave } from '../../src/engine/model/parsed-save.js';
import { ScribeError } from '../../src/engine/errors.js';
import { saveDay } from '../../src/engine/store/save-day.js';
import { StatementCache, statementSizes } from '../../src/engine/store/statements.js';
import { DuckDbStore } from '../../src/engine/store/duckdb-store.js';
import {
  backendForPath,
  countsByTable,
  latestVersion,
  migrations,
  openStore,
  tableSpecs,
  type SaveSource,
  type Store,
} from '../../src/engine/store/index.js';
import { viewOf } from '../../src/engine/model/tables.js';
import { PAGE_SIZE, SqliteStore } from '../../src/engine/store/sqlite-store.js';
import { WalCheckpointer } from '../../src/engine/store/wal-checkpointer.js';
import type { Backend } from '../../src/shared/settings.js';
import { winnerText } from '../../src/shared/format.js';
import { makeParsedSave } from './make-save.js';

type Row = Record<string, unknown>;

const root = mkdtempSync(join(tmpdir(), 'scribe-store-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let fileCounter = 0;
function dbFile(backend: Backend): string {
  fileCounter++;
  return join(root, backend === 'duckdb' ? `lib-${fileCounter}.duckdb` : `lib-${fileCounter}.sqlite`);
}

function toJs(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

/** Raw SQL on the store's own connection (tests only). */
async function raw(store: Store, sql: string, params: (string | number | null)[] = []): Promise<Row[]> {
  if (store instanceof SqliteStore) {
    const stmt = store.handle.prepare(sql);
    if (stmt.reader) return stmt.all(...params) as Row[];
    stmt.run(...params);
    return [];
  }
  if (store instanceof DuckDbStore) {
    const reader = await store.connection.runAndReadAll(sql, params.length ? params : undefined);
    return (reader.getRowObjectsJS() as Row[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toJs(v)])));
  }
  throw new Error('unknown store');
}

async function tableTotals(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['saves', ...tableSpecs.map((s) => s.table)]) out[t] = Number((await raw(store, `SELECT count(*) AS n FROM ${t}`))[0]!.n);
  return out;
}

async function rowsOfSave(store: Store, saveId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of tableSpecs)
    // Through the view: a packed table (store/packing.ts) holds a row per series, its view a row per point.
    out[s.table] = Number((await raw(store, `SELECT count(*) AS n FROM ${viewOf(s.table)} WHERE save_id = ?`, [saveId]))[0]!.n);
  return out;
}

/** Every list of the save as stored, mapped back to row objects. */
async function readBack(store: Store, saveId: number): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const s of tableSpecs) {
    const rows = await raw(store, `SELECT ${s.columns.map((c) => `"${c}"`).join(', ')} FROM ${viewOf(s.table)} WHERE save_id = ?`, [
      saveId,
    ]);
    out[s.list] = rows.map((r) =>
      Object.fromEntries(
        s.fields.map((f, i) => [f, s.kinds[i] === 'bool' ? r[s.columns[i]!] === true || r[s.columns[i]!] === 1 : r[s.columns[i]!]]),
      ),
    );
  }
  return out;
}

const canonical = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

function source(n: number, extra: Partial<SaveSource> = {}): SaveSource {
  return {
    path: join(root, 'saves', `save-${n}.zip`),
    sha256: `sha-${n}`.padEnd(64, '0'),
    size: 100_000 + n,
    mtimeMs: 1_758_000_000_000 + n * 1000.5,
    ...extra,
  };
}

const backends: Backend[] = ['sqlite', 'duckdb'];

describe('openStore', () => {
  it('picks DuckDB by the .duckdb extension and SQLite otherwise', () => {
    expect(backendForPath('/a/library.duckdb')).toBe('duckdb');
    expect(backendForPath('/a/LIBRARY.DUCKDB')).toBe('duckdb');
    expect(backendForPath('/a/scribe.sqlite')).toBe('sqlite');
    expect(backendForPath('/a/scribe.db')).toBe('sqlite');
  });

  it('honours an explicit backend over the extension', async () => {
    const file = join(root, 'explicit.db');
    const store = await openStore(file, { backend: 'duckdb' });
    try {
      expect(store.backend).toBe('duckdb');
    } finally {
      await store.close();
    }
  });

  it('splits bulk rows into few statement shapes', () => {
    expect(statementSizes(0, 128)).toEqual([]);
    expect(statementSizes(300, 128)).toEqual([128, 128, 32, 8, 4]);
    expect(statementSizes(5, 1)).toEqual([1, 1, 1, 1, 1]);
  });

  it('evicts the least recently used prepared statement', () => {
    const disposed: string[] = [];
    const cache = new StatementCache<string>(2, (s) => disposed.push(s));
    const make = (sql: string) => `stmt:${sql}`;
    cache.getSync('a', make);
    cache.getSync('b', make);
    expect(cache.getSync('a', () => 'never')).toBe('stmt:a');
    cache.getSync('c', make);
    expect(disposed).toEqual(['stmt:b']);
    cache.clear();
    expect(disposed.sort()).toEqual(['stmt:a', 'stmt:b', 'stmt:c']);
  });

  it('derives the sort day from the save date text, else from the file time', () => {
    expect(saveDay('20 September 2025', 0)).toBe('2025-09-20');
    expect(saveDay('2025-11-02', 0)).toBe('2025-11-02');
    const mtime = new Date(2024, 2, 5, 12).getTime();
    expect(saveDay('not a date', mtime)).toBe('2024-03-05');
    expect(saveDay(null, mtime)).toBe('2024-03-05');
  });
});

describe.each(backends)('%s store', (backend) => {
  let store: Store;
  let file: string;

  beforeEach(async () => {
    file = dbFile(backend);
    store = await openStore(file, { backend });
  });
  afterEach(async () => {
    await store.close().catch(() => undefined);
  });

  it('creates the latest schema with readable table names', async () => {
    expect(store.backend).toBe(backend);
    expect(store.schemaVersion).toBe(latestVersion);
    const names =
      backend === 'sqlite'
        ? (await raw(store, `SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'`)).map(
            (r) => r.name,
          )
        : (await raw(store, `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'`)).map((r) => r.name);
    const expected = [
      'saves',
      'import_ledger',
      ...tableSpecs.flatMap((s) => [s.table, viewOf(s.table)]),
      // SQLite keeps the game keys in a dictionary (store/dictionary.ts); DuckDB records its schema version in a table.
      ...(backend === 'sqlite' ? ['dictionary'] : ['schema_version']),
    ];
    expect([...names].sort()).toEqual([...expected].sort());
    for (const t of names) expect(t).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it('round-trips a typical save: every count and every value back', async () => {
    const save = makeParsedSave({ seed: 11, scale: 'typical' });
    const result = await store.insertSave(save, source(1, { parseMs: 123.5 }));
    expect(result.status).toBe('imported');
    const saveId = result.saveId;

    const detail = await store.saveDetail(saveId);
    expect(detail).not.toBeNull();
    expect(detail!.counts).toEqual(countsByTable(countRows(save)));
    expect(await rowsOfSave(store, saveId)).toEqual(countsByTable(countRows(save)));

    const back = await readBack(store, saveId);
    for (const s of tableSpecs) expect(canonical(back[s.list]!), s.table).toEqual(canonical(save[s.list]));

    const m = save.meta;
    expect(detail!.save).toMatchObject({
      saveId,
      gameId: m.gameId,
      gameName: m.gameName,
      turn: m.turn,
      saveDate: m.saveDate,
      version: m.version,
      mapSize: m.mapSize,
      gameOver: m.gameOver,
      sourcePath: source(1).path,
    });
    expect(detail).toMatchObject({
      mapWidth: m.mapWidth,
      mapClass: m.mapClass,
      mapAspectRatio: m.mapAspectRatio,
      gameMode: m.gameMode,
      turnStyle: m.turnStyle,
      difficulty: m.difficulty,
      mods: m.mods,
      dlc: m.dlc,
      victoryEnabled: m.victoryEnabled,
      settings: m.settings,
      activePlayer: m.activePlayer,
      xmlBytes: m.xmlBytes,
      sha256: source(1).sha256,
    });
    expect(detail!.sameGame).toEqual([{ saveId, turn: m.turn }]);

    // Players: nation, ruler's name, legitimacy, latest points and the points series.
    expect(detail!.players.map((p) => p.playerId)).toEqual(save.players.map((p) => p.id));
    for (const p of save.players) {
      const got = detail!.players.find((x) => x.playerId === p.id)!;
      const ruler = save.characters.find((c) => c.id === p.rulerCharacterId);
      const points = save.history.filter((h) => h.playerId === p.id && h.series === 'points').sort((a, b) => a.turn - b.turn);
      expect(got).toMatchObject({
        name: p.name,
        nation: p.nation,
        dynasty: p.dynasty,
        team: p.team,
        isHuman: p.isHuman,
        legitimacy: p.legitimacy,
      });
      expect(got.rulerName).toBe(ruler?.firstName ?? null);
      expect(got.pointsHistory).toEqual(points.map((h) => ({ turn: h.turn, value: h.value })));
      expect(got.points).toBe(points.at(-1)!.value);
    }

    const ledger = await store.ledgerLookup(source(1).path);
    expect(ledger).toMatchObject({
      status: 'imported',
      saveId,
      sha256: source(1).sha256,
      size: source(1).size,
      mtimeMs: source(1).mtimeMs,
      code: null,
      parseMs: 123.5,
      attempts: 1,
    });
    expect(ledger!.writeMs).toBeGreaterThan(0);
    expect(ledger!.finishedAt).not.toBeNull();
  });

  it('round-trips every value of a small save, including nulls and booleans', async () => {
    const save = makeParsedSave({ seed: 3, scale: 'small' });
    save.players[1]!.name = null;
    save.tiles[0]!.riverSW = true;
    save.tiles[0]!.terrain = 'TERRAIN_WÄTER — ünïcödé';
    const { saveId } = await store.insertSave(save, source(2));
    const back = await readBack(store, saveId);
    for (const s of tableSpecs) {
      expect(save[s.list].length, `${s.table} has rows in the small save`).toBeGreaterThan(0);
      expect(canonical(back[s.list]!), s.table).toEqual(canonical(save[s.list]));
    }
  });

  it('skips the same bytes as ALREADY_IMPORTED and another file of the same turn as DUPLICATE_TURN', async () => {
    const save = makeParsedSave({ seed: 5, scale: 'small' });
    const first = await store.insertSave(save, source(1));
    expect(first.status).toBe('imported');
    const before = await tableTotals(store);

    const copy = await store.insertSave(save, source(2, { sha256: source(1).sha256 }));
    expect(copy).toEqual({ status: 'skipped', code: 'ALREADY_IMPORTED', message: expect.any(String), saveId: first.saveId });

    const sameTurn = makeParsedSave({ seed: 6, scale: 'small', gameId: save.meta.gameId, turn: save.meta.turn });
    const dup = await store.insertSave(sameTurn, source(3));
    expect(dup).toEqual({ status: 'skipped', code: 'DUPLICATE_TURN', message: expect.any(String), saveId: first.saveId });

    expect(await tableTotals(store)).toEqual(before);
    expect(await store.ledgerLookup(source(2).path)).toMatchObject({ status: 'skipped', code: 'ALREADY_IMPORTED', saveId: first.saveId });
    expect(await store.ledgerLookup(source(3).path)).toMatchObject({
      status: 'skipped',
      code: 'DUPLICATE_TURN',
      saveId: first.saveId,
      sha256: source(3).sha256,
    });

    // Another turn of the same game is a new save.
    const nextTurn = makeParsedSave({ seed: 7, scale: 'small', gameId: save.meta.gameId, turn: save.meta.turn + 1 });
    expect((await store.insertSave(nextTurn, source(4))).status).toBe('imported');
  });

  it('replace: true swaps the save of the same turn atomically and repoints its ledger rows', async () => {
    const old = makeParsedSave({ seed: 8, scale: 'small' });
    const { saveId: oldId } = await store.insertSave(old, source(1));
    const other = await store.insertSave(makeParsedSave({ seed: 9, scale: 'small' }), source(9));
    const newer = makeParsedSave({ seed: 10, scale: 'typical', gameId: old.meta.gameId, turn: old.meta.turn });

    const result = await store.insertSave(newer, source(2), { replace: true });
    expect(result.status).toBe('imported');
    expect(result.saveId).not.toBe(oldId);
    expect(await store.saveDetail(oldId)).toBeNull();
    expect(await rowsOfSave(store, oldId)).toEqual(Object.fromEntries(tableSpecs.map((s) => [s.table, 0])));
    expect((await store.saveDetail(result.saveId))!.counts).toEqual(countsByTable(countRows(newer)));
    expect((await store.saveDetail(other.saveId))!.counts).toEqual(countsByTable(countRows(makeParsedSave({ seed: 9, scale: 'small' }))));
    expect(await store.ledgerLookup(source(1).path)).toMatchObject({ saveId: result.saveId });
    expect(await store.ledgerLookup(source(2).path)).toMatchObject({ status: 'imported', saveId: result.saveId });

    // Same bytes with replace: re-imported in place of itself.
    const again = await store.insertSave(newer, source(2), { replace: true });
    expect(again.status).toBe('imported');
    expect(await store.saveDetail(result.saveId)).toBeNull();
    expect((await store.gameSaves(old.meta.gameId)).map((s) => s.saveId)).toEqual([again.saveId]);
    expect((await tableTotals(store)).saves).toBe(2);
  });

  const injections: [string, (save: ParsedSave) => void, RegExp][] = [
    [
      'a NOT NULL violation in the last table',
      (save) => ((save.diplomacy[save.diplomacy.length - 1] as { state: string | null }).state = null),
      /NOT NULL/i,
    ],
    [
      'a value the driver cannot take, after thousands of rows',
      (save) => ((save.units[save.units.length - 1] as unknown as { xp: unknown }).xp = { not: 'a number' }),
      /.+/,
    ],
  ];

  it.each(injections)(
    'rolls back everything of a save that fails midway (%s), marks the ledger failed, and keeps working',
    async (_name, inject, reason) => {
      await store.insertSave(makeParsedSave({ seed: 1, scale: 'small' }), source(1));
      const before = await tableTotals(store);

      const bad = makeParsedSave({ seed: 2, scale: 'typical' });
      inject(bad);
      await store.ledgerQueue([{ path: source(2).path, size: source(2).size, mtimeMs: source(2).mtimeMs }]);
      await store.ledgerMarkImporting(source(2).path);

      const err = await store.insertSave(bad, source(2)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ScribeError);
      expect((err as ScribeError).code).toBe('DB_WRITE_FAILED');
      expect((err as ScribeError).message).toMatch(reason);

      // Zero rows of that save anywhere: every table holds exactly what it held before.
      expect(await tableTotals(store)).toEqual(before);
      const rowsWithNewId = await raw(store, `SELECT count(*) AS n FROM saves WHERE game_id = ?`, [bad.meta.gameId]);
      expect(Number(rowsWithNewId[0]!.n)).toBe(0);
      const ledger = await store.ledgerLookup(source(2).path);
      expect(ledger).toMatchObject({ status: 'failed', code: 'DB_WRITE_FAILED', saveId: null, attempts: 1 });
      expect(ledger!.message).toMatch(reason);

      // The connection (and DuckDB's appenders) recover: the same game imports once fixed.
      const fixed = makeParsedSave({ seed: 2, scale: 'typical' });
      const ok = await store.insertSave(fixed, source(2));
      expect(ok.status).toBe('imported');
      expect((await store.saveDetail(ok.saveId))!.counts).toEqual(countsByTable(countRows(fixed)));
      expect(await store.ledgerLookup(source(2).path)).toMatchObject({ status: 'imported', code: null, message: null, saveId: ok.saveId });
    },
  );

  it('forgets the keys a failed save brought: the next save with those keys stores and reads them back', async () => {
    const bad = makeParsedSave({ seed: 5, scale: 'small' });
    bad.tiles[0]!.terrain = 'TERRAIN_ONLY_IN_A_FAILED_SAVE';
    // A second row with the first tile's id: its table's key refuses the save after its keys were added.
    bad.tiles.push({ ...bad.tiles[0]! });
    const err = await store.insertSave(bad, source(1)).catch((e: unknown) => e);
    if (backend === 'duckdb') {
      // DuckDB's tables carry no keys (migrations.ts): it stores the row twice; the key is text there anyway.
      expect(err).toMatchObject({ status: 'imported' });
      return;
    }
    expect(err).toMatchObject({ code: 'DB_WRITE_FAILED' });
    expect(await raw(store, `SELECT count(*) AS n FROM dictionary WHERE key = 'TERRAIN_ONLY_IN_A_FAILED_SAVE'`)).toEqual([{ n: 0 }]);
    const good = makeParsedSave({ seed: 6, scale: 'small' });
    good.tiles[0]!.terrain = 'TERRAIN_ONLY_IN_A_FAILED_SAVE';
    const { saveId } = await store.insertSave(good, source(2));
    expect(await raw(store, 'SELECT terrain FROM tiles_v WHERE save_id = ? AND id = ?', [saveId, good.tiles[0]!.id])).toEqual([
      { terrain: 'TERRAIN_ONLY_IN_A_FAILED_SAVE' },
    ]);
  });

  it('rolls back a failure in the very first child table too', async () => {
    const bad = makeParsedSave({ seed: 4, scale: 'small' });
    (bad.players[0] as { isHuman: boolean | null }).isHuman = null;
    await expect(store.insertSave(bad, source(1))).rejects.toMatchObject({ code: 'DB_WRITE_FAILED' });
    expect(Object.values(await tableTotals(store)).every((n) => n === 0)).toBe(true);
  });

  it('deleteSave removes the save, every row of it and its ledger rows, and nothing else', async () => {
    const a = makeParsedSave({ seed: 21, scale: 'small' });
    const b = makeParsedSave({ seed: 22, scale: 'small' });
    const { saveId: idA } = await store.insertSave(a, source(1));
    const { saveId: idB } = await store.insertSave(b, source(2));
    await store.insertSave(a, source(3)); // a copy, skipped, pointing at A

    expect(await store.deleteSave(idA)).toBe(true);
    expect(await rowsOfSave(store, idA)).toEqual(Object.fromEntries(tableSpecs.map((s) => [s.table, 0])));
    expect(await rowsOfSave(store, idB)).toEqual(countsByTable(countRows(b)));
    expect(await store.saveDetail(idA)).toBeNull();
    expect(await store.ledgerLookup(source(1).path)).toBeNull();
    expect(await store.ledgerLookup(source(3).path)).toBeNull();
    expect(await store.ledgerLookup(source(2).path)).toMatchObject({ saveId: idB });
    expect(await store.deleteSave(idA)).toBe(false);

    // The same file imports afresh, with a new id.
    const again = await store.insertSave(a, source(1));
    expect(again.status).toBe('imported');
    expect(again.saveId).not.toBe(idA);
  });

  it('lists saves with paging, sorting and filters', async () => {
    const saves: ParsedSave[] = [];
    for (let i = 1; i <= 6; i++) {
      const s = makeParsedSave({ seed: 100 + i, scale: 'small', gameId: i <= 3 ? 'game-a' : `game-${i}`, turn: 10 + i });
      s.meta.gameName = i <= 3 ? 'Alpha League' : i === 5 ? 'zeta 5' : `Zeta ${i}`;
      s.meta.gameOver = i % 2 === 0;
      s.meta.saveDate = `${i} September 2025`;
      s.players[0]!.name = i === 2 ? 'Tiglath' : `Player ${i}`;
      s.players[0]!.nation = i === 5 ? 'NATION_PERSIA' : 'NATION_ROME';
      s.players[1]!.nation = 'NATION_EGYPT';
      saves.push(s);
    }
    // Import in an order that differs from the save dates.
    const ids: number[] = [];
    for (const i of [3, 1, 6, 2, 5, 4]) ids[i] = (await store.insertSave(saves[i - 1]!, source(i))).saveId;

    const all = await store.listSaves({});
    expect(all.total).toBe(6);
    expect(all.items.map((s) => s.saveId)).toEqual([4, 5, 2, 6, 1, 3].map((i) => ids[i]));
    expect(all.items[0]!.players.map((p) => p.nation)).toEqual(saves[3]!.players.map((p) => p.nation));

    const byDate = await store.listSaves({ sort: 'saveDate', order: 'asc' });
    expect(byDate.items.map((s) => s.turn)).toEqual([11, 12, 13, 14, 15, 16]);
    const page = await store.listSaves({ sort: 'saveDate', order: 'desc', offset: 2, limit: 2 });
    expect(page.total).toBe(6);
    expect(page.items.map((s) => s.turn)).toEqual([14, 13]);
    const byTurn = await store.listSaves({ sort: 'turn', order: 'asc', limit: 3 });
    expect(byTurn.items.map((s) => s.turn)).toEqual([11, 12, 13]);
    const byName = await store.listSaves({ sort: 'gameName', order: 'asc' });
    expect(byName.items.map((s) => s.gameName)).toEqual(['Alpha League', 'Alpha League', 'Alpha League', 'Zeta 4', 'zeta 5', 'Zeta 6']);

    expect((await store.listSaves({ nation: 'NATION_PERSIA' })).items.map((s) => s.turn)).toEqual([15]);
    expect((await store.listSaves({ nation: 'NATION_EGYPT' })).total).toBe(6);
    expect((await store.listSaves({ player: 'tiglath' })).items.map((s) => s.turn)).toEqual([12]);
    expect((await store.listSaves({ gameOver: true, sort: 'turn', order: 'asc' })).items.map((s) => s.turn)).toEqual([12, 14, 16]);
    expect((await store.listSaves({ gameOver: false })).total).toBe(3);
    expect((await store.listSaves({ text: 'alpha' })).total).toBe(3);
    expect((await store.listSaves({ text: 'TIGL' })).items.map((s) => s.turn)).toEqual([12]);
    expect((await store.listSaves({ text: '100%' })).total).toBe(0);
    expect((await store.listSaves({ text: 'alpha', gameOver: true, nation: 'NATION_ROME' })).items.map((s) => s.turn)).toEqual([12]);

    expect((await store.gameSaves('game-a')).map((s) => s.turn)).toEqual([11, 12, 13]);
    expect((await store.saveDetail(ids[2]!))!.sameGame).toEqual([1, 2, 3].map((i) => ({ saveId: ids[i], turn: 10 + i })));

    const totals = await store.totals();
    expect(totals).toMatchObject({ saves: 6, games: 4, failedFiles: 0 });
    expect(totals.players).toBe(new Set(saves.flatMap((s) => s.players.map((p) => p.name)).filter((n) => n)).size);
  });

  it('describes the winner in words', async () => {
    const s = makeParsedSave({ seed: 31, scale: 'small' });
    s.meta.gameOver = true;
    s.meta.winner = { team: 1, playerId: null, victory: 'VICTORY_POINTS' };
    const t = makeParsedSave({ seed: 32, scale: 'small' });
    t.meta.gameOver = true;
    t.meta.winner = { team: null, playerId: 1, victory: 'VICTORY_DOUBLE' };
    t.players[1]!.nation = 'NATION_PERSIA';
    const a = await store.insertSave(s, source(1));
    const b = await store.insertSave(t, source(2));
    const words = async (id: number) => {
      const d = (await store.saveDetail(id))!;
      return winnerText(d.save.winner, d.save.players);
    };
    expect(await words(a.saveId)).toBe('Team 1');
    expect(await words(b.saveId)).toBe('Player 1 (Persia)');
  });

  it('keeps the import ledger: queue, importing, skipped, failed, lookups and history', async () => {
    const files = [1, 2, 3, 4].map((i) => ({ path: source(i).path, size: source(i).size, mtimeMs: source(i).mtimeMs }));
    await store.ledgerQueue([...files, files[0]!]);
    expect(await store.ledgerCountByStatus(['queued'])).toBe(4);
    const queued = await store.ledgerLookup(files[0]!.path);
    expect(queued).toMatchObject({
      status: 'queued',
      size: files[0]!.size,
      mtimeMs: files[0]!.mtimeMs,
      sha256: null,
      saveId: null,
      attempts: 0,
    });
    expect(queued!.queuedAt).not.toBeNull();

    await store.ledgerMarkImporting(files[0]!.path);
    await store.ledgerMarkImporting(files[1]!.path);
    const importing = await store.ledgerLookup(files[0]!.path);
    expect(importing).toMatchObject({ status: 'importing', attempts: 1 });
    expect(importing!.startedAt).not.toBeNull();
    expect(await store.ledgerPathsByStatus(['queued', 'importing'])).toEqual(files.map((f) => f.path));

    // 0 imports; 1 is the same bytes from another path; 2 fails to parse.
    const save = makeParsedSave({ seed: 41, scale: 'small' });
    const { saveId } = await store.insertSave(save, source(1));
    await store.ledgerMarkSkipped(files[1]!.path, 'ALREADY_IMPORTED', 'same bytes', saveId, {
      sha256: source(1).sha256,
      size: files[1]!.size,
      mtimeMs: files[1]!.mtimeMs,
    });
    await store.ledgerMarkImporting(files[2]!.path);
    await store.ledgerMarkFailed(
      files[2]!.path,
      'XML_MALFORMED',
      'bad xml at 3:4',
      { sha256: source(3).sha256, size: files[2]!.size, mtimeMs: files[2]!.mtimeMs },
      42,
    );

    expect(await store.ledgerLookup(files[1]!.path)).toMatchObject({
      status: 'skipped',
      code: 'ALREADY_IMPORTED',
      message: 'same bytes',
      saveId,
      sha256: source(1).sha256,
    });
    expect(await store.ledgerLookup(files[2]!.path)).toMatchObject({
      status: 'failed',
      code: 'XML_MALFORMED',
      message: 'bad xml at 3:4',
      saveId: null,
      parseMs: 42,
      attempts: 1,
    });
    expect(await store.ledgerLookup('/nowhere.zip')).toBeNull();

    // By SHA: the imported row wins over the skipped copy.
    expect(await store.ledgerFindBySha(source(1).sha256)).toMatchObject({ path: files[0]!.path, status: 'imported', saveId });
    expect(await store.ledgerFindBySha(source(3).sha256)).toMatchObject({ path: files[2]!.path, status: 'failed' });
    expect(await store.ledgerFindBySha('f'.repeat(64))).toBeNull();

    expect((await store.ledgerByStatus(['failed'])).map((e) => e.path)).toEqual([files[2]!.path]);
    expect((await store.ledgerByStatus(['queued', 'importing'])).map((e) => e.path)).toEqual([files[3]!.path]);
    expect(await store.ledgerCountByStatus(['failed'])).toBe(1);
    expect(await store.ledgerCountByStatus([])).toBe(0);
    expect((await store.totals()).failedFiles).toBe(1);

    const history = await store.ledgerHistory({ offset: 0, limit: 2 });
    expect(history.total).toBe(4);
    expect(history.items.map((e) => e.path)).toEqual([files[2]!.path, files[1]!.path]);
    expect((await store.ledgerHistory({ offset: 2, limit: 10 })).items.map((e) => e.path)).toEqual([files[0]!.path, files[3]!.path]);
    const failures = await store.ledgerHistory({ status: 'failed' });
    expect(failures).toEqual({ total: 1, items: [expect.objectContaining({ path: files[2]!.path, code: 'XML_MALFORMED' })] });

    // Retry: re-queueing the unchanged failed file keeps its hash; a changed file forgets hash and save.
    await store.ledgerQueue([files[2]!, { ...files[0]!, size: files[0]!.size + 1 }]);
    expect(await store.ledgerLookup(files[2]!.path)).toMatchObject({
      status: 'queued',
      code: null,
      message: null,
      sha256: source(3).sha256,
      attempts: 1,
    });
    expect(await store.ledgerLookup(files[0]!.path)).toMatchObject({
      status: 'queued',
      sha256: null,
      saveId: null,
      size: files[0]!.size + 1,
    });
    await store.ledgerMarkImporting(files[2]!.path);
    expect(await store.ledgerLookup(files[2]!.path)).toMatchObject({ status: 'importing', attempts: 2 });
  });

  it('queues many files in one call', async () => {
    const files = Array.from({ length: 601 }, (_, i) => ({
      path: join(root, 'many', `f-${String(i).padStart(4, '0')}.zip`),
      size: i,
      mtimeMs: i + 0.25,
    }));
    await store.ledgerQueue(files);
    expect(await store.ledgerCountByStatus(['queued'])).toBe(601);
    expect(await store.ledgerPathsByStatus(['queued'])).toEqual(files.map((f) => f.path));
    expect(await store.ledgerLookup(files[600]!.path)).toMatchObject({ size: 600, mtimeMs: 600.25, status: 'queued' });
  });

  it('serialises concurrent calls', async () => {
    const results = await Promise.all([1, 2, 3].map((i) => store.insertSave(makeParsedSave({ seed: 50 + i, scale: 'small' }), source(i))));
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    const [page, totals] = await Promise.all([store.listSaves({ limit: 10 }), store.totals()]);
    expect(page.total).toBe(3);
    expect(totals.saves).toBe(3);
  });

  it('reopens an existing library without migrating again and keeps its data', async () => {
    const { saveId } = await store.insertSave(makeParsedSave({ seed: 61, scale: 'small' }), source(1));
    await store.close();
    store = await openStore(file, { backend });
    expect(store.schemaVersion).toBe(latestVersion);
    expect((await store.saveDetail(saveId))!.save.saveId).toBe(saveId);
    if (backend === 'duckdb')
      expect((await raw(store, 'SELECT version FROM schema_version ORDER BY version')).map((r) => r.version)).toEqual(
        migrations.map((m) => m.version),
      );
  });
});

describe.each(backends)('%s migrations', (backend) => {
  const openAt = (file: string, version: number) =>
    backend === 'sqlite'
      ? Promise.resolve(SqliteStore.open(file, { targetVersion: version }))
      : DuckDbStore.open(file, { targetVersion: version });

  /** Rows written with the v1 columns only: valid at every later version too (a key as its dictionary id from version 5 on, in SQLite). */
  async function seedV1(store: Store, version: number): Promise<void> {
    const now = '2025-09-20T10:00:00.000Z';
    const gameOver = backend === 'sqlite' ? '0' : 'FALSE';
    await raw(
      store,
      `INSERT INTO saves (game_id, game_name, turn, save_date, save_day, version, mods, dlc, victory_enabled, map_width, settings, game_over,
         xml_bytes, source_path, file_size, file_mtime_ms, sha256, imported_at)
       VALUES ('old-game', 'Old Game', 42, '20 September 2025', '2025-09-20', '1.0.70000', '[]', '[]', '[]', 74, '{}', ${gameOver},
         1000, '/old/save.zip', 500, 1758000000000, 'old-sha', '${now}')`,
    );
    const [s] = await raw(store, `SELECT id FROM saves WHERE game_id = 'old-game'`);
    let nation = `'NATION_ROME'`;
    if (backend === 'sqlite' && version >= 5) {
      await raw(store, `INSERT INTO dictionary (key) VALUES ('NATION_ROME')`);
      nation = `(SELECT id FROM dictionary WHERE key = 'NATION_ROME')`;
    }
    await raw(
      store,
      `INSERT INTO players (save_id, id, name, nation, is_human) VALUES (${Number(s!.id)}, 0, 'Veteran', ${nation}, ${backend === 'sqlite' ? 1 : 'TRUE'})`,
    );
    await raw(
      store,
      `INSERT INTO import_ledger (path, size, mtime_ms, sha256, status, save_id, updated_at) VALUES ('/old/save.zip', 500, 1758000000000, 'old-sha', 'imported', ${Number(s!.id)}, '${now}')`,
    );
  }

  it.each(migrations.map((m) => m.version - 1))('upgrades a library at schema version %i to the latest', async (from) => {
    const file = dbFile(backend);
    if (from > 0) {
      const old = await openAt(file, from);
      expect(old.schemaVersion).toBe(from);
      await seedV1(old, from);
      await old.close();
    }
    const store = await openStore(file, { backend });
    try {
      expect(store.schemaVersion).toBe(latestVersion);
      if (from > 0) {
        const page = await store.listSaves({});
        expect(page.items).toEqual([
          expect.objectContaining({
            gameId: 'old-game',
            turn: 42,
            players: [{ playerId: 0, name: 'Veteran', nation: 'NATION_ROME', team: null, isHuman: true }],
          }),
        ]);
        expect(await store.ledgerLookup('/old/save.zip')).toMatchObject({ status: 'imported', attempts: 0, queuedAt: null, parseMs: null });
      }
      // The upgraded library takes new saves, with the newer ledger columns.
      const r = await store.insertSave(makeParsedSave({ seed: 70 + from, scale: 'small' }), source(70 + from, { parseMs: 5 }));
      expect(r.status).toBe('imported');
      expect(await store.ledgerLookup(source(70 + from).path)).toMatchObject({ parseMs: 5, attempts: 1 });
      if (backend === 'sqlite') {
        const indexes = (await raw(store, `SELECT name FROM sqlite_master WHERE type = 'index'`)).map((x) => x.name);
        expect(indexes).toEqual(
          expect.arrayContaining([
            'saves_by_date',
            'players_by_nation',
            'players_by_name',
            'import_ledger_by_status',
            'import_ledger_by_sha256',
          ]),
        );
      } else {
        const columns = (await raw(store, `SELECT column_name FROM information_schema.columns WHERE table_name = 'import_ledger'`)).map(
          (x) => x.column_name,
        );
        expect(columns).toEqual(expect.arrayContaining(['queued_at', 'started_at', 'finished_at', 'parse_ms', 'write_ms', 'attempts']));
      }
    } finally {
      await store.close();
    }
  });

  // Libraries written before the reader resolved the legacy winner forms hold a victory's index or junk.
  const storedVictories: [string | null, string | null][] = [
    ['VICTORY_CONQUEST', 'VICTORY_CONQUEST'],
    ['4', 'VICTORY_CONQUEST'],
    ['0', 'VICTORY_POINTS'],
    [' 3 ', 'VICTORY_TIME'],
    ['-1', null],
    ['9', null],
    ['NONE', null],
    [null, null],
  ];

  it.each(migrations.filter((m) => m.version < 3).map((m) => m.version))(
    'names the stored winner victories of a library at schema version %i',
    async (from) => {
      const file = dbFile(backend);
      const old = await openAt(file, from);
      const gameOver = backend === 'sqlite' ? '1' : 'TRUE';
      for (const [i, [stored]] of storedVictories.entries()) {
        await raw(
          old,
          `INSERT INTO saves (game_id, game_name, turn, save_date, save_day, version, mods, dlc, victory_enabled, map_width, settings, game_over,
             winner_team, winner_victory, xml_bytes, source_path, file_size, file_mtime_ms, sha256, imported_at)
           VALUES ('game-${i}', 'Old Game', 42, NULL, NULL, NULL, '[]', '[]', '[]', 74, '{}', ${gameOver},
             0, ?, 1000, '/old/save-${i}.zip', 500, 1758000000000, 'sha-${i}', '2025-09-20T10:00:00.000Z')`,
          [stored],
        );
      }
      await old.close();
      const store = await openStore(file, { backend });
      try {
        const rows = await raw(store, 'SELECT game_id, winner_victory FROM saves ORDER BY game_id');
        expect(rows.map((r) => [r.game_id, r.winner_victory])).toEqual(storedVictories.map(([, key], i) => [`game-${i}`, key]));
      } finally {
        await store.close();
      }
    },
  );

  it('refuses, at open, a library lacking a column the writer needs (a missing migration)', async () => {
    const file = dbFile(backend);
    const store = await openStore(file, { backend });
    // (Its view names the column: SQLite refuses to drop it from under the view.)
    await raw(store, 'DROP VIEW tiles_v');
    await raw(store, 'ALTER TABLE tiles DROP COLUMN religion');
    await store.close();
    await expect(openStore(file, { backend })).rejects.toThrow(/lacks tiles\.religion/);
  });

  it('refuses a library from a newer Scribe', async () => {
    const file = dbFile(backend);
    await (await openStore(file, { backend })).close();
    if (backend === 'sqlite') {
      const db = new Database(file);
      db.pragma(`user_version = ${latestVersion + 1}`);
      db.close();
    } else {
      const instance = await DuckDBInstance.create(file);
      const conn = await instance.connect();
      await conn.run(`INSERT INTO schema_version VALUES (${latestVersion + 1}, 'from the future', '2030-01-01')`);
      conn.closeSync();
      instance.closeSync();
    }
    await expect(openStore(file, { backend })).rejects.toThrow(/newer than this Scribe/);
  });
});

describe('the files open in the stock tools', () => {
  const small = makeParsedSave({ seed: 82, scale: 'small' });

  it('SQLite: integrity and foreign keys check out after imports, a replace and a delete; WAL, NORMAL sync', async () => {
    const file = dbFile('sqlite');
    const store = await openStore(file, { backend: 'sqlite' });
    const typical = makeParsedSave({ seed: 81, scale: 'typical' });
    const a = await store.insertSave(typical, source(1));
    await store.insertSave(small, source(2));
    // Same game and turn, other bytes: the old save's rows must all go.
    const replaced = await store.insertSave(typical, source(3), { replace: true });
    expect(replaced.status).toBe('imported');
    await store.deleteSave(replaced.saveId!);
    const db = (store as SqliteStore).handle;
    // The writer enforces no foreign keys itself (sqlite-store.ts); this proves it leaves no orphan.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(a.saveId).not.toBe(replaced.saveId);
    await store.close();
    // And with foreign keys on, as another tool would open it.
    const other = new Database(file);
    other.pragma('foreign_keys = ON');
    expect(other.pragma('foreign_key_check')).toEqual([]);
    expect(Number((other.prepare('SELECT count(*) AS n FROM saves').get() as Row).n)).toBe(1);
    // Text goes in as bytes cast back to TEXT (sqlite-store.ts): every text column holds TEXT, never a BLOB.
    let textCells = 0;
    for (const spec of tableSpecs) {
      spec.columns.forEach((column, i) => {
        if (spec.idKinds[i] !== 'text') return;
        const types = other.prepare(`SELECT typeof(${column}) AS t, count(*) AS n FROM ${spec.table} GROUP BY 1`).all() as {
          t: string;
          n: number;
        }[];
        for (const { t, n } of types) {
          expect(['text', 'null'], `${spec.table}.${column}`).toContain(t);
          if (t === 'text') textCells += n;
        }
      });
    }
    // (Names and the event log's lines: the game's keys are dictionary ids.)
    expect(textCells).toBeGreaterThan(20);
    // The dictionary's keys too: what a view reads in place of each id.
    expect(other.prepare('SELECT DISTINCT typeof(key) AS t FROM dictionary').all()).toEqual([{ t: 'text' }]);
    other.close();
  });

  it('SQLite: a library file in UTF-16 (made by another tool) still gets its text right', async () => {
    const file = dbFile('sqlite');
    const pre = new Database(file);
    pre.pragma("encoding = 'UTF-16le'");
    pre.exec('CREATE TABLE made_elsewhere (x TEXT); DROP TABLE made_elsewhere;');
    pre.close();
    const save = makeParsedSave({ seed: 83, scale: 'small' });
    save.players[0]!.name = 'Zoë ☥ Hatshepsut';
    save.tiles[0]!.terrain = 'TERRAIN_ÜBER';
    const store = await openStore(file, { backend: 'sqlite' });
    const { saveId } = await store.insertSave(save, source(1));
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('encoding', { simple: true })).toBe('UTF-16le');
    const player = db.prepare('SELECT name, typeof(name) AS t FROM players WHERE save_id = ? AND id = ?').get(saveId, save.players[0]!.id);
    expect(player).toEqual({ name: 'Zoë ☥ Hatshepsut', t: 'text' });
    const tile = db.prepare('SELECT terrain FROM tiles_v WHERE save_id = ? AND id = ?').get(saveId, save.tiles[0]!.id);
    expect(tile).toEqual({ terrain: 'TERRAIN_ÜBER' });
    db.close();
  });

  it('SQLite: WAL checkpoints run on their own thread, and the WAL is gone after close', async () => {
    const file = dbFile('sqlite');
    const store = (await openStore(file, { backend: 'sqlite' })) as SqliteStore;
    const db = store.handle;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    await store.insertSave(makeParsedSave({ seed: 90, scale: 'typical' }), source(10));
    // The first write started the thread, which took over: the writer's own automatic checkpoints are off...
    await vi.waitFor(() => expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0), { timeout: 10_000 });
    const before = statSync(file).size;
    for (let i = 1; i < 4; i++) await store.insertSave(makeParsedSave({ seed: 90 + i, scale: 'typical' }), source(10 + i));
    // ...yet the pages reach the database file.
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 2 * 1024 * 1024), { timeout: 10_000 });
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const check = new Database(file, { readonly: true });
    expect(Number((check.prepare('SELECT count(*) AS n FROM saves').get() as Row).n)).toBe(4);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('SQLite: a library made with the old 4 KB pages keeps them and still takes saves', async () => {
    const file = dbFile('sqlite');
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    old.close();
    const store = (await openStore(file, { backend: 'sqlite' })) as SqliteStore;
    expect((await store.insertSave(small, source(30))).status).toBe('imported');
    expect(store.handle.pragma('page_size', { simple: true })).toBe(4096);
    expect(store.handle.pragma('integrity_check', { simple: true })).toBe('ok');
    await store.close();
  });

  it('SQLite: a process that writes and closes the store ends normally', () => {
    const file = dbFile('sqlite');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'write-and-close.ts'), file], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('imported imported imported imported, closed\n');
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('SQLite: a checkpoint thread that cannot run hands checkpoints back to the writer', async () => {
    const events: string[] = [];
    const lost = new Promise<void>((resolve) => {
      // A database in a folder that does not exist: the thread's connection fails to open.
      new WalCheckpointer(join(root, 'no-such-folder', 'lib.sqlite'), {
        onReady: () => events.push('ready'),
        onLost: (err) => {
          events.push(`lost: ${err?.message ?? 'no error'}`);
          resolve();
        },
      });
    });
    await lost;
    expect(events).toEqual([expect.stringMatching(/^lost: .*(directory|unable to open)/i)]);
  });

  it('SQLite: the sqlite3 command-line tool opens the file and lists the tables', async (ctx) => {
    const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0)
      ctx.skip('sqlite3 command-line tool not installed (apt-get install sqlite3): cannot check that the file opens in it');
    const sqliteFile = dbFile('sqlite');
    const store = await openStore(sqliteFile, { backend: 'sqlite' });
    await store.insertSave(small, source(2));
    await store.close();
    const tables = spawnSync('sqlite3', [sqliteFile, '.tables'], { encoding: 'utf8' });
    expect(tables.status, tables.stderr).toBe(0);
    const listed = tables.stdout.split(/\s+/).filter(Boolean);
    expect(listed).toEqual(expect.arrayContaining(['saves', 'import_ledger', ...tableSpecs.map((s) => s.table)]));
    const query = spawnSync('sqlite3', [sqliteFile, 'SELECT count(*) FROM saves; SELECT count(*) FROM tiles; PRAGMA integrity_check;'], {
      encoding: 'utf8',
    });
    expect(query.status, query.stderr).toBe(0);
    expect(query.stdout.trim().split('\n')).toEqual(['1', String(small.tiles.length), 'ok']);
  });

  it('DuckDB: an import run writes with one thread, and the library gets every core back when it ends', async () => {
    const store = await openStore(dbFile('duckdb'), { backend: 'duckdb' });
    const threads = async () => Number((await raw(store, "SELECT current_setting('threads') AS n"))[0]!.n);
    try {
      const everyCore = await threads();
      await store.bulkWrites(true);
      expect(await threads()).toBe(1);
      const save = makeParsedSave({ seed: 84, scale: 'small' });
      expect(await store.insertSave(save, source(1))).toMatchObject({ status: 'imported' });
      await store.bulkWrites(false);
      expect(await threads()).toBe(everyCore);
      expect(Number((await raw(store, 'SELECT count(*) AS n FROM tiles'))[0]!.n)).toBe(save.tiles.length);
    } finally {
      await store.close();
    }
  });

  it('DuckDB: a fresh instance reads the file with its readable names', async () => {
    const file = dbFile('duckdb');
    const store = await openStore(file, { backend: 'duckdb' });
    const save = makeParsedSave({ seed: 83, scale: 'small' });
    await store.insertSave(save, source(1));
    await store.close();

    const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    try {
      const tables = (await conn.runAndReadAll(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'`))
        .getRowsJS()
        .map((r) => r[0]);
      expect(tables).toEqual(expect.arrayContaining(['saves', 'import_ledger', 'schema_version', ...tableSpecs.map((s) => s.table)]));
      const n = (await conn.runAndReadAll('SELECT count(*) FROM characters c JOIN saves s ON s.id = c.save_id')).getRowsJS()[0]![0];
      expect(Number(n)).toBe(save.characters.length);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});
