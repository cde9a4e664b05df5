/**
 * The one contract between the renderer and whatever serves it: the Electron
 * main process through the preload, or the test harness over a WebSocket.
 * Channel names, the bridge object and the handler table are all derived from
 * the two maps below, so adding or changing a call here breaks the compile of
 * every side until each one agrees. Request payload types come from the
 * schemas in request-schemas.ts, which main and the harness check every call
 * against at run time.
 */
import type * as v from 'valibot';
import type { ExportOutcome, ExportProgress } from './export.js';
import type { ImportProgress, ImportStarted, FileResult, ImportSummary, ImportState } from './import.js';
import type { LedgerPage, LibraryDetail, LibraryPage, SampleStatus } from './library.js';
import type { LibraryMigration } from './migration.js';
import type { RequestOutcome } from './request-errors.js';
import { requestSchemas, type RequestSchemas } from './request-schemas.js';
import type { AppInfo, Settings, WatchStatus } from './settings.js';
import type { StudyRequests } from './views/index.js';

/** What a request's schema lets through: `void` for a request without argument. */
type In<K extends keyof RequestSchemas> = v.InferOutput<RequestSchemas[K]>;

/** Invoke-style calls: renderer asks, main answers. `void` = no argument. */
export interface Requests extends StudyRequests {
  getAppInfo: { request: In<'getAppInfo'>; response: AppInfo };
  /** Native multi-select dialog for archives; [] when cancelled. */
  pickFiles: { request: In<'pickFiles'>; response: string[] };
  /** Native multi-select dialog for folders; [] when cancelled. */
  pickFolders: { request: In<'pickFolders'>; response: string[] };
  startImport: { request: In<'startImport'>; response: ImportStarted };
  cancelImport: { request: In<'cancelImport'>; response: { cancelled: boolean } };
  /** null when nothing failed. */
  retryFailed: { request: In<'retryFailed'>; response: ImportStarted | null };
  /** null when nothing is left to resume. */
  resumeImport: { request: In<'resumeImport'>; response: ImportStarted | null };
  getImportState: { request: In<'getImportState'>; response: ImportState };
  listSaves: { request: In<'listSaves'>; response: LibraryPage };
  saveDetail: { request: In<'saveDetail'>; response: LibraryDetail | null };
  deleteSave: { request: In<'deleteSave'>; response: { deleted: boolean } };
  ledgerHistory: { request: In<'ledgerHistory'>; response: LedgerPage };
  getSettings: { request: In<'getSettings'>; response: Settings };
  setSettings: { request: In<'setSettings'>; response: Settings };
  getWatchStatus: { request: In<'getWatchStatus'>; response: WatchStatus };
  /** Opens the folder holding the database in the system file manager. */
  openDataFolder: { request: In<'openDataFolder'>; response: void };
  /** Writes the sample saves into the data folder and imports them (refused while an import runs). */
  importSamples: { request: In<'importSamples'>; response: ImportStarted };
  /** Deletes the sample saves, their ledger rows and their folder (refused while an import runs). */
  removeSamples: { request: In<'removeSamples'>; response: { removedSaves: number } };
  getSampleStatus: { request: In<'getSampleStatus'>; response: SampleStatus };
  /**
   * Native folder dialog, then exports the library there, one file per table
   * (refused while another export runs); null when the dialog was cancelled.
   * Progress and the outcome arrive as events.
   */
  exportLibrary: { request: In<'exportLibrary'>; response: { outDir: string } | null };
  /** Native save dialog, then writes the text there (the rows behind a chart); null when cancelled. */
  saveCsv: { request: In<'saveCsv'>; response: { path: string } | null };
  /**
   * Where the conversion of a library from an older Scribe stands, for a
   * window that loads while it runs (the events then follow); null when none
   * runs. Answered at once: every other request waits until the library is open.
   */
  getLibraryMigration: { request: In<'getLibraryMigration'>; response: LibraryMigration | null };
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
  /** A conversion of the library advanced; phase `done` once the library is open at the new version, `stopped` if it failed. */
  libraryMigration: LibraryMigration;
}

export type RequestName = keyof Requests;
export type EventName = keyof Events;
export type RequestOf<K extends RequestName> = Requests[K]['request'];
export type ResponseOf<K extends RequestName> = Requests[K]['response'];

/** Every request has a schema and every schema a request: the compiler checks both ways. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : never;
const schemasMatchRequests: SameKeys<RequestSchemas, Requests> = true;
void schemasMatchRequests;

const eventKeys: { [K in EventName]: true } = {
  importStarted: true,
  importProgress: true,
  fileResult: true,
  importFinished: true,
  watchStatus: true,
  exportProgress: true,
  exportFinished: true,
  libraryMigration: true,
};

export const requestNames = Object.keys(requestSchemas) as RequestName[];
export const eventNames = Object.keys(eventKeys) as EventName[];

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requestSchemas, name);
}

export const requestChannel = <K extends RequestName>(name: K): `scribe:request:${K}` => `scribe:request:${name}`;
export const eventChannel = <K extends EventName>(name: K): `scribe:event:${K}` => `scribe:event:${name}`;

type ListenerMethod<K extends EventName> = `on${Capitalize<K>}`;
export const listenerMethod = <K extends EventName>(name: K): ListenerMethod<K> =>
  `on${name[0]!.toUpperCase()}${name.slice(1)}` as ListenerMethod<K>;

export type Unsubscribe = () => void;

/** The object the renderer talks to: exactly the contract's calls and listeners; a refused call throws `ScribeRequestError`. */
export type ScribeBridge = {
  [K in RequestName]: RequestOf<K> extends void ? () => Promise<ResponseOf<K>> : (request: RequestOf<K>) => Promise<ResponseOf<K>>;
} & {
  [K in EventName as ListenerMethod<K>]: (listener: (payload: Events[K]) => void) => Unsubscribe;
};

/**
 * What the preload exposes (`window.scribe`) and the harness installs: the
 * same calls, each resolving to its outcome. Electron's contextBridge keeps
 * only the message of an error thrown across it, so the typed error is
 * rebuilt on the renderer's side of the bridge (`unwrapBridge`).
 */
export type ExposedBridge = {
  [K in RequestName]: RequestOf<K> extends void
    ? () => Promise<RequestOutcome<ResponseOf<K>>>
    : (request: RequestOf<K>) => Promise<RequestOutcome<ResponseOf<K>>>;
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
