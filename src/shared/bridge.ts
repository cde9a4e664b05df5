import {
  eventNames,
  listenerMethod,
  requestNames,
  type EventName,
  type Events,
  type RequestName,
  type ScribeBridge,
  type Unsubscribe,
} from './contract.js';

export type Invoke = (name: RequestName, request: unknown) => Promise<unknown>;
export type Subscribe = <K extends EventName>(name: K, listener: (payload: Events[K]) => void) => Unsubscribe;

/**
 * Builds the renderer's bridge object from a transport. The preload (over
 * Electron IPC) and the test harness client (over a WebSocket) both use it,
 * so the object the renderer sees is the same shape in the app and in tests.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): ScribeBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of requestNames) {
    bridge[name] = (request?: unknown) => invoke(name, request);
  }
  for (const name of eventNames) {
    bridge[listenerMethod(name)] = (listener: (payload: Events[typeof name]) => void) => subscribe(name, listener);
  }
  return bridge as ScribeBridge;
}
