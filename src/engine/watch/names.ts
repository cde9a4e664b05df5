import path from 'node:path';

/**
 * Names that are never saves, or not yet: hidden and system files, and the
 * temporary names downloaders, copy tools, editors and the game itself use
 * while a file is still being written (the final name appears by rename).
 */
const tempSuffixes = [
  '.tmp',
  '.temp',
  '.part',
  '.partial',
  '.crdownload',
  '.download',
  '.opdownload',
  '.filepart',
  '.!ut',
  '.!qb',
  '.swp',
  '.lock',
];
const systemFiles = new Set(['thumbs.db', 'desktop.ini', 'icon\r']);

/** True for names the watcher skips entirely, files and folders alike. */
export function isIgnoredName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~')) return true;
  const lower = name.toLowerCase();
  return systemFiles.has(lower) || tempSuffixes.some((suffix) => lower.endsWith(suffix));
}

/** A file the watcher considers: `.zip`, or no extension (the content decides). */
export function isCandidateName(name: string): boolean {
  if (isIgnoredName(name)) return false;
  const ext = path.extname(name).toLowerCase();
  return ext === '.zip' || ext === '';
}

export const hasZipExtension = (file: string): boolean => path.extname(file).toLowerCase() === '.zip';
