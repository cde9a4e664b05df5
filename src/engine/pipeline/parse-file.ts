/**
 * One file's work before the writer: read and hash it, screen it against the
 * library and the shard, unzip and parse it. The parse worker runs this for
 * each job it is sent; a run given a single file runs it in the importing
 * process itself (local-parser.ts). One function for both, so a
 * file ends with the same status, code and message whichever ran it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { ScribeError, toFailure } from '../errors.js';
import { readSaveInto } from '../reader/index.js';
import { errnoCode, isTransientReadError, readRetryDelaysMs, withRetry } from '../retry.js';
import { SaveEncoder, type EncodedSave } from '../codec/encoded-save.js';
import type { FailureInfo } from '../../shared/errors.js';
import type { Hashed } from './worker-protocol.js';
import { inShard, type Shard } from './shard.js';

export interface ParseScreen {
  /** The library's saves by SHA-256: a file with these bytes is not parsed. */
  known: ReadonlyMap<string, number>;
  /** The shard this run takes; every file when absent. */
  shard?: Shard;
  maxXmlBytes: number;
}

/** On every answer: true when reading the file failed for a passing reason and was tried again. */
interface Answer {
  readRetried?: true;
}

export type ParseAnswer =
  | (Answer & { type: 'otherShard'; hashed: Hashed })
  | (Answer & { type: 'known'; hashed: Hashed; saveId: number })
  /** `started`: performance.now() when the read began; `readMs` and `inflateMs` are the first two stages. */
  | (Answer & { type: 'parsed'; hashed: Hashed; save: EncodedSave; started: number; readMs: number; inflateMs: number })
  | (Answer & { type: 'failed'; hashed: Hashed | null; failure: FailureInfo });

export async function parseFile(file: string, screen: ParseScreen): Promise<ParseAnswer> {
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
    return { type: 'failed', hashed: null, failure, readRetried };
  }
  const hashed: Hashed = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mtimeMs };
  if (!inShard(hashed.sha256, screen.shard)) return { type: 'otherShard', hashed, readRetried };
  const knownSave = screen.known.get(hashed.sha256);
  if (knownSave !== undefined) return { type: 'known', hashed, saveId: knownSave, readRetried };
  const readMs = performance.now() - started;
  try {
    // The mappers write rows straight into the encoder's cells: no ParsedSave in between.
    const encoder = new SaveEncoder();
    const timing = { inflateMs: 0 };
    const meta = await readSaveInto(bytes, encoder, { maxXmlBytes: screen.maxXmlBytes }, timing);
    return { type: 'parsed', hashed, save: encoder.finish(meta), started, readMs, inflateMs: timing.inflateMs, readRetried };
  } catch (err) {
    return { type: 'failed', hashed, failure: toFailure(err), readRetried };
  }
}
