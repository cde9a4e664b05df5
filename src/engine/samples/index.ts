/**
 * Sample saves on disk and in the library. A save is a sample when its file
 * lives in the data folder's "Sample saves" folder: no schema change, and
 * removing them can never reach a file the player brought.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {
  LedgerEntry,
  SaveDetail,
  SavePage,
  SaveSummary,
  LibraryDetail,
  LibraryPage,
  LibrarySave,
  SampleStatus,
} from '../../shared/library.js';
import type { Store } from '../store/index.js';
import { makeSampleSet, sampleFileNames } from './sample-set.js';

export { makeSampleSet, sampleFileNames, sampleSetOutcome, type SampleFile } from './sample-set.js';

export const samplesFolderName = 'Sample saves';

export const samplesFolder = (dataDir: string): string => path.join(dataDir, samplesFolderName);

/** True for a path inside `folder` (not the folder itself). */
export function isSamplePath(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export const markSample = (save: SaveSummary, folder: string): LibrarySave => ({
  ...save,
  isSample: isSamplePath(save.sourcePath, folder),
});

export const markSamplePage = (page: SavePage, folder: string): LibraryPage => ({
  total: page.total,
  items: page.items.map((s) => markSample(s, folder)),
});

export const markSampleDetail = (detail: SaveDetail | null, folder: string): LibraryDetail | null =>
  detail && { ...detail, save: markSample(detail.save, folder) };

/**
 * Writes the set into `folder`, replacing whatever samples were there.
 * Returns the files' paths.
 */
export async function writeSamples(folder: string): Promise<string[]> {
  await fs.rm(folder, { recursive: true, force: true });
  await fs.mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const file of makeSampleSet()) {
    const target = path.join(folder, file.fileName);
    await fs.writeFile(target, file.bytes);
    await fs.utimes(target, file.mtime, file.mtime);
    written.push(target);
  }
  return written;
}

/** The sample files' ledger rows: the set's names plus anything else found in the folder. */
async function sampleLedger(store: Store, folder: string): Promise<LedgerEntry[]> {
  let present: string[] = [];
  try {
    present = (await fs.readdir(folder, { recursive: true })).map((name) => path.join(folder, name));
  } catch {
    // No folder: only rows of files that are already gone can be left.
  }
  const paths = [...new Set([...sampleFileNames.map((name) => path.join(folder, name)), ...present])];
  const rows = await Promise.all(paths.map((p) => store.ledgerLookup(p)));
  return rows.filter((r): r is LedgerEntry => r !== null);
}

export async function sampleStatus(store: Store, folder: string): Promise<SampleStatus> {
  const rows = await sampleLedger(store, folder);
  return { folder, saves: rows.filter((r) => r.status === 'imported' && r.saveId !== null).length, files: rows.length };
}

/**
 * Deletes the samples' saves, their ledger rows and the folder. Each save
 * goes in its own transaction, so an interruption leaves whole saves, and
 * running this again finishes the job.
 */
export async function removeSamples(store: Store, folder: string): Promise<{ removedSaves: number }> {
  const rows = await sampleLedger(store, folder);
  let removedSaves = 0;
  for (const row of rows) {
    if (row.status !== 'imported' || row.saveId === null) continue;
    // The ledger can point a row at a save written from another file (a replace): keep what is not a sample.
    const detail = await store.saveDetail(row.saveId);
    if (detail && isSamplePath(detail.save.sourcePath, folder) && (await store.deleteSave(row.saveId))) removedSaves++;
  }
  await store.ledgerForget(rows.map((r) => r.path));
  await fs.rm(folder, { recursive: true, force: true });
  return { removedSaves };
}
