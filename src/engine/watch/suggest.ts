import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Old World's Steam app id: its Proton prefix on Linux is named after it. */
export const oldWorldSteamAppId = 597180;

export interface SuggestContext {
  platform: NodeJS.Platform;
  home: string;
  env: Record<string, string | undefined>;
  /** True when the folder exists. */
  exists(dir: string): boolean;
  /** Canonical form of an existing folder, to fold symlinked duplicates (identity when omitted). */
  realpath?(dir: string): string;
  /**
   * Windows: the `Personal` value of HKCU\...\Explorer\User Shell Folders as
   * read, `%VARIABLES%` unexpanded (the Documents folder, which may be
   * redirected, e.g. to OneDrive). Null or omitted when unknown.
   */
  registryDocuments?: string | null;
}

/** Case-insensitive on Windows, like the environment there. */
function envGetter(ctx: SuggestContext): (name: string) => string | undefined {
  if (ctx.platform !== 'win32') return (name) => ctx.env[name] || undefined;
  return (name) => {
    const key = Object.keys(ctx.env).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? ctx.env[key] || undefined : undefined;
  };
}

/** Expands `%NAME%` from the environment; unknown variables stay as written. */
export function expandWindowsEnv(value: string, env: Record<string, string | undefined>): string {
  const get = envGetter({ platform: 'win32', env, home: '', exists: () => false });
  return value.replace(/%([^%]+)%/g, (whole, name: string) => get(name) ?? whole);
}

/** The data of `valueName` in `reg query` output, or null. */
export function parseRegQuery(stdout: string, valueName: string): string | null {
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^\s+(.+?)\s+REG_(?:EXPAND_)?SZ\s+(.*?)\s*$/.exec(line);
    if (m && m[1]!.toLowerCase() === valueName.toLowerCase() && m[2] !== '') return m[2]!;
  }
  return null;
}

const userShellFolders = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders';

/** Reads the Documents folder's registry value on Windows; null elsewhere or when it fails. */
export function readRegistryDocuments(platform: NodeJS.Platform = process.platform): Promise<string | null> {
  if (platform !== 'win32') return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile('reg', ['query', userShellFolders, '/v', 'Personal'], { timeout: 5000, windowsHide: true }, (err, stdout) =>
      resolve(err ? null : parseRegQuery(stdout, 'Personal')),
    );
  });
}

/**
 * Every place Old World keeps its saves on this platform, most likely first,
 * whether it exists or not.
 */
export function oldWorldSaveFolderCandidates(ctx: SuggestContext): string[] {
  const get = envGetter(ctx);
  if (ctx.platform === 'win32') {
    const w = path.win32;
    const profile = get('USERPROFILE') ?? ctx.home;
    const documents: string[] = [];
    if (ctx.registryDocuments) {
      const expanded = expandWindowsEnv(ctx.registryDocuments, { ...ctx.env, USERPROFILE: profile });
      if (w.isAbsolute(expanded) && !expanded.includes('%')) documents.push(expanded);
    }
    documents.push(w.join(profile, 'Documents'));
    const oneDrive = get('OneDrive');
    if (oneDrive) documents.push(w.join(oneDrive, 'Documents'));
    const out: string[] = [];
    for (const docs of documents) {
      const saves = w.join(w.normalize(docs), 'My Games', 'OldWorld', 'Saves');
      if (!out.some((o) => o.toLowerCase() === saves.toLowerCase())) out.push(saves);
    }
    return out;
  }
  const p = path.posix;
  if (ctx.platform === 'darwin') return [p.join(ctx.home, 'Library', 'Application Support', 'OldWorld', 'Saves')];
  // Linux and other Unixes: the native game, then the Windows game under Steam's Proton.
  const dataHome = get('XDG_DATA_HOME');
  const local = p.join(ctx.home, '.local', 'share');
  const inPrefix = (steam: string): string =>
    p.join(
      steam,
      'steamapps',
      'compatdata',
      String(oldWorldSteamAppId),
      'pfx',
      'drive_c',
      'users',
      'steamuser',
      'Documents',
      'My Games',
      'OldWorld',
      'Saves',
    );
  const out = [
    ...(dataHome && p.isAbsolute(dataHome) && dataHome !== local ? [p.join(dataHome, 'OldWorld', 'Saves')] : []),
    p.join(local, 'OldWorld', 'Saves'),
    inPrefix(p.join(ctx.home, '.steam', 'steam')),
    inPrefix(p.join(local, 'Steam')),
    inPrefix(p.join(ctx.home, '.var', 'app', 'com.valvesoftware.Steam', '.local', 'share', 'Steam')),
  ];
  return [...new Set(out)];
}

/**
 * The save folders of Old World that exist here and are not watched yet:
 * what the app offers to watch. (Watching `Saves` covers the `Completed`
 * folder inside it, since subfolders are watched too.)
 */
export function suggestSaveFolders(ctx: SuggestContext, watched: readonly string[] = []): string[] {
  const canonical = (dir: string): string => {
    let real = dir;
    try {
      real = ctx.realpath ? ctx.realpath(dir) : dir;
    } catch {
      // Keep the path as it is.
    }
    return ctx.platform === 'win32' ? real.toLowerCase() : real;
  };
  const seen = new Set(watched.map(canonical));
  const out: string[] = [];
  for (const dir of oldWorldSaveFolderCandidates(ctx)) {
    if (!ctx.exists(dir)) continue;
    const key = canonical(dir);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(dir);
  }
  return out;
}

let registryDocuments: Promise<string | null> | null = null;

/** `suggestSaveFolders` for this computer. */
export async function systemSaveFolderSuggestions(watched: readonly string[]): Promise<string[]> {
  registryDocuments ??= readRegistryDocuments();
  const ctx: SuggestContext = {
    platform: process.platform,
    home: os.homedir(),
    env: process.env,
    exists: (dir) => {
      try {
        return fs.statSync(dir).isDirectory();
      } catch {
        return false;
      }
    },
    realpath: (dir) => fs.realpathSync.native(dir),
    registryDocuments: await registryDocuments,
  };
  return suggestSaveFolders(ctx, watched);
}
