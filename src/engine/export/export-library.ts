/**
 * Exports a library for analysts: one Parquet or CSV file per table, every
 * row carrying the save's global identity (game_id, save_turn, save_sha256), so
 * exports from many libraries and machines simply concatenate.
 *
 * DuckDB writes every file (its Parquet and CSV writers are built in and work
 * offline). A DuckDB library is attached read-only and copied straight. A
 * SQLite library is streamed into DuckDB table by table, in vectors of rows
 * (DuckDB's sqlite scanner is an extension it would have to download), and
 * written out in parts of a bounded number of rows that are then joined into
 * the table's file: with DuckDB's memory capped too, the export's memory
 * stays flat however large the library.
 *
 * The tables and their columns are read from the library itself, not from
 * Scribe's catalogue, so a library of any schema version exports as it is.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../store/sqlite-driver.js';
import {
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBType,
  BIGINT,
  BOOLEAN,
  DOUBLE,
  VARCHAR,
} from '@duckdb/node-api';
import type { ExportFormat, ExportProgress, ExportSummary, ExportedTable } from '../../shared/export.js';
import type { Backend } from '../../shared/settings.js';
import { ScribeRequestError } from '../../shared/request-errors.js';
import { ScribeError } from '../errors.js';
import { checkDuckDbLibrary, checkSqliteLibrary, duckDbInstanceOptions } from '../store/library-check.js';

export interface ExportOptions {
  dbPath: string;
  backend: Backend;
  format: ExportFormat;
  outDir: string;
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
  /** DuckDB's memory cap while exporting; beyond it the staging data spills to disk. */
  memoryLimitMB?: number;
}

/** The column types an export uses. Integers are all BIGINT, so that exports of both backends concatenate. */
type ExportType = 'BIGINT' | 'VARCHAR' | 'BOOLEAN' | 'DOUBLE';

interface ExportColumn {
  name: string;
  type: ExportType;
  /** The expression over the source row (`t` the table, `s` its save) that gives the value. */
  source: { from: 't' | 's'; column: string } | { sourceFileOf: string };
}

interface ExportTable {
  name: string;
  /** The table or view its rows are read from (`sourceOf`). */
  source: string;
  /** The table's own columns, as the library has them. */
  own: { name: string; type: ExportType }[];
  /** The exported columns, identity first. */
  columns: ExportColumn[];
  rows: number;
}

/** Tables that describe the library rather than the saves in it (the dictionary is in every view that uses it). */
const notExported = new Set(['import_ledger', 'schema_version', 'sqlite_sequence', 'dictionary']);

/**
 * What a table is exported from: its `<table>_v` view where the library has
 * one (every table since the key dictionary: the view reads each id as its
 * text), else the table itself (an older library).
 */
function sourceOf(table: string, views: ReadonlySet<string>): string {
  return views.has(`${table}_v`) ? `${table}_v` : table;
}
/**
 * The save's global identity, first in every exported table. The turn is
 * `save_turn` because many tables have a `turn` of their own (the turn an
 * event happened or a history point was taken).
 */
const identity = ['game_id', 'save_turn', 'save_sha256'] as const;

/** Rows per appended vector: DuckDB's own vector size, the most one data chunk holds. */
const vectorRows = 2048;

export function exportType(declared: string): ExportType {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'BIGINT';
  if (t.includes('BOOL')) return 'BOOLEAN';
  if (t.includes('CHAR') || t.includes('TEXT') || t.includes('CLOB')) return 'VARCHAR';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'DOUBLE';
  throw new ScribeError('INTERNAL', `The library has a column of type ${declared}, which Scribe cannot export.`);
}

/**
 * The exported columns of one table: the global identity first, then the
 * table's own columns (local ids included). `saves` holds the identity
 * itself (its game_id, turn and sha256 become the identity columns), and
 * adds the source file's name beside its full path.
 */
