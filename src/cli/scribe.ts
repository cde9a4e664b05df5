#!/usr/bin/env node
/**
 * `scribe`: the import engine from the command line. Same pipeline, same
 * store, same data folder as the desktop app.
 */
import type * as Commander from 'commander';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDir } from '../engine/data-dir.js';
import { SettingsStore } from '../engine/settings-store.js';
import { openStore, type Store } from '../engine/store/index.js';
import { LibraryError } from '../engine/store/library-error.js';
import { createImporter } from '../engine/compose.js';
import { forkSpawner } from '../engine/pipeline/fork-spawner.js';
import { systemSaveFolderSuggestions } from '../engine/watch/suggest.js';
import type { ImportKind } from '../shared/import.js';
import type { Backend } from '../shared/settings.js';
import { createReporter } from './report.js';
import { printSaveList, printSaveDetail } from './print.js';
import { samplesCommand } from './samples.js';
import { markSamplePage, samplesFolder } from '../engine/samples/index.js';
import { outputBroken, writeErr, writeOut } from './output.js';
import { untilStopped } from './stop.js';
import { version } from '../../package.json';
import { workerLimits } from '../shared/limits.js';
import { exitCodes } from './exit-codes.js';
import { parseShard, type Shard } from '../engine/pipeline/shard.js';
import { migrationProgress } from './migration-progress.js';
import { isExportFormat, type ExportFormat } from '../shared/export.js';

// Required, not imported, as better-sqlite3 is (store/sqlite-driver.ts): an ES module's import of a CommonJS
// package first scans its source for export names, ~5 ms more on every command's start.
const { Command, CommanderError, InvalidArgumentError } = createRequire(import.meta.url)('commander') as typeof Commander;

const workerEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'parse-worker.js');
/**
 * A single file is parsed in this process, with no worker started: the first save of a one-save import
 * is in the library sooner (docs/design.md, "A single file is parsed in the command's own process").
 * `SCRIBE_SINGLE_FILE_IN_WORKER=1` starts the pool as for any other run: the bench's "before" and the
 * tests that compare the two ways.
 */
const singleFileInProcess = process.env.SCRIBE_SINGLE_FILE_IN_WORKER !== '1';

class UnusableDatabase extends Error {}

interface CommonOptions {
  db?: string;
  json?: boolean;
}
interface ImportOptions extends CommonOptions {
  workers?: number;
  replace?: boolean;
  shard?: Shard;
}

/** A whole number in range, written as digits only: `Number()` would also take '', ' 5 ', '1e3' and '0x10'. */
function wholeNumber(value: string, min: number, max: number, what: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(what);
  return n;
}

const parseWorkers = (value: string): number =>
  wholeNumber(value, workerLimits.min, workerLimits.max, `must be a whole number from ${workerLimits.min} to ${workerLimits.max}`);
const parseLimit = (value: string): number => wholeNumber(value, 1, Number.MAX_SAFE_INTEGER, 'must be a positive whole number');
const parseSaveId = (value: string): number =>
  wholeNumber(value, 1, Number.MAX_SAFE_INTEGER, 'must be a save id (a positive whole number, from `scribe list`)');
const parseShardOption = (value: string): Shard => {
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new InvalidArgumentError(shard);
  return shard;
};
const parseDb = (value: string): string => {
  if (value.trim() === '') throw new InvalidArgumentError('must name a database file (an empty value usually means an unset variable)');
  return value;
};

/** An empty path would resolve to the current directory and import all of it: a script's unset variable, not a choice. */
function refuseEmptyPaths(paths: readonly string[], what: string): boolean {
  if (!paths.some((p) => p.trim() === '')) return false;
  writeErr(`scribe: one of the ${what} given is empty (an unset variable?); name each ${what.replace(/s$/, '')} to use.\n`);
  return true;
}

async function resolveDatabase(options: CommonOptions): Promise<{ file: string; backend: Backend; settings: SettingsStore }> {
  const settings = await SettingsStore.open(dataDir());
  if (options.db) {
    const file = path.resolve(options.db);
    return { file, backend: file.toLowerCase().endsWith('.duckdb') ? 'duckdb' : 'sqlite', settings };
  }
  const s = settings.get();
  return { file: s.databasePath, backend: s.backend, settings };
}

/**
 * Opens the library for `fn`, converting one from an older Scribe with its
 * progress shown; `migrationLinesTo` is where that progress's JSON lines go
 * (standard error for a command whose output is one JSON document).
 */
