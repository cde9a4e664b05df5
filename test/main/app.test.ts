import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeOldSqliteLibrary } from '../fixtures/old-library';
import { tempDir, writeCorpus } from '../pipeline/helpers';
import { launch, quitAll } from './launch';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('main-app');
});
afterEach(async () => {
  await quitAll();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the main window', () => {
  it('is sandboxed and isolated, loads the CSP’d renderer, and refuses navigation, new windows, webviews and permissions', async () => {
    const app = await launch({ dataDir: path.join(dir, 'data') });
    const win = app.window!;
    expect(app.electron.BrowserWindow.getAllWindows()).toEqual([win]);
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.nodeIntegrationInWorker ?? false).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames ?? false).toBe(false);
    expect(prefs.allowRunningInsecureContent ?? false).toBe(false);
    expect(win.options.show).toBe(false);
    expect(win.isVisible()).toBe(true); // shown on ready-to-show

    // The built layout: out/main/index.js next to out/preload/index.cjs and out/renderer/index.html.
    const mainDir = path.resolve('src/main');
    expect(path.relative(mainDir, prefs.preload!)).toBe(path.join('..', 'preload', 'index.cjs'));
    const loaded = new URL(win.webContents.getURL());
    expect(path.relative(mainDir, decodeURIComponent(loaded.pathname))).toBe(path.join('..', 'renderer', 'index.html'));
    const html = await fs.readFile(decodeURIComponent(loaded.pathname), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

    expect(win.webContents.navigate('https://example.com/')).toBe(false);
    expect(win.webContents.getURL()).toBe(loaded.href);
    expect(win.webContents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(win.webContents.attachWebview('https://example.com/')).toBe(false);
    // Any other webContents (a devtools page, a future window) is held to the same rules app-wide.
    const other = new app.electron.WebContents();
    app.electron.app.emit('web-contents-created', { preventDefault() {} }, other);
    expect(other.navigate('https://example.com/')).toBe(false);
    expect(other.openWindow('https://example.com/')).toEqual({ action: 'deny' });

    const ses = app.electron.session.defaultSession;
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read']) {
      expect(await ses.requestPermission(win.webContents, permission), permission).toBe(false);
      expect(ses.checkPermission(win.webContents, permission), permission).toBe(false);
    }
  });

  it('imports from the menu through the native dialog, opens the data folder, and quits when the window closes', async () => {
    const dataDir = path.join(dir, 'data');
    const saves = path.join(dir, 'saves');
    await writeCorpus(saves, 2);
    const app = await launch({ dataDir });
    const menu = app.electron.Menu.getApplicationMenu()!;
    expect(menu.find('File', 'Import Saves…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(menu.items.map((i) => i.role ?? i.label)).toEqual(['&File', 'editMenu', 'viewMenu', 'windowMenu']);
    expect(menu.find('File')!.submenu!.items.at(-1)!.role).toBe('quit');

    app.electron.dialog.answers.push({ canceled: false, filePaths: [saves] });
    menu.find('File', 'Import Folder…')!.click();
    expect(await app.waitForEvent('importFinished')).toMatchObject({ imported: 2, failed: 0 });
    expect(app.electron.dialog.calls[0]).toMatchObject({
      window: app.window,
      options: { properties: ['openDirectory', 'multiSelections'] },
    });
    // Cancelling the dialog starts nothing.
    menu.find('File', 'Import Saves…')!.click();
    await expect.poll(() => app.electron.dialog.calls.length).toBe(2);
    expect(app.electron.dialog.calls[1]!.options.filters?.[0]?.extensions).toEqual(['zip']);

    menu.find('File', 'Open Database Folder')!.click();
    await expect.poll(() => app.electron.shell.opened).toEqual([dataDir]);

    const quit = once(app.electron.app, 'quit');
    app.window!.close();
    await quit;
    expect(app.events('importStarted')).toHaveLength(1);
    // The log was written and the library closed cleanly (no WAL left behind by a half-closed database).
    expect(await fs.readFile(path.join(dataDir, 'logs', 'scribe.log'), 'utf8')).toMatch(/started/);
    await expect(fs.stat(path.join(dataDir, 'scribe.sqlite-wal'))).rejects.toThrow();
  });

  it('opens its window before a library from an older Scribe is converted, and tells the window every step', async () => {
    const dataDir = path.join(dir, 'data');
    await makeOldSqliteLibrary(path.join(dataDir, 'scribe.sqlite'), 3);
    const app = await launch({ dataDir });
    expect(app.window).not.toBeNull();
    expect(await app.waitForEvent('libraryMigration', (p) => p.phase === 'done')).toEqual({
      version: 6,
      phase: 'done',
      savesDone: 3,
      savesTotal: 3,
    });
    // The first step reached the window: it was there before the conversion began.
    expect(app.events('libraryMigration')[0]).toEqual({ version: 6, phase: 'converting', savesDone: 0, savesTotal: 3 });
    expect((await app.invoke('listSaves', {})).total).toBe(3);
    expect(await app.invoke('getLibraryMigration')).toBeNull();
    expect(await fs.readFile(path.join(dataDir, 'logs', 'scribe.log'), 'utf8')).toMatch(
      /library conversion to schema 6 done at 3 of 3 saves/,
    );
  });

  it('shows an error box and quits when it cannot start', async () => {
    const dataDir = path.join(dir, 'data');
    await fs.mkdir(path.join(dataDir, 'a-folder.sqlite'), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ databasePath: path.join(dataDir, 'a-folder.sqlite') }));
    const app = await launch({ dataDir });
    if (!app.electron.app.quitted) await once(app.electron.app, 'quit');
    // The window comes up before the library is open (it would show a conversion); the quit closed it.
    expect(app.window === null || app.window.isDestroyed()).toBe(true);
    expect(app.electron.app.quitted).toBe(true);
    expect(app.electron.dialog.errorBoxes).toEqual([{ title: 'Scribe could not start', content: expect.any(String) }]);
    expect(await fs.readFile(path.join(dataDir, 'logs', 'scribe.log'), 'utf8')).toMatch(/could not start/);
  });
});