export function exportColumns(table: string, columns: readonly { name: string; type: ExportType }[]): ExportColumn[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  if (table === 'saves') {
    const own = columns.filter((c) => c.name !== 'game_id' && c.name !== 'turn' && c.name !== 'sha256');
    return [
      { name: 'game_id', type: 'VARCHAR', source: { from: 't', column: 'game_id' } },
      { name: 'save_turn', type: 'BIGINT', source: { from: 't', column: 'turn' } },
      { name: 'save_sha256', type: 'VARCHAR', source: { from: 't', column: 'sha256' } },
      ...own.map((c): ExportColumn => ({ name: c.name, type: c.type, source: { from: 't', column: c.name } })),
      ...(byName.has('source_path') ? [{ name: 'source_file', type: 'VARCHAR' as const, source: { sourceFileOf: 'source_path' } }] : []),
    ];
  }
  if (!byName.has('save_id'))
    throw new ScribeError('INTERNAL', `The table ${table} has no save_id column, so its rows cannot be tied to a save.`);
  const clash = columns.find((c) => (identity as readonly string[]).includes(c.name));
  if (clash)
    throw new ScribeError(
      'INTERNAL',
      `The table ${table} has its own ${clash.name} column, which the export's identity columns would hide.`,
    );
  return [
    { name: 'game_id', type: 'VARCHAR', source: { from: 's', column: 'game_id' } },
    { name: 'save_turn', type: 'BIGINT', source: { from: 's', column: 'turn' } },
    { name: 'save_sha256', type: 'VARCHAR', source: { from: 's', column: 'sha256' } },
    ...columns.map((c): ExportColumn => ({ name: c.name, type: c.type, source: { from: 't', column: c.name } })),
  ];
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * SELECT over the source table `t` joined to its save `s`, giving the
 * exported columns in order. DuckDB does the join, in both paths: it is
 * far cheaper there than reading each row's identity strings out of SQLite.
 */
function selectSql(table: ExportTable, tableRef: string, savesRef: string, castAll: boolean): string {
  const isSaves = table.name === 'saves';
  const exprs = table.columns.map((c) => {
    const e =
      'sourceFileOf' in c.source
        ? `regexp_extract(t.${quoteIdent(c.source.sourceFileOf)}, '[^/\\\\]+$')`
        : `${c.source.from}.${quoteIdent(c.source.column)}`;
    return castAll ? `CAST(${e} AS ${c.type}) AS ${quoteIdent(c.name)}` : `${e} AS ${quoteIdent(c.name)}`;
  });
  const from = isSaves ? `${tableRef} t` : `${tableRef} t JOIN ${savesRef} s ON s.id = t.save_id`;
  // No ORDER BY: rows are stored save by save, and DuckDB keeps that order through the scan and the join's probe
  // side (preserve_insertion_order); a sort would hold the largest table in memory and make it grow with the library.
  return `SELECT ${exprs.join(', ')} FROM ${from}`;
}

function copyOptions(format: ExportFormat): string {
  return format === 'parquet' ? `(FORMAT parquet, COMPRESSION zstd)` : `(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"')`;
}

const duckType: Record<ExportType, DuckDBType> = { BIGINT, VARCHAR, BOOLEAN, DOUBLE };

function duckConfig(tempDir: string, memoryLimitMB: number): Record<string, string> {
  return {
    memory_limit: `${memoryLimitMB}MB`,
    temp_directory: tempDir,
    threads: String(Math.max(1, Math.min(4, os.availableParallelism()))),
    ...duckDbInstanceOptions,
  };
}

function aborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ScribeRequestError('CANCELLED', 'The export was cancelled.');
}

export async function exportLibrary(options: ExportOptions): Promise<ExportSummary> {
  const started = performance.now();
  // The same refusals as an import's (not a database, not a library, damaged, newer than Scribe), before any file is written.
  await fs.access(options.dbPath).catch(() => {
    throw new ScribeError('FILE_UNREADABLE', `There is no library at ${options.dbPath}.`);
  });
  if (options.backend === 'sqlite') checkSqliteLibrary(options.dbPath);
  else await checkDuckDbLibrary(options.dbPath);
  await fs.mkdir(options.outDir, { recursive: true });
  // Parts and spills next to the output, which has room for it, rather than in a temp folder that may be small.
  const tempDir = await fs.mkdtemp(path.join(options.outDir, '.scribe-export-'));
  try {
    const memory = options.memoryLimitMB ?? 128;
    const tables =
      options.backend === 'duckdb' ? await exportFromDuckDb(options, tempDir, memory) : await exportFromSqlite(options, tempDir, memory);
    return { format: options.format, outDir: options.outDir, tables, durationMs: performance.now() - started };
  } finally {
    await fs.rm(tempDir, { recursive: true, force: true });
  }
}

/** Writes to a temporary name and renames, so an interrupted export never leaves a file that looks complete. */
async function copyTo(conn: DuckDBConnection, query: string, format: ExportFormat, outDir: string, table: string): Promise<string> {
  const file = path.join(outDir, `${table}.${format}`);
  const partial = `${file}.partial`;
  await conn.run(`COPY (${query}) TO ${quoteText(partial)} ${copyOptions(format)}`);
  await fs.rename(partial, file);
  return file;
}

// ------------------------------------------------------------------ SQLite

