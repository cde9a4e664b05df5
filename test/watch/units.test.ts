import fs from 'node:fs/promises';
import path from 'node:path';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  archiveState,
  expandWindowsEnv,
  isCandidateName,
  isIgnoredName,
  isNetworkFsType,
  isUncPath,
  mountOf,
  oldWorldSaveFolderCandidates,
  parseDarwinMount,
  parseProcMounts,
  parseRegQuery,
  pollingReason,
  suggestSaveFolders,
  type MountEntry,
  type SuggestContext,
} from '../../src/engine/watch';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import { tempDir } from '../pipeline/helpers';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('watch-units');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('names', () => {
  it('ignores temporary, partial, hidden and system names', () => {
    for (const name of [
      'a.tmp',
      'a.zip.tmp',
      'a.ZIP.TMP',
      'a.part',
      'a.zip.part',
      'a.crdownload',
      'a.zip.crdownload',
      '~a.zip',
      '.a.zip',
      '.DS_Store',
      'Thumbs.db',
      'a.download',
      'a.partial',
      'a.filepart',
    ]) {
      expect(isIgnoredName(name), name).toBe(true);
      expect(isCandidateName(name), name).toBe(false);
    }
  });

  it('considers .zip and extension-less files only', () => {
    expect(isCandidateName('OW-Save-Auto-12.zip')).toBe(true);
    expect(isCandidateName('OW-Save.ZIP')).toBe(true);
    expect(isCandidateName('OW-Save')).toBe(true);
    for (const name of ['notes.txt', 'save.xml', 'a.zip.bak', 'a.7z']) expect(isCandidateName(name), name).toBe(false);
  });
});

describe('archive completeness', () => {
  let save: Buffer;
  beforeAll(async () => {
    const file = path.join(dir, 'whole.zip');
    await writeSaveZip(file, generateSave({ scale: 'small', seed: 42 }).xml);
    save = await fs.readFile(file);
  });

  const write = async (name: string, bytes: Buffer): Promise<string> => {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    return file;
  };

  it('calls a whole save complete and every truncation of it incomplete', async () => {
    expect(await archiveState(await write('full.zip', save))).toBe('complete');
    const cuts = new Set<number>([1, 3, 4, 30, 1000, save.length - 23, save.length - 22, save.length - 21, save.length - 1]);
    for (let i = 1; i < 20; i++) cuts.add(Math.floor((save.length * i) / 20));
    for (const cut of cuts) {
      expect(await archiveState(await write(`cut-${cut}.zip`, save.subarray(0, cut))), `first ${cut} of ${save.length} bytes`).toBe(
        'incomplete',
      );
    }
  });

  it('handles Zip64 archives, archive comments and files that are not archives', async () => {
    const zip64 = path.join(dir, 'zip64.zip');
    await writeSaveZip(zip64, generateSave({ scale: 'small', seed: 43 }).xml, { zip64: true });
    expect(await archiveState(zip64)).toBe('complete');
    const bytes = await fs.readFile(zip64);
    expect(await archiveState(await write('zip64-cut.zip', bytes.subarray(0, bytes.length - 30)))).toBe('incomplete');

    // A long comment pushes the end record beyond the first read of the tail.
    const commented = path.join(dir, 'comment.zip');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('<Root/>'), 'save.xml');
    zip.end({ comment: 'c'.repeat(6000), forceZip64Format: false });
    await pipeline(zip.outputStream as unknown as NodeJS.ReadableStream, createWriteStream(commented));
    expect(await archiveState(commented)).toBe('complete');
    const c = await fs.readFile(commented);
    expect(await archiveState(await write('comment-cut.zip', c.subarray(0, c.length - 10)))).toBe('incomplete');

    expect(await archiveState(await write('text', Buffer.from('just some text, long enough to matter')))).toBe('not-zip');
    expect(await archiveState(await write('empty.zip', Buffer.alloc(0)))).toBe('incomplete');
    expect(await archiveState(path.join(dir, 'does-not-exist.zip'))).toBe('incomplete');
  });
});

