import fs from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../shared/settings.js';
import { isMaxXmlMB, isWorkerCount } from '../shared/limits.js';
import { defaultDatabasePath } from './data-dir.js';

export const settingsFileName = 'settings.json';

export function defaultSettings(dataDir: string): Settings {
  return { databasePath: defaultDatabasePath(dataDir), backend: 'sqlite', workers: 'auto', watchFolders: [], maxXmlMB: 256 };
}

/** Keeps only well-typed fields of an untrusted object (a hand-edited file, a renderer request). */
export function sanitizeSettings(input: unknown, base: Settings): Settings {
  const out: Settings = { ...base, watchFolders: [...base.watchFolders] };
  if (typeof input !== 'object' || input === null) return out;
  const o = input as Record<string, unknown>;
  if (typeof o.databasePath === 'string' && o.databasePath.trim() !== '') out.databasePath = path.resolve(o.databasePath);
  if (o.backend === 'sqlite' || o.backend === 'duckdb') out.backend = o.backend;
  if (o.workers === 'auto') out.workers = 'auto';
  else if (isWorkerCount(o.workers)) out.workers = o.workers;
  if (Array.isArray(o.watchFolders)) {
    out.watchFolders = [
      ...new Set(o.watchFolders.filter((f): f is string => typeof f === 'string' && f !== '').map((f) => path.resolve(f))),
    ];
  }
  if (isMaxXmlMB(o.maxXmlMB)) out.maxXmlMB = Math.round(o.maxXmlMB);
  return out;
}

const backendExtensions = { sqlite: '.sqlite', duckdb: '.duckdb' } as const;

/**
 * Switching the backend alone keeps the library's folder and name but gives the
 * file the new backend's extension: a DuckDB database in `scribe.sqlite` would
 * mislead every tool that opens it.
 */
export function withBackendExtension(next: Settings, before: Settings, patch: Partial<Settings>): Settings {
  if (next.backend === before.backend || patch.databasePath !== undefined) return next;
  const ext = path.extname(next.databasePath).toLowerCase();
  if (ext !== backendExtensions[before.backend] && ext !== '') return next;
  const stem = ext ? next.databasePath.slice(0, -ext.length) : next.databasePath;
  return { ...next, databasePath: stem + backendExtensions[next.backend] };
}

/** Settings persisted as JSON in the data folder, written atomically so a crash never leaves half a file. */
export class SettingsStore {
  private current: Settings;

  private constructor(
    private readonly file: string,
    initial: Settings,
  ) {
    this.current = initial;
  }

  static async open(dataDir: string): Promise<SettingsStore> {
    const file = path.join(dataDir, settingsFileName);
    const defaults = defaultSettings(dataDir);
    let loaded: unknown = null;
    try {
      loaded = JSON.parse(await fs.readFile(file, 'utf8'));
    } catch {
      // Missing or unreadable: start from defaults; the next save rewrites it.
    }
    return new SettingsStore(file, sanitizeSettings(loaded, defaults));
  }

  get(): Settings {
    return { ...this.current, watchFolders: [...this.current.watchFolders] };
  }

  /** What `update(patch)` would store, without storing it. */
  preview(patch: Partial<Settings>): Settings {
    return withBackendExtension(sanitizeSettings({ ...this.current, ...patch }, this.current), this.current, patch);
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    this.current = this.preview(patch);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(this.current, null, 2));
    await fs.rename(tmp, this.file);
    return this.get();
  }
}
