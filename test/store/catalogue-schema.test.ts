/**
 * The entity catalogue and the committed migrations describe one schema:
 * applied to a fresh database of each dialect, the migrations produce
 * exactly the tables, columns, types, nullability and keys the catalogue
 * declares. Released migrations are frozen: their text is pinned here.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/engine/model/catalogue.js';
import { tableSpecs, viewOf } from '../../src/engine/model/tables.js';
import { clusterKeys } from '../../src/engine/codec/encoded-save.js';
import {
  createTableDdl,
  createViewDdl,
  diffSchema,
  draftDdl,
  expectedTables,
  type TableShape,
} from '../../src/engine/store/catalogue-schema.js';
import { migrateDuckDb } from '../../src/engine/store/duckdb-store.js';
import { latestVersion, migrations, parseMigrations, readMigrationFiles } from '../../src/engine/store/migrations.js';
import { readDuckDbTables, readSqliteTables } from '../../src/engine/store/schema-read.js';
import { migrateSqlite } from '../../src/engine/store/sqlite-store.js';
import { schemaStatements, sqliteBaseline } from '../../src/engine/store/baseline.js';

async function migratedDuckDb(): Promise<TableShape[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await migrateDuckDb(conn);
    return await readDuckDbTables(conn);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function migratedSqlite(): TableShape[] {
  const db = new Database(':memory:');
  try {
    migrateSqlite(db, undefined, { baseline: false });
    return readSqliteTables(db);
  } finally {
    db.close();
  }
}

describe('catalogue and migrations', () => {
  it('agree on every table, column, type, nullability and key in SQLite', () => {
    expect(diffSchema(expectedTables('sqlite'), migratedSqlite())).toEqual([]);
  });

  it('agree on every table, column, type and nullability in DuckDB', async () => {
    expect(diffSchema(expectedTables('duckdb'), await migratedDuckDb())).toEqual([]);
  });

  it('give every child table the view the catalogue calls for: its columns in order, each dictionary id as its text', async () => {
    const db = new Database(':memory:');
    migrateSqlite(db, undefined, { baseline: false });
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await migrateDuckDb(conn);
      for (const spec of tableSpecs) {
        const view = viewOf(spec.table);
        const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = ?`).pluck().get(view);
        expect(`${String(sql)};\n`, view).toBe(createViewDdl(spec.table, 'sqlite'));
        const duckColumns = (
          await conn.runAndReadAll(`SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`, [
            view,
          ])
        ).getRowsJS();
        expect(
          duckColumns.map((r) => r[0]),
          view,
        ).toEqual(['save_id', ...spec.columns]);
      }
      // And the text comes back: one key stored through the dictionary, read through the view.
      db.pragma('foreign_keys = OFF');
      db.prepare(`INSERT INTO dictionary (key) VALUES ('TERRAIN_DESERT')`).run();
      db.prepare(
        `INSERT INTO tiles (save_id, id, x, y, terrain, improvement_pillaged, road, river_w, river_sw, river_se) VALUES (1, 0, 0, 0, 1, 0, 0, 0, 0, 0)`,
      ).run();
      expect(db.prepare('SELECT terrain, height FROM tiles_v').get()).toEqual({ terrain: 'TERRAIN_DESERT', height: null });
    } finally {
      db.close();
      conn.closeSync();
      instance.closeSync();
    }
  });

  it('see a column or table the migrations lack, and draft the step that adds it', () => {
    const actual = migratedSqlite();
    const expected = expectedTables('sqlite');
    // The catalogue asks for one more column and one more table than the schema has.
    const characters = expected.find((t) => t.name === 'characters')!;
    characters.columns.push({ name: 'archetype', type: 'TEXT', notNull: false });
    const withoutTribes = actual.filter((t) => t.name !== 'tribes');
    const diff = diffSchema(expected, withoutTribes);
    expect(diff).toEqual([
      { kind: 'missing-column', table: 'characters', column: 'archetype' },
      { kind: 'missing-table', table: 'tribes' },
    ]);
    expect(draftDdl([diff[1]!], 'sqlite')).toBe(
      `${createTableDdl('tribes', 'sqlite')}DROP VIEW IF EXISTS tribes_v;\n${createViewDdl('tribes', 'sqlite')}`,
    );
    // A changed type is reported, not silently altered.
    const retyped = actual.map((t) =>
      t.name === 'units' ? { ...t, columns: t.columns.map((c) => (c.name === 'xp' ? { ...c, type: 'TEXT' } : c)) } : t,
    );
    expect(
      diffSchema(
        expected.filter((t) => t.name === 'units'),
        retyped.filter((t) => t.name === 'units'),
      ),
    ).toEqual([{ kind: 'changed', table: 'units', what: 'xp is TEXT, the catalogue says INTEGER' }]);
  });

  it('draft tables in the very form the first migration wrote them', () => {
    // Only the tables no later migration has changed still read as migration 1 wrote them.
    const db = new Database(':memory:');
    migrateSqlite(db, 1);
    const shape = (t: { columns: { name: string; type: string }[] }) => t.columns.map((c) => `${c.name} ${c.type}`).join();
    const atV1 = new Map(readSqliteTables(db).map((t) => [t.name, shape(t)]));
    db.close();
    const unchanged = expectedTables('sqlite').filter((t) => atV1.get(t.name) === shape(t));
    // Those without a dictionary field (migration 5 rebuilt the others): player_leaders, character_spouses...
    expect(unchanged.length).toBeGreaterThanOrEqual(3);
    for (const dialect of ['sqlite', 'duckdb'] as const) {
      for (const t of unchanged) expect(migrations[0]![dialect], t.name).toContain(createTableDdl(t.name, dialect));
    }
  });

  it('give the codec its sort keys and the store its columns from one declaration', () => {
    for (const spec of tableSpecs) {
      expect(clusterKeys[spec.list]).toEqual(catalogue[spec.list].key);
      expect(spec.fields).toEqual(Object.keys(catalogue[spec.list].fields));
    }
  });
});

describe('the SQLite baseline', () => {
  const schema = (db: Database.Database) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all();

  it('is the schema the migrations leave, statement for statement, at the latest version', () => {
    expect(sqliteBaseline.version, 'a migration was added: run `npm run write-baseline`').toBe(latestVersion);
    const migrated = new Database(':memory:');
    const based = new Database(':memory:');
    try {
      migrateSqlite(migrated, undefined, { baseline: false });
      expect(migrateSqlite(based)).toBe(latestVersion);
      expect(schemaStatements(based)).toEqual(schemaStatements(migrated));
      expect(schema(based)).toEqual(schema(migrated));
      expect(based.pragma('user_version', { simple: true })).toBe(latestVersion);
    } finally {
      migrated.close();
      based.close();
    }
  });

  it('is not used for a library opened at an older version (the migrations run)', () => {
    const db = new Database(':memory:');
    try {
      expect(migrateSqlite(db, latestVersion - 1)).toBe(latestVersion - 1);
      const older = new Database(':memory:');
      migrateSqlite(older, latestVersion - 1, { baseline: false });
      expect(schema(db)).toEqual(schema(older));
      older.close();
    } finally {
      db.close();
    }
  });
});

describe('frozen migrations', () => {
  // The generated DDL of the released versions, byte for byte; a released migration never changes.
  const released: Record<string, string> = {
    '1 sqlite': '6b4e502ca99512e5347d6399f43bfa244aa554c4cbeafdd560addcc93f614e64',
    '1 duckdb': 'fac231e19653d8945b1d9e6ffc5f6c2ac5f60e295e6090b43feec93b78c14532',
    '2 sqlite': '7cc82649b05e83df513e968591107fe08c483dc0796f666ebfe2e0b9546b2e20',
    '2 duckdb': '7cdc503bb47f2037c8624abee3a2a0117666dc430ccfbd65cacd8366340960a2',
    '3 sqlite': 'ca6417c8d30a7ba78e228cd5161ad24128ba20cd909299ed23618703c1a01a56',
    '3 duckdb': 'ca6417c8d30a7ba78e228cd5161ad24128ba20cd909299ed23618703c1a01a56',
    '4 sqlite': '2688be3522472b6974840a0b260cea40d9da10f3c841544356bce4c070dd627a',
    '4 duckdb': '96efb545974fac4b9caa9f72d9c93bfed53f29ab8497f239e9ae7136883b8fb9',
    '5 sqlite': '46433f2e149842175f7bc7f72cb6e88c3c8a31f717c71753af9b229dfeb3eb90',
    '5 duckdb': 'a7c645f64b6394aea612eefd815964e8b7d4acf730e4a80eb28ca3c5836d4bb6',
    '6 sqlite': '2b18a6f65f34ec93998e80796eda424ea172ce637d53c83d31a983d5a04f4dd5',
    '6 duckdb': '40103884d326fd2758148960f839c864e499b522e3e659c8b3ecb082073aad28',
  };

  it('keep the text of every released migration', () => {
    expect(latestVersion).toBeGreaterThanOrEqual(6);
    for (const m of migrations.filter((m) => m.version <= 6)) {
      for (const d of ['sqlite', 'duckdb'] as const)
        expect(createHash('sha256').update(m[d]).digest('hex'), `${m.version} ${d}`).toBe(released[`${m.version} ${d}`]);
    }
    expect(migrations[0]!.name).toBe('core schema: saves, every list of a parsed save, import ledger');
    expect(migrations[1]!.name).toBe('library list indexes, ledger timings and attempts');
    expect(migrations[2]!.name).toBe('winner victory as a victory key');
    expect(migrations[3]!.name).toBe('yield price history');
    expect(migrations[4]!.name).toBe('game keys in a dictionary (SQLite), a readable view per table');
    expect(migrations[5]!.name).toBe('history series packed into one row each (SQLite)');
  });

  it('are the same whether the bundle carries them or they are read from disk (tsx: bench, scripts)', () => {
    const fromDisk = parseMigrations(readMigrationFiles(fileURLToPath(new URL('../../src/engine/store/migrations', import.meta.url))));
    expect(fromDisk).toEqual(migrations);
  });

  it('refuse a gap, a missing dialect, a bad name or two names for one version', () => {
    const sql = (name: string) => `-- ${name}\nSELECT 1;\n`;
    expect(parseMigrations({ 'x/0001-a.sqlite.sql': sql('a'), 'x/0001-a.duckdb.sql': sql('a') })).toEqual([
      { version: 1, name: 'a', sqlite: 'SELECT 1;\n', duckdb: 'SELECT 1;\n' },
    ]);
    expect(() =>
      parseMigrations({
        '0001-a.sqlite.sql': sql('a'),
        '0001-a.duckdb.sql': sql('a'),
        '0003-c.sqlite.sql': sql('c'),
        '0003-c.duckdb.sql': sql('c'),
      }),
    ).toThrow(/numbered/);
    expect(() => parseMigrations({ '0001-a.sqlite.sql': sql('a') })).toThrow(/no duckdb file/);
    expect(() => parseMigrations({ '1-a.sqlite.sql': sql('a') })).toThrow(/is not named/);
    expect(() => parseMigrations({ '0001-a.sqlite.sql': sql('a'), '0001-a.duckdb.sql': sql('b') })).toThrow(/two names/);
    expect(() => parseMigrations({ '0001-a.sqlite.sql': 'SELECT 1;' })).toThrow(/does not start/);
  });
});
