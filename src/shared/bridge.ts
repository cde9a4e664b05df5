import {
  eventNames,
  listenerMethod,
  requestNames,
  type EventName,
  type Events,
  type ExposedBridge,
  type RequestName,
  type ScribeBridge,
  type Unsubscribe,
} from './contract.js';
import { unwrapOutcome } from './request-errors.js';

/** Sends one request and resolves to its outcome (`RequestOutcome`), whatever the answer. */
export type Invoke = (name: RequestName, request: unknown) => Promise<unknown>;
export type Subscribe = <K extends EventName>(name: K, listener: (payload: Events[K]) => void) => Unsubscribe;

/**
 * Builds the exposed bridge object from a transport. The preload (over
 * Electron IPC) and the test harness client (over a WebSocket) both use it,
 * so the object the renderer sees is the same shape in the app and in tests.
 */
export function buildBridge(invoke: Invoke, subscribe: Subscribe): ExposedBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of requestNames) {
    bridge[name] = (request?: unknown) => invoke(name, request);
  }
  for (const name of eventNames) {
    bridge[listenerMethod(name)] = (listener: (payload: Events[typeof name]) => void) => subscribe(name, listener);
  }
  return bridge as ExposedBridge;
}

/**
 * The renderer's bridge over the exposed one: each call resolves to its
 * answer or throws a `ScribeRequestError` with the code. This runs in the
 * renderer's own world, because an error thrown inside the preload reaches
 * the page as a plain Error with only its message.
 */
export function unwrapBridge(exposed: ExposedBridge): ScribeBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of requestNames) {
    const call = exposed[name] as (request?: unknown) => Promise<unknown>;
    bridge[name] = async (request?: unknown) => unwrapOutcome(await call(request));
  }
  for (const name of eventNames) bridge[listenerMethod(name)] = exposed[listenerMethod(name)];
  return bridge as ScribeBridge;
}
