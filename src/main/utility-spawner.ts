import { utilityProcess } from 'electron';
import { workerExecArgv, type WorkerHandle, type WorkerSpawner } from '../engine/pipeline/worker-handle.js';

/** Spawns a parse worker as an Electron utility process (no renderer, no Node integration leaks). */
export const utilitySpawner: WorkerSpawner = (entry, options): WorkerHandle => {
  const child = utilityProcess.fork(entry, [], {
    serviceName: 'Scribe save parser',
    execArgv: workerExecArgv(options),
    stdio: 'inherit',
  });
  let alive = true;
  return {
    send: (message) => {
      if (alive) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) =>
      child.once('exit', (code) => {
        alive = false;
        listener(code, null);
      }),
    kill: () => {
      if (alive) child.kill();
    },
  };
};
