/**
 * The writer core: one save and its ledger row in one transaction, the same
 * steps for every dialect (dialect.ts). Duplicates are skipped (same SHA-256
 * -> ALREADY_IMPORTED, same game and turn -> DUPLICATE_TURN) or, with
 * `replace`, deleted first; then the saves row, every child table's rows
 * from the encoded cells, the ledger row. A failure rolls everything back
 * and marks the file failed, except a database that cannot write at all
 * (db-failure.ts), which stops the run instead.
 */
import { performance } from 'node:perf_hooks';
import { skipReasons, type SkipCode } from '../../shared/errors.js';
import type { ParsedSave } from '../model/parsed-save.js';
import { databaseFailure } from '../db-failure.js';
import { ScribeError } from '../errors.js';
import { nowIso } from './clock.js';
import type { Dialect } from './dialect.js';
import { usesDictionary, type Dictionary } from './dictionary.js';
import { encodeSave, isEncodedSave, type EncodedSave } from '../codec/encoded-save.js';
import { forgetSaveInLedger, ledgerRowFor, repointLedger, writeLedgerRow, type LedgerFinish } from './ledger.js';
import { gameOverColumn, saveColumns, saveRowValues } from './saves-row.js';
import { wait, type Steps } from './steps.js';
import type { InsertOptions, InsertResult, SaveSource } from './store.js';
import { tableSpecs } from './tables.js';
import { num, numOrNull } from './values.js';

/**
 * Deleting a save, child tables first: neither dialect relies on the schema's
 * cascade (DuckDB has none; SQLite's writer runs with foreign keys off, see
 * sqlite-store.ts). Each child table leads with save_id, so each is a range delete.
 */
const deleteSaveSql: readonly string[] = [
  ...tableSpecs.map((s) => `DELETE FROM ${s.table} WHERE save_id = ?`).reverse(),
  'DELETE FROM saves WHERE id = ?',
];

const insertSaveSql = `INSERT INTO saves (${saveColumns.join(', ')}) VALUES (${saveColumns.map(() => '?').join(', ')}) RETURNING id`;

const screenSql = `SELECT (SELECT min(id) FROM saves WHERE sha256 = ?) AS by_sha, (SELECT min(id) FROM saves WHERE game_id = ? AND turn = ?) AS by_turn`;

/**
 * What a failed write leaves: the ledger row marking the file failed and the
 * error to throw. A database that cannot write at all (disk full, locked)
 * gets no row: the file stays unfinished for `resume`, and the run stops on
 * the error (db-failure.ts).
 */
export function failedWrite(source: SaveSource, err: unknown, writeMs: number): { row: LedgerFinish | null; error: ScribeError } {
  const wide = databaseFailure(err);
  if (wide) return { row: null, error: wide };
  const reason = err instanceof Error ? err.message : String(err);
  const message = `The save could not be written to the database: ${reason}`;
  return {
    row: ledgerRowFor(source, 'failed', 'DB_WRITE_FAILED', message, null, writeMs),
    error: new ScribeError('DB_WRITE_FAILED', message),
  };
}

/** A save's rows, children first; true when there was a saves row. */
function* deleteSaveRows(db: Dialect, saveId: number): Steps<boolean> {
  let changes = 0;
  for (const sql of deleteSaveSql) changes = yield* wait(db.run(sql, [saveId]));
  // The last statement deletes the saves row.
  return changes > 0;
}

function* writeInTransaction(
  db: Dialect,
  dictionary: Dictionary,
  input: ParsedSave | EncodedSave,
  source: SaveSource,
  opts: InsertOptions,
  t0: number,
): Steps<InsertResult> {
  // Encoded in here, so a row the encoder refuses fails like any write: rolled back, ledger marked failed.
  const save = isEncodedSave(input) ? input : encodeSave(input);
  const meta = save.meta;
  const ledger = (status: 'imported' | 'skipped', saveId: number, code: SkipCode | null, message: string | null) =>
    writeLedgerRow(db, ledgerRowFor(source, status, code, message, saveId, performance.now() - t0));
  const [screen] = yield* wait(db.all(screenSql, [source.sha256, meta.gameId, meta.turn]));
  const bySha = numOrNull(screen!.by_sha);
  const byTurn = numOrNull(screen!.by_turn);
  const replaced: number[] = [];
  if (!opts.replace) {
    const dup =
      bySha !== null
        ? { code: 'ALREADY_IMPORTED' as const, id: bySha }
        : byTurn !== null
          ? { code: 'DUPLICATE_TURN' as const, id: byTurn }
          : null;
    if (dup) {
      yield* ledger('skipped', dup.id, dup.code, skipReasons[dup.code]);
      return { status: 'skipped', code: dup.code, message: skipReasons[dup.code], saveId: dup.id };
    }
  } else {
    for (const old of [bySha, byTurn]) {
      if (old !== null && !replaced.includes(old)) {
        yield* deleteSaveRows(db, old);
        replaced.push(old);
      }
    }
  }
  const { values, gameOver } = saveRowValues(meta, source, nowIso());
  values[gameOverColumn] = db.bindBool(gameOver);
  const [row] = yield* wait(db.all(insertSaveSql, values));
  const saveId = num(row!.id);
  const tables = usesDictionary(db.backend) ? yield* dictionary.resolve(db, save) : save.tables;
  for (const spec of tableSpecs) {
    const table = tables[spec.list];
    if (table.count) yield* wait(db.appendRows(spec, table, save.strings, saveId));
  }
  for (const old of replaced) yield* repointLedger(db, old, saveId);
  yield* ledger('imported', saveId, null, null);
  return { status: 'imported', saveId };
}

/** One save, in its own transaction. Throws ScribeError (DB_WRITE_FAILED, or DB_FULL/DB_BUSY) when it could not be written. */
export function* writeSave(
  db: Dialect,
  dictionary: Dictionary,
  input: ParsedSave | EncodedSave,
  source: SaveSource,
  opts: InsertOptions,
): Steps<InsertResult> {
  const t0 = performance.now();
  try {
    yield* wait(db.begin());
    const result = yield* writeInTransaction(db, dictionary, input, source, opts, t0);
    yield* wait(db.commit());
    dictionary.committed();
    db.afterCommit();
    return result;
  } catch (err) {
    yield* wait(db.rollback());
    dictionary.rolledBack();
    db.afterRollback();
    const failed = failedWrite(source, err, performance.now() - t0);
    try {
      if (failed.row) yield* writeLedgerRow(db, failed.row);
    } catch {
      // The database itself is failing; the thrown error says why.
    }
    throw failed.error;
  }
}

/** Deletes a save, every row of it and the ledger rows pointing at it, in one transaction. */
export function* deleteSave(db: Dialect, saveId: number): Steps<boolean> {
  yield* wait(db.begin());
  try {
    yield* forgetSaveInLedger(db, saveId);
    const deleted = yield* deleteSaveRows(db, saveId);
    yield* wait(db.commit());
    db.afterCommit();
    return deleted;
  } catch (err) {
    yield* wait(db.rollback());
    throw err;
  }
}
