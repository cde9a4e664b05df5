/**
 * A stand-in for the parts of `electron` that src/main and src/preload use,
 * for Node tests: no Electron binary can run on the build machines. The
 * `main` vitest project aliases `electron` to this file. It behaves as
 * Electron documents (events and their order, a second `ipcMain.handle` on a
 * channel throws, invoke errors arrive wrapped, values cross IPC by
 * structured clone), and `utilityProcess.fork` starts the real worker entry
 * in a real child process that gets Electron's `process.parentPort`
 * (parent-port-preload.mjs). Tests drive it through `standIn`, the
 * user's and the OS's side: clicks, dialog answers, navigation, a second launch.
 *
 * One module instance is one app process: test/main/launch.ts resets the
 * module registry for each launch. What processes share (the single-instance
 * lock) lives on globalThis.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type Electron from 'electron';

/** Electron's preventable event object (the first argument of most events). */
export interface StandInEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
function preventable<T extends object>(extra: T = {} as T): StandInEvent & T {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

const root = path.resolve(import.meta.dirname, '../..');

// ---------------------------------------------------------------- app

interface InstanceRegistry {
  /** userData folder -> the app holding the single-instance lock there. */
  locks: Map<string, App>;
}
const registry: InstanceRegistry = ((globalThis as Record<symbol, InstanceRegistry>)[Symbol.for('scribe.electron-stand-in')] ??= {
  locks: new Map(),
});

class App extends EventEmitter {
  isPackaged = false;
  private readonly paths = new Map<string, string>();
  private ready = false;
  private readonly readyWaiters: (() => void)[] = [];
  quitting = false;
  quitted = false;
  private lockHeld = false;

  constructor() {
    super();
    const appData = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
    this.paths.set('appData', appData);
    this.paths.set('userData', path.join(appData, this.getName()));
    this.paths.set('temp', os.tmpdir());
    this.paths.set('home', os.homedir());
    this.paths.set('documents', path.join(os.homedir(), 'Documents'));
  }

  getName(): string {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string }).productName;
  }
  /** Unpackaged, Electron reports the app's package.json version. */
  getVersion(): string {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }
  setPath(name: string, value: string): void {
    if (!path.isAbsolute(value)) throw new Error(`Path must be absolute: ${value}`);
    this.paths.set(name, value);
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }
  /** Electron emits `ready` once the main script has run; launch.ts calls this after importing it. */
  emitReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.emit('ready', preventable(), {});
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /**
   * The lock is per userData folder (as in Electron). A second process that
   * asks for it gets false, and the holder gets `second-instance` with the
   * second process's argv and working directory.
   */
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    const key = this.getPath('userData');
    const holder = registry.locks.get(key);
    if (holder && holder !== this && !holder.quitted) {
      const argv = [...process.argv];
      const cwd = process.cwd();
      setImmediate(() => holder.emit('second-instance', preventable(), argv, cwd, structuredClone(additionalData ?? {})));
      return false;
    }
    registry.locks.set(key, this);
    this.lockHeld = true;
    return true;
  }
  hasSingleInstanceLock(): boolean {
    return this.lockHeld;
  }
  releaseSingleInstanceLock(): void {
    if (!this.lockHeld) return;
    this.lockHeld = false;
    const key = this.getPath('userData');
    if (registry.locks.get(key) === this) registry.locks.delete(key);
  }

  /**
   * Electron's order: `before-quit` (preventable), then every window is
   * closed (no `window-all-closed` then), `will-quit` (preventable), `quit`.
   */
  quit(): void {
    if (this.quitted) return;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const win of BrowserWindow.getAllWindows()) {
      win.close();
      if (!win.isDestroyed()) {
        this.quitting = false; // a window refused to close: quitting is cancelled.
        return;
      }
    }
    const will = preventable();
    this.emit('will-quit', will);
    if (will.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.exit(0);
  }
  /** Quits at once, with no `before-quit`/`will-quit`. */
  exit(exitCode = 0): void {
    if (this.quitted) return;
    this.quitted = true;
    this.releaseSingleInstanceLock();
    for (const child of utilityChildren) child.kill();
    this.emit('quit', preventable(), exitCode);
  }
}

export const app = new App();

// ---------------------------------------------------------------- frames, webContents, windows

/** The parts of WebFrameMain the sender check reads. */
export class StandInFrame {
  readonly frames: StandInFrame[] = [];
  constructor(
    public url: string,
    public readonly parent: StandInFrame | null = null,
  ) {
    parent?.frames.push(this);
  }
  get top(): StandInFrame {
    return this.parent ? this.parent.top : this;
  }
}

export interface SentMessage {
  channel: string;
  args: unknown[];
}

