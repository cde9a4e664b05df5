/**
 * `scribe samples`: makes Scribe's sample saves in the data folder and
 * imports them, so there is something to look at before the first real
 * import; `--remove` takes them out again. `npm start` runs it headless when
 * the library is empty and no save folder is found.
 */
import path from 'node:path';
import { createImporter } from '../engine/compose.js';
import { forkSpawner } from '../engine/pipeline/fork-spawner.js';
import { removeSamples, sampleSetOutcome, samplesFolder, writeSamples } from '../engine/samples/index.js';
import type { SettingsStore } from '../engine/settings-store.js';
import type { Store } from '../engine/store/index.js';
import { systemSaveFolderSuggestions } from '../engine/watch/suggest.js';
import { createReporter } from './report.js';
import { writeOut } from './output.js';

export interface SamplesOptions {
  dataDir: string;
  workerEntry: string;
  remove?: boolean;
  ifEmpty?: boolean;
  workers?: number;
  json: boolean;
  withStore<T>(fn: (store: Store, settings: SettingsStore) => Promise<T>): Promise<T>;
}

const say = (json: boolean, text: string, fields: Record<string, unknown>): void => {
  writeOut(json ? `${JSON.stringify({ type: 'samples', ...fields, message: text })}\n` : `${text}\n`);
};

/** Exit code as for `scribe import`, except that the one damaged sample failing is the expected outcome. */
export async function samplesCommand(o: SamplesOptions): Promise<number> {
  const folder = samplesFolder(o.dataDir);
  if (o.remove) {
    const { removedSaves } = await o.withStore((store) => removeSamples(store, folder));
    say(o.json, `Removed ${removedSaves} sample saves and their folder ${folder}.`, { removedSaves, folder });
    return 0;
  }
  return o.withStore(async (store, settings) => {
    if (o.ifEmpty) {
      if ((await store.totals()).saves > 0) return 0;
      if ((await systemSaveFolderSuggestions([])).length > 0) return 0;
    }
    const files = await writeSamples(folder);
    say(
      o.json,
      `Made ${files.length} sample saves in ${folder} (one damaged on purpose, to show how a failed file is reported). ` +
        'Remove them with `scribe samples --remove`.',
      { made: files.length, folder },
    );
    const s = settings.get();
    const reporter = await createReporter(o.json ? 'json' : 'tty');
    const importer = createImporter(
      { ...s, workers: o.workers ?? s.workers },
      { store, spawn: forkSpawner, workerEntry: o.workerEntry, listener: reporter.listener },
    );
    const { summary } = await importer.run('import', [folder]).done;
    reporter.summary(summary);
    if (summary.outcome === 'failed') return 2;
    const unexpected = summary.failures.filter((f) => path.basename(f.path) !== sampleSetOutcome.damagedFile);
    return unexpected.length > 0 ? 1 : 0;
  });
}
