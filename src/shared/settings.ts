export const backends = ['sqlite', 'duckdb'] as const;
export type Backend = (typeof backends)[number];

export interface Settings {
  /** Absolute path of the database file. */
  databasePath: string;
  backend: Backend;
  /** Parse worker count; 'auto' picks the benchmark's best for this machine. */
  workers: number | 'auto';
  /** Folders watched for new saves. */
  watchFolders: string[];
  /** Largest save XML accepted, in MB. */
  maxXmlMB: number;
}

export interface AppInfo {
  version: string;
  /** Folder holding settings, logs and the default database. */
  dataDir: string;
  databasePath: string;
  backend: Backend;
  /** 'electron' in the app, 'harness' under the browser test harness. */
  host: 'electron' | 'harness';
}

export type WatchFolderState = 'watching' | 'polling' | 'missing' | 'error';

export interface WatchFolderStatus {
  folder: string;
  state: WatchFolderState;
  /** Why it is polling, missing or in error. */
  message?: string;
}

export interface WatchStatus {
  folders: WatchFolderStatus[];
  /** Platform save folders of Old World that exist here and are not watched yet. */
  suggestions: string[];
}
