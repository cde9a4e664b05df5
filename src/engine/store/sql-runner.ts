/**
 * What the shared SQL (ledger, library queries, the writer) needs of a
 * database. SQLite's adapter answers synchronously, DuckDB's with promises;
 * callers `await` either, so each piece of SQL is written once.
 */
import type { Row, SqlValue } from './values.js';

export type Awaitable<T> = T | Promise<T>;

export interface SqlRunner {
  all(sql: string, params?: readonly SqlValue[]): Awaitable<Row[]>;
  /** Rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Awaitable<number>;
  begin(): Awaitable<void>;
  commit(): Awaitable<void>;
  /** Never throws: it runs after a failure, whose error is the one to report. */
  rollback(): Awaitable<void>;
  /** SQL for "the name equals ? ignoring case", in the dialect's index-friendly form. */
  nameEqualsSql(column: string): string;
  /**
   * SQL for "the table's dictionary column equals the key bound at ?" (a
   * table's column, not a view's): SQLite compares the key's id, DuckDB the
   * text itself (store/dictionary.ts). A view's column is the text in both,
   * but a filter on it cannot use the table's key.
   */
  keyEqualsSql(column: string): string;
}

/** `fn` inside one transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(db: SqlRunner, fn: () => Promise<T>): Promise<T> {
  await db.begin();
  try {
    const result = await fn();
    await db.commit();
    return result;
  } catch (err) {
    await db.rollback();
    throw err;
  }
}
