import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScribeService, type ScribeService } from '../../src/engine/service';
import { withBackendExtension, defaultSettings } from '../../src/engine/settings-store';
import { tempDir, testServiceHost, writeCorpus } from '../pipeline/helpers';

let dir: string;
let service: ScribeService | null = null;

beforeEach(async () => {
  dir = await tempDir('service-settings');
});
afterEach(async () => {
  await service?.close();
  service = null;
  await fs.rm(dir, { recursive: true, force: true });
});

async function start(): Promise<ScribeService> {
  service = await createScribeService(testServiceHost(path.join(dir, 'data')));
  return service;
}

describe('backend switch', () => {
  it('gives the library file the new backend’s extension unless a path is given', () => {
    const base = defaultSettings('/data');
    expect(withBackendExtension({ ...base, backend: 'duckdb' }, base, { backend: 'duckdb' }).databasePath).toBe('/data/scribe.duckdb');
    expect(
      withBackendExtension({ ...base, backend: 'duckdb', databasePath: '/x/lib.db' }, base, {
        backend: 'duckdb',
        databasePath: '/x/lib.db',
      }).databasePath,
    ).toBe('/x/lib.db');
  });
});

describe('the service’s settings', () => {
  it('switches the library to DuckDB and imports into it', async () => {
    const s = await start();
    const after = await s.handlers.setSettings({ backend: 'duckdb' });
    expect(after).toMatchObject({ backend: 'duckdb', databasePath: path.join(dir, 'data', 'scribe.duckdb') });
    await writeCorpus(path.join(dir, 'saves'), 2);
    await s.importer.run('import', [path.join(dir, 'saves')]).done;
    expect((await s.handlers.listSaves({})).total).toBe(2);
    expect((await fs.stat(after.databasePath)).isFile()).toBe(true);
  });

  it('keeps the settings as they were when the new database cannot be opened', async () => {
    const s = await start();
    const before = await s.handlers.getSettings();
    const blocker = path.join(dir, 'a-file');
    await fs.writeFile(blocker, 'not a folder');
    await expect(s.handlers.setSettings({ databasePath: path.join(blocker, 'lib.sqlite') })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/cannot be used/) as unknown,
    });
    expect(await s.handlers.getSettings()).toEqual(before);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'data', 'settings.json'), 'utf8').catch(() => '{}')) as {
      databasePath?: string;
    };
    expect(onDisk.databasePath ?? before.databasePath).toBe(before.databasePath);
    expect((await s.handlers.listSaves({})).total).toBe(0);
  });

  it('refuses a library from a newer Scribe as LIBRARY_TOO_NEW, and a switch during an import as USAGE', async () => {
    const s = await start();
    const before = await s.handlers.getSettings();
    const newer = path.join(dir, 'newer.sqlite');
    await s.handlers.setSettings({ databasePath: newer });
    await s.handlers.setSettings({ databasePath: before.databasePath });
    const db = new Database(newer);
    // Any version past this Scribe's own migrations.
    db.pragma('user_version = 1000000');
    db.close();
    await expect(s.handlers.setSettings({ databasePath: newer })).rejects.toMatchObject({
      code: 'LIBRARY_TOO_NEW',
      message: expect.stringContaining(newer) as unknown,
    });

    await writeCorpus(path.join(dir, 'saves'), 2);
    const run = s.importer.run('import', [path.join(dir, 'saves')]);
    await expect(s.handlers.setSettings({ databasePath: path.join(dir, 'other.sqlite') })).rejects.toMatchObject({ code: 'USAGE' });
    await run.done;
    expect(await s.handlers.getSettings()).toEqual(before);
  });
});
