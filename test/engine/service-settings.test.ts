import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScribeService, type ScribeService } from '../../src/engine/service';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import { withBackendExtension, defaultSettings } from '../../src/engine/settings-store';
import { tempDir, workerEntry, writeCorpus } from '../pipeline/helpers';

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
  service = await createScribeService({
    host: 'harness',
    version: 'test',
    dataDir: path.join(dir, 'data'),
    pickFiles: async () => [],
    pickFolders: async () => [],
    openFolder: async () => {},
    spawnWorker: forkSpawner,
    workerEntry,
    emit: () => {},
    watch: false,
  });
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
    await expect(s.handlers.setSettings({ databasePath: path.join(blocker, 'lib.sqlite') })).rejects.toThrow(/cannot be used/);
    expect(await s.handlers.getSettings()).toEqual(before);
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'data', 'settings.json'), 'utf8').catch(() => '{}')) as {
      databasePath?: string;
    };
    expect(onDisk.databasePath ?? before.databasePath).toBe(before.databasePath);
    expect((await s.handlers.listSaves({})).total).toBe(0);
  });
});
