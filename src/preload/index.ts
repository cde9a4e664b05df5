import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBridge } from '../shared/bridge.js';
import { eventChannel, requestChannel, type Events, type ScribeFiles } from '../shared/contract.js';

/**
 * Exposes exactly the contract (and nothing that sends on an arbitrary
 * channel) as `window.scribe`, plus `window.scribeFiles.pathOf` for
 * drag-and-drop, since sandboxed renderers cannot see file paths. Each call
 * resolves to main's outcome as data; the renderer's `unwrapBridge` turns a
 * refusal into a typed error on its side of the context bridge.
 */
const bridge = buildBridge(
  (name, request) => ipcRenderer.invoke(requestChannel(name), request),
  <K extends keyof Events>(name: K, listener: (payload: Events[K]) => void) => {
    const channel = eventChannel(name);
    const handler = (_event: Electron.IpcRendererEvent, payload: Events[K]) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => ipcRenderer.removeListener(channel, handler);
  },
);

contextBridge.exposeInMainWorld('scribe', bridge);
const files: ScribeFiles = { pathOf: (file) => webUtils.getPathForFile(file) };
contextBridge.exposeInMainWorld('scribeFiles', files);