async function withStore<T>(
  options: CommonOptions,
  fn: (store: Store, settings: SettingsStore) => Promise<T>,
  migrationLinesTo: (text: string) => void = writeOut,
): Promise<T> {
  const { file, backend, settings } = await resolveDatabase(options);
  let store: Store;
  try {
    const json = options.json === true || !process.stdout.isTTY;
    store = await openStore(file, { backend, onMigrationProgress: await migrationProgress(json, migrationLinesTo) });
  } catch (err) {
    if (err instanceof LibraryError) throw new UnusableDatabase(`The database ${file} was not opened (${err.code}): ${err.explanation}`);
    throw new UnusableDatabase(`The database ${file} cannot be opened: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return await fn(store, settings);
  } finally {
    await store.close();
  }
}

async function importCommand(kind: ImportKind, paths: string[], options: ImportOptions): Promise<number> {
  return withStore(options, async (store, settings) => {
    const s = settings.get();
    const choices = { replace: options.replace === true, shard: options.shard };
    const json = options.json === true || !process.stdout.isTTY;
    const reporter = await createReporter(json ? 'json' : 'tty');
    const importer = createImporter(
      { ...s, workers: options.workers ?? s.workers },
      { store, spawn: forkSpawner, workerEntry, listener: reporter.listener, singleFileInProcess },
    );
    // Each way of stopping cancels the run as the app's Cancel does: unfinished files stay queued for `scribe resume`.
    return untilStopped(
      () => importer.cancel(),
      async (stopping) => {
        const handle =
          kind === 'import'
            ? importer.run('import', paths, choices)
            : kind === 'resume'
              ? await importer.resume(choices)
              : await importer.retryFailed(choices);
        if (!handle) {
          reporter.nothingToDo(
            kind === 'resume' ? 'Nothing to resume: no file was left unfinished.' : 'Nothing to retry: no file has failed.',
          );
          return stopping.code ?? exitCodes.ok;
        }
        // A stop that came while the ledger was being read had no run to cancel yet.
        if (stopping.code !== null) importer.cancel();
        const { summary } = await handle.done;
        reporter.summary(summary);
        if (outputBroken()) return exitCodes.outputBroken;
        if (summary.outcome === 'cancelled' && stopping.code !== null) return stopping.code;
        if (summary.outcome === 'failed') return exitCodes.usage;
        return summary.failed > 0 ? exitCodes.someFailed : exitCodes.ok;
      },
    );
  });
}

export function buildProgram(setExit: (code: number) => void): Commander.Command {
  const program = new Command('scribe')
    .description('Import Old World saves into a local database, in bulk.')
    .version(version, '-V, --version', 'print Scribe’s version')
    .configureOutput({ writeOut, writeErr })
    .showHelpAfterError()
    .exitOverride();
  const dbOption = ['--db <file>', 'database file (.sqlite, or .duckdb for DuckDB); default: the app’s library', parseDb] as const;
  const jsonOption = ['--json', 'one JSON object per line on standard output'] as const;
  const workersOption = ['--workers <n>', 'parse worker processes (default: one per core)', parseWorkers] as const;
  const shardOption = [
    '--shard <K/N>',
    'import only the files whose SHA-256 falls in shard K of N (N machines given the same files split them without talking to each other)',
    parseShardOption,
  ] as const;

  program
    .command('import')
    .description('import archives and folders of archives (recursively)')
    .argument('[paths...]', 'save archives or folders')
    .option('--game-folders', 'also import Old World’s own save folders found on this computer')
    .option(...dbOption)
    .option(...workersOption)
    .option('--replace', 'replace a save of the same game and turn instead of skipping')
    .option(...shardOption)
    .option(...jsonOption)
    .action(async (paths: string[], options: ImportOptions & { gameFolders?: boolean }) => {
      if (refuseEmptyPaths(paths, 'paths')) return setExit(exitCodes.usage);
      const all = [...paths, ...(options.gameFolders ? await systemSaveFolderSuggestions([]) : [])];
      if (all.length === 0) {
        writeErr(
          options.gameFolders
            ? 'scribe: no Old World save folder was found on this computer; name the folders to import.\n'
            : 'scribe: name the saves or folders to import (or use --game-folders).\n',
        );
        return setExit(exitCodes.usage);
      }
      setExit(await importCommand('import', all, options));
    });

  program
    .command('resume')
    .description('finish the files an interrupted import left unfinished')
    .option(...dbOption)
    .option(...workersOption)
    .option(...shardOption)
    .option(...jsonOption)
    .action(async (options: ImportOptions) => setExit(await importCommand('resume', [], options)));

  program
    .command('retry-failed')
    .description('import again only the files whose last attempt failed')
    .option(...dbOption)
    .option(...workersOption)
    .option(...shardOption)
    .option(...jsonOption)
    .action(async (options: ImportOptions) => setExit(await importCommand('retry', [], options)));

  program
    .command('watch')
    .description('import each new save in these folders (and their subfolders) once it is complete, until interrupted')
    .argument('<folders...>', 'folders to watch')
    .option(...dbOption)
    .option(...workersOption)
    .option('--poll', 'check the folders periodically instead of relying on change notifications')
    .option(...jsonOption)
    .action(async (folders: string[], options: ImportOptions & { poll?: boolean }) => {
      if (refuseEmptyPaths(folders, 'folders')) return setExit(exitCodes.usage);
      // Loaded by the commands that use them: the file watcher and the exporter are no part of an import's start-up.
      const { watchCommand } = await import('./watch.js');
      setExit(
        await withStore(options, (store, settings) =>
          watchCommand({
            folders,
            store,
            settings,
            workerEntry,
            workers: options.workers,
            json: options.json === true || !process.stdout.isTTY,
            poll: options.poll === true,
          }),
        ),
      );
    });

  program
    .command('samples')
    .description('make sample saves in the data folder and import them, to try Scribe without saves of your own')
    .option('--remove', 'delete the sample saves, their import records and their folder')
    .option('--if-empty', 'only when the library is empty and no Old World save folder is found')
    .option(...dbOption)
    .option(...workersOption)
    .option(...jsonOption)
    .action(async (options: ImportOptions & { remove?: boolean; ifEmpty?: boolean }) =>
      setExit(
        await samplesCommand({
          ...options,
          dataDir: dataDir(),
          workerEntry,
          json: options.json === true || !process.stdout.isTTY,
          withStore: (fn) => withStore(options, fn),
        }),
      ),
    );

  program
    .command('export')
    .description('write every table of the library to a folder, one Parquet or CSV file per table, for analysts')
    .requiredOption('--format <format>', 'parquet or csv', (v: string): ExportFormat => {
      if (!isExportFormat(v)) throw new InvalidArgumentError('must be parquet or csv');
      return v;
    })
    .requiredOption('--out <dir>', 'the folder to write the files into (made if need be)', (v: string): string => {
      if (v.trim() === '') throw new InvalidArgumentError('must name a folder (an empty value usually means an unset variable)');
      return v;
    })
    .option(...dbOption)
    .option(...jsonOption)
    .action(async (options: CommonOptions & { format: ExportFormat; out: string }) => {
      const { exportCommand } = await import('./export.js');
      const { file, backend } = await resolveDatabase(options);
      const controller = new AbortController();
      setExit(
        await untilStopped(
          () => controller.abort(),
          (stopping) =>
            exportCommand({
              dbPath: file,
              backend,
              format: options.format,
              outDir: path.resolve(options.out),
              json: options.json === true || !process.stdout.isTTY,
              signal: controller.signal,
              stoppedWith: () => stopping.code ?? exitCodes.sigint,
            }),
        ),
      );
    });

  program
    .command('list')
    .description('list the imported saves, newest first')
    .option(...dbOption)
    .option('--limit <n>', 'at most this many (default 1000)', parseLimit)
    .option(...jsonOption)
    .action(async (options: CommonOptions & { limit?: number }) => {
      await withStore(options, async (store) => {
        const page = await store.listSaves({ limit: options.limit ?? 1000, sort: 'importedAt', order: 'desc' });
        printSaveList(markSamplePage(page, samplesFolder(dataDir())), options.json === true || !process.stdout.isTTY);
      });
      setExit(exitCodes.ok);
    });

  program
    .command('show')
    .description('show one save in detail')
    .argument('<save-id>', 'the save’s id, from `scribe list`', parseSaveId)
    .option(...dbOption)
    .option(...jsonOption)
    .action(async (saveId: number, options: CommonOptions) => {
      const found = await withStore(
        options,
        async (store) => {
          const detail = await store.saveDetail(saveId);
          if (detail) printSaveDetail(detail, options.json === true || !process.stdout.isTTY);
          return detail !== null;
        },
        writeErr,
      );
      if (!found) writeErr(`scribe: no save with id ${saveId}\n`);
      setExit(found ? exitCodes.ok : exitCodes.someFailed);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code: number = exitCodes.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) code = err.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    else {
      writeErr(`scribe: ${err instanceof Error ? err.message : String(err)}\n`);
      code = exitCodes.usage;
    }
  }
  // Whatever the command: output that did not reach its reader is not a success.
  return outputBroken() ? exitCodes.outputBroken : code;
}

process.exitCode = await main(process.argv.slice(2));
