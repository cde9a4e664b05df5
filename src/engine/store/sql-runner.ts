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
  /**
   * The points of `history_points` rows read as the table `alias` (as with
   * `keyEqualsSql`, a table's rows, not its view's): SQL to put after it in
   * the FROM clause, and a point's turn and value. SQLite packs a series
   * into one row (store/packing.ts), DuckDB keeps a row per point.
   */
  historyPointsSql(alias: string): { join: string; turn: string; value: string };
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
