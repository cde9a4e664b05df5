/**
 * The library file is checked before anything is written to it: real
 * SQLite and DuckDB files, real damage, a real second process holding a
 * DuckDB file. Every refused file must come out byte for byte as it went
 * in, with nothing created beside it.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { duckDbInstanceOptions, sniffDatabase } from '../../src/engine/store/library-check.js';
import { LibraryError, latestVersion, openStore } from '../../src/engine/store/index.js';
import type { LibraryProblemCode } from '../../src/shared/errors.js';
import { makeParsedSave } from './make-save.js';

const root = mkdtempSync(join(tmpdir(), 'scribe-library-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder per file, so "nothing beside it" is the folder's listing. */
function fresh(name: string): string {
  return join(mkdtempSync(join(root, 'case-')), name);
}

function snapshot(file: string): { sha: string; entries: string[] } {
  const dir = join(file, '..');
  return { sha: createHash('sha256').update(readFileSync(file)).digest('hex'), entries: readdirSync(dir).sort() };
}

/** Opening must be refused with this code, and leave the file and its folder exactly as they were. */
async function expectRefusedUntouched(file: string, code: LibraryProblemCode, message?: RegExp): Promise<void> {
  const before = snapshot(file);
  const err: unknown = await openStore(file).then(
    async (store) => {
      await store.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LibraryError);
  expect((err as LibraryError).code).toBe(code);
  if (message) expect((err as LibraryError).message).toMatch(message);
  expect((err as LibraryError).advice.length).toBeGreaterThan(10);
  expect(snapshot(file)).toEqual(before);
}

function otherSqliteFile(file: string, wal: boolean): void {
  const db = new Database(file);
  if (wal) db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')`);
  db.pragma('user_version = 3');
  db.close();
}

async function scribeLibraryWithSaves(file: string, saves: number): Promise<void> {
  const store = await openStore(file);
  for (let i = 0; i < saves; i++) {
    await store.insertSave(makeParsedSave({ seed: 300 + i, scale: 'small' }), {
      path: `/saves/${i}.zip`,
      sha256: `sha-${i}`,
      size: 10,
      mtimeMs: 1,
    });
  }
  await store.close();
}

/** Overwrites one whole page of a SQLite file with bytes no B-tree page can start with. */
function smashPage(file: string, page: number, from = 0): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize - from, 0xff), 0, pageSize - from, (page - 1) * pageSize + from);
  } finally {
    closeSync(fd);
  }
}

describe('sniffDatabase', () => {
  it('tells SQLite, DuckDB and anything else apart by their first bytes', () => {
    expect(sniffDatabase(Buffer.from('SQLite format 3\0rest', 'latin1'))).toBe('sqlite');
    expect(sniffDatabase(Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0x44, 0x55, 0x43, 0x4b, 0x40]))).toBe('duckdb');
    expect(sniffDatabase(Buffer.from('PK\x03\x04 a zip'))).toBe('unknown');
    expect(sniffDatabase(Buffer.alloc(0))).toBe('unknown');
  });
});

