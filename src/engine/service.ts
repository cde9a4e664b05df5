import fs from 'node:fs/promises';
import { requestNames, type EventSink, type RequestHandlers } from '../shared/contract.js';
import type { AppInfo, Settings, WatchStatus } from '../shared/settings.js';
import { ScribeRequestError } from '../shared/request-errors.js';
import { exportJobs } from './export/export-job.js';
import { createImporter, reconfigureImporter } from './compose.js';
import type { Importer } from './importer.js';
import { SettingsStore } from './settings-store.js';
import { libraryOpener, type LibraryOpener } from './library-migration.js';
import type { Store } from './store/index.js';
import { LibraryError } from './store/library-error.js';
import type { WorkerSpawner } from './pipeline/worker-handle.js';
import { WatchService, systemSaveFolderSuggestions, type WatchTimings } from './watch/index.js';
import {
  isSamplePath,
  markSampleDetail,
  markSamplePage,
  removeSamples,
  sampleStatus,
  samplesFolder,
  writeSamples,
} from './samples/index.js';
import { readModels, type ReadContext } from './store/read/index.js';
import type { SqlRunner } from './store/sql-runner.js';
import type { StudyRequestName } from '../shared/views/index.js';

/** What the host (Electron main, or the test harness) provides that the engine cannot do itself. */
export interface ServiceHost {
  host: AppInfo['host'];
  version: string;
  dataDir: string;
  /** Native pickers in the app; scripted answers in the harness. */
  pickFiles(): Promise<string[]>;
  pickFolders(): Promise<string[]>;
  openFolder(folder: string): Promise<void>;
  /**
   * A folder to export into (the dialog may create it); null when cancelled.
   * A host without dialogs (a bare test host) leaves it out: as if cancelled.
   */
  pickExportFolder?(): Promise<string | null>;
  /** Where to save a file named `suggestedName`; null when cancelled (or left out, as above). */
  pickSaveFile?(suggestedName: string): Promise<string | null>;
  spawnWorker: WorkerSpawner;
  /** Path of the built parse-worker entry. */
  workerEntry: string;
  emit: EventSink;
  /** Per-file worker time limit; the default suits real saves. */
  fileTimeoutMs?: number;
  /** Watch the settings' folders (default true); tests that do not exercise watching turn it off. */
  watch?: boolean;
  /** Shorter watch intervals, for tests. */
  watchTimings?: Partial<WatchTimings>;
  /** Test hook: awaited after each step of a library's conversion (SQLite), to look at it mid-way. */
  migrationPause?: () => Promise<void>;
}

export interface ScribeService {
  handlers: RequestHandlers;
  /** The watch-folder feature plugs in here; it imports through the same importer. */
  importer: Importer;
  /** Imports new saves from the settings' watch folders; idle when watching is off. */
  watcher: WatchService;
  settings: SettingsStore;
  close(): Promise<void>;
}

/** A service whose library is still opening (and perhaps converting). */
export interface StartingService {
  /**
   * The contract, served at once: `getLibraryMigration` answers now, every
   * other request waits until the library is open and fails as its open did.
   */
  handlers: RequestHandlers;
  /** The service once its library is open; rejects when it cannot be opened. */
  ready: Promise<ScribeService>;
}

/**
 * Serves the whole contract on top of the engine. Both the Electron main
 * process and the browser test harness use this, so what the tests exercise
 * is exactly what the app runs. Returns before the library is open: opening
 * one from an older Scribe converts it (tens of seconds on a big library),
 * and the window should show that conversion rather than wait for it.
 */
export function startScribeService(host: ServiceHost): StartingService {
  const opener = libraryOpener(host.emit);
  const ready = openService(host, opener);
  // Not an unhandled rejection while nobody has asked yet: the host reports the failure through `ready`,
  // and each waiting request gets it as its own error.
  ready.catch(() => {});
  const handlers = Object.fromEntries(
    requestNames.map((name) => [
      name,
      async (request: never) => ((await ready).handlers[name] as (request: never) => Promise<unknown>)(request),
    ]),
  ) as RequestHandlers;
  handlers.getLibraryMigration = async () => opener.current();
  return { handlers, ready };
}

/** As `startScribeService`, resolving once the library is open. */
export function createScribeService(host: ServiceHost): Promise<ScribeService> {
  return startScribeService(host).ready;
}

