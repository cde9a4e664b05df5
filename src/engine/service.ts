import type { EventSink, RequestHandlers } from '../shared/contract.js';
import type { AppInfo } from '../shared/settings.js';
import { ScribeError } from './errors.js';
import { SettingsStore } from './settings-store.js';
import type { WorkerSpawner } from './pipeline/worker-handle.js';

/** What the host (Electron main, or the test harness) provides that the engine cannot do itself. */
export interface ServiceHost {
  host: AppInfo['host'];
  version: string;
  dataDir: string;
  /** Native pickers in the app; scripted answers in the harness. */
  pickFiles(): Promise<string[]>;
  pickFolders(): Promise<string[]>;
  openFolder(folder: string): Promise<void>;
  spawnWorker: WorkerSpawner;
  /** Path of the built parse-worker entry. */
  workerEntry: string;
  emit: EventSink;
}

export interface ScribeService {
  handlers: RequestHandlers;
  close(): Promise<void>;
}

const notYet = (what: string) => async (): Promise<never> => {
  throw new ScribeError('INTERNAL', `${what} is not available yet.`);
};

/**
 * Serves the whole contract on top of the engine. Both the Electron main
 * process and the browser test harness use this, so what the tests exercise
 * is exactly what the app runs.
 */
export async function createScribeService(host: ServiceHost): Promise<ScribeService> {
  const settings = await SettingsStore.open(host.dataDir);

  const handlers: RequestHandlers = {
    getAppInfo: async () => {
      const s = settings.get();
      return { version: host.version, dataDir: host.dataDir, databasePath: s.databasePath, backend: s.backend, host: host.host };
    },
    pickFiles: () => host.pickFiles(),
    pickFolders: () => host.pickFolders(),
    startImport: notYet('Importing'),
    cancelImport: async () => ({ cancelled: false }),
    retryFailed: async () => null,
    resumeImport: async () => null,
    getImportState: async () => ({ running: null, resumable: 0, failed: 0 }),
    listSaves: async () => ({ total: 0, items: [] }),
    saveDetail: async () => null,
    deleteSave: async () => ({ deleted: false }),
    ledgerHistory: notYet('Import history'),
    getSettings: async () => settings.get(),
    setSettings: (patch) => settings.update(patch),
    getWatchStatus: async () => ({ folders: [], suggestions: [] }),
    openDataFolder: async () => host.openFolder(host.dataDir),
  };

  return { handlers, close: async () => {} };
}
