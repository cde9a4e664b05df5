// Loaded with --import into every process the stand-in's utilityProcess.fork
// starts: gives it Electron's `process.parentPort` over Node's IPC channel, and
// takes Node's own IPC API away, since a utility process has none (a worker
// that used process.send or process.on('message') would fail here as it would
// under Electron).
import { EventEmitter } from 'node:events';

const send = process.send.bind(process);
const emit = process.emit.bind(process);

class ParentPort extends EventEmitter {
  #queue = [];
  #started = false;
  constructor() {
    super();
    // Like Electron's, the port starts on its first 'message' listener: messages that arrive while
    // the entry module is still loading are held, not dropped.
    this.on('newListener', (name) => {
      if (name !== 'message' || this.#started) return;
      this.#started = true;
      process.nextTick(() => {
        for (const event of this.#queue.splice(0)) this.emit('message', event);
      });
    });
  }
  deliver(data) {
    const event = { data, ports: [] };
    if (this.#started && this.#queue.length === 0) this.emit('message', event);
    else this.#queue.push(event);
  }
  /** Structured clone, as Electron's: a Buffer arrives as a Uint8Array, a function throws DataCloneError. */
  postMessage(message) {
    send(structuredClone(message));
  }
}
const parentPort = new ParentPort();
Object.defineProperty(process, 'parentPort', { value: parentPort, enumerable: true });

// Node delivers IPC messages with process.emit('message', ...): they go to parentPort instead,
// wrapped like Electron's MessageEvent.
process.emit = function (name, ...args) {
  if (name === 'message') {
    parentPort.deliver(args[0]);
    return true;
  }
  return emit(name, ...args);
};
delete process.send;
// Node holds IPC messages back until the process has a 'message' listener (which also keeps it
// alive, as a utility process lives until it exits or is killed): this one, never called, since
// process.emit above hands every message to parentPort.
process.on('message', () => {});