function sqliteTables(db: Database.Database): ExportTable[] {
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]).filter(
    (n) => !notExported.has(n) && !n.startsWith('sqlite_'),
  );
  if (!names.includes('saves')) throw new ScribeError('INTERNAL', 'This database is not a Scribe library: it has no saves table.');
  const views = new Set(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'view'`).pluck().all() as string[]);
  const ordered = ['saves', ...names.filter((n) => n !== 'saves')];
  return ordered.map((name) => {
    const source = sourceOf(name, views);
    const info = db.prepare(`SELECT name, type FROM pragma_table_info(?) ORDER BY cid`).all(source) as { name: string; type: string }[];
    const own = info.map((c) => ({ name: c.name, type: exportType(c.type) }));
    // The view's rows: a packed table (store/packing.ts) has fewer rows of its own than it exports.
    const rows = db
      .prepare(`SELECT count(*) FROM ${quoteIdent(source)}`)
      .pluck()
      .get() as number;
    return { name, source, own, columns: exportColumns(name, own), rows };
  });
}

/**
 * Rows staged in memory before they are written out as one part file: what
 * bounds the export's memory. DuckDB holds a table's appended rows in memory
 * until they are written; staged whole, the largest table set the peak and
 * it grew with the library (measured: ~0.9 MB more per save).
 */
const partRows = 1 << 18;

async function exportFromSqlite(options: ExportOptions, tempDir: string, memoryLimitMB: number): Promise<ExportedTable[]> {
  const db = openSqlite(options.dbPath, { readonly: true, fileMustExist: true });
  const instance = await DuckDBInstance.create(':memory:', duckConfig(tempDir, memoryLimitMB));
  const conn = await instance.connect();
  try {
    const tables = sqliteTables(db);
    // Every table takes its rows' identity from here: a few columns of each save, kept for the whole export.
    await conn.run(`CREATE TABLE ids (id BIGINT, game_id VARCHAR, turn BIGINT, sha256 VARCHAR)`);
    const done: ExportedTable[] = [];
    for (const [tableIndex, table] of tables.entries()) {
      aborted(options.signal);
      const progress = (rowsDone: number): void =>
        options.onProgress?.({ table: table.name, tableIndex, tables: tables.length, rowsDone, rowsTotal: table.rows });
      progress(0);
      const partsDir = path.join(tempDir, table.name);
      await fs.mkdir(partsDir);
      const createStage = `CREATE TABLE stage (${table.own.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ')})`;
      await conn.run(createStage);
      let parts = 0;
      const writePart = async (): Promise<void> => {
        if (table.name === 'saves') await conn.run(`INSERT INTO ids SELECT id, game_id, turn, sha256 FROM stage`);
        const part = path.join(partsDir, `part-${String(parts++).padStart(6, '0')}.parquet`);
        await conn.run(`COPY (${selectSql(table, 'stage', 'ids', false)}) TO ${quoteText(part)} (FORMAT parquet, COMPRESSION snappy)`);
        await conn.run(`DROP TABLE stage`);
        await conn.run(createStage);
      };
      const rows = await stageSqliteTable(db, conn, table, options.signal, progress, writePart);
      const file = await copyTo(
        conn,
        `SELECT * FROM read_parquet(${quoteText(path.join(partsDir, '*.parquet'))})`,
        options.format,
        options.outDir,
        table.name,
      );
      await conn.run(`DROP TABLE stage`);
      await fs.rm(partsDir, { recursive: true, force: true });
      progress(rows);
      done.push({ table: table.name, file, rows });
    }
    return done;
  } finally {
    conn.closeSync();
    instance.closeSync();
    db.close();
  }
}

/**
 * Streams one SQLite table into the `stage` table, a vector of rows at a
 * time, column by column; every `partRows` rows (and at the end) `writePart`
 * writes what is staged to a part file and empties the stage.
 */