describe('polling decision', () => {
  const mounts = `/dev/vda / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,relatime 0 0
//nas/games /mnt/My\\040Games cifs rw 0 0
me@host:/saves /home/me/remote fuse.sshfs rw 0 0
drvfs /mnt/c 9p rw 0 0
/dev/sdb1 /media/usb vfat rw 0 0
`;

  it('reads the mount table', () => {
    const parsed = parseProcMounts(mounts);
    expect(parsed).toContainEqual({ mountPoint: '/mnt/My Games', type: 'cifs' });
    expect(mountOf('/mnt/My Games/OldWorld/Saves', parsed)).toEqual({ mountPoint: '/mnt/My Games', type: 'cifs' });
    expect(mountOf('/home/me/Saves', parsed)).toEqual({ mountPoint: '/', type: 'ext4' });
    expect(mountOf('/mnt/nfsother', parsed)).toEqual({ mountPoint: '/', type: 'ext4' });
    expect(
      parseDarwinMount(
        '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n//me@nas/games on /Volumes/games (smbfs, nodev, nosuid, mounted by me)\n',
      ),
    ).toEqual([
      { mountPoint: '/', type: 'apfs' },
      { mountPoint: '/Volumes/games', type: 'smbfs' },
    ]);
    for (const t of ['nfs', 'nfs4', 'cifs', 'smb3', 'sshfs', 'fuse.sshfs', 'fuse.rclone', 'smbfs', '9p'])
      expect(isNetworkFsType(t), t).toBe(true);
    for (const t of ['ext4', 'btrfs', 'xfs', 'apfs', 'ntfs', 'vfat', 'tmpfs', 'overlay']) expect(isNetworkFsType(t), t).toBe(false);
  });

  it('polls UNC paths and network or FUSE mounts, not local disks', async () => {
    const probe = (platform: NodeJS.Platform, table: MountEntry[] | null = parseProcMounts(mounts)) => ({
      platform,
      readMounts: async () => table,
      realpath: async (p: string) => p,
    });
    expect(isUncPath('\\\\nas\\games\\Saves')).toBe(true);
    expect(isUncPath('//nas/games/Saves')).toBe(true);
    expect(isUncPath('\\\\?\\UNC\\nas\\games')).toBe(true);
    expect(isUncPath('\\\\?\\C:\\Saves')).toBe(false);
    expect(isUncPath('C:\\Users\\me\\Saves')).toBe(false);
    expect(await pollingReason('\\\\nas\\games\\OldWorld\\Saves', probe('win32'))).toMatch(/network/);
    expect(await pollingReason('C:\\Users\\me\\Documents\\My Games\\OldWorld\\Saves', probe('win32'))).toBeNull();
    expect(await pollingReason('/mnt/nfs/OldWorld/Saves', probe('linux'))).toMatch(/nfs4/);
    expect(await pollingReason('/mnt/My Games/Saves', probe('linux'))).toMatch(/cifs/);
    expect(await pollingReason('/home/me/remote/Saves', probe('linux'))).toMatch(/fuse\.sshfs/);
    expect(await pollingReason('/mnt/c/Users/me/Saves', probe('linux'))).toMatch(/9p/);
    expect(await pollingReason('/home/me/.local/share/OldWorld/Saves', probe('linux'))).toBeNull();
    expect(await pollingReason('/media/usb/Saves', probe('linux'))).toBeNull();
    expect(await pollingReason('/home/me/Saves', probe('linux', null))).toBeNull();
  });
});

