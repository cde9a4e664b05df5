/**
 * The migrations that rebuild tables (5: game keys in a dictionary; 6: history
 * series packed, SQLite) on a library that already holds saves: the
 * statements of their frozen files (migrations/0005-dictionary.*.sql,
 * 0006-packed-history.*.sql), run in steps that each commit, so that a big
 * library converts with progress, never as one transaction the size of the
 * library, and an interruption (the process killed, the machine off) keeps
 * what was done. A new or empty library runs the file as it is, in one
 * transaction; the file stays the one statement of what its version is, and
 * both ways end in the same schema (test/store/stepped-migration.test.ts
 * compares them).
 *
 * On a library with saves the file's statements run in four parts:
 * 1. prepare, one transaction: the dictionary and every `<table>__new`,
 *    created as the file creates them;
 * 2. convert, one transaction per batch of saves (consecutive ids, up to
 *    `batchXmlBytes` of their XML, at least one save): the batch's keys into
 *    the dictionary (migration 5), then every table's rows of those saves
 *    into its `__new` table (the file's own INSERT ... SELECT, limited to
 *    `save_id BETWEEN ? AND ?`);
 * 3. finish, one transaction: the rows of saves added or removed since the
 *    conversion started (see below), then the file's DROP / RENAME /
 *    CREATE INDEX / CREATE VIEW statements and the new version;
 * 4. reclaim, outside any transaction: the old tables' space back to the
 *    disk (SQLite's VACUUM; an interruption there loses nothing, the
 *    library is complete already, only not smaller).
 * DuckDB keeps the keys as text and a row per point: its files only create
 * the views (5) or nothing (6), and run as they are whatever the library holds.
 *
 * Resuming: the version stays the one before until the finish, and an
 * unfinished conversion is told by its first `__new` table. A batch commits all tables of
 * its saves at once, so the saves converted are exactly those up to the
 * highest save_id in any `__new` table: the next batch starts after it, and
 * no row is lost or copied twice.
 *
 * In between, the library is a whole library of the version before: its old tables are
 * untouched until the finish and the extra tables are ignored, so an older
 * Scribe opens, reads and even imports into it. A save it imports has a
 * larger id (ids are never reused: AUTOINCREMENT in SQLite, a sequence in
 * DuckDB) and is converted by a later batch or the finish; a save it deletes
 * leaves its converted rows behind, which the finish deletes (every id up to
 * the last one converted that the saves table no longer has).
 */
import type { MigrationListener, MigrationPhase } from '../../shared/migration.js';
import type { Backend } from '../../shared/settings.js';
import type { Dialect } from './dialect.js';
import type { Migration } from './migrations.js';
import type { Awaitable } from './sql-runner.js';
import { inTransactionSteps, wait, type Steps } from './steps.js';

/** The migrations this module converts in steps. */
const steppedVersions: ReadonlySet<number> = new Set([5, 6]);

/**
 * XML bytes of saves per step. A save's rows are roughly proportional to
 * its XML, so this bounds a step's work (and the WAL it writes) whatever
 * the saves' sizes.
 */
export const defaultBatchXmlBytes = 64 * 1024 * 1024;

/** Larger than any save id: the finish's batch takes every save after the last converted. */
const lastId = 2_147_483_647;

/** At most this many ids in one DELETE ... IN (...). */
const idsPerDelete = 256;

export interface StepOptions {
  onProgress?: MigrationListener;
  breathe?: () => Awaitable<void>;
  batchXmlBytes?: number;
}

/** The frozen file's statements, sorted into the parts above. */
export interface StepPlan {
  /** CREATE SEQUENCE, CREATE TABLE dictionary and every CREATE TABLE `<t>__new`. */
  prepare: string[];
  /** The tables rebuilt, by their old names. */
  tables: string[];
  /** A batch's keys into the dictionary: `?` pairs of (first, last) save id, one pair per key column; no pairs when the migration adds no keys. */
  keys: { sql: string; pairs: number };
  /** Per rebuilt table, its rows of a batch into `<t>__new`: two parameters, the first and last save id. */
  convert: string[];
  /** DROP, RENAME, CREATE INDEX, DROP VIEW and CREATE VIEW, in the file's order. */
  finish: string[];
}

