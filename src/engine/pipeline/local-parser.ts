/**
 * The run's own process as its parser, for a run given a single file: the
 * file is read and parsed here, with the code a worker runs
 * (parse-file.ts), and no worker process is started. A worker's start (a
 * second Node process loading the reader, a few hundred ms on 2 cores) and
 * the trip of the parsed save through its pipe (encode, send, decode) are
 * paid before the first save can be written; with one file there is no
 * parallelism for them to buy (docs/design.md has the numbers).
 *
 * What a worker adds and this does not: a heap of its own (the reader's size
 * limits bound a save's memory here), and a time limit (a parse cannot be
 * stopped mid-way in-process; the same limits bound it, to a few seconds
 * at the default 256 MB of XML). A cancel
 * during the parse takes effect when it returns: the run then drops the
 * result and the file stays queued, as a cancelled worker's file does.
 */
import { performance } from 'node:perf_hooks';
import { parseFile, type ParseScreen } from './parse-file.js';
import type { FileParsers, JobOutcome } from './pool.js';

export class LocalParser implements FileParsers {
  readonly size = 1;
  private closed = false;
  private retried = 0;

  constructor(private readonly screen: ParseScreen) {}

  warm(): void {}

  async process(path: string): Promise<JobOutcome | null> {
    if (this.closed) return null;
    const answer = await parseFile(path, this.screen);
    if (answer.readRetried) this.retried++;
    switch (answer.type) {
      case 'parsed': {
        const { save, started, readMs, inflateMs } = answer;
        const parseMs = performance.now() - started - readMs - inflateMs;
        return { kind: 'parsed', save: () => save, hashed: answer.hashed, timings: { readMs, inflateMs, parseMs }, transferMs: 0 };
      }
      case 'known':
        return { kind: 'known', hashed: answer.hashed, saveId: answer.saveId };
      case 'otherShard':
        return { kind: 'otherShard', hashed: answer.hashed };
      case 'failed':
        return { kind: 'failed', failure: answer.failure, hashed: answer.hashed };
    }
  }

  close(): void {
    this.closed = true;
  }

  readRetried(): number {
    return this.retried;
  }

  peakRssMB(): number[] {
    return [];
  }
}
