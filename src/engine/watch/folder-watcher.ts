import { watch, type FSWatcher } from 'chokidar';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { WatchFolderState, WatchFolderStatus } from '../../shared/settings.js';
import { isCandidateName, isIgnoredName } from './names.js';
import { scanFolder, type FileStamp } from './scan.js';

export interface WatchTimings {
  /** A file must keep its size and mtime this long before it is checked for completeness. */
  stableMs: number;
  /** A batch is imported this long after its last file became ready... */
  debounceMs: number;
  /** ...but no later than this after its first one. */
  maxWaitMs: number;
  /** How often a watched folder is checked for being still there, and a missing one for being back. */
  rootCheckMs: number;
  /** Polling interval of folders that are polled (network drives, failed watchers). */
  pollIntervalMs: number;
  /** Safety-net rescan of every folder, for events lost with no later event to trigger a rescan; 0 = off. */
  rescanIntervalMs: number;
  /** A `.zip` that stays unfinished (no end record) this long is imported anyway, so it fails visibly. */
  incompleteGiveUpMs: number;
  /** Longest wait for the watcher's initial crawl before going on without it. */
  readyTimeoutMs: number;
}

export const defaultWatchTimings: WatchTimings = {
  stableMs: 1000,
  debounceMs: 500,
  maxWaitMs: 10_000,
  rootCheckMs: 2000,
  pollIntervalMs: 2000,
  rescanIntervalMs: 5 * 60_000,
  incompleteGiveUpMs: 5 * 60_000,
  readyTimeoutMs: 60_000,
};

/** What a folder watcher tells the service. */
export interface FolderHooks {
  readonly timings: WatchTimings;
  readonly forcePolling: boolean;
  pollingReason(folder: string): Promise<string | null>;
  /** A candidate file appeared or changed. */
  touch(file: string): void;
  /** A file went away. */
  forget(file: string): void;
  /** A folder (and everything in it) went away. */
  forgetUnder(dir: string): void;
  /** A scan found these candidate files under `dir`. */
  found(dir: string, files: Map<string, FileStamp>): void;
  statusChanged(): void;
}

interface DirIdentity {
  dev: number;
  ino: number;
  /** Inode numbers are reused at once on delete + create; the birth time is not. */
  birthtimeMs: number;
}

type DirProbe = { ok: true; identity: DirIdentity } | { ok: false; state: WatchFolderState; message: string };

const seconds = (ms: number): string => `${Math.max(1, Math.round(ms / 1000))} s`;

async function probeDir(folder: string, rootCheckMs: number): Promise<DirProbe> {
  const again = `Scribe checks again every ${seconds(rootCheckMs)}.`;
  try {
    const st = await fs.stat(folder);
    if (!st.isDirectory()) return { ok: false, state: 'error', message: `This is a file, not a folder. ${again}` };
    await fs.access(folder, fs.constants.R_OK);
    return { ok: true, identity: { dev: st.dev, ino: st.ino, birthtimeMs: st.birthtimeMs } };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return {
        ok: false,
        state: 'missing',
        message: `The folder is not there (moved, renamed, deleted, or on a drive that is not connected); Scribe checks again every ${seconds(rootCheckMs)} and resumes watching when it is back.`,
      };
    }
    if (code === 'EACCES' || code === 'EPERM')
      return { ok: false, state: 'error', message: `Scribe is not allowed to read this folder (${code}). ${again}` };
    return { ok: false, state: 'error', message: `The folder cannot be opened (${code}). ${again}` };
  }
}

const sameIdentity = (a: DirIdentity | null, b: DirIdentity): boolean =>
  a !== null && a.dev === b.dev && a.ino === b.ino && a.birthtimeMs === b.birthtimeMs;

/**
 * One watched folder, subfolders included: a chokidar watcher while the
 * folder is there (native events, or polling on network drives and after the
 * native watcher failed), a periodic check that it still is (and is still the
 * same folder), and a probe loop while it is missing. Each time watching
 * (re)starts, the whole folder is scanned so nothing that arrived meanwhile
 * is missed.
 */
export class FolderWatcher {
  /** Null until the first probe has decided. */
  status: WatchFolderStatus | null = null;
  private watcher: FSWatcher | null = null;
  private identity: DirIdentity | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Bumped whenever the watcher is replaced: events of an old one are dropped. */
  private generation = 0;
  private stopped = false;
  /** Set once the native watcher failed here: polling from then on. */
  private fallbackReason: string | null = null;
  private transitions: Promise<void> = Promise.resolve();
  private cancelReadyWait: (() => void) | null = null;

  constructor(
    readonly folder: string,
    private readonly hooks: FolderHooks,
  ) {}

  get active(): boolean {
    return this.watcher !== null && (this.status?.state === 'watching' || this.status?.state === 'polling');
  }

  /** Resolves once the folder is watched and scanned, or known missing. */
  start(): Promise<void> {
    return this.serial(() => this.probe());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.cancelReadyWait?.();
    await this.closeWatcher();
    await this.transitions;
  }

  /** Scans the folder and hands what it found to the service. */
  async rescan(dir: string = this.folder): Promise<void> {
    if (this.stopped) return;
    const found = await scanFolder(dir);
    if (found && !this.stopped) this.hooks.found(dir, found);
  }

