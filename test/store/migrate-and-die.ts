/**
 * Run as its own process by stepped-migration.test.ts: opens an old library with
 * one save per conversion step and kills itself (SIGKILL: no cleanup, no
 * close, as a crash or a power cut) once the given number of steps has
 * committed, printing each progress event first.
 */
import { DuckDbStore } from '../../src/engine/store/duckdb-store.js';
import { SqliteStore } from '../../src/engine/store/sqlite-store.js';
import type { MigrationProgress } from '../../src/shared/migration.js';

const [file, backend, stepsText] = process.argv.slice(2) as [string, string, string];
const steps = Number(stepsText);
let converted = 0;
const onMigrationProgress = (p: MigrationProgress): void => {
  process.stdout.write(`${JSON.stringify(p)}\n`);
  if (p.phase === 'converting' && ++converted > steps) process.kill(process.pid, 'SIGKILL');
};
const options = { onMigrationProgress, migrationBatchXmlBytes: 1 };
if (backend === 'duckdb') await DuckDbStore.open(file, options);
else SqliteStore.open(file, options);
process.stdout.write('finished\n');
