/**
 * What the writer core (writer.ts) and the schema runner (schema.ts) need of
 * a database, beyond plain SQL: SQLite's and DuckDB's adapters implement it.
 * Adding a database is implementing this (and `SqlRunner`), nothing else.
 */
import type { Backend } from '../../shared/settings.js';
import type { EncodedTable } from '../codec/encoded-save.js';
import type { Migration } from './migrations.js';
import type { Awaitable, SqlRunner } from './sql-runner.js';
import type { TableSpec } from './tables.js';
import type { SqlValue } from './values.js';

export interface Dialect extends SqlRunner {
  readonly backend: Backend;

  /** The library's schema version (0 for a new file). */
  schemaVersion(): Awaitable<number>;
  /** Runs a script of statements (a migration's DDL); the runner holds the transaction. */
  runScript(sql: string): Awaitable<void>;
  /** Records that the library is at this migration's version; the runner holds the transaction. */
  recordVersion(m: Migration): Awaitable<void>;
  /** Gives the space of dropped tables back to the disk, outside any transaction (SQLite: VACUUM). */
  reclaimSpace(): Awaitable<void>;
  /** A table's columns in the database's order (none when there is no such table). */
  columnsOf(table: string): Awaitable<string[]>;
  /** Told once the columns are known to hold every field: each table's columns in database order. */
  planAppends(columns: ReadonlyMap<string, readonly string[]>): void;

  /** A boolean as this driver binds it. */
  bindBool(value: boolean): SqlValue;
  /** One child table's rows of one save, straight from its encoded cells; `strings` is the save's string table. */
  appendRows(spec: TableSpec, table: EncodedTable, strings: readonly string[], saveId: number): Awaitable<void>;
  /**
   * An import run starts (true) or ends (false): many writes, one after the
   * other, while parse workers want the other cores.
   */
  bulkWrites(on: boolean): Awaitable<void>;
  /** A write committed. */
  afterCommit(): void;
  /** A write was rolled back: drop any half-appended rows. */
  afterRollback(): void;
}