/** The statements of a migration script, without its comment lines. */
function statementsOf(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Pure: sorts a stepped migration's statements into the parts run in steps; throws on one it does not know.
 * DuckDB's parallel INSERT ... SELECT does not keep the rows' order through the key lookups' joins,
 * so there each batch is copied in its old physical order (`rowid`): a table stays in the order its
 * saves were written (what its zone maps on save_id and any read without ORDER BY see). SQLite's
 * tables are clustered on their keys whatever the order of the inserts.
 */
export function planSteps(script: string, dialect: Backend): StepPlan {
  const order = dialect === 'duckdb' ? '\n  ORDER BY o.rowid' : '';
  const plan: StepPlan = { prepare: [], tables: [], keys: { sql: '', pairs: 0 }, convert: [], finish: [] };
  for (const s of statementsOf(script)) {
    const created = /^CREATE TABLE (\w+)__new \(/.exec(s);
    if (created) {
      plan.prepare.push(s);
      plan.tables.push(created[1]!);
    } else if (/^CREATE SEQUENCE dictionary_id\b/.test(s) || /^CREATE TABLE dictionary \(/.test(s)) plan.prepare.push(s);
    else if (/^INSERT INTO dictionary \(key\)/.test(s)) {
      const sources = [...s.matchAll(/SELECT (\w+) AS key FROM (\w+)/g)];
      if (sources.length === 0) throw new Error('The migration fills the dictionary from no column');
      const union = sources.map(([, column, table]) => `SELECT ${column} AS key FROM ${table} WHERE save_id BETWEEN ? AND ?`);
      plan.keys = {
        sql: `INSERT INTO dictionary (key)
  SELECT DISTINCT key FROM (
    ${union.join('\n    UNION ALL ')}
  ) AS k
  WHERE key IS NOT NULL AND key NOT IN (SELECT key FROM dictionary)
  ORDER BY key`,
        pairs: sources.length,
      };
    } else if (/^INSERT INTO \w+__new \(/.test(s)) {
      // `FROM <t> AS o`, then a GROUP BY (migration 6) or nothing: the batch's range goes in between.
      const from = /\n\s*FROM \w+ AS o(\n\s*GROUP BY [\w., ]+)?$/.exec(s);
      if (!from) throw new Error(`The migration copies a table in a form this module does not know: ${s.slice(0, 60)}`);
      const group = from[1] ?? '';
      plan.convert.push(`${s.slice(0, s.length - group.length)}\n  WHERE o.save_id BETWEEN ? AND ?${group}${order}`);
    } else if (/^(DROP TABLE|ALTER TABLE \w+__new RENAME TO|CREATE INDEX|DROP VIEW|CREATE VIEW) /.test(s)) plan.finish.push(s);
    else throw new Error(`The migration has a statement this module does not know: ${s.slice(0, 60)}`);
  }
  if (plan.convert.length !== plan.tables.length) throw new Error('The migration creates and fills different tables');
  return plan;
}

const plans = new Map<string, StepPlan>();
function planOf(m: Migration, db: Dialect): StepPlan {
  const script = m[db.backend];
  let plan = plans.get(script);
  if (!plan) plans.set(script, (plan = planSteps(script, db.backend)));
  return plan;
}

/** True while a conversion has started and not finished: the prepare step made its `__new` tables in one transaction. */
function* started(db: Dialect, plan: StepPlan): Steps<boolean> {
  return (yield* wait(db.columnsOf(`${plan.tables[0]}__new`))).length > 0;
}

/** Whether this migration runs in steps here: one that rebuilds tables, on a library with saves or with a conversion under way. */
export function* convertsInSteps(db: Dialect, m: Migration): Steps<boolean> {
  // DuckDB rebuilds no table in these (dictionary.ts, packing.ts): its files run in one short transaction.
  if (!steppedVersions.has(m.version) || planOf(m, db).tables.length === 0) return false;
  if (yield* started(db, planOf(m, db))) return true;
  return (yield* wait(db.all('SELECT id FROM saves LIMIT 1'))).length > 0;
}

/** Consecutive saves whose XML adds up to `bytes` (at least one save each). */
function batchesOf(saves: readonly { id: number; bytes: number }[], bytes: number): { first: number; last: number; count: number }[] {
  const out: { first: number; last: number; count: number }[] = [];
  let current: { first: number; last: number; count: number; bytes: number } | null = null;
  for (const s of saves) {
    if (current && current.bytes + s.bytes > bytes) {
      out.push(current);
      current = null;
    }
    current ??= { first: s.id, last: s.id, count: 0, bytes: 0 };
    current.last = s.id;
    current.count++;
    current.bytes += s.bytes;
  }
  if (current) out.push(current);
  return out.map(({ first, last, count }) => ({ first, last, count }));
}

/** One batch: its keys into the dictionary, then every table's rows of it. */
function* convertBatch(db: Dialect, plan: StepPlan, first: number, last: number): Steps<void> {
  if (plan.keys.pairs) {
    const pairs: number[] = [];
    for (let i = 0; i < plan.keys.pairs; i++) pairs.push(first, last);
    yield* wait(db.run(plan.keys.sql, pairs));
  }
  for (const sql of plan.convert) yield* wait(db.run(sql, [first, last]));
}

/** The last save converted: every save up to it is in every `__new` table, none after it. */
function* lastConverted(db: Dialect, plan: StepPlan): Steps<number> {
  let last = 0;
  for (const t of plan.tables) {
    const [row] = yield* wait(db.all(`SELECT max(save_id) AS last FROM ${t}__new`));
    last = Math.max(last, Number(row?.last ?? 0));
  }
  return last;
}

/** Removes from the `__new` tables the saves up to `last` that the saves table no longer has (deleted by an older Scribe meanwhile). */
function* dropGone(db: Dialect, plan: StepPlan, last: number): Steps<void> {
  const ids = new Set((yield* wait(db.all('SELECT id FROM saves WHERE id <= ?', [last]))).map((r) => Number(r.id)));
  const gone: number[] = [];
  for (let id = 1; id <= last; id++) if (!ids.has(id)) gone.push(id);
  for (let i = 0; i < gone.length; i += idsPerDelete) {
    const chunk = gone.slice(i, i + idsPerDelete);
    for (const t of plan.tables) yield* wait(db.run(`DELETE FROM ${t}__new WHERE save_id IN (${chunk.map(() => '?').join(', ')})`, chunk));
  }
}

/** A stepped migration (the top of this file); resumes a conversion an interruption left. */
export function* migrateInSteps(db: Dialect, m: Migration, options: StepOptions = {}): Steps<void> {
  const plan = planOf(m, db);
  const report = function* (phase: MigrationPhase, savesDone: number, savesTotal: number): Steps<void> {
    options.onProgress?.({ version: m.version, phase, savesDone, savesTotal });
    if (options.breathe) yield* wait(options.breathe());
  };
  if (!(yield* started(db, plan))) yield* inTransactionSteps(db, () => wait(db.runScript(`${plan.prepare.join(';\n')};`)));

  let converted = yield* lastConverted(db, plan);
  const saves = (yield* wait(db.all('SELECT id, xml_bytes FROM saves ORDER BY id'))).map((r) => ({
    id: Number(r.id),
    bytes: Number(r.xml_bytes),
  }));
  const total = saves.length;
  let done = saves.filter((s) => s.id <= converted).length;
  yield* report('converting', done, total);
  for (const batch of batchesOf(
    saves.filter((s) => s.id > converted),
    options.batchXmlBytes ?? defaultBatchXmlBytes,
  )) {
    yield* inTransactionSteps(db, () => convertBatch(db, plan, batch.first, batch.last));
    converted = batch.last;
    done += batch.count;
    yield* report('converting', done, total);
  }

  yield* report('finishing', done, total);
  yield* inTransactionSteps(db, function* () {
    // Only another program writing meanwhile (an older Scribe, on SQLite) leaves anything for these two.
    yield* convertBatch(db, plan, converted + 1, lastId);
    yield* dropGone(db, plan, converted);
    yield* wait(db.runScript(`${plan.finish.join(';\n')};`));
    yield* wait(db.recordVersion(m));
  });
  yield* report('reclaiming', total, total);
  try {
    yield* wait(db.reclaimSpace());
  } catch {
    // The library is complete and at the new version, only not smaller yet (VACUUM needs free disk the size of
    // the library): opening it must not fail for that.
  }
  yield* report('done', total, total);
}