describe('save folder suggestions', () => {
  const ctx = (platform: NodeJS.Platform, home: string, existing: string[], more: Partial<SuggestContext> = {}): SuggestContext => ({
    platform,
    home,
    env: {},
    exists: (d) => existing.includes(d),
    ...more,
  });

  it('suggests the macOS folder when it exists and is not watched', () => {
    const saves = '/Users/me/Library/Application Support/OldWorld/Saves';
    expect(oldWorldSaveFolderCandidates(ctx('darwin', '/Users/me', []))).toEqual([saves]);
    expect(suggestSaveFolders(ctx('darwin', '/Users/me', [saves]))).toEqual([saves]);
    expect(suggestSaveFolders(ctx('darwin', '/Users/me', [saves]), [saves])).toEqual([]);
    expect(suggestSaveFolders(ctx('darwin', '/Users/me', []))).toEqual([]);
  });

  it('suggests the native Linux folder and the one inside Steam’s Proton prefix', () => {
    const native = '/home/me/.local/share/OldWorld/Saves';
    const proton = '/home/me/.steam/steam/steamapps/compatdata/597180/pfx/drive_c/users/steamuser/Documents/My Games/OldWorld/Saves';
    const candidates = oldWorldSaveFolderCandidates(ctx('linux', '/home/me', []));
    expect(candidates.slice(0, 2)).toEqual([native, proton]);
    expect(suggestSaveFolders(ctx('linux', '/home/me', [proton]))).toEqual([proton]);
    expect(suggestSaveFolders(ctx('linux', '/home/me', [native, proton]))).toEqual([native, proton]);
    expect(suggestSaveFolders(ctx('linux', '/home/me', [native, proton]), [native])).toEqual([proton]);
    // XDG_DATA_HOME moves the native folder.
    expect(oldWorldSaveFolderCandidates(ctx('linux', '/home/me', [], { env: { XDG_DATA_HOME: '/data/me' } }))[0]).toBe(
      '/data/me/OldWorld/Saves',
    );
    // Steam's two names for one folder are suggested once.
    const viaLocal =
      '/home/me/.local/share/Steam/steamapps/compatdata/597180/pfx/drive_c/users/steamuser/Documents/My Games/OldWorld/Saves';
    const linked = ctx('linux', '/home/me', [proton, viaLocal], {
      realpath: (d) => d.replace('/home/me/.steam/steam/', '/home/me/.local/share/Steam/'),
    });
    expect(suggestSaveFolders(linked)).toEqual([proton]);
  });

  it('finds Documents on Windows through the registry, even when redirected to OneDrive', () => {
    const env = { USERPROFILE: 'C:\\Users\\me', OneDrive: 'C:\\Users\\me\\OneDrive' };
    const redirected = 'C:\\Users\\me\\OneDrive\\Documents\\My Games\\OldWorld\\Saves';
    const plain = 'C:\\Users\\me\\Documents\\My Games\\OldWorld\\Saves';
    const win = (existing: string[], registryDocuments: string | null, e: Record<string, string> = env) =>
      ctx('win32', 'C:\\Users\\me', existing, { env: e, registryDocuments });

    expect(oldWorldSaveFolderCandidates(win([], '%USERPROFILE%\\OneDrive\\Documents'))).toEqual([redirected, plain]);
    expect(suggestSaveFolders(win([redirected], '%USERPROFILE%\\OneDrive\\Documents'))).toEqual([redirected]);
    // Redirected elsewhere entirely.
    expect(oldWorldSaveFolderCandidates(win([], 'D:\\Docs'))[0]).toBe('D:\\Docs\\My Games\\OldWorld\\Saves');
    // No registry answer: %USERPROFILE%\Documents, then %OneDrive%\Documents.
    expect(oldWorldSaveFolderCandidates(win([], null))).toEqual([plain, redirected]);
    expect(suggestSaveFolders(win([redirected], null))).toEqual([redirected]);
    // Windows environment names are case-insensitive; watched folders compare case-insensitively.
    expect(oldWorldSaveFolderCandidates(win([], '%userprofile%\\Documents', { UserProfile: 'C:\\Users\\me' }))).toEqual([plain]);
    expect(suggestSaveFolders(win([plain], null), ['c:\\users\\me\\documents\\my games\\oldworld\\saves'])).toEqual([]);
    // An unexpandable value is not used.
    expect(oldWorldSaveFolderCandidates(win([], '%NOPE%\\Documents', { USERPROFILE: 'C:\\Users\\me' }))).toEqual([plain]);
  });

  it('reads the registry output and expands variables', () => {
    const stdout = [
      '',
      'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders',
      '    Personal    REG_EXPAND_SZ    %USERPROFILE%\\OneDrive - Contoso\\Documents',
      '',
    ].join('\r\n');
    expect(parseRegQuery(stdout, 'Personal')).toBe('%USERPROFILE%\\OneDrive - Contoso\\Documents');
    expect(parseRegQuery(stdout, 'Desktop')).toBeNull();
    expect(parseRegQuery('ERROR: The system was unable to find the specified registry key or value.', 'Personal')).toBeNull();
    expect(expandWindowsEnv('%USERPROFILE%\\Docs\\%X%', { USERPROFILE: 'C:\\Users\\me' })).toBe('C:\\Users\\me\\Docs\\%X%');
  });
});