async function stageSqliteTable(
  db: Database.Database,
  conn: DuckDBConnection,
  table: ExportTable,
  signal: AbortSignal | undefined,
  progress: (rows: number) => void,
  writePart: () => Promise<void>,
): Promise<number> {
  const select = `SELECT ${table.own.map((c) => quoteIdent(c.name)).join(', ')} FROM ${quoteIdent(table.source)}`;
  const types = table.own.map((c) => duckType[c.type]);
  // better-sqlite3 gives booleans as 0/1 and integers as numbers; the vectors want booleans and bigints.
  const convert = table.own.map((c): ((v: unknown) => unknown) | null => {
    if (c.type === 'BOOLEAN') return (v) => (v === null ? null : v === 1 || v === true);
    if (c.type === 'BIGINT') return (v) => (v === null || typeof v === 'bigint' ? v : BigInt(v as number));
    return null;
  });
  const width = table.own.length;
  const cells: unknown[][] = Array.from({ length: width }, () => new Array<unknown>(vectorRows));
  let appender = await conn.createAppender('stage');
  let n = 0;
  let total = 0;
  let staged = 0;
  const flush = (): void => {
    if (n === 0) return;
    const chunk = DuckDBDataChunk.create(types, n);
    for (let c = 0; c < width; c++) chunk.setColumnValues(c, (n === vectorRows ? cells[c]! : cells[c]!.slice(0, n)) as never);
    appender.appendDataChunk(chunk);
    total += n;
    staged += n;
    n = 0;
  };
  const part = async (): Promise<void> => {
    flush();
    appender.flushSync();
    appender.closeSync();
    await writePart();
    staged = 0;
    appender = await conn.createAppender('stage');
  };
  // A save's rows in one call: ~15% cheaper than a row at a time through iterate(), and a save's rows are few
  // enough to hold. Every table is keyed (or indexed) by save_id first, so each call is one range scan.
  const saveIds = table.name === 'saves' ? null : (db.prepare(`SELECT id FROM saves ORDER BY id`).pluck().all() as number[]);
  const batches: Iterable<unknown[][]> = saveIds
    ? (function* () {
        const stmt = db.prepare(`${select} WHERE save_id = ?`).raw();
        for (const id of saveIds) yield stmt.all(id) as unknown[][];
      })()
    : (function* () {
        let batch: unknown[][] = [];
        for (const row of db.prepare(select).raw().iterate() as IterableIterator<unknown[]>) {
          batch.push(row);
          if (batch.length === vectorRows) {
            yield batch;
            batch = [];
          }
        }
        yield batch;
      })();
  try {
    for (const batch of batches) {
      for (const row of batch) {
        for (let c = 0; c < width; c++) {
          const f = convert[c];
          cells[c]![n] = f ? f(row[c]) : row[c];
        }
        if (++n === vectorRows) flush();
      }
      aborted(signal);
      progress(total + n);
      if (staged + n >= partRows) await part();
    }
    if (staged + n > 0 || total === 0) await part();
  } finally {
    try {
      appender.closeSync();
    } catch {
      // Already closed by a part that failed: its error is the one to report.
    }
  }
  return total;
}

// ------------------------------------------------------------------ DuckDB

async function exportFromDuckDb(options: ExportOptions, tempDir: string, memoryLimitMB: number): Promise<ExportedTable[]> {
  const instance = await DuckDBInstance.create(':memory:', duckConfig(tempDir, memoryLimitMB));
  const conn = await instance.connect();
  try {
    await conn.run(`ATTACH ${quoteText(options.dbPath)} AS lib (READ_ONLY)`);
    const info = (
      await conn.runAndReadAll(
        `SELECT c.table_name, c.column_name, c.data_type, t.table_type FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
         WHERE c.table_catalog = 'lib' AND c.table_schema = 'main' ORDER BY c.table_name, c.ordinal_position`,
      )
    ).getRowObjectsJS() as { table_name: string; column_name: string; data_type: string; table_type: string }[];
    const views = new Set(info.filter((r) => r.table_type === 'VIEW').map((r) => r.table_name));
    const byTable = new Map<string, { name: string; type: ExportType }[]>();
    const columnsOf = new Map<string, { name: string; type: ExportType }[]>();
    for (const r of info) {
      const list = columnsOf.get(r.table_name) ?? [];
      list.push({ name: r.column_name, type: exportType(r.data_type) });
      columnsOf.set(r.table_name, list);
    }
    for (const r of info) {
      if (notExported.has(r.table_name) || r.table_type === 'VIEW' || byTable.has(r.table_name)) continue;
      byTable.set(r.table_name, columnsOf.get(sourceOf(r.table_name, views))!);
    }
    if (!byTable.has('saves')) throw new ScribeError('INTERNAL', 'This database is not a Scribe library: it has no saves table.');
    const names = ['saves', ...[...byTable.keys()].filter((n) => n !== 'saves').sort()];
    const done: ExportedTable[] = [];
    for (const [tableIndex, name] of names.entries()) {
      aborted(options.signal);
      const rowsTotal = Number((await conn.runAndReadAll(`SELECT count(*) FROM lib.${quoteIdent(name)}`)).getRowsJS()[0]![0]);
      const own = byTable.get(name)!;
      const source = sourceOf(name, views);
      const table: ExportTable = { name, source, own, columns: exportColumns(name, own), rows: rowsTotal };
      options.onProgress?.({ table: name, tableIndex, tables: names.length, rowsDone: 0, rowsTotal });
      const file = await copyTo(
        conn,
        selectSql(table, `lib.${quoteIdent(source)}`, 'lib.saves', true),
        options.format,
        options.outDir,
        name,
      );
      options.onProgress?.({ table: name, tableIndex, tables: names.length, rowsDone: rowsTotal, rowsTotal });
      done.push({ table: name, file, rows: rowsTotal });
    }
    return done;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
