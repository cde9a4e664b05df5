import path from 'node:path';
import type { ImportStarted } from '../../shared/import.js';
import type { WatchFolderStatus } from '../../shared/settings.js';
import type { Importer } from '../importer.js';
import type { ImportRunResult } from '../pipeline/run-import.js';
import { archiveState } from './archive-state.js';
import { FolderWatcher, defaultWatchTimings, type FolderHooks, type WatchTimings } from './folder-watcher.js';
import { hasZipExtension, isCandidateName } from './names.js';
import { pollingReason as systemPollingReason } from './network.js';
import { sameStamp, stampOf, type FileStamp } from './scan.js';

/** A file seen but not yet offered: waiting for its size and mtime to settle and its archive to be finished. */
interface Pending {
  readonly file: string;
  /** Stamp at the last look; null until the first stat. */
  last: FileStamp | null;
  timer: NodeJS.Timeout | null;
  /** Bumped by every event on the file: a check that started before it is stale. */
  version: number;
  /** Set while the file is stable but not a finished archive: it then no longer holds a batch back. */
  incompleteSince: number | null;
  delay: number;
}

export interface WatchRun {
  started: ImportStarted;
  paths: string[];
  done: Promise<ImportRunResult>;
}

export interface WatchServiceOptions {
  /** Imports go through the app's (or command line's) one importer, queued with every other run. */
  importer: Pick<Importer, 'run'>;
  timings?: Partial<WatchTimings>;
  /** Poll every folder instead of using the system's change notifications. */
  forcePolling?: boolean;
  /** Why a folder must be polled, or null; default: network paths and mounts (see network.ts). */
  pollingReason?: (folder: string) => Promise<string | null>;
  /** Each change of any folder's state. */
  onStatus?: (folders: WatchFolderStatus[]) => void;
  /** Each import run the watcher starts. */
  onRun?: (run: WatchRun) => void;
}

/** Bounds how many files are opened at once (a catch-up over thousands of saves would run out of handles). */
class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

const isUnder = (file: string, dir: string): boolean => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/**
 * Watches folders (subfolders included) and imports each new or changed save
 * once it is complete, in batches, through the importer.
 *
 * - Complete: a file is offered only after its size and mtime stayed the
 *   same for `stableMs` AND its zip end record and central directory are in
 *   place (archive-state.ts); a copy that pauses mid-file is stable but not
 *   finished, so it keeps waiting.
 * - Batched: files that become ready close together go to one import run,
 *   `debounceMs` after the last one, and while other files are still
 *   settling the batch waits for them, up to `maxWaitMs`.
 * - Reconciled: after each run every folder is rescanned (a readdir and stat
 *   per file, nothing opened) and anything new or changed the events missed is
 *   put through the same gate; a slow periodic rescan covers events lost when
 *   nothing else happens. Files already offered with the same size and mtime
 *   are not offered again, and the import ledger skips unchanged files anyway.
 */
export class WatchService {
  private readonly timings: WatchTimings;
  private readonly folders = new Map<string, FolderWatcher>();
  private order: string[] = [];
  private readonly pending = new Map<string, Pending>();
  /** Files offered to an import (or judged not to be archives), with the stamp they had: not offered again unless changed. */
  private readonly settled = new Map<string, FileStamp>();
  private readonly batch = new Map<string, FileStamp>();
  private debounceTimer: NodeJS.Timeout | null = null;
  private maxWaitTimer: NodeJS.Timeout | null = null;
  private rescanTimer: NodeJS.Timeout | null = null;
  private runsInFlight = 0;
  private applying = 0;
  private reconciling: Promise<void> | null = null;
  private reconcileAgain = false;
  private closed = false;
  private lastStatus = '';
  private chain: Promise<void> = Promise.resolve();
  private readonly limiter = new Limiter(16);
  private readonly hooks: FolderHooks;

  constructor(private readonly options: WatchServiceOptions) {
    this.timings = { ...defaultWatchTimings, ...options.timings };
    this.hooks = {
      timings: this.timings,
      forcePolling: options.forcePolling === true,
      pollingReason: options.pollingReason ?? ((folder) => systemPollingReason(folder)),
      touch: (file) => this.touch(file),
      forget: (file) => this.forget(file),
      forgetUnder: (dir) => this.forgetUnder(dir),
      found: (dir, files) => this.found(dir, files),
      statusChanged: () => this.emitStatus(),
    };
  }

  /** Watches exactly these folders from now on; resolves once the new ones are watched and scanned. */
  setFolders(folders: readonly string[]): Promise<void> {
    const next = this.chain.then(() => this.applyFolders(folders));
    this.chain = next.catch(() => {});
    return next;
  }

