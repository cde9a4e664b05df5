import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../src/engine/data-dir';
import { SettingsStore, defaultSettings, sanitizeSettings } from '../../src/engine/settings-store';

describe('data folder', () => {
  it('matches Electron userData for an app named Scribe, and honours SCRIBE_DATA_DIR', () => {
    const home = os.homedir();
    expect(dataDir({}, 'linux')).toBe(path.join(home, '.config', 'Scribe'));
    expect(dataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'Scribe'));
    expect(dataDir({}, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'Scribe'));
    expect(dataDir({ APPDATA: 'C:\\Users\\p\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\p\\AppData\\Roaming', 'Scribe'));
    expect(dataDir({ SCRIBE_DATA_DIR: '/tmp/elsewhere' }, 'linux')).toBe('/tmp/elsewhere');
  });
});

describe('settings', () => {
  it('persists updates to disk and reads them back', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-settings-'));
    try {
      const first = await SettingsStore.open(dir);
      expect(first.get()).toEqual(defaultSettings(dir));
      await first.update({ workers: 3, watchFolders: ['/saves', '/saves'], backend: 'duckdb' });
      const second = await SettingsStore.open(dir);
      expect(second.get()).toMatchObject({ workers: 3, watchFolders: ['/saves'], backend: 'duckdb' });
      expect(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).workers).toBe(3);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('ignores ill-typed values from a hand-edited file or a request', () => {
    const base = defaultSettings('/data');
    expect(sanitizeSettings({ workers: -2, backend: 'oracle', maxXmlMB: 'big', watchFolders: [3, ''] }, base)).toEqual(base);
    expect(sanitizeSettings('nonsense', base)).toEqual(base);
  });

  it('starts from defaults when the file is corrupt', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-settings-'));
    try {
      await fs.writeFile(path.join(dir, 'settings.json'), '{ not json');
      expect((await SettingsStore.open(dir)).get()).toEqual(defaultSettings(dir));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
