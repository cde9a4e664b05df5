import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { eventChannel, requestChannel, requestNames, type EventSink, type RequestHandlers } from '../shared/contract.js';
import { toFailure } from '../engine/errors.js';

/**
 * Registers one `ipcMain.handle` per contract request. Every call is checked
 * to come from our own window's top frame loaded from our own files.
 */
export function registerHandlers(handlers: RequestHandlers, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of requestNames) {
    ipcMain.handle(requestChannel(name), async (event, request: unknown) => {
      if (!isTrustedSender(event)) throw new Error(`Refused ${name}: untrusted sender`);
      try {
        return await (handlers[name] as (r: unknown) => Promise<unknown>)(request);
      } catch (err) {
        // Errors cross IPC as plain messages; keep the stable code in front for the renderer.
        const failure = toFailure(err);
        throw new Error(`${failure.code}: ${failure.message}`);
      }
    });
  }
}

export function windowEventSink(getWindow: () => BrowserWindow | null): EventSink {
  return (name, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(eventChannel(name), payload);
  };
}
