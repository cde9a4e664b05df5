/**
 * The import as the UI sees it, fed by the engine's events. One instance for
 * the whole window: the Import view shows it, the Library refreshes on
 * `finishedCount`, and the sidebar shows a running badge on every view.
 */
import type { FileResult, ImportKind, ImportProgress, ImportStarted, ImportState, ImportSummary } from '../../../shared/import';
import { scribe } from '../api';
import { errorMessage } from './format';

export type ImportedResult = Extract<FileResult, { status: 'imported' }>;
export type SkippedResult = Extract<FileResult, { status: 'skipped' }>;
export type FailedResult = Extract<FileResult, { status: 'failed' }>;

export interface FinishedRun {
  summary: ImportSummary;
  imported: ImportedResult[];
  skipped: SkippedResult[];
  /** The window joined the run midway, so the per-file lists miss its first files. */
  partial: boolean;
}

class ImportStore {
  /** The run going on now; null when idle. */
  active = $state<{ runId: string; kind: ImportKind } | null>(null);
  progress = $state<ImportProgress | null>(null);
  /** When `progress` arrived: the engine only reports on change, so the UI extrapolates elapsed time from here. */
  progressAt = $state(0);
  /** Failures of the current run as they happen. */
  failures = $state<FailedResult[]>([]);
  /** The last run that ended, for the summary. */
  finished = $state.raw<FinishedRun | null>(null);
  /** Files an interrupted run left, and files whose last attempt failed, across runs. */
  leftover = $state<{ resumable: number; failed: number }>({ resumable: 0, failed: 0 });
  /** A request to the engine is on its way: buttons wait for it. */
  busy = $state(false);
  cancelling = $state(false);
  /** A request the engine refused, in words. */
  error = $state<string | null>(null);
  /** A harmless outcome worth saying ("Nothing to retry"). */
  notice = $state<string | null>(null);
  /** Runs asked for while another was going: each leaves this list when it starts or ends. */
  queued = $state<string[]>([]);
  /** Bumped whenever a run ends: the library reloads on it. */
  finishedCount = $state(0);
  loaded = $state(false);

  // Per-file lists grow to thousands of entries: kept out of reactivity until the run ends.
  private imported: ImportedResult[] = [];
  private skipped: SkippedResult[] = [];
  private partial = false;
  private initialised = false;

  running = $derived(this.active !== null);

  init(): void {
    if (this.initialised) return;
    this.initialised = true;
    scribe.onImportStarted((e) => this.begin(e, false));
    scribe.onImportProgress((p) => this.onProgress(p));
    scribe.onFileResult((r) => this.onFile(r));
    scribe.onImportFinished((s) => this.onFinished(s));
    void this.refreshState(true);
  }

  async refreshState(adoptRunning = false): Promise<void> {
    let state: ImportState;
    try {
      state = await scribe.getImportState();
    } catch (err) {
      this.error = errorMessage(err);
      this.loaded = true;
      return;
    }
    this.leftover = { resumable: state.resumable, failed: state.failed };
    // A run started before this window loaded (or before a reload): join it.
    if (adoptRunning && state.running && !this.active) {
      this.begin({ runId: state.running.runId, kind: state.running.kind }, true);
      this.progress = state.running;
      this.progressAt = Date.now();
    }
    this.loaded = true;
  }

  startPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return Promise.resolve();
    return this.request(() => scribe.startImport({ paths }));
  }

  async pickFiles(): Promise<void> {
    await this.pickThen(() => scribe.pickFiles());
  }

  async pickFolders(): Promise<void> {
    await this.pickThen(() => scribe.pickFolders());
  }

  retryFailed(): Promise<void> {
    return this.request(() => scribe.retryFailed(), 'No failed files are waiting to be retried.');
  }

  /** Writes the sample saves and imports them: the empty library's way to try Scribe. */
  importSamples(): Promise<void> {
    return this.request(() => scribe.importSamples());
  }

  resume(): Promise<void> {
    return this.request(() => scribe.resumeImport(), 'Nothing is left to resume.');
  }

  async cancel(): Promise<void> {
    if (!this.active) return;
    this.cancelling = true;
    try {
      const { cancelled } = await scribe.cancelImport();
      if (!cancelled) this.cancelling = false;
    } catch (err) {
      this.cancelling = false;
      this.error = errorMessage(err);
    }
  }

  dismissFinished(): void {
    this.finished = null;
  }

  private async pickThen(pick: () => Promise<string[]>): Promise<void> {
    this.error = null;
    this.notice = null;
    let paths: string[];
    try {
      paths = await pick();
    } catch (err) {
      this.error = errorMessage(err);
      return;
    }
    // An empty answer is the dialog being cancelled: nothing to say.
    await this.startPaths(paths);
  }

  private async request(call: () => Promise<ImportStarted | null>, whenNull?: string): Promise<void> {
    this.busy = true;
    this.error = null;
    this.notice = null;
    try {
      const started = await call();
      if (started) {
        // The started event may come after the answer, or never reach a window that just reloaded.
        if (!this.active) this.begin(started, false);
        else if (this.active.runId !== started.runId && !this.queued.includes(started.runId)) this.queued = [...this.queued, started.runId];
      } else if (whenNull) {
        this.notice = whenNull;
        void this.refreshState();
      }
    } catch (err) {
      this.error = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private begin(started: ImportStarted, partial: boolean): void {
    this.unqueue(started.runId);
    if (this.active?.runId === started.runId) return;
    this.active = { runId: started.runId, kind: started.kind };
    this.progress = null;
    this.failures = [];
    this.imported = [];
    this.skipped = [];
    this.partial = partial;
    this.cancelling = false;
    this.finished = null;
    this.notice = null;
  }

  private onProgress(p: ImportProgress): void {
    if (!this.active) this.begin({ runId: p.runId, kind: p.kind }, true);
    if (this.active?.runId === p.runId) {
      this.progress = p;
      this.progressAt = Date.now();
    }
  }

  private onFile(r: FileResult): void {
    if (!this.active) this.begin({ runId: r.runId, kind: 'import' }, true);
    if (this.active?.runId !== r.runId) return;
    if (r.status === 'imported') this.imported.push(r);
    else if (r.status === 'skipped') this.skipped.push(r);
    else this.failures.push(r);
  }

  private unqueue(runId: string): void {
    if (this.queued.includes(runId)) this.queued = this.queued.filter((id) => id !== runId);
  }

  private onFinished(s: ImportSummary): void {
    // A queued run can end without starting (dropped when the app shuts down).
    this.unqueue(s.runId);
    const mine = this.active?.runId === s.runId;
    this.finished = {
      summary: s,
      imported: mine ? this.imported : [],
      skipped: mine ? this.skipped : [],
      partial: mine ? this.partial : s.imported + s.skipped > 0,
    };
    if (mine || !this.active) {
      this.active = null;
      this.progress = null;
      this.cancelling = false;
      this.imported = [];
      this.skipped = [];
    }
    this.finishedCount++;
    void this.refreshState();
  }
}

export const importStore = new ImportStore();
