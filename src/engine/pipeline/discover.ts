import fs from 'node:fs/promises';
import path from 'node:path';
import type { DiscoveryNotice } from '../../shared/import.js';

/** A file that may be a save, with what the ledger screens it by. */
export interface Candidate {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface Discovery {
  candidates: Candidate[];
  notices: DiscoveryNotice[];
}

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Files the OS or other tools leave in folders; never saves. */
const systemFiles = new Set(['thumbs.db', 'desktop.ini', '.ds_store', 'icon\r']);

const isHidden = (name: string): boolean => name.startsWith('.') || name.startsWith('~$') || systemFiles.has(name.toLowerCase());

async function startsWithZipSignature(file: string): Promise<boolean> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buf = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buf, 0, 4, 0);
    return bytesRead === 4 && buf.equals(zipSignature);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** In a scanned folder: `.zip` files, and extension-less files that start like a zip. */
async function isArchiveCandidate(file: string): Promise<boolean> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.zip') return true;
  return ext === '' && startsWithZipSignature(file);
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expands the user's files and folders into candidate archives, recursively,
 * in a stable order (arguments in the order given, each folder's entries by
 * name). A file named directly is always a candidate, so it always gets an
 * answer; inside folders, hidden, system and non-archive files are passed
 * over silently. Symlink loops and unreadable folders become notices, never
 * errors.
 */
export async function discover(inputs: readonly string[]): Promise<Discovery> {
  const candidates: Candidate[] = [];
  const notices: DiscoveryNotice[] = [];
  const seenFiles = new Set<string>();
  const visitedDirs = new Set<string>();

  const addFile = (file: string, stat: { size: number; mtimeMs: number }): void => {
    if (seenFiles.has(file)) return;
    seenFiles.add(file);
    candidates.push({ path: file, size: stat.size, mtimeMs: Math.floor(stat.mtimeMs) });
  };

  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (err) {
      notices.push({ path: dir, message: `This folder could not be opened (${(err as NodeJS.ErrnoException).code ?? 'error'}).` });
      return;
    }
    if (visitedDirs.has(real)) {
      notices.push({ path: dir, message: 'Skipped: this folder link leads back to a folder already scanned.' });
      return;
    }
    visitedDirs.add(real);
    let names: string[];
    try {
      names = (await fs.readdir(dir)).sort(byName);
    } catch (err) {
      notices.push({ path: dir, message: `This folder could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).` });
      return;
    }
    for (const name of names) {
      if (isHidden(name)) continue;
      const full = path.join(dir, name);
      let stat;
      try {
        stat = await fs.stat(full);
      } catch {
        continue; // A dangling link or a file removed meanwhile: not a candidate.
      }
      if (stat.isDirectory()) await walk(full);
      else if (stat.isFile() && (await isArchiveCandidate(full))) addFile(full, stat);
    }
  }

  for (const input of inputs) {
    const full = path.resolve(input);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch {
      // Named directly but gone or unreadable: still a candidate, so it fails with FILE_UNREADABLE.
      addFile(full, { size: 0, mtimeMs: 0 });
      continue;
    }
    if (stat.isDirectory()) await walk(full);
    else addFile(full, stat);
  }
  return { candidates, notices };
}
