/**
 * The WAL checkpoint thread (started by wal-checkpointer.ts): its own
 * connection to the library, one `wal_checkpoint(PASSIVE)` per poke. Pokes
 * that arrive while a checkpoint runs coalesce into one more. Plain
 * JavaScript importing nothing but Node and the driver (by the path it is
 * given), so the same file runs from the source tree, the bundles and a
 * packaged app's unpacked folder.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

/** Slots of the shared signal: poke counter, stop flag (wal-checkpointer.ts). */
const POKES = 0;
const STOP = 1;

const Database = createRequire(import.meta.url)(workerData.driver);
const db = new Database(workerData.path);
const signal = workerData.signal;
parentPort.postMessage('ready');
let seen = 0;
for (;;) {
  Atomics.wait(signal, POKES, seen);
  if (Atomics.load(signal, STOP)) break;
  seen = Atomics.load(signal, POKES);
  db.pragma('wal_checkpoint(PASSIVE)');
}
db.close();