describe('a SQLite library is checked before it is written to', () => {
  it('refuses another program’s database, in rollback or WAL mode, and leaves it as it was', async () => {
    for (const wal of [false, true]) {
      const file = fresh(`other-${wal ? 'wal' : 'rollback'}.sqlite`);
      otherSqliteFile(file, wal);
      await expectRefusedUntouched(file, 'NOT_A_LIBRARY');
      const db = new Database(file, { readonly: true });
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()).toEqual(['notes']);
      db.close();
    }
  });

  it('refuses another program’s database while that program has it open, adding nothing to it', async () => {
    const file = fresh('busy-elsewhere.sqlite');
    otherSqliteFile(file, true);
    const other = new Database(file);
    other.prepare('SELECT count(*) FROM notes').get(); // its -wal and -shm exist while it has the file open
    try {
      await expect(openStore(file)).rejects.toMatchObject({ code: 'NOT_A_LIBRARY' });
      expect(other.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'saves'`).get()).toEqual({ n: 0 });
    } finally {
      other.close();
    }
  });

  it('refuses a library from a newer Scribe before switching its journal or migrating', async () => {
    // In WAL mode as Scribe leaves it, and in rollback mode (a copy made with `sqlite3 .backup`, say),
    // where switching the journal alone would have rewritten the header.
    for (const journal of ['WAL', 'DELETE']) {
      const file = fresh(`newer-${journal}.sqlite`);
      await scribeLibraryWithSaves(file, 1);
      const db = new Database(file);
      db.pragma(`journal_mode = ${journal}`);
      db.pragma(`user_version = ${latestVersion + 1}`);
      db.close();
      await expectRefusedUntouched(file, 'LIBRARY_TOO_NEW', /newer than this Scribe/);
    }
  });

  it('refuses a library whose saves table is damaged (SQLite: database disk image is malformed)', async () => {
    const file = fresh('damaged-table.sqlite');
    await scribeLibraryWithSaves(file, 3);
    const db = new Database(file, { readonly: true });
    const rootPage = db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'saves'`).pluck().get() as number;
    db.close();
    smashPage(file, rootPage);
    await expectRefusedUntouched(file, 'LIBRARY_DAMAGED', /damaged/);
  });

  it('refuses a library whose schema is damaged', async () => {
    const file = fresh('damaged-schema.sqlite');
    await scribeLibraryWithSaves(file, 1);
    smashPage(file, 1, 100); // page 1 past the file header: the schema's root
    await expectRefusedUntouched(file, 'LIBRARY_DAMAGED');
  });

  it('refuses a file that is no database, and a DuckDB file named .sqlite, saying which', async () => {
    const text = fresh('notes.sqlite');
    writeFileSync(text, 'just some text, not a database at all\n'.repeat(100));
    await expectRefusedUntouched(text, 'NOT_A_DATABASE', /not a SQLite database/);

    const duck = fresh('really-duck.sqlite');
    const instance = await DuckDBInstance.create(duck);
    instance.closeSync();
    await expectRefusedUntouched(duck, 'NOT_A_DATABASE', /DuckDB database/);
  });

  it('opens an empty file and an empty SQLite database as new libraries', async () => {
    const empty = fresh('empty.sqlite');
    writeFileSync(empty, '');
    const blank = fresh('blank.sqlite');
    new Database(blank).exec('VACUUM');
    for (const file of [empty, blank]) {
      const store = await openStore(file);
      expect(store.schemaVersion).toBe(latestVersion);
      await store.close();
    }
  });
});

describe('a DuckDB library is checked before it is written to', () => {
  it('refuses a SQLite file named .duckdb, and never lets DuckDB fetch its SQLite extension', async () => {
    const file = fresh('x.duckdb');
    otherSqliteFile(file, false);
    await expectRefusedUntouched(file, 'NOT_A_DATABASE', /SQLite database, not a DuckDB one/);
    // The options the store opens DuckDB with: it answers that the extension is not installed
    // instead of trying to download it.
    await expect(DuckDBInstance.create(file, { ...duckDbInstanceOptions })).rejects.toThrow(/not found|install/i);
  });

  it('refuses a file DuckDB cannot read and a DuckDB database of another program', async () => {
    const junk = fresh('junk.duckdb');
    writeFileSync(junk, 'not a database'.repeat(400));
    await expectRefusedUntouched(junk, 'NOT_A_DATABASE');

    const other = fresh('other.duckdb');
    const instance = await DuckDBInstance.create(other);
    const conn = await instance.connect();
    await conn.run('CREATE TABLE notes (id INTEGER, text VARCHAR); INSERT INTO notes VALUES (1, 42)');
    conn.closeSync();
    instance.closeSync();
    await expectRefusedUntouched(other, 'NOT_A_LIBRARY');
  });

  it('refuses a library from a newer Scribe', async () => {
    const file = fresh('newer.duckdb');
    await (await openStore(file)).close();
    const instance = await DuckDBInstance.create(file);
    const conn = await instance.connect();
    await conn.run(`INSERT INTO schema_version VALUES (${latestVersion + 1}, 'from the future', '2030-01-01')`);
    conn.closeSync();
    instance.closeSync();
    await expectRefusedUntouched(file, 'LIBRARY_TOO_NEW');
  });

  it('says the library is in use when another process has it open', async () => {
    const file = fresh('held.duckdb');
    await (await openStore(file)).close();
    const duckApi = import.meta.resolve('@duckdb/node-api');
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { DuckDBInstance } = await import(${JSON.stringify(duckApi)});
         const i = await DuckDBInstance.create(${JSON.stringify(file)});
         await i.connect();
         process.stdout.write('holding\\n');
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.once('data', () => resolve());
        holder.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
      });
      await expect(openStore(file)).rejects.toMatchObject({ code: 'LIBRARY_IN_USE' });
    } finally {
      holder.kill();
    }
  });
});