  /** Runs state changes one at a time: events, timers and errors can all ask for one at once. */
  private serial(fn: () => Promise<void>): Promise<void> {
    const next = this.transitions.then(() => (this.stopped ? undefined : fn()));
    this.transitions = next.catch(() => {});
    return next;
  }

  private setStatus(state: WatchFolderState, message: string): void {
    if (this.status?.state === state && this.status.message === message) return;
    this.status = { folder: this.folder, state, message };
    this.hooks.statusChanged();
  }

  private schedule(fn: () => Promise<void>): void {
    this.clearTimer();
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.serial(fn);
    }, this.hooks.timings.rootCheckMs);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Missing or unreadable: report it and look again later. Otherwise watch. */
  private async probe(): Promise<void> {
    const probe = await probeDir(this.folder, this.hooks.timings.rootCheckMs);
    if (this.stopped) return;
    if (!probe.ok) {
      this.setStatus(probe.state, probe.message);
      this.schedule(() => this.probe());
      return;
    }
    await this.open(probe.identity);
  }

  private async open(identity: DirIdentity): Promise<void> {
    const t = this.hooks.timings;
    let reason = this.fallbackReason;
    if (!reason && this.hooks.forcePolling) reason = 'polling was asked for';
    if (!reason) reason = await this.hooks.pollingReason(this.folder).catch(() => null);
    if (this.stopped) return;

    const generation = ++this.generation;
    const usePolling = reason !== null;
    const root = this.folder;
    const watcher = watch(root, {
      ignoreInitial: true,
      persistent: true,
      usePolling,
      interval: t.pollIntervalMs,
      binaryInterval: t.pollIntervalMs,
      ignorePermissionErrors: true,
      awaitWriteFinish: false,
      ignored: (p, stats) => {
        if (p === root) return false;
        const name = path.basename(p);
        return isIgnoredName(name) || (stats?.isFile() === true && !isCandidateName(name));
      },
    });
    this.watcher = watcher;
    const current = (): boolean => generation === this.generation && !this.stopped;
    watcher.on('add', (p) => {
      if (current()) this.hooks.touch(p);
    });
    watcher.on('change', (p) => {
      if (current()) this.hooks.touch(p);
    });
    watcher.on('unlink', (p) => {
      if (current()) this.hooks.forget(p);
    });
    // A folder moved in whole may not get an event per file: scan it.
    watcher.on('addDir', (p) => {
      if (current() && p !== root) void this.rescan(p);
    });
    watcher.on('unlinkDir', (p) => {
      if (!current()) return;
      if (p === root) void this.serial(() => this.checkRoot());
      else this.hooks.forgetUnder(p);
    });
    watcher.on('error', (err) => {
      if (current()) void this.serial(() => this.onWatcherError(generation, err));
    });

    await new Promise<void>((resolve) => {
      const timeout = setTimeout(done, t.readyTimeoutMs);
      function done(): void {
        clearTimeout(timeout);
        resolve();
      }
      this.cancelReadyWait = done;
      watcher.once('ready', done);
    });
    this.cancelReadyWait = null;
    if (!current()) return;

    this.identity = identity;
    if (usePolling)
      this.setStatus(
        'polling',
        `Checking this folder and its subfolders for new saves every ${seconds(t.pollIntervalMs)}, because ${reason}.`,
      );
    else this.setStatus('watching', 'Watching this folder and its subfolders for new saves.');
    // Catch up: whatever arrived while not watching (Scribe closed, folder away).
    await this.rescan();
    this.schedule(() => this.checkRoot());
  }

  /** Still there and still the same folder? Otherwise start over on what is there now. */
  private async checkRoot(): Promise<void> {
    const probe = await probeDir(this.folder, this.hooks.timings.rootCheckMs);
    if (this.stopped) return;
    if (probe.ok && this.watcher && sameIdentity(this.identity, probe.identity)) {
      this.schedule(() => this.checkRoot());
      return;
    }
    await this.closeWatcher();
    this.hooks.forgetUnder(this.folder);
    if (probe.ok) {
      await this.open(probe.identity);
    } else {
      this.setStatus(probe.state, probe.message);
      this.schedule(() => this.probe());
    }
  }

  private async onWatcherError(generation: number, err: unknown): Promise<void> {
    if (generation !== this.generation) return;
    const probe = await probeDir(this.folder, this.hooks.timings.rootCheckMs);
    if (this.stopped || generation !== this.generation) return;
    if (!probe.ok || !sameIdentity(this.identity, probe.identity)) {
      await this.checkRoot();
      return;
    }
    const code = (err as NodeJS.ErrnoException | undefined)?.code ?? (err instanceof Error ? err.message : 'error');
    const wasPolling = this.status?.state === 'polling';
    await this.closeWatcher();
    if (wasPolling) {
      this.setStatus(
        'error',
        `Checking this folder failed (${code}); Scribe tries again every ${seconds(this.hooks.timings.rootCheckMs)}.`,
      );
      this.schedule(() => this.probe());
      return;
    }
    // The system's notifications failed (too many folders for inotify, a driver that does not support them...): poll instead.
    this.fallbackReason = `the system's change notifications failed here (${code})`;
    await this.open(probe.identity);
  }

  private async closeWatcher(): Promise<void> {
    this.generation++;
    const watcher = this.watcher;
    this.watcher = null;
    this.identity = null;
    await watcher?.close().catch(() => {});
  }
}
