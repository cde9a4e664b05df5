import { setTimeout as sleep } from 'node:timers/promises';
import { databaseFailure } from '../db-failure.js';

/**
 * Pauses before each new attempt at a store call that found the library
 * locked. SQLite has already waited its own busy timeout inside the call, so
 * these pauses add to that: a lock another program holds for a moment (a
 * backup, a query tool's short transaction) is waited out, one held open is
 * reported within a bounded time.
 */
export const defaultBusyRetryDelaysMs: readonly number[] = [500, 1000, 2000];

export interface BusyRetry {
  /** Pause before each retry; its length is the number of retries. */
  delaysMs: readonly number[];
  /** A cancelled run gives up at once instead of waiting. */
  signal?: AbortSignal | undefined;
  /** Called before each pause: `attempt` is the number of the retry about to be made (1 for the first). */
  onRetry?: ((attempt: number, delayMs: number) => void) | undefined;
}

/** Runs `fn`, and again after each pause while it fails because the library is locked; then throws its last error. */
export async function retryWhileBusy<T>(fn: () => Promise<T>, retry: BusyRetry): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const delayMs = retry.delaysMs[attempt];
      if (delayMs === undefined || databaseFailure(err)?.code !== 'DB_BUSY' || retry.signal?.aborted) throw err;
      retry.onRetry?.(attempt + 1, delayMs);
      try {
        await sleep(delayMs, undefined, { signal: retry.signal });
      } catch {
        throw err; // Cancelled while waiting.
      }
    }
  }
}
