/**
 * The one contract between the renderer and whatever serves it: the Electron
 * main process through the preload, or the test harness over a WebSocket.
 * Channel names, the bridge object and the handler table are all derived from
 * the two maps below, so adding or changing a call here breaks the compile of
 * every side until each one agrees.
 */
import type { ExportFormat, ExportOutcome, ExportProgress } from './export.js';
import type { ImportProgress, ImportStarted, FileResult, ImportSummary, ImportState } from './import.js';
import type { LedgerPage, LedgerQuery, LibraryDetail, LibraryPage, SampleStatus, SaveListQuery } from './library.js';
import type { AppInfo, Settings, WatchStatus } from './settings.js';

/** Invoke-style calls: renderer asks, main answers. `void` = no argument. */
export interface Requests {
  getAppInfo: { request: void; response: AppInfo };
  /** Native multi-select dialog for archives; [] when cancelled. */
  pickFiles: { request: void; response: string[] };
  /** Native multi-select dialog for folders; [] when cancelled. */
  pickFolders: { request: void; response: string[] };
  startImport: { request: { paths: string[] }; response: ImportStarted };
  cancelImport: { request: void; response: { cancelled: boolean } };
  /** null when nothing failed. */
  retryFailed: { request: void; response: ImportStarted | null };
  /** null when nothing is left to resume. */
  resumeImport: { request: void; response: ImportStarted | null };
  getImportState: { request: void; response: ImportState };
  listSaves: { request: SaveListQuery; response: LibraryPage };
  saveDetail: { request: { saveId: number }; response: LibraryDetail | null };
  deleteSave: { request: { saveId: number }; response: { deleted: boolean } };
  ledgerHistory: { request: LedgerQuery; response: LedgerPage };
  getSettings: { request: void; response: Settings };
  setSettings: { request: Partial<Settings>; response: Settings };
  getWatchStatus: { request: void; response: WatchStatus };
  /** Opens the folder holding the database in the system file manager. */
  openDataFolder: { request: void; response: void };
  /** Writes the sample saves into the data folder and imports them (refused while an import runs). */
  importSamples: { request: void; response: ImportStarted };
  /** Deletes the sample saves, their ledger rows and their folder (refused while an import runs). */
  removeSamples: { request: void; response: { removedSaves: number } };
  getSampleStatus: { request: void; response: SampleStatus };
  /**
   * Native folder dialog, then exports the library there, one file per table
   * (refused while another export runs); null when the dialog was cancelled.
   * Progress and the outcome arrive as events.
   */
  exportLibrary: { request: { format: ExportFormat }; response: { outDir: string } | null };
  /** Native save dialog, then writes the text there (the rows behind a chart); null when cancelled. */
  saveCsv: { request: { suggestedName: string; csv: string }; response: { path: string } | null };
}

/** Pushed events: main tells, the renderer listens. */
export interface Events {
  importStarted: ImportStarted;
  importProgress: ImportProgress;
  fileResult: FileResult;
  importFinished: ImportSummary;
  watchStatus: WatchStatus;
  exportProgress: ExportProgress;
  exportFinished: ExportOutcome;
}

export type RequestName = keyof Requests;
export type EventName = keyof Events;
export type RequestOf<K extends RequestName> = Requests[K]['request'];
export type ResponseOf<K extends RequestName> = Requests[K]['response'];

/** Every request name, checked both ways against `Requests` by the compiler. */
const requestKeys: { [K in RequestName]: true } = {
  getAppInfo: true,
  pickFiles: true,
  pickFolders: true,
  startImport: true,
  cancelImport: true,
  retryFailed: true,
  resumeImport: true,
  getImportState: true,
  listSaves: true,
  saveDetail: true,
  deleteSave: true,
  ledgerHistory: true,
  getSettings: true,
  setSettings: true,
  getWatchStatus: true,
  openDataFolder: true,
  importSamples: true,
  removeSamples: true,
  getSampleStatus: true,
  exportLibrary: true,
  saveCsv: true,
};
const eventKeys: { [K in EventName]: true } = {
  importStarted: true,
  importProgress: true,
  fileResult: true,
  importFinished: true,
  watchStatus: true,
  exportProgress: true,
  exportFinished: true,
};

export const requestNames = Object.keys(requestKeys) as RequestName[];
export const eventNames = Object.keys(eventKeys) as EventName[];

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requestKeys, name);
}

export const requestChannel = <K extends RequestName>(name: K): `scribe:request:${K}` => `scribe:request:${name}`;
export const eventChannel = <K extends EventName>(name: K): `scribe:event:${K}` => `scribe:event:${name}`;

type ListenerMethod<K extends EventName> = `on${Capitalize<K>}`;
export const listenerMethod = <K extends EventName>(name: K): ListenerMethod<K> =>
  `on${name[0]!.toUpperCase()}${name.slice(1)}` as ListenerMethod<K>;

export type Unsubscribe = () => void;

/** The object the renderer talks to (`window.scribe`): exactly the contract's calls and listeners. */
export type ScribeBridge = {
  [K in RequestName]: RequestOf<K> extends void
    ? () => Promise<ResponseOf<K>>
    : (request: RequestOf<K>) => Promise<ResponseOf<K>>;
} & {
  [K in EventName as ListenerMethod<K>]: (listener: (payload: Events[K]) => void) => Unsubscribe;
};

/** What serves the contract: one async function per request. */
export type RequestHandlers = {
  [K in RequestName]: (request: RequestOf<K>) => Promise<ResponseOf<K>>;
};

/** How the serving side pushes an event to the renderer. */
export type EventSink = <K extends EventName>(name: K, payload: Events[K]) => void;

/** Drag-and-drop support next to the bridge: sandboxed renderers cannot read a dropped file's path. */
export interface ScribeFiles {
  pathOf(file: File): string;
}