async function openService(host: ServiceHost, opener: LibraryOpener): Promise<ScribeService> {
  const settings = await SettingsStore.open(host.dataDir);
  const openLibrary = (path: string, backend: Settings['backend']): Promise<Store> =>
    opener.open(path, { backend, migrationPause: host.migrationPause });
  let store = await openLibrary(settings.get().databasePath, settings.get().backend);

  const importer = createImporter(settings.get(), {
    store,
    spawn: host.spawnWorker,
    workerEntry: host.workerEntry,
    fileTimeoutMs: host.fileTimeoutMs,
    listener: {
      started: (e) => host.emit('importStarted', e),
      progress: (p) => host.emit('importProgress', p),
      file: (r) => host.emit('fileResult', r),
      finished: (s) => host.emit('importFinished', s),
    },
  });

  const watching = host.watch !== false;
  const watcher = new WatchService({ importer, timings: host.watchTimings, onStatus: () => void pushWatchStatus() });
  const watchStatus = async (): Promise<WatchStatus> => {
    const folders = watcher.status();
    let suggestions: string[] = [];
    try {
      suggestions = await systemSaveFolderSuggestions(settings.get().watchFolders);
    } catch {
      // Suggestions are a convenience: none rather than an error.
    }
    return { folders, suggestions };
  };
  let lastPushed = '';
  let closed = false;
  let pushing: Promise<void> = Promise.resolve();
  /** Pushes the status when it changed; one at a time, so events arrive in order. */
  function pushWatchStatus(): Promise<void> {
    pushing = pushing
      .then(async () => {
        const status = await watchStatus();
        const json = JSON.stringify(status);
        if (closed || json === lastPushed) return;
        lastPushed = json;
        host.emit('watchStatus', status);
      })
      .catch(() => {});
    return pushing;
  }
  const watchFolders = (folders: string[]): void => {
    if (!watching) return;
    // Not awaited: a first scan of a big or remote folder must not hold up the caller; status events follow.
    void watcher.setFolders(folders).catch(() => {});
  };
  watchFolders(settings.get().watchFolders);

  const exports = exportJobs(() => ({ path: settings.get().databasePath, backend: settings.get().backend }), host.emit);

  const sampleFolder = samplesFolder(host.dataDir);
  /** Making or removing samples rewrites their folder: not while a run may be reading it. */
  let samplesBusy = false;
  async function withSamples<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (importer.running || samplesBusy)
      throw new ScribeRequestError('USAGE', `The sample saves can be ${what} once the current import has finished.`);
    samplesBusy = true;
    try {
      return await fn();
    } finally {
      samplesBusy = false;
    }
  }

  const readContext = (db: SqlRunner): ReadContext => ({ db, isSample: (file) => isSamplePath(file, sampleFolder) });
  const study = Object.fromEntries(
    Object.entries(readModels).map(([name, model]) => [
      name,
      (request: never) => store.read((db) => (model as (ctx: ReadContext, r: never) => Promise<unknown>)(readContext(db), request)),
    ]),
  ) as Pick<RequestHandlers, StudyRequestName>;

  const handlers: RequestHandlers = {
    ...study,
    getAppInfo: async () => {
      const s = settings.get();
      return { version: host.version, dataDir: host.dataDir, databasePath: s.databasePath, backend: s.backend, host: host.host };
    },
    pickFiles: () => host.pickFiles(),
    pickFolders: () => host.pickFolders(),
    // Payloads reach these handlers checked against their schemas (serve-request.ts).
    startImport: async (request) => importer.run('import', request.paths).started,
    cancelImport: async () => ({ cancelled: importer.cancel() }),
    retryFailed: async () => (await importer.retryFailed())?.started ?? null,
    resumeImport: async () => (await importer.resume())?.started ?? null,
    getImportState: () => importer.state(),
    listSaves: async (query) => markSamplePage(await store.listSaves(query), sampleFolder),
    saveDetail: async (request) => markSampleDetail(await store.saveDetail(request.saveId), sampleFolder),
    deleteSave: async (request) => ({ deleted: await store.deleteSave(request.saveId) }),
    ledgerHistory: (query) => store.ledgerHistory(query),
    getSettings: async () => settings.get(),
    setSettings: async (patch) => {
      const before = settings.get();
      const wanted = settings.preview(patch);
      if (wanted.databasePath !== before.databasePath || wanted.backend !== before.backend) {
        if (importer.running) throw new ScribeRequestError('USAGE', 'The database cannot be changed while an import is running.');
        // Opened before anything is saved: a database that cannot be used leaves the settings as they were.
        let next: Store;
        try {
          next = await openLibrary(wanted.databasePath, wanted.backend);
        } catch (err) {
          const cannot = `The database ${wanted.databasePath} cannot be used`;
          if (err instanceof LibraryError) throw new ScribeRequestError(err.code, `${cannot}: ${err.explanation}`);
          throw new ScribeRequestError('INTERNAL', `${cannot}: ${err instanceof Error ? err.message : String(err)}`);
        }
        await store.close();
        store = next;
        importer.configure({ store });
        // The new library's ledger knows none of the watched files: offer them all again.
        if (watching) void watcher.refresh();
      }
      const after = await settings.update(patch);
      reconfigureImporter(importer, after);
      if (JSON.stringify(after.watchFolders) !== JSON.stringify(before.watchFolders)) {
        watchFolders(after.watchFolders);
        void pushWatchStatus();
      }
      return settings.get();
    },
    getWatchStatus: () => watchStatus(),
    openDataFolder: async () => host.openFolder(host.dataDir),
    importSamples: () =>
      withSamples('made', async () => {
        await writeSamples(sampleFolder);
        return importer.run('import', [sampleFolder]).started;
      }),
    removeSamples: () => withSamples('removed', () => removeSamples(store, sampleFolder)),
    getSampleStatus: () => sampleStatus(store, sampleFolder),
    exportLibrary: async (request) => {
      exports.assertCanStart();
      const outDir = (await host.pickExportFolder?.()) ?? null;
      if (outDir === null) return null;
      exports.start(request.format, outDir);
      return { outDir };
    },
    saveCsv: async (request) => {
      const { suggestedName, csv } = request;
      const file = await host.pickSaveFile?.(suggestedName.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'scribe.csv');
      if (file == null) return null;
      await fs.writeFile(file, csv, 'utf8');
      return { path: file };
    },
    getLibraryMigration: async () => opener.current(),
  };

  return {
    handlers,
    importer,
    watcher,
    settings,
    close: async () => {
      closed = true;
      await watcher.close();
      importer.stop();
      await Promise.all([importer.idle(), exports.idle()]);
      await store.close();
    },
  };
}
