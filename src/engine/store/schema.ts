/**
 * Opening a library's schema, the same for every dialect: the migrations
 * above its version, each in its own transaction, then a check that every
 * column the writer needs exists (a missing migration fails at open, not
 * mid-import).
 */
import { ScribeError } from '../errors.js';
import type { Dialect } from './dialect.js';
import { tooNew } from './library-check.js';
import { latestVersion, migrations } from './migrations.js';
import { wait, type Steps } from './steps.js';
import { tableSpecs } from './tables.js';

export function* migrate(db: Dialect, target = latestVersion): Steps<number> {
  const current = yield* wait(db.schemaVersion());
  if (current > latestVersion) throw tooNew(current);
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    yield* wait(db.begin());
    try {
      yield* wait(db.applyMigration(m));
      yield* wait(db.commit());
    } catch (err) {
      yield* wait(db.rollback());
      throw err;
    }
  }
  return yield* wait(db.schemaVersion());
}

/** Every child table's columns, in the database's order; throws when one the writer needs is missing. */
export function* checkColumns(db: Dialect): Steps<Map<string, string[]>> {
  const byTable = new Map<string, string[]>();
  for (const spec of tableSpecs) {
    const have = yield* wait(db.columnsOf(spec.table));
    const missing = ['save_id', ...spec.columns].filter((c) => !have.includes(c));
    if (missing.length)
      throw new ScribeError('INTERNAL', `The library database lacks ${spec.table}.${missing.join(', ')}: a migration is missing.`);
    byTable.set(spec.table, have);
  }
  return byTable;
}

/** Migrations, then (at the latest version) the column check and the dialect's append plans. */
export function* openSchema(db: Dialect, target = latestVersion): Steps<number> {
  const version = yield* migrate(db, target);
  if (version === latestVersion) db.planAppends(yield* checkColumns(db));
  return version;
}
