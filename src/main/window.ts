import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const rendererIndex = (dir: string) => path.join(dir, '../renderer/index.html');

export function createMainWindow(mainDir: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Scribe',
    backgroundColor: '#1b1d22',
    webPreferences: {
      preload: path.join(mainDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());

  // Nothing but our own files is ever loaded in the window, and it opens no other window.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());

  void win.loadFile(rendererIndex(mainDir));
  return win;
}

/** True when an IPC call comes from the main frame of our window showing our own index.html. */
export function trustedSender(mainDir: string, getWindow: () => BrowserWindow | null) {
  const expected = pathToFileURL(rendererIndex(mainDir)).href;
  return (event: IpcMainInvokeEvent): boolean => {
    const win = getWindow();
    const frame = event.senderFrame;
    if (!win || !frame || event.sender !== win.webContents) return false;
    return frame === win.webContents.mainFrame && frame.url.split('#')[0] === expected;
  };
}
