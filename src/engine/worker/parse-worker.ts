/**
 * The parse worker process: reads, screens and parses one archive at a
 * time, on request. Runs under `child_process.fork` (CLI, tests) or Electron's
 * `utilityProcess.fork` (the app); both speak the same messages.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { ScribeError, toFailure } from '../errors.js';
import { readSaveInto } from '../reader/index.js';
import { errnoCode, isTransientReadError, readRetryDelaysMs, withRetry } from '../retry.js';
import { encodeSaveBytes, SaveEncoder } from '../codec/encoded-save.js';
import type { FromWorker, Hashed, ToWorker } from '../pipeline/worker-protocol.js';
import { inShard, type Shard } from '../pipeline/shard.js';

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
  const started = performance.now();
  let bytes: Buffer;
  let mtimeMs: number;
  // Set once a read failed for a reason that passes and was tried again: the run counts such files.
  let readRetried: true | undefined;
  try {
    ({ bytes, mtimeMs } = await withRetry(
      async () => {
        const stat = await fs.stat(file);
        if (!stat.isFile()) throw new ScribeError('FILE_UNREADABLE', 'This is not a file Scribe can read.');
        return { mtimeMs: Math.floor(stat.mtimeMs), bytes: await fs.readFile(file) };
      },
      { isTransient: isTransientReadError, delays: readRetryDelaysMs, onRetry: () => (readRetried = true) },
    ));
  } catch (err) {
    const failure =
      err instanceof ScribeError
        ? err.toInfo()
        : isTransientReadError(err)
          ? {
              code: 'FILE_UNREADABLE' as const,
              message: `The file could not be read: it was still busy, locked or failing (${errnoCode(err)}) after ${readRetryDelaysMs.length + 1} tries.`,
            }
          : { code: 'FILE_UNREADABLE' as const, message: 'The file could not be read: it is missing, locked or not permitted.' };
    send({ type: 'failed', jobId, hashed: null, failure, readRetried });
    return;
  }
  const hashed: Hashed = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mtimeMs };
  if (!inShard(hashed.sha256, shard)) {
    send({ type: 'otherShard', jobId, hashed, readRetried });
    return;
  }
  const knownSave = known.get(hashed.sha256);
  if (knownSave !== undefined) {
    send({ type: 'known', jobId, hashed, saveId: knownSave, readRetried });
    return;
  }
  const readMs = performance.now() - started;
  try {
    // The mappers write rows straight into the cells that are sent: no ParsedSave in between.
    const encoder = new SaveEncoder();
    const timing = { inflateMs: 0 };
    const meta = await readSaveInto(bytes, encoder, { maxXmlBytes }, timing);
    const save = encodeSaveBytes(encoder.finish(meta));
    const { inflateMs } = timing;
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
  } catch (err) {
    send({ type: 'failed', jobId, hashed, failure: toFailure(err), readRetried });
  }
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
