/**
 * The one seam between the pipeline and however a parse worker process is
 * started: `child_process.fork` for the command line and tests,
 * Electron's `utilityProcess.fork` in the desktop app (adapted in src/main).
 */
export interface WorkerHandle {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process is gone, whatever the reason. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export interface SpawnOptions {
  /** V8 old-space cap for the worker, in MB: a runaway save fails alone. */
  maxOldSpaceMB: number;
}

export type WorkerSpawner = (entry: string, options: SpawnOptions) => WorkerHandle;

/**
 * V8 flags of every parse worker, whichever way it is spawned: a heap cap, so
 * a runaway save fails alone; and GC on the worker's own thread, since with
 * more processes than cores, background GC threads only compete with the
 * parsing (about 5% more saves per second on 2 cores).
 */
export function workerExecArgv(options: SpawnOptions): string[] {
  return [`--max-old-space-size=${options.maxOldSpaceMB}`, '--single-threaded-gc'];
}