  /** State of every folder, in the order given (folders still starting are left out). */
  status(): WatchFolderStatus[] {
    const out: WatchFolderStatus[] = [];
    for (const folder of this.order) {
      const status = this.folders.get(folder)?.status;
      if (status) out.push({ ...status });
    }
    return out;
  }

  /** Rescans every watched folder now and puts anything new or changed through the gate. */
  rescan(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.reconciling) {
      this.reconcileAgain = true;
      return this.reconciling;
    }
    const work = async (): Promise<void> => {
      do {
        this.reconcileAgain = false;
        await Promise.all([...this.folders.values()].filter((f) => f.active).map((f) => f.rescan()));
      } while (this.reconcileAgain && !this.closed);
    };
    const running = work().finally(() => {
      if (this.reconciling === running) this.reconciling = null;
    });
    this.reconciling = running;
    return running;
  }

  /** Offers every file again (after the database changed: the new one's ledger does not know them). */
  refresh(): Promise<void> {
    this.settled.clear();
    return this.rescan();
  }

  /**
   * Resolves once nothing is going on: no file settling, no batch waiting, no
   * run of ours going, no scan. Files stuck unfinished do not count.
   */
  async whenIdle(): Promise<void> {
    const busy = (): boolean =>
      this.applying > 0 || this.batch.size > 0 || this.settlingCount() > 0 || this.runsInFlight > 0 || this.reconciling !== null;
    while (!this.closed && busy()) await new Promise((resolve) => setTimeout(resolve, 25));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of [this.debounceTimer, this.maxWaitTimer]) if (timer) clearTimeout(timer);
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    this.debounceTimer = this.maxWaitTimer = this.rescanTimer = null;
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    this.pending.clear();
    this.batch.clear();
    await Promise.all([...this.folders.values()].map((f) => f.stop()));
    this.folders.clear();
    await this.chain;
  }

  private async applyFolders(list: readonly string[]): Promise<void> {
    if (this.closed) return;
    this.applying++;
    try {
      const wanted = [...new Set(list.map((f) => path.resolve(f)))];
      const removed = [...this.folders.keys()].filter((f) => !wanted.includes(f));
      this.order = wanted;
      await Promise.all(removed.map((f) => this.folders.get(f)!.stop()));
      for (const f of removed) {
        this.folders.delete(f);
        this.forgetUnder(f, wanted);
      }
      const added = wanted.filter((f) => !this.folders.has(f));
      for (const f of added) this.folders.set(f, new FolderWatcher(f, this.hooks));
      this.emitStatus();
      await Promise.all(added.map((f) => this.folders.get(f)!.start()));
      if (this.closed) return;
      if (!this.rescanTimer && this.timings.rescanIntervalMs > 0) {
        this.rescanTimer = setInterval(() => void this.rescan(), this.timings.rescanIntervalMs);
      }
      this.emitStatus();
    } finally {
      this.applying--;
    }
  }

  private emitStatus(): void {
    if (this.closed) return;
    const status = this.status();
    const json = JSON.stringify(status);
    if (json === this.lastStatus) return;
    this.lastStatus = json;
    this.options.onStatus?.(status);
  }

  // ---- The gate: stable, then finished ----

  private settlingCount(): number {
    let n = 0;
    for (const p of this.pending.values()) if (p.incompleteSince === null) n++;
    return n;
  }

  private schedule(p: Pending, delay: number): void {
    if (p.timer) clearTimeout(p.timer);
    p.timer = setTimeout(() => {
      p.timer = null;
      void this.check(p);
    }, delay);
  }

  private dropPending(p: Pending): void {
    if (p.timer) clearTimeout(p.timer);
    if (this.pending.get(p.file) === p) this.pending.delete(p.file);
  }

  /** An event (or a scan) says this file appeared or changed. */
  private touch(file: string): void {
    if (this.closed || !isCandidateName(path.basename(file))) return;
    const existing = this.pending.get(file);
    if (existing) {
      existing.version++;
      existing.incompleteSince = null;
      existing.delay = this.timings.stableMs;
      this.schedule(existing, this.timings.stableMs);
      return;
    }
    const p: Pending = { file, last: null, timer: null, version: 0, incompleteSince: null, delay: this.timings.stableMs };
    this.pending.set(file, p);
    void stampOf(file).then((stamp) => {
      if (this.closed || this.pending.get(file) !== p) return;
      if (!stamp) return this.dropPending(p);
      const known = this.settled.get(file);
      if (known && sameStamp(known, stamp) && p.version === 0) return this.dropPending(p); // Nothing new.
      // New, or changed since it was offered (a batch not sent yet included): through the gate again.
      this.settled.delete(file);
      this.batch.delete(file);
      p.last = stamp;
      if (!p.timer) this.schedule(p, this.timings.stableMs);
    });
  }

  private async check(p: Pending): Promise<void> {
    if (this.closed || this.pending.get(p.file) !== p) return;
    const version = p.version;
    const stale = (): boolean => this.closed || this.pending.get(p.file) !== p || p.version !== version;
    const stamp = await stampOf(p.file);
    if (stale()) return;
    if (!stamp) return this.dropPending(p);
    if (!p.last || !sameStamp(p.last, stamp)) {
      // Still being written.
      p.last = stamp;
      p.incompleteSince = null;
      p.delay = this.timings.stableMs;
      return this.schedule(p, p.delay);
    }
    const state = await this.limiter.run(() => archiveState(p.file));
    const after = await stampOf(p.file);
    if (stale()) return;
    if (!after) return this.dropPending(p);
    if (!sameStamp(after, stamp)) {
      p.last = after;
      p.incompleteSince = null;
      return this.schedule(p, this.timings.stableMs);
    }
    if (state === 'complete') {
      this.dropPending(p);
      return this.ready(p.file, stamp);
    }
    if (state === 'not-zip' && !hasZipExtension(p.file)) {
      // An extension-less file that is not an archive: not a save; looked at again only if it changes.
      this.dropPending(p);
      this.settled.set(p.file, stamp);
      return;
    }
    // Stable but unfinished: a copy or download that paused. Keep looking, less and less often.
    const now = Date.now();
    p.incompleteSince ??= now;
    if (now - p.incompleteSince >= this.timings.incompleteGiveUpMs) {
      // Never finished: import it anyway so the player gets a clear failure for it.
      this.dropPending(p);
      return this.ready(p.file, stamp);
    }
    p.delay = Math.min(p.delay * 2, this.timings.stableMs * 8);
    this.schedule(p, p.delay);
  }

  private forget(file: string): void {
    const p = this.pending.get(file);
    if (p) this.dropPending(p);
    this.settled.delete(file);
    this.batch.delete(file);
  }

  /** Forgets every file under `dir`, except those still under one of `keep`. */
  private forgetUnder(dir: string, keep: readonly string[] = []): void {
    const gone = (file: string): boolean => isUnder(file, dir) && !keep.some((k) => isUnder(file, k));
    for (const p of [...this.pending.values()]) if (gone(p.file)) this.dropPending(p);
    for (const file of [...this.settled.keys()]) if (gone(file)) this.settled.delete(file);
    for (const file of [...this.batch.keys()]) if (gone(file)) this.batch.delete(file);
  }

  /** A scan of `dir`: new and changed files through the gate; offered files no longer there forgotten. */
  private found(dir: string, files: Map<string, FileStamp>): void {
    if (this.closed) return;
    for (const [file, stamp] of files) {
      if (this.pending.has(file)) continue;
      const known = this.settled.get(file);
      if (known && sameStamp(known, stamp)) continue;
      this.touch(file);
    }
    for (const file of [...this.settled.keys()]) if (isUnder(file, dir) && !files.has(file)) this.settled.delete(file);
  }

  // ---- Batching ----

  private ready(file: string, stamp: FileStamp): void {
    if (this.closed) return;
    this.settled.set(file, stamp);
    this.batch.set(file, stamp);
    if (!this.maxWaitTimer) this.maxWaitTimer = setTimeout(() => this.flush(true), this.timings.maxWaitMs);
    this.armDebounce();
  }

  private armDebounce(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.flush(false), this.timings.debounceMs);
  }

  private flush(force: boolean): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = null;
    if (this.closed || this.batch.size === 0) {
      if (this.maxWaitTimer) clearTimeout(this.maxWaitTimer);
      this.maxWaitTimer = null;
      return;
    }
    // More files still settling (a burst being copied): wait for them, up to the max wait.
    if (!force && this.settlingCount() > 0) return this.armDebounce();
    if (this.maxWaitTimer) clearTimeout(this.maxWaitTimer);
    this.maxWaitTimer = null;
    const paths = [...this.batch.keys()];
    this.batch.clear();
    this.runsInFlight++;
    const { started, done } = this.options.importer.run('watch', paths);
    this.options.onRun?.({ started, paths, done });
    void done
      .catch(() => null)
      .finally(() => {
        this.runsInFlight--;
        // Reconcile: events get lost under bursts; what they missed is found now.
        if (!this.closed) void this.rescan();
      });
  }
}
