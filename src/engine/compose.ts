/**
 * The one place an importer is made from the user's settings: the app's
 * service, `scribe import`/`resume`/`retry-failed`, `scribe watch` and
 * `scribe samples` all come here, so a setting means the same thing to each
 * and its bounds are checked once.
 */
import { isMaxXmlMB, isWorkerCount, maxXmlMBLimits, workerLimits } from '../shared/limits.js';
import type { Settings } from '../shared/settings.js';
import { Importer, type ImporterListener, type ImporterOptions } from './importer.js';
import type { WorkerSpawner } from './pipeline/worker-handle.js';
import type { Store } from './store/index.js';

/** The settings an importer reads; a command line's `--workers` overrides the stored value before it gets here. */
export type ImporterSettings = Pick<Settings, 'workers' | 'maxXmlMB'>;

export interface ImporterWiring {
  store: Store;
  spawn: WorkerSpawner;
  /** Path of the built parse-worker entry. */
  workerEntry: string;
  listener: ImporterListener;
  /** Per-file worker time limit; the default suits real saves. */
  fileTimeoutMs?: number;
  /** A run given a single file parses it in the importing process, starting no worker: for the command line, not the app's main process. */
  singleFileInProcess?: boolean;
}

const bytesPerMB = 1024 * 1024;

/**
 * The importer's view of the settings. Out-of-range values never come from
 * the settings file or a request (both are checked against the same limits),
 * so one here is a caller's bug: refused rather than clamped into a guess.
 */
export function importerLimits(settings: ImporterSettings): Pick<ImporterOptions, 'workers' | 'maxXmlBytes'> {
  if (settings.workers !== 'auto' && !isWorkerCount(settings.workers)) {
    throw new RangeError(`workers must be 'auto' or ${workerLimits.min} to ${workerLimits.max}, not ${String(settings.workers)}`);
  }
  if (!isMaxXmlMB(settings.maxXmlMB)) {
    throw new RangeError(`maxXmlMB must be ${maxXmlMBLimits.min} to ${maxXmlMBLimits.max}, not ${String(settings.maxXmlMB)}`);
  }
  return { workers: settings.workers, maxXmlBytes: Math.round(settings.maxXmlMB * bytesPerMB) };
}

export function createImporter(settings: ImporterSettings, wiring: ImporterWiring): Importer {
  const { listener, ...rest } = wiring;
  return new Importer({ ...rest, ...importerLimits(settings) }, listener);
}

/** Changed settings take effect from the importer's next run. */
export function reconfigureImporter(importer: Importer, settings: ImporterSettings): void {
  importer.configure(importerLimits(settings));
}
