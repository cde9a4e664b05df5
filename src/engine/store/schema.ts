/**
 * Opening a library's schema, the same for every dialect: the migrations
 * above its version (a new SQLite library starts from the baseline,
 * baseline.ts), each in its own transaction (migration 5 on a library
 * with saves in many: stepped-migration.ts), then a check that every
 * column the writer needs exists (a missing migration fails at open, not
 * mid-import).
 */
import type { MigrationListener } from '../../shared/migration.js';
import { ScribeError } from '../errors.js';
import type { Dialect } from './dialect.js';
import { sqliteBaseline } from './baseline.js';
import { convertsInSteps, migrateInSteps } from './stepped-migration.js';
import { tooNew } from './library-check.js';
import { latestVersion, migrations } from './migrations.js';
import type { Awaitable } from './sql-runner.js';
import { inTransactionSteps, wait, type Steps } from './steps.js';
import { tableSpecs } from './tables.js';
import { storedColumns } from './packing.js';

export interface MigrateOptions {
  /** Told how a long migration advances (a library from an older Scribe being converted). */
  onProgress?: MigrationListener;
  /** Waited for between two steps of a long migration: an asynchronous caller's event loop runs meanwhile. */
  breathe?: () => Awaitable<void>;
  /** XML bytes of saves converted per step (stepped-migration.ts); tests make it small. */
  batchXmlBytes?: number;
  /** False: a new library runs every migration, not the baseline (what the baseline is written from and checked against). */
  baseline?: boolean;
}

export function* migrate(db: Dialect, target = latestVersion, options: MigrateOptions = {}): Steps<number> {
  let current = yield* wait(db.schemaVersion());
  if (current > latestVersion) throw tooNew(current);
  // A new SQLite library gets the migrations' product in one script (baseline.ts), then any migration above it.
  if (current === 0 && db.backend === 'sqlite' && options.baseline !== false && sqliteBaseline.version <= target) {
    yield* inTransactionSteps(db, function* () {
      yield* wait(db.runScript(sqliteBaseline.sql));
      yield* wait(db.recordVersion(migrations[sqliteBaseline.version - 1]!));
    });
    current = sqliteBaseline.version;
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    if (yield* convertsInSteps(db, m)) {
      yield* migrateInSteps(db, m, options);
      continue;
    }
    yield* inTransactionSteps(db, function* () {
      yield* wait(db.runScript(m[db.backend]));
      yield* wait(db.recordVersion(m));
    });
  }
  return yield* wait(db.schemaVersion());
}

/** Every child table's columns, in the database's order; throws when one the writer needs is missing. */
export function* checkColumns(db: Dialect): Steps<Map<string, string[]>> {
  const byTable = new Map<string, string[]>();
  for (const spec of tableSpecs) {
    const have = yield* wait(db.columnsOf(spec.table));
    const stored = storedColumns(spec, db.backend).map((c) => c.name);
    const missing = ['save_id', ...stored].filter((c) => !have.includes(c));
    if (missing.length)
      throw new ScribeError('INTERNAL', `The library database lacks ${spec.table}.${missing.join(', ')}: a migration is missing.`);
    byTable.set(spec.table, have);
  }
  return byTable;
}

/** Migrations, then (at the latest version) the column check and the dialect's append plans. */
export function* openSchema(db: Dialect, target = latestVersion, options: MigrateOptions = {}): Steps<number> {
  const version = yield* migrate(db, target, options);
  if (version === latestVersion) db.planAppends(yield* checkColumns(db));
  return version;
}