let nextContentsId = 1;
export class WebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new StandInFrame('about:blank');
  /** Everything main sent the renderer, after structured cloning, in order. */
  readonly sent: SentMessage[] = [];
  private windowOpenHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  private destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const cloned = structuredClone(args);
    this.sent.push({ channel, args: cloned });
    this.emit('stand-in:sent', channel, cloned);
  }
  setWindowOpenHandler(handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  async loadFile(file: string): Promise<void> {
    // Electron resolves relative paths against the app's folder; main always passes absolute ones.
    if (!fs.existsSync(file)) {
      this.emit('did-fail-load', preventable(), -6, 'ERR_FILE_NOT_FOUND', pathToFileURL(file).href);
      throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${pathToFileURL(file).href}'`);
    }
    await fs.promises.readFile(file);
    this.mainFrame.url = pathToFileURL(file).href;
    this.emit('dom-ready', preventable());
    this.emit('did-finish-load', preventable());
  }

  // The renderer's and the user's side, for tests:
  /** A page navigating itself (link, location.href): navigates only if no listener prevents it. */
  navigate(url: string): boolean {
    const event = preventable({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    this.emit('will-navigate', event, url);
    if (event.defaultPrevented) return false;
    this.mainFrame.url = url;
    return true;
  }
  /** window.open or a target=_blank link: what the window-open handler decides (no handler: allowed). */
  openWindow(url: string): Electron.WindowOpenHandlerResponse {
    const details = { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: this.getURL(), policy: 'default' } };
    return this.windowOpenHandler ? this.windowOpenHandler(details as Electron.HandlerDetails) : { action: 'allow' };
  }
  /** A `<webview>` about to attach: true when allowed. */
  attachWebview(src: string): boolean {
    const event = preventable();
    this.emit('will-attach-webview', event, { nodeIntegration: false }, { src });
    return !event.defaultPrevented;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
}

const windows = new Set<BrowserWindow>();
let nextWindowId = 1;

export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return [...windows];
  }
  static getFocusedWindow(): BrowserWindow | null {
    return [...windows].find((w) => w.isFocused()) ?? null;
  }

  readonly id = nextWindowId++;
  readonly webContents = new WebContents();
  /** The options main created the window with, as given. */
  readonly options: Electron.BrowserWindowConstructorOptions;
  private visible: boolean;
  private focused: boolean;
  private minimized = false;
  private destroyed = false;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    this.visible = options.show !== false;
    this.focused = this.visible;
    windows.add(this);
    app.emit('web-contents-created', preventable(), this.webContents);
    app.emit('browser-window-created', preventable(), this);
    // Electron fires ready-to-show once the first page has painted.
    this.webContents.once('did-finish-load', () => setImmediate(() => !this.destroyed && this.emit('ready-to-show', preventable())));
  }

  loadFile(file: string): Promise<void> {
    return this.webContents.loadFile(file);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  show(): void {
    this.visible = true;
    this.minimized = false;
    this.focus();
    this.emit('show');
  }
  hide(): void {
    this.visible = false;
    this.blur();
    this.emit('hide');
  }
  focus(): void {
    if (!this.focused) {
      this.focused = true;
      this.emit('focus');
    }
  }
  blur(): void {
    if (this.focused) {
      this.focused = false;
      this.emit('blur');
    }
  }
  minimize(): void {
    this.minimized = true;
    this.blur();
    this.emit('minimize');
  }
  restore(): void {
    this.minimized = false;
    this.emit('restore');
  }
  /** `close` (preventable), then `closed`; the last window closing outside a quit emits `window-all-closed`. */
  close(): void {
    if (this.destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.focused = false;
    windows.delete(this);
    this.webContents.destroy();
    this.emit('closed');
    if (windows.size === 0 && !app.quitting) app.emit('window-all-closed');
  }
}

// ---------------------------------------------------------------- IPC

type InvokeHandler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

class IpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new IpcMain();

/**
 * A renderer's `ipcRenderer.invoke` as Electron runs it: the arguments and
 * the answer are structured-cloned, and a handler's error reaches the
 * renderer as "Error invoking remote method '<channel>': <the error>".
 */
export async function invokeFrom(contents: WebContents, frame: StandInFrame, channel: string, ...args: unknown[]): Promise<unknown> {
  const handler = ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
  const event = { type: 'frame', sender: contents, senderFrame: frame, frameId: 1, processId: 1 } as unknown as Electron.IpcMainInvokeEvent;
  let result: unknown;
  try {
    result = await handler(event, ...structuredClone(args));
  } catch (err) {
    throw new Error(`Error invoking remote method '${channel}': ${String(err)}`);
  }
  return structuredClone(result);
}

/** The renderer's side, for running src/preload: bound to the first window's main frame. */
function rendererContents(): WebContents {
  const win = BrowserWindow.getAllWindows()[0];
  if (!win) throw new Error('The stand-in renderer needs a window');
  return win.webContents;
}
type RendererListener = (event: Electron.IpcRendererEvent, ...args: unknown[]) => void;
const rendererListeners = new Map<RendererListener, (channel: string, args: unknown[]) => void>();
export const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]): Promise<unknown> => {
    const contents = rendererContents();
    return invokeFrom(contents, contents.mainFrame, channel, ...args);
  },
  on(channel: string, listener: RendererListener) {
    const contents = rendererContents();
    const relay = (sentOn: string, args: unknown[]) => {
      if (sentOn === channel) listener({ sender: ipcRenderer } as unknown as Electron.IpcRendererEvent, ...args);
    };
    rendererListeners.set(listener, relay);
    contents.on('stand-in:sent', relay);
    return ipcRenderer;
  },
  removeListener(_channel: string, listener: RendererListener) {
    const relay = rendererListeners.get(listener);
    if (relay) for (const win of BrowserWindow.getAllWindows()) win.webContents.off('stand-in:sent', relay);
    rendererListeners.delete(listener);
    return ipcRenderer;
  },
};

