/**
 * The parse worker process: reads, screens and parses one archive at a
 * time, on request. Runs under `child_process.fork` (CLI, tests) or Electron's
 * `utilityProcess.fork` (the app); both speak the same messages.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { encodeSaveBytes } from '../codec/encoded-save.js';
import type { FromWorker, ToWorker } from '../pipeline/worker-protocol.js';
import type { Shard } from '../pipeline/shard.js';
import { parseFile } from '../pipeline/parse-file.js';

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

function send(message: FromWorker): void {
  if (parentPort) parentPort.postMessage(message);
  else if (process.connected) process.send?.(message);
}

// Parent gone (import cancelled, app closed): nothing left to answer to.
process.on('disconnect', () => process.exit(0));

function onMessage(listener: (message: ToWorker) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as ToWorker));
  else process.on('message', (message) => listener(message as ToWorker));
}

/** The library's saves by content, from the pipeline: a known file is not parsed again. */
let known = new Map<string, number>();
/** The shard this run takes; files of other shards are left to the machines that take them. */
let shard: Shard | undefined;

async function job(jobId: number, file: string, maxXmlBytes: number): Promise<void> {
  const answer = await parseFile(file, { known, shard, maxXmlBytes });
  if (answer.type !== 'parsed') {
    send({ ...answer, jobId });
    return;
  }
  const { hashed, started, readMs, inflateMs, readRetried } = answer;
  const save = encodeSaveBytes(answer.save);
  // Encoding for the pipe counts as parsing, as when the mappers wrote row objects.
  const parseMs = performance.now() - started - readMs - inflateMs;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  send({
    type: 'parsed',
    jobId,
    hashed,
    save,
    timings: { readMs, inflateMs, parseMs, sentAt: performance.timeOrigin + performance.now(), peakRssMB },
    readRetried,
  });
}

onMessage((message) => {
  if (message.type === 'known') {
    known = new Map(message.saves);
    shard = message.shard;
  } else void job(message.jobId, message.path, message.maxXmlBytes);
});

// The single writer is the pipeline's narrowest stage and shares the cores with the workers:
// parsing yields to it, so it is never starved while a backlog of parsed saves waits for it.
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not permitted on this system: run at normal priority.
}

send({ type: 'ready' });
