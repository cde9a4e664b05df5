/**
 * Runs in the browser before the app: installs `window.scribe` built by the
 * same `buildBridge` as the preload, over the harness WebSocket instead of
 * Electron IPC; each call resolves to the server's outcome, as over IPC.
 */
import { buildBridge } from '../../src/shared/bridge';
import type { EventName, Events } from '../../src/shared/contract';
import { harnessPaths, type CallMessage, type ServerMessage } from './protocol';

const token = new URLSearchParams(location.search).get('token') ?? '';
const socket = new WebSocket(`ws://${location.host}${harnessPaths.socket}?token=${encodeURIComponent(token)}`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('Harness connection failed')), { once: true });
});

let nextId = 1;
const pending = new Map<number, (outcome: unknown) => void>();
const listeners = new Map<EventName, Set<(payload: never) => void>>();

socket.addEventListener('message', (event) => {
  const message = JSON.parse(String(event.data)) as ServerMessage;
  if ('event' in message) {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload as never);
    return;
  }
  const resolve = pending.get(message.id);
  if (!resolve) return;
  pending.delete(message.id);
  resolve(message.outcome);
});

window.scribe = buildBridge(
  async (name, request) => {
    await opened;
    const id = nextId++;
    const message: CallMessage = { id, name, request };
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify(message));
    });
  },
  <K extends EventName>(name: K, listener: (payload: Events[K]) => void) => {
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  },
);

// Tests drop File objects named with the absolute path they stand for.
window.scribeFiles = { pathOf: (file) => file.name };
