import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { eventChannel, requestChannel, requestNames, type EventSink, type RequestHandlers } from '../shared/contract.js';
import { serveRequest } from '../engine/serve-request.js';

/**
 * Registers one `ipcMain.handle` per contract request. Every call is checked
 * to come from our own window's top frame loaded from our own files, and its
 * payload against the request's schema; the answer is an outcome
 * (`{ ok, value }` or `{ ok: false, error: { code, message } }`), since an
 * Error thrown here would reach the renderer as its message only.
 */
export function registerHandlers(handlers: RequestHandlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of requestNames) {
    ipcMain.handle(requestChannel(name), async (event, request: unknown) => {
      if (!isTrustedSender(event)) throw new Error(`Refused ${name}: untrusted sender`);
      return serveRequest(handlers, name, request);
    });
  }
}

export function windowEventSink(getWindow: () => BrowserWindow | null): EventSink {
  return (name, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(eventChannel(name), payload);
  };
}