/** What the preload exposed, by key (Electron copies it into the page's world). */
export const mainWorld: Record<string, unknown> = {};
export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (key in mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    mainWorld[key] = api;
  },
};

const filePaths = new WeakMap<object, string>();
export const webUtils = {
  /** Electron gives the path of a File from the file system (a drop, an input), '' for one made by the page. */
  getPathForFile: (file: File): string => filePaths.get(file) ?? '',
};

// ---------------------------------------------------------------- dialogs, menu, notifications, shell, session

export interface DialogCall {
  window: BrowserWindow | null;
  options: Electron.OpenDialogOptions;
}
export const dialog = {
  /** What the next open dialogs answer, in order; with none left, the user cancels. */
  answers: [] as Electron.OpenDialogReturnValue[],
  calls: [] as DialogCall[],
  errorBoxes: [] as { title: string; content: string }[],
  showOpenDialog(
    windowOrOptions: BrowserWindow | Electron.OpenDialogOptions,
    maybeOptions?: Electron.OpenDialogOptions,
  ): Promise<Electron.OpenDialogReturnValue> {
    const window = windowOrOptions instanceof BrowserWindow ? windowOrOptions : null;
    const options = window ? maybeOptions! : (windowOrOptions as Electron.OpenDialogOptions);
    dialog.calls.push({ window, options });
    return Promise.resolve(dialog.answers.shift() ?? { canceled: true, filePaths: [] });
  },
  /** What the next save dialogs answer, in order; with none left, the user cancels. */
  saveAnswers: [] as Electron.SaveDialogReturnValue[],
  saveCalls: [] as { window: BrowserWindow | null; options: Electron.SaveDialogOptions }[],
  showSaveDialog(
    windowOrOptions: BrowserWindow | Electron.SaveDialogOptions,
    maybeOptions?: Electron.SaveDialogOptions,
  ): Promise<Electron.SaveDialogReturnValue> {
    const window = windowOrOptions instanceof BrowserWindow ? windowOrOptions : null;
    const options = window ? maybeOptions! : (windowOrOptions as Electron.SaveDialogOptions);
    dialog.saveCalls.push({ window, options });
    return Promise.resolve(dialog.saveAnswers.shift() ?? { canceled: true, filePath: '' });
  },
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content });
  },
};

export class MenuItem {
  readonly label: string;
  readonly role: string | undefined;
  readonly type: string;
  readonly accelerator: string | undefined;
  readonly submenu: Menu | null;
  private readonly onClick: ((...args: unknown[]) => void) | undefined;
  constructor(options: Electron.MenuItemConstructorOptions) {
    this.label = options.label ?? '';
    this.role = options.role;
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.accelerator = options.accelerator as string | undefined;
    this.onClick = options.click as ((...args: unknown[]) => void) | undefined;
    const sub = options.submenu;
    this.submenu = sub ? (sub instanceof Menu ? sub : Menu.buildFromTemplate(sub as Electron.MenuItemConstructorOptions[])) : null;
  }
  /** The user choosing the item: Electron calls `click(menuItem, focusedWindow, event)`. */
  click(): void {
    this.onClick?.(this, BrowserWindow.getFocusedWindow() ?? undefined, {});
  }
}
let applicationMenu: Menu | null = null;
export class Menu {
  readonly items: MenuItem[] = [];
  static buildFromTemplate(template: (Electron.MenuItemConstructorOptions | MenuItem)[]): Menu {
    const menu = new Menu();
    for (const item of template) menu.items.push(item instanceof MenuItem ? item : new MenuItem(item));
    return menu;
  }
  static setApplicationMenu(menu: Menu | null): void {
    applicationMenu = menu;
  }
  static getApplicationMenu(): Menu | null {
    return applicationMenu;
  }
  /** The item reached by these labels (File, Import Folder…), for tests. */
  find(...labels: string[]): MenuItem | undefined {
    let items = this.items;
    let item: MenuItem | undefined;
    for (const label of labels) {
      item = items.find((i) => i.label.replace('&', '') === label);
      items = item?.submenu?.items ?? [];
    }
    return item;
  }
}

