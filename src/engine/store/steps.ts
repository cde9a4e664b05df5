/**
 * Code written once for a synchronous driver (better-sqlite3) and an
 * asynchronous one (DuckDB): a generator that yields each database call's
 * result, `yield* wait(db.run(...))`. SQLite's adapter runs it straight
 * through (`runSync`: no promise, no microtask, and a store that opens
 * synchronously); DuckDB's awaits each step (`runAsync`).
 */
import type { Awaitable, SqlRunner } from './sql-runner.js';

export type Steps<T> = Generator<unknown, T, unknown>;

/** One database call's result inside `Steps`. */
export function* wait<T>(value: Awaitable<T>): Generator<Awaitable<T>, T, unknown> {
  return (yield value) as T;
}

const isPromise = (v: unknown): v is PromiseLike<unknown> => typeof (v as PromiseLike<unknown> | null)?.then === 'function';

/** Runs steps whose every call answered synchronously; a promise among them is a dialect bug. */
export function runSync<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (!r.done) {
    if (isPromise(r.value)) throw new Error('A synchronous dialect answered with a promise.');
    r = steps.next(r.value);
  }
  return r.value;
}

/** Runs steps, awaiting each call; a rejected call is thrown into the steps, where their own try/catch sees it. */
export async function runAsync<T>(steps: Steps<T>): Promise<T> {
  let r = steps.next();
  while (!r.done) {
    let value: unknown;
    try {
      value = await r.value;
    } catch (err) {
      r = steps.throw(err);
      continue;
    }
    r = steps.next(value);
  }
  return r.value;
}

/** Steps inside one transaction: committed when they return, rolled back when they throw. */
export function* inTransactionSteps<T>(db: SqlRunner, body: () => Steps<T>): Steps<T> {
  yield* wait(db.begin());
  try {
    const result = yield* body();
    yield* wait(db.commit());
    return result;
  } catch (err) {
    yield* wait(db.rollback());
    throw err;
  }
}
