#!/usr/bin/env node
/**
 * `scribe`: the import engine from the command line. Same pipeline, same
 * store, same data folder as the desktop app.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDir } from '../engine/data-dir.js';
import { SettingsStore } from '../engine/settings-store.js';
import { openStore, type Store } from '../engine/store/index.js';
import { LibraryError } from '../engine/store/library-error.js';
import { Importer } from '../engine/importer.js';
import { forkSpawner } from '../engine/pipeline/fork-spawner.js';
import { systemSaveFolderSuggestions } from '../engine/watch/suggest.js';
import type { ImportKind } from '../shared/import.js';
import type { Backend } from '../shared/settings.js';
import { createReporter } from './report.js';
import { printSaveList, printSaveDetail } from './print.js';
import { watchCommand } from './watch.js';
import { samplesCommand } from './samples.js';
import { markSamplePage, samplesFolder } from '../engine/samples/index.js';

const workerEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'parse-worker.js');

/** Exit codes: 0 all good, 1 some files failed, 2 usage error or unusable database. */
export const exitCodes = { ok: 0, someFailed: 1, usage: 2 } as const;

class UnusableDatabase extends Error {}

interface CommonOptions {
  db?: string;
  json?: boolean;
}
interface ImportOptions extends CommonOptions {
  workers?: number;
  replace?: boolean;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('must be a whole number from 1 to 64');
  return n;
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

async function withStore<T>(options: CommonOptions, fn: (store: Store, settings: SettingsStore) => Promise<T>): Promise<T> {
  const { file, backend, settings } = await resolveDatabase(options);
  let store: Store;
  try {
    store = await openStore(file, { backend });
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
    const json = options.json === true || !process.stdout.isTTY;
    const reporter = createReporter(json ? 'json' : 'tty');
    const importer = new Importer(
      { store, spawn: forkSpawner, workerEntry, workers: options.workers ?? s.workers, maxXmlBytes: s.maxXmlMB * 1024 * 1024 },
      reporter.listener,
    );
    const onSignal = (): void => {
      importer.cancel();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const handle = kind === 'import' ? importer.run('import', paths) : kind === 'resume' ? await importer.resume() : await importer.retryFailed();
      if (!handle) {
        reporter.nothingToDo(kind === 'resume' ? 'Nothing to resume: no file was left unfinished.' : 'Nothing to retry: no file has failed.');
        return exitCodes.ok;
      }
      const { summary } = await handle.done;
      reporter.summary(summary);
      if (summary.outcome === 'failed') return exitCodes.usage;
      return summary.failed > 0 ? exitCodes.someFailed : exitCodes.ok;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('scribe')
    .description('Import Old World saves into a local database, in bulk.')
    .showHelpAfterError()
    .exitOverride();
  const dbOption = ['--db <file>', 'database file (.sqlite, or .duckdb for DuckDB); default: the app’s library'] as const;
  const jsonOption = ['--json', 'one JSON object per line on standard output'] as const;
  const workersOption = ['--workers <n>', 'parse worker processes (default: one per core)', parseWorkers] as const;

  program
    .command('import')
    .description('import archives and folders of archives (recursively)')
    .argument('[paths...]', 'save archives or folders')
    .option('--game-folders', 'also import Old World’s own save folders found on this computer')
    .option(...dbOption)
    .option(...workersOption)
    .option('--replace', 'replace a save of the same game and turn instead of skipping')
    .option(...jsonOption)
    .action(async (paths: string[], options: ImportOptions & { gameFolders?: boolean }) => {
      const all = [...paths, ...(options.gameFolders ? await systemSaveFolderSuggestions([]) : [])];
      if (all.length === 0) {
        process.stderr.write(
          options.gameFolders ? 'scribe: no Old World save folder was found on this computer; name the folders to import.\n' : 'scribe: name the saves or folders to import (or use --game-folders).\n',
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
    .option(...jsonOption)
    .action(async (options: ImportOptions) => setExit(await importCommand('resume', [], options)));

  program
    .command('retry-failed')
    .description('import again only the files whose last attempt failed')
    .option(...dbOption)
    .option(...workersOption)
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
    .action(async (folders: string[], options: ImportOptions & { poll?: boolean }) =>
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
      ),
    );

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
    .command('list')
    .description('list the imported saves, newest first')
    .option(...dbOption)
    .option('--limit <n>', 'at most this many', parseWorkers)
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
    .argument('<save-id>', 'the save’s id, from `scribe list`', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a save id (a positive whole number)');
      return n;
    })
    .option(...dbOption)
    .option(...jsonOption)
    .action(async (saveId: number, options: CommonOptions) => {
      const found = await withStore(options, async (store) => {
        const detail = await store.saveDetail(saveId);
        if (detail) printSaveDetail(detail, options.json === true || !process.stdout.isTTY);
        return detail !== null;
      });
      if (!found) process.stderr.write(`scribe: no save with id ${saveId}\n`);
      setExit(found ? exitCodes.ok : exitCodes.someFailed);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code: number = exitCodes.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    process.stderr.write(`scribe: ${err instanceof Error ? err.message : String(err)}\n`);
    return exitCodes.usage;
  }
}

process.exitCode = await main(process.argv.slice(2));
