import { fork } from 'node:child_process';
import { workerExecArgv, type WorkerHandle, type WorkerSpawner } from './worker-handle.js';

/** Spawns a parse worker with `child_process.fork` (command line, tests, bench). */
export const forkSpawner: WorkerSpawner = (entry, options): WorkerHandle => {
  const child = fork(entry, [], {
    execArgv: workerExecArgv(options),
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    send: (message) => {
      if (child.connected) child.send(message as never);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code, signal) => listener(code, signal)),
    kill: () => {
      child.kill('SIGKILL');
    },
  };
};
