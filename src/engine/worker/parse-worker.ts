/**
 * The parse worker process: hashes and parses one archive at a time, on
 * request. Runs under `child_process.fork` (CLI, tests) or Electron's
 * `utilityProcess.fork` (the app); both speak the same messages.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { ScribeError, toFailure } from '../errors.js';
import { readSave } from '../reader/index.js';
import { encodeSaveBytes } from '../store/encoded-save.js';
import type { FromWorker, ToWorker } from '../pipeline/worker-protocol.js';

interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

function send(message: FromWorker): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

function onMessage(listener: (message: ToWorker) => void): void {
  if (parentPort) parentPort.on('message', (event) => listener(event.data as ToWorker));
  else process.on('message', (message) => listener(message as ToWorker));
}

/** The file being worked on, between its `hash` and its `parse`. */
let current: { jobId: number; path: string; bytes: Buffer; readMs: number } | null = null;

async function hash(jobId: number, file: string): Promise<void> {
  const started = performance.now();
  let bytes: Buffer;
  let mtimeMs: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new ScribeError('FILE_UNREADABLE', 'This is not a file Scribe can read.');
    mtimeMs = Math.floor(stat.mtimeMs);
    bytes = await fs.readFile(file);
  } catch (err) {
    const failure =
      err instanceof ScribeError ? err.toInfo() : { code: 'FILE_UNREADABLE' as const, message: 'The file could not be read: it is missing, locked or not permitted.' };
    send({ type: 'failed', jobId, failure });
    return;
  }
  current = { jobId, path: file, bytes, readMs: performance.now() - started };
  send({ type: 'hashed', jobId, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mtimeMs });
}

async function parse(jobId: number, maxXmlBytes: number): Promise<void> {
  const job = current;
  current = null;
  if (!job || job.jobId !== jobId) return;
  const started = performance.now();
  try {
    const save = encodeSaveBytes(await readSave(job.bytes, { maxXmlBytes }));
    const parseMs = performance.now() - started;
    const peakRssMB = process.resourceUsage().maxRSS / 1024;
    send({ type: 'parsed', jobId, save, timings: { readMs: job.readMs, parseMs, sentAt: performance.timeOrigin + performance.now(), peakRssMB } });
  } catch (err) {
    send({ type: 'failed', jobId, failure: toFailure(err) });
  }
}

onMessage((message) => {
  switch (message.type) {
    case 'hash':
      void hash(message.jobId, message.path);
      break;
    case 'parse':
      void parse(message.jobId, message.maxXmlBytes);
      break;
    case 'drop':
      if (current?.jobId === message.jobId) current = null;
      break;
  }
});

send({ type: 'ready' });
