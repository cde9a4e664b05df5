/**
 * Tries an operation again after failures that pass: a file another
 * program holds open for a moment (EBUSY, which is also what Node reports
 * for a Windows sharing violation), a device or network share that answers
 * late (EAGAIN, EIO, ETIMEDOUT), or a process briefly out of file handles
 * (EMFILE, ENFILE).
 */

export interface RetryOptions {
  /** Whether this failure may pass: only those are tried again. */
  isTransient(err: unknown): boolean;
  /** The wait before each further try, in order: its length is the number of retries. */
  delays: readonly number[];
  /** Told before each wait (for counting). */
  onRetry?(err: unknown, retry: number): void;
  sleep?(ms: number): Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn`; on a transient failure waits the next delay and runs it again. The last failure is thrown. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  for (let retry = 0; ; retry++) {
    try {
      return await fn();
    } catch (err) {
      if (retry >= options.delays.length || !options.isTransient(err)) throw err;
      options.onRetry?.(err, retry + 1);
      await sleep(options.delays[retry]!);
    }
  }
}

export const transientReadCodes: ReadonlySet<string> = new Set(['EBUSY', 'EAGAIN', 'EWOULDBLOCK', 'EIO', 'ETIMEDOUT', 'EMFILE', 'ENFILE']);

export function errnoCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

export const isTransientReadError = (err: unknown): boolean => transientReadCodes.has(errnoCode(err) ?? '');

/** Backoff for reading a save: about two seconds in all before the file fails. */
export const readRetryDelaysMs: readonly number[] = [100, 400, 1600];