describe('a second launch and watch notifications', () => {
  it('a second launch with files hands them to the first instance, which imports them and comes to the front', async () => {
    const dataDir = path.join(dir, 'data');
    const corpus = await writeCorpus(path.join(dir, 'saves'), 2);
    const first = await launch({ dataDir });
    first.window!.minimize();
    const second = await launch({ dataDir, args: [corpus[0]!.path, '--enable-logging', corpus[1]!.path] });
    expect(second.window).toBeNull();
    expect(second.electron.app.quitted).toBe(true);
    expect(await first.waitForEvent('importFinished')).toMatchObject({ imported: 2 });
    expect(first.window!.isMinimized()).toBe(false);
    expect(first.window!.isFocused()).toBe(true);
    expect((await first.invoke('listSaves', {})).total).toBe(2);

    // Once the first has quit, the lock is free: a new launch is a first instance again.
    await first.quit();
    const third = await launch({ dataDir });
    expect(third.window).not.toBeNull();
  });

  it('tells the player what a watched folder imported while the window was hidden, and a click brings it back', async () => {
    const watched = path.join(dir, 'watched');
    await fs.mkdir(watched);
    const app = await launch({ dataDir: path.join(dir, 'data') });
    await app.invoke('setSettings', { watchFolders: [watched] });

    // Looking at the window: the window itself shows the import, no notification.
    await writeCorpus(watched, 1, { seed: 10 }, 'seen');
    await app.waitForEvent('importFinished', (s) => s.kind === 'watch' && s.imported === 1);
    expect(app.electron.shownNotifications).toHaveLength(0);

    app.window!.hide();
    const shown = once(app.electron.notificationEvents, 'shown');
    await writeCorpus(watched, 1, { seed: 20 }, 'unseen');
    const [notification] = (await shown) as [InstanceType<typeof app.electron.Notification>];
    expect(notification.title).toBe('New saves imported');
    expect(notification.body).toMatch(/^Imported 1 new save: .+\(turn \d+\)\.$/);
    notification.click();
    expect(app.window!.isVisible()).toBe(true);
    expect(app.window!.isFocused()).toBe(true);
  });
});
