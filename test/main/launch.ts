/**
 * Starts src/main/index.ts as Electron would, against the stand-in: a fresh
 * module registry per launch (one launch is one app process, so two launches
 * can race for the single-instance lock), its argv and SCRIBE_DATA_DIR, then
 * `ready`. Resolves once the window has shown, or the app has quit.
 */
import { once } from 'node:events';
import path from 'node:path';
import { vi } from 'vitest';
import type * as StandInModule from './electron-stand-in';
import {
  eventChannel,
  requestChannel,
  type EventName,
  type Events,
  type RequestName,
  type RequestOf,
  type ResponseOf,
} from '../../src/shared/contract';
import { unwrapOutcome } from '../../src/shared/request-errors';

export type StandIn = typeof StandInModule;
type Window = InstanceType<StandIn['BrowserWindow']>;

const root = path.resolve(import.meta.dirname, '../..');

export interface LaunchOptions {
  dataDir: string;
  /** File arguments, as after `electron out/main/index.js` (or after the packaged executable). */
  args?: string[];
  isPackaged?: boolean;
  /** Another parse-worker entry in place of the built one (vitest.config.ts's modulePath stand-in). */
  workerEntry?: string;
}

export interface Launched {
  electron: StandIn;
  /** null when the app quit during start (second instance, start failure). */
  window: Window | null;
  /** A request from the window's own page, through the registered IPC channel; a refusal throws `ScribeRequestError`. */
  invoke<K extends RequestName>(name: K, request?: RequestOf<K>): Promise<ResponseOf<K>>;
  /** Every event main pushed to the window so far. */
  events<K extends EventName>(name: K): Events[K][];
  /** The first event (already pushed or to come) that matches. */
  waitForEvent<K extends EventName>(name: K, match?: (payload: Events[K]) => boolean): Promise<Events[K]>;
  /** Quits as the user would, and resolves when the app is gone (workers stopped, database closed). */
  quit(): Promise<void>;
}

const running = new Set<Launched>();

export async function launch(options: LaunchOptions): Promise<Launched> {
  vi.resetModules();
  const electron = (await import('./electron-stand-in')) as StandIn;
  const { app } = electron;
  app.isPackaged = options.isPackaged === true;
  const saved = { argv: process.argv, dataDir: process.env.SCRIBE_DATA_DIR, worker: process.env.SCRIBE_TEST_WORKER_ENTRY };
  const executable = app.isPackaged ? [path.join(root, 'release', 'scribe-app')] : [process.execPath, path.join(root, 'out/main/index.js')];
  process.argv = [...executable, ...(options.args ?? [])];
  process.env.SCRIBE_DATA_DIR = options.dataDir;
  if (options.workerEntry) process.env.SCRIBE_TEST_WORKER_ENTRY = options.workerEntry;
  else delete process.env.SCRIBE_TEST_WORKER_ENTRY;
  let window: Window | null;
  try {
    const created = once(app, 'browser-window-created').then(([, win]) => win as Window);
    const quit = once(app, 'quit').then(() => null);
    await import('../../src/main/index');
    app.emitReady();
    window = await Promise.race([created, quit]);
    if (window && !window.isVisible()) await Promise.race([once(window, 'ready-to-show'), quit]);
  } finally {
    process.argv = saved.argv;
    restoreEnv('SCRIBE_DATA_DIR', saved.dataDir);
    restoreEnv('SCRIBE_TEST_WORKER_ENTRY', saved.worker);
  }

  const sent = <K extends EventName>(name: K): Events[K][] =>
    (window?.webContents.sent ?? []).filter((m) => m.channel === eventChannel(name)).map((m) => m.args[0] as Events[K]);
  const launched: Launched = {
    electron,
    window,
    invoke: async (name, request) => {
      if (!window) throw new Error('No window');
      return unwrapOutcome(
        await electron.invokeFrom(window.webContents, window.webContents.mainFrame, requestChannel(name), request),
      ) as never;
    },
    events: sent,
    waitForEvent: (name, match = () => true) =>
      new Promise((resolve) => {
        const found = sent(name).find(match);
        if (found !== undefined) return resolve(found);
        const listener = (channel: string, args: unknown[]) => {
          if (channel !== eventChannel(name) || !match(args[0] as Events[typeof name])) return;
          window!.webContents.off('stand-in:sent', listener);
          resolve(args[0] as Events[typeof name]);
        };
        window!.webContents.on('stand-in:sent', listener);
      }),
    quit: async () => {
      running.delete(launched);
      if (app.quitted) return;
      const gone = once(app, 'quit');
      app.quit();
      await gone;
    },
  };
  running.add(launched);
  return launched;
}

/** For afterEach: quits whatever a failed test left running. */
export async function quitAll(): Promise<void> {
  for (const launched of [...running]) await launched.quit();
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
