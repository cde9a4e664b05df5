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
