/**
 * WAL checkpoints on a thread of their own, so the single writer's thread
 * only ever writes.
 *
 * In WAL mode every commit appends its pages to the `-wal` file; a
 * checkpoint copies them into the database file and syncs it. SQLite runs
 * that checkpoint inside the commit that crosses 1000 pages, on the
 * committing thread: for a typical save (about 2.5 MB of pages) that is
 * several milliseconds of copying plus an fsync, paid by the writer, which
 * is the import's narrowest stage. Here the writer's connection has
 * automatic checkpoints off and, after each commit, pokes a worker thread
 * that holds its own connection and runs `PRAGMA wal_checkpoint(PASSIVE)`
 * (which never blocks the writer nor waits for it). Pokes that arrive while
 * a checkpoint runs coalesce into one more.
 *
 * The thread is its own file (wal-checkpoint-thread.mjs), which the bundles
 * emit beside the code that starts it. If it cannot start or
 * dies, the writer's connection gets its automatic checkpoints back, so the
 * WAL never grows without bound; and the SQLite store checkpoints on the
 * writer's thread should the WAL file still grow far past its size limit
 * (the thread starved of CPU).
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Slots of the shared signal: poke counter, stop flag (the same in wal-checkpoint-thread.mjs). */
const POKES = 0;
const STOP = 1;

/**
 * better-sqlite3's entry for the thread to load. In a packaged app the
 * bundle resolves it inside app.asar, which a worker thread may not read;
 * the package is unpacked beside it (electron-builder.yml), so use that copy.
 */
function driverPath(): string {
  const resolved = createRequire(import.meta.url).resolve('better-sqlite3');
  const packed = `${sep}app.asar${sep}`;
  if (resolved.includes(packed)) {
    const unpacked = resolved.replace(packed, `${sep}app.asar.unpacked${sep}`);
    if (existsSync(unpacked)) return unpacked;
  }
  return resolved;
}

const threadFile = 'wal-checkpoint-thread.mjs';

/**
 * The thread's file: beside this module in the source tree; at the top of
 * the output folder in a bundle (scripts/emit-checkpoint-thread.ts), which is
 * this code's folder or, from a chunk, its parent. In a packaged app the
 * file is unpacked (electron-builder.yml): a worker thread cannot start from
 * inside app.asar.
 */
export function checkpointThreadPath(): string {
  const candidates = [`./${threadFile}`, `../${threadFile}`].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const packed = `${sep}app.asar${sep}`;
  for (const file of candidates) {
    const unpacked = file.includes(packed) ? file.replace(packed, `${sep}app.asar.unpacked${sep}`) : file;
    if (existsSync(unpacked)) return unpacked;
  }
  throw new Error(`The WAL checkpoint thread (${threadFile}) is missing beside ${fileURLToPath(import.meta.url)}.`);
}

export interface CheckpointerHooks {
  /** The thread is checkpointing: the writer may turn its own checkpoints off. */
  onReady(): void;
  /** The thread is gone (failed to start, or died): the writer must checkpoint again. */
  onLost(error: Error | null): void;
}

export class WalCheckpointer {
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private ready = false;

  constructor(dbPath: string, hooks: CheckpointerHooks) {
    this.worker = new Worker(checkpointThreadPath(), { workerData: { driver: driverPath(), path: dbPath, signal: this.signal } });
    // Never keeps a CLI run alive on its own; close() stops it explicitly.
    this.worker.unref();
    let failure: Error | null = null;
    this.worker.on('message', () => {
      this.ready = true;
      hooks.onReady();
    });
    this.worker.on('error', (err) => {
      failure = err;
    });
    this.exited = new Promise((resolve) => {
      this.worker.on('exit', () => {
        this.ready = false;
        if (!Atomics.load(this.signal, STOP)) hooks.onLost(failure);
        resolve();
      });
    });
  }

  /** True while the thread is there to take checkpoints. */
  get active(): boolean {
    return this.ready;
  }

  /** A commit happened: checkpoint soon. Costs one atomic add and a wake-up. */
  poke(): void {
    Atomics.add(this.signal, POKES, 1);
    Atomics.notify(this.signal, POKES);
  }

  /** Lets a running checkpoint finish, then ends the thread. */
  async stop(): Promise<void> {
    // Waiting for the exit must keep the process alive, or a CLI run would end here.
    this.worker.ref();
    Atomics.store(this.signal, STOP, 1);
    this.poke();
    await this.exited;
  }
}

/**
 * Size of a database's WAL file (0 when there is none). The file is reused
 * from its start after each complete checkpoint and cut back to
 * `journal_size_limit`, so a file far above that limit means checkpoints are
 * not keeping up.
 */
export function walBytes(dbPath: string): number {
  try {
    return statSync(`${dbPath}-wal`).size;
  } catch {
    return 0;
  }
}
