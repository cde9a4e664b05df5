import fs from 'node:fs/promises';
import path from 'node:path';
import { isCandidateName, isIgnoredName } from './names.js';

/** What the stability check compares. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs;

export async function stampOf(file: string): Promise<FileStamp | null> {
  try {
    const st = await fs.stat(file);
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null;
  } catch {
    return null;
  }
}

const statBatch = 256;

/**
 * Every candidate file under `root` (subfolders included, links followed
 * once) with its size and mtime: a readdir and a stat per entry, no file is
 * opened. Null when `root` itself cannot be read.
 */
export async function scanFolder(root: string): Promise<Map<string, FileStamp> | null> {
  const found = new Map<string, FileStamp>();
  const visited = new Set<string>();

  async function walk(dir: string): Promise<boolean> {
    let names: string[];
    try {
      const real = await fs.realpath(dir);
      if (visited.has(real)) return true;
      visited.add(real);
      names = await fs.readdir(dir);
    } catch {
      return false;
    }
    const subdirs: string[] = [];
    for (let i = 0; i < names.length; i += statBatch) {
      await Promise.all(
        names.slice(i, i + statBatch).map(async (name) => {
          if (isIgnoredName(name)) return;
          const full = path.join(dir, name);
          try {
            const st = await fs.stat(full);
            if (st.isDirectory()) subdirs.push(full);
            else if (st.isFile() && isCandidateName(name)) found.set(full, { size: st.size, mtimeMs: st.mtimeMs });
          } catch {
            // Gone meanwhile, or a dangling link.
          }
        }),
      );
    }
    for (const sub of subdirs.sort()) await walk(sub);
    return true;
  }

  return (await walk(root)) ? found : null;
}
