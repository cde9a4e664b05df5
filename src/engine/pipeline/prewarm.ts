/**
 * One parse worker started before the library is even open, handed to the
 * pool's first spawn. A worker process takes about as long to start as the
 * main process takes to open the library and screen the files, and the two
 * run on different cores: started first, the worker is ready when the
 * first file is. Messages and an exit that arrive before the pool listens
 * are kept for it (the pool waits for the worker's `ready`, which a
 * prewarmed worker may have sent already).
 */
import { workerExecArgv, type SpawnOptions, type WorkerHandle, type WorkerSpawner } from './worker-handle.js';

export interface Prewarmed {
  /** Hands out the prewarmed worker once (when asked for the same entry and options), then spawns as usual. */
  spawn: WorkerSpawner;
  /** Kills the prewarmed worker if nothing took it: an unused worker would keep the command from exiting. */
  dispose(): void;
}

interface Spare {
  handle: WorkerHandle;
  exited: boolean;
}

function keepEarly(inner: WorkerHandle): Spare {
  const early: unknown[] = [];
  let onMessage: ((message: unknown) => void) | null = null;
  let onExit: ((code: number | null, signal: string | null) => void) | null = null;
  let exit: [number | null, string | null] | null = null;
  const spare: Spare = {
    exited: false,
    handle: {
      send: (message) => inner.send(message),
      onMessage: (listener) => {
        onMessage = listener;
        for (const m of early.splice(0)) listener(m);
      },
      onExit: (listener) => {
        onExit = listener;
        if (exit) listener(...exit);
      },
      kill: () => inner.kill(),
    },
  };
  inner.onMessage((message) => (onMessage ? onMessage(message) : early.push(message)));
  inner.onExit((code, signal) => {
    exit = [code, signal];
    spare.exited = true;
    onExit?.(code, signal);
  });
  return spare;
}

export function prewarm(base: WorkerSpawner, entry: string, options: SpawnOptions): Prewarmed {
  const args = workerExecArgv(options).join(' ');
  let spare: Spare | null = keepEarly(base(entry, options));
  return {
    spawn: (wanted, wantedOptions) => {
      const s = spare;
      spare = null;
      if (s && !s.exited && wanted === entry && workerExecArgv(wantedOptions).join(' ') === args) return s.handle;
      s?.handle.kill();
      return base(wanted, wantedOptions);
    },
    dispose: () => {
      spare?.handle.kill();
      spare = null;
    },
  };
}