export const shownNotifications: Notification[] = [];
export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  readonly title: string;
  readonly body: string;
  constructor(options: Electron.NotificationConstructorOptions = {}) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
  }
  show(): void {
    shownNotifications.push(this);
    this.emit('show', preventable());
    notificationEvents.emit('shown', this);
  }
  close(): void {
    this.emit('close', preventable());
  }
  /** The user clicking the notification, for tests. */
  click(): void {
    this.emit('click', preventable());
  }
}
/** Tells tests a notification was shown. */
export const notificationEvents = new EventEmitter();

export const shell = {
  opened: [] as string[],
  /** Resolves to '' on success, else an error message (it never rejects). */
  async openPath(target: string): Promise<string> {
    shell.opened.push(target);
    return fs.existsSync(target) ? '' : `Failed to open path`;
  },
};

type PermissionRequestHandler = (contents: WebContents, permission: string, callback: (granted: boolean) => void, details: object) => void;
type PermissionCheckHandler = (contents: WebContents | null, permission: string, origin: string, details: object) => boolean;
class Session {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  /** A page asking for a permission: Electron grants it when no handler is set. */
  requestPermission(contents: WebContents, permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: contents.getURL() }));
  }
  checkPermission(contents: WebContents, permission: string): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(contents, permission, new URL(contents.getURL()).origin, {}) : true;
  }
}
export const session = { defaultSession: new Session() };

// ---------------------------------------------------------------- utility processes

const parentPortPreload = pathToFileURL(path.join(import.meta.dirname, 'parent-port-preload.mjs')).href;
const utilityChildren = new Set<UtilityProcess>();
export const forkedUtilities: { modulePath: string; options: Electron.ForkOptions }[] = [];

/**
 * Electron's UtilityProcess over a real child process. Messages cross as
 * Electron's do, by structured clone: Electron serializes them with V8's
 * serializer (as for a MessagePort), which is what `serialization: 'advanced'`
 * uses too; `structuredClone` first makes Node's only extra (a Buffer arriving
 * as a Buffer) behave as in Electron, where it arrives as a plain Uint8Array,
 * and throws DataCloneError on what Electron would refuse (functions...).
 */
export class UtilityProcess extends EventEmitter {
  private readonly child: ChildProcess;
  pid: number | undefined;
  private exited = false;

  constructor(modulePath: string, args: string[], options: Electron.ForkOptions) {
    super();
    const stdio = options.stdio === 'pipe' ? 'pipe' : options.stdio === 'ignore' ? 'ignore' : 'inherit';
    this.child = fork(modulePath, args, {
      execArgv: [...(options.execArgv ?? []), '--import', parentPortPreload],
      serialization: 'advanced',
      stdio: ['ignore', stdio, stdio, 'ipc'],
      env: (options.env as NodeJS.ProcessEnv | undefined) ?? process.env,
      cwd: options.cwd,
    });
    this.pid = this.child.pid;
    utilityChildren.add(this);
    this.child.once('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', structuredClone(message)));
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      this.pid = undefined;
      utilityChildren.delete(this);
      // Electron reports waitpid's status as one number: the signal's for a killed process.
      this.emit('exit', code ?? (signal ? os.constants.signals[signal] : 1));
    });
  }
  postMessage(message: unknown): void {
    if (this.exited) return;
    this.child.send(structuredClone(message) as never);
  }
  /** SIGTERM on POSIX, as Electron's; false when the process is already gone. */
  kill(): boolean {
    if (this.exited) return false;
    return this.child.kill('SIGTERM');
  }
}

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: Electron.ForkOptions = {}): UtilityProcess {
    if (!path.isAbsolute(modulePath) || !fs.existsSync(modulePath)) throw new Error(`Cannot find module '${modulePath}'`);
    forkedUtilities.push({ modulePath, options });
    return new UtilityProcess(modulePath, args, options);
  },
};

// ---------------------------------------------------------------- test control

export const standIn = {
  app,
  /** A File from the file system, as a drop gives the page (webUtils finds its path). */
  fileFromDisk(file: string): File {
    const f = new File([fs.readFileSync(file)], path.basename(file));
    filePaths.set(f, file);
    return f;
  },
};

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  MenuItem,
  Notification,
  session,
  shell,
  utilityProcess,
  webUtils,
};
