import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the operating system's change notifications cannot be trusted, so a
 * folder is polled instead: network shares (the server does not tell the
 * client about changes others make) and FUSE and 9p mounts (WSL's Windows
 * drives among them), where notifications are missing or partial.
 */

export interface MountEntry {
  mountPoint: string;
  type: string;
}

const networkTypes = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb',
  'smb2',
  'smb3',
  'smbfs',
  'sshfs',
  'afpfs',
  'webdav',
  'davfs',
  'ncpfs',
  '9p',
  'v9fs',
  'drvfs',
  'glusterfs',
  'ceph',
  'macfuse',
  'osxfuse',
]);

export function isNetworkFsType(type: string): boolean {
  const t = type.toLowerCase();
  return networkTypes.has(t) || t.startsWith('fuse.');
}

/** `\\server\share\...`, `//server/share/...` and `\\?\UNC\server\share\...`; not `\\?\C:\...` or `\\.\...`. */
export function isUncPath(p: string): boolean {
  if (/^[\\/]{2}\?[\\/]UNC[\\/]/i.test(p)) return true;
  return /^[\\/]{2}[^\\/?.][^\\/]*[\\/][^\\/]+/.test(p);
}

/** `/proc/mounts` lines: device, mount point (spaces as `\040`), type, options... */
export function parseProcMounts(text: string): MountEntry[] {
  const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length >= 3) out.push({ mountPoint: unescape(fields[1]!), type: fields[2]! });
  }
  return out;
}

/** macOS `mount` lines: `//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by user)`. */
export function parseDarwinMount(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const m = / on (.+) \(([^,)]+)/.exec(line);
    if (m) out.push({ mountPoint: m[1]!, type: m[2]!.trim() });
  }
  return out;
}

/** The mount holding `file`: the longest mount point that contains it. */
export function mountOf(file: string, mounts: readonly MountEntry[]): MountEntry | null {
  let best: MountEntry | null = null;
  for (const m of mounts) {
    const mp = m.mountPoint.endsWith('/') ? m.mountPoint : `${m.mountPoint}/`;
    const inside = file === m.mountPoint || file.startsWith(mp) || m.mountPoint === '/';
    if (inside && (!best || m.mountPoint.length >= best.mountPoint.length)) best = m;
  }
  return best;
}

export interface PollingProbe {
  platform: NodeJS.Platform;
  /** Mount table of Linux or macOS; null when it cannot be read. */
  readMounts(): Promise<MountEntry[] | null>;
  realpath(p: string): Promise<string>;
}

const runMount = (): Promise<string> =>
  new Promise((resolve, reject) => {
    execFile('/sbin/mount', { timeout: 5000 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });

export const systemProbe: PollingProbe = {
  platform: process.platform,
  readMounts: async () => {
    try {
      if (process.platform === 'linux') return parseProcMounts(await fs.readFile('/proc/mounts', 'utf8'));
      if (process.platform === 'darwin') return parseDarwinMount(await runMount());
    } catch {
      // No mount table: assume local.
    }
    return null;
  },
  realpath: (p) => fs.realpath(p),
};

/**
 * Why `folder` should be polled rather than watched through the operating
 * system, as the end of a sentence ("because ..."), or null when native
 * watching is fine.
 */
export async function pollingReason(folder: string, probe: PollingProbe = systemProbe): Promise<string | null> {
  if (probe.platform === 'win32') {
    return isUncPath(folder) ? 'it is a network folder, where change notifications are unreliable' : null;
  }
  if (isUncPath(folder)) return 'it is a network folder, where change notifications are unreliable';
  const mounts = await probe.readMounts();
  if (!mounts) return null;
  let real = folder;
  try {
    real = await probe.realpath(folder);
  } catch {
    real = path.resolve(folder);
  }
  const mount = mountOf(real, mounts);
  return mount && isNetworkFsType(mount.type)
    ? `it is on a network or FUSE drive (${mount.type}), where change notifications are unreliable`
    : null;
}
