/**
 * The browser test harness: serves the built renderer to a real browser and
 * answers the contract over a loopback WebSocket by calling the real engine
 * service in this Node process. Only the native dialogs are replaced: tests
 * say what a "pick" returns.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventSink, RequestHandlers } from '../../src/shared/contract';
import { serveRequest } from '../../src/engine/serve-request';
import { forkSpawner } from '../../src/engine/pipeline/fork-spawner';
import type { WorkerSpawner } from '../../src/engine/pipeline/worker-handle';
import { startScribeService } from '../../src/engine/service';
import { harnessPaths, type CallMessage, type ServerMessage } from './protocol';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.join(root, 'out/renderer');
const bridgeFile = path.join(root, 'out/harness/bridge.js');
export const engineWorkerEntry = path.join(root, 'out/engine/parse-worker.js');

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface Harness {
  /** Open this in the browser (it carries the session token). */
  url: string;
  dataDir: string;
  handlers: RequestHandlers;
  /** What the next "Import saves…" / "Import folder…" dialog returns. */
  setPickResult(kind: 'files' | 'folders', paths: string[]): void;
  /** What the next export folder dialog and save dialog return (null: cancelled, the default). */
  setExportPick(kind: 'folder' | 'saveFile', path: string | null): void;
  /** Every event the engine pushed, in order, for assertions. */
  events: { name: string; payload: unknown }[];
  /** Lets held workers (see `holdWorkers`) start on their jobs. */
  releaseWorkers(): void;
  /** Lets a held conversion (see `holdMigration`) take its next step: it reports it, then waits again. */
  stepMigration(): void;
  /** Lets a held conversion run to its end. */
  releaseMigration(): void;
  /** Resolves once the library is open (rejects as its open failed). */
  libraryOpen: Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** A fresh temporary folder when omitted; removed on close. */
  dataDir?: string;
  /** Workers get no message until `releaseWorkers()`: an import stays running, for tests of progress and cancel. */
  holdWorkers?: boolean;
  /**
   * A library from an older Scribe waits after each step of its conversion until `stepMigration()` or
   * `releaseMigration()`, and the harness serves the page meanwhile, for tests of the conversion's status.
   * Without it the harness starts once the library is open, and fails to start as its open failed.
   */
  holdMigration?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-harness-')));
  const token = randomBytes(24).toString('hex');
  const picks = { files: [] as string[], folders: [] as string[] };
  const exportPicks = { folder: null as string | null, saveFile: null as string | null };
  const sockets = new Set<WebSocket>();
  const events: Harness['events'] = [];

  const emit: EventSink = (name, payload) => {
    events.push({ name, payload });
    const text = JSON.stringify({ event: name, payload } satisfies ServerMessage);
    for (const socket of sockets) socket.send(text);
  };

  let held = options.holdWorkers === true;
  const heldSends: (() => void)[] = [];
  const spawnWorker: WorkerSpawner = (entry, spawnOptions) => {
    const worker = forkSpawner(entry, spawnOptions);
    return { ...worker, send: (message) => (held ? heldSends.push(() => worker.send(message)) : worker.send(message)) };
  };

  let migrationHeld = options.holdMigration === true;
  let stepsAllowed = 0;
  const heldSteps: (() => void)[] = [];
  const migrationPause = (): Promise<void> => {
    if (!migrationHeld) return Promise.resolve();
    if (stepsAllowed > 0) {
      stepsAllowed--;
      return Promise.resolve();
    }
    return new Promise((resolve) => heldSteps.push(resolve));
  };

  const starting = startScribeService({
    host: 'harness',
    version: 'harness',
    dataDir,
    pickFiles: async () => picks.files,
    pickFolders: async () => picks.folders,
    pickExportFolder: async () => exportPicks.folder,
    pickSaveFile: async () => exportPicks.saveFile,
    openFolder: async () => {},
    spawnWorker,
    workerEntry: engineWorkerEntry,
    emit,
    migrationPause,
  });
  const libraryOpen = starting.ready.then(() => undefined);
  if (!migrationHeld) await libraryOpen;

  const server = http.createServer((req, res) => void serve(req, res));
  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        if (url.searchParams.get('token') !== token) return void res.writeHead(403).end('Forbidden');
        const html = await fs.readFile(path.join(rendererDir, 'index.html'), 'utf8');
        const withBridge = html
          .replace('<script', `<script src="${harnessPaths.bridgeScript}"></script>\n    <script`)
          .replace("connect-src 'self'", `connect-src 'self' ws://${req.headers.host ?? ''}`);
        return void res.writeHead(200, { 'content-type': mimeTypes['.html'] }).end(withBridge);
      }
      const file = url.pathname === harnessPaths.bridgeScript ? bridgeFile : path.join(rendererDir, path.normalize(url.pathname));
      if (!file.startsWith(rendererDir) && file !== bridgeFile) return void res.writeHead(403).end();
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': mimeTypes[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  }

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== harnessPaths.socket || url.searchParams.get('token') !== token) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => void answer(ws, String(data)));
    });
  });

  async function answer(ws: WebSocket, text: string): Promise<void> {
    let call: CallMessage;
    try {
      call = JSON.parse(text) as CallMessage;
    } catch {
      return;
    }
    const reply: ServerMessage = { id: call.id, outcome: await serveRequest(starting.handlers, call.name, call.request) };
    ws.send(JSON.stringify(reply));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    dataDir,
    handlers: starting.handlers,
    events,
    libraryOpen,
    setPickResult: (kind, paths) => {
      picks[kind] = paths;
    },
    setExportPick: (kind, value) => {
      exportPicks[kind] = value;
    },
    releaseWorkers: () => {
      held = false;
      for (const send of heldSends.splice(0)) send();
    },
    stepMigration: () => {
      const next = heldSteps.shift();
      if (next) next();
      else stepsAllowed++;
    },
    releaseMigration: () => {
      migrationHeld = false;
      for (const resolve of heldSteps.splice(0)) resolve();
    },
    close: async () => {
      for (const socket of sockets) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      migrationHeld = false;
      for (const resolve of heldSteps.splice(0)) resolve();
      // A library that failed to open has nothing to close.
      await (await starting.ready.catch(() => null))?.close();
      if (ownsDataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
