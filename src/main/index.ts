import { app, type BrowserWindow, dialog, Menu, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import workerEntry from '../engine/worker/parse-worker?modulePath';
import { startScribeService, type ScribeService } from '../engine/service.js';
import type { RequestHandlers } from '../shared/contract.js';
import { logEvent, RotatingLog } from '../engine/rotating-log.js';
import { buildMenu } from './menu.js';
import { unpackedPath } from './packaged-path.js';
import { watchRunNotifier } from './notify.js';
import { registerHandlers, windowEventSink } from './ipc.js';
import { utilitySpawner } from './utility-spawner.js';
import { createMainWindow, trustedSender } from './window.js';

const mainDir = path.dirname(fileURLToPath(import.meta.url));
// SCRIBE_DATA_DIR moves everything (settings, logs, database, Chromium's storage) for tests and portable use.
if (process.env.SCRIBE_DATA_DIR) app.setPath('userData', path.resolve(process.env.SCRIBE_DATA_DIR));
let win: BrowserWindow | null = null;
let log: RotatingLog | null = null;
/** Set once the library is open; until then `handlers` serves the window (its requests wait for the library). */
let service: ScribeService | null = null;
let handlers: RequestHandlers | null = null;

/** Archives passed on the command line (or to a second launch) are imported at once. */
const pathsFromArgv = (argv: string[]): string[] =>
  argv
    .slice(app.isPackaged ? 1 : 2)
    .filter((a) => !a.startsWith('-'))
    .map((a) => path.resolve(a));

async function pick(kind: 'files' | 'folders'): Promise<string[]> {
  const options: Electron.OpenDialogOptions =
    kind === 'files'
      ? {
          title: 'Import Old World saves',
          properties: ['openFile', 'multiSelections'],
          filters: [
            { name: 'Old World saves', extensions: ['zip'] },
            { name: 'All files', extensions: ['*'] },
          ],
        }
      : { title: 'Import folders of saves', properties: ['openDirectory', 'multiSelections'] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

async function pickExportFolder(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Export the library to a folder',
    buttonLabel: 'Export here',
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]!;
}

async function pickSaveFile(suggestedName: string): Promise<string | null> {
  const options: Electron.SaveDialogOptions = {
    title: 'Save as CSV',
    defaultPath: path.join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function importFromMenu(kind: 'files' | 'folders'): Promise<void> {
  const paths = await pick(kind);
  if (paths.length > 0 && handlers) await handlers.startImport({ paths });
}

async function start(): Promise<void> {
  const appLog = new RotatingLog(path.join(app.getPath('userData'), 'logs', 'scribe.log'));
  log = appLog;
  appLog.write('info', `Scribe ${app.getVersion()} started`);
  const toWindow = windowEventSink(() => win);
  const notifyWatchRuns = watchRunNotifier(() => win);
  const starting = startScribeService({
    host: 'electron',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    pickFiles: () => pick('files'),
    pickFolders: () => pick('folders'),
    pickExportFolder,
    pickSaveFile,
    openFolder: async (folder) => {
      await shell.openPath(folder);
    },
    spawnWorker: utilitySpawner,
    workerEntry: unpackedPath(workerEntry),
    emit: (name, payload) => {
      toWindow(name, payload);
      logEvent(appLog, name, payload);
      notifyWatchRuns(name, payload);
    },
  });
  handlers = starting.handlers;
  registerHandlers(
    starting.handlers,
    trustedSender(mainDir, () => win),
  );
  Menu.setApplicationMenu(
    buildMenu({
      importFiles: () => void importFromMenu('files'),
      importFolders: () => void importFromMenu('folders'),
      openDataFolder: () => void starting.handlers.openDataFolder(),
    }),
  );
  // The window comes first: opening a library from an older Scribe converts it, and the window shows that
  // (libraryMigration events) instead of the player seeing nothing for tens of seconds.
  win = createMainWindow(mainDir);
  win.on('closed', () => (win = null));
  const initial = pathsFromArgv(process.argv);
  if (initial.length > 0) win.webContents.once('did-finish-load', () => void starting.handlers.startImport({ paths: initial }));
  service = await starting.ready;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const paths = pathsFromArgv(argv);
    if (paths.length > 0) void handlers?.startImport({ paths });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app
    .whenReady()
    .then(() => {
      // The app needs no browser permission (camera, notifications from pages, ...): refuse every request.
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      session.defaultSession.setPermissionCheckHandler(() => false);
      return start();
    })
    .catch((err: unknown) => {
      // A library that cannot be opened (say) must not leave a running app with no window.
      log?.write('error', `Scribe could not start: ${String(err)}`);
      // The window may be up already (it shows a conversion while the library opens): quitting closes it.
      dialog.showErrorBox('Scribe could not start', err instanceof Error ? err.message : String(err));
      app.quit();
    });
  app.on('window-all-closed', () => app.quit());
  let closing: Promise<void> | null = null;
  app.on('before-quit', (event) => {
    // Electron does not wait for a listener's promise: hold the quit until workers are stopped and the
    // database is closed, then quit again (service is null by then, so this lets it through). Before the
    // library is open there is nothing to stop: a conversion commits each step, and the next start resumes it.
    if (!service) return;
    event.preventDefault();
    closing ??= service
      .close()
      .catch((err: unknown) => log?.write('error', `Closing the library failed: ${String(err)}`))
      .finally(() => {
        service = null;
        app.quit();
      });
  });
}
