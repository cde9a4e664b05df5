/**
 * Archives as real tools make them (Info-ZIP `zip`, Python's `zipfile`,
 * yazl like .NET), crafted ones, and the limits enforced while inflating.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyEntryName, countRows, readSave, type ExtractStats } from '../../src/engine/reader/index.js';
import { generateSave, writeSaveZip, type ExpectedSave } from '../fixtures/generate.js';
import { buildZip, entry, repeatedDeflate } from '../fixtures/raw-zip.js';
import { makeTemp, rejected, rmTemp } from './helpers.js';
import { hasTool, testTools } from '../../scripts/test-tools.js';

const MB = 1024 * 1024;
// The tools npm test's provisioning step installs where it can (scripts/test-tools.ts); a test of one that is missing skips.
const tool = (command: string): boolean => hasTool(testTools.find((t) => t.command === command)!);
const hasZip = tool('zip');
const hasPython = tool('python3');
const has7z = tool('7z');

function stats(): ExtractStats {
  return { entries: 0, entryName: null, compressedBytes: 0, inflatedBytes: 0 };
}

/** General-purpose flags and the extra-field ids of the first local header. */
function firstHeader(zip: Buffer): { flags: number; method: number; extraIds: number[] } {
  expect(zip.readUInt32LE(0)).toBe(0x04034b50);
  const nameLen = zip.readUInt16LE(26);
  const extraLen = zip.readUInt16LE(28);
  const extraIds: number[] = [];
  for (let p = 30 + nameLen; p < 30 + nameLen + extraLen; p += 4 + zip.readUInt16LE(p + 2)) extraIds.push(zip.readUInt16LE(p));
  return { flags: zip.readUInt16LE(6), method: zip.readUInt16LE(8), extraIds };
}

let dir: string;
let xml: string;
let expected: ExpectedSave;
beforeAll(async () => {
  dir = await makeTemp();
  ({ xml, expected } = generateSave({ seed: 77, scale: 'small' }));
  writeFileSync(path.join(dir, 'OW-Save.xml'), xml);
});
afterAll(async () => {
  await rmTemp(dir);
});

async function expectSave(file: string, st: ExtractStats = stats()): Promise<void> {
  const save = await readSave(file, undefined, st);
  expect(countRows(save)).toEqual(expected.counts);
  expect(save.meta).toEqual(expected.meta);
  // Same answer from the bytes (how the parse worker calls it).
  expect(countRows(await readSave(new Uint8Array(readFileSync(file))))).toEqual(expected.counts);
}

describe('archives written like the game (.NET: deflate + data descriptor)', () => {
  it('reads the default fixture archive, with a data descriptor', async () => {
    const file = path.join(dir, 'net.zip');
    await writeSaveZip(file, xml);
    expect(firstHeader(readFileSync(file))).toMatchObject({ method: 8, flags: expect.any(Number) });
    expect(firstHeader(readFileSync(file)).flags & 0x8).toBe(0x8);
    await expectSave(file);
  });

  it('reads stored entries, Zip64 records and extra entries around the save', async () => {
    const stored = path.join(dir, 'yazl-stored.zip');
    await writeSaveZip(stored, xml, { compress: false });
    expect(firstHeader(readFileSync(stored)).method).toBe(0);
    await expectSave(stored);
    const z64 = path.join(dir, 'yazl-zip64.zip');
    await writeSaveZip(z64, xml, {
      zip64: true,
      extraEntries: [{ name: 'Saves/' }, { name: '__MACOSX/Saves/._OW.xml', data: 'junk' }, { name: 'notes.txt', data: 'hi' }],
    });
    const st = stats();
    await expectSave(z64, st);
    expect(st.entries).toBe(4);
  });
});

describe.skipIf(!hasZip)('archives made by Info-ZIP zip', () => {
  const zip = (args: string[], cwd: string) => execFileSync('zip', args, { cwd, stdio: 'ignore' });

  it('deflate, inside a folder, with __MACOSX junk and directory entries', async () => {
    const work = path.join(dir, 'infozip');
    mkdirSync(path.join(work, 'Saves'), { recursive: true });
    mkdirSync(path.join(work, '__MACOSX', 'Saves'), { recursive: true });
    writeFileSync(path.join(work, 'Saves', 'OW-Persia-Year69.xml'), xml);
    writeFileSync(path.join(work, '__MACOSX', 'Saves', '._OW-Persia-Year69.xml'), 'resource fork, also .xml');
    const file = path.join(dir, 'infozip-folders.zip');
    zip(['-q', '-r', file, 'Saves', '__MACOSX'], work);
    const st = stats();
    await expectSave(file, st);
    expect(st.entryName).toBe('Saves/OW-Persia-Year69.xml');
    expect(st.entries).toBe(5);
  });

  it('stored (-0)', async () => {
    const file = path.join(dir, 'infozip-stored.zip');
    zip(['-q', '-0', file, 'OW-Save.xml'], dir);
    expect(firstHeader(readFileSync(file)).method).toBe(0);
    await expectSave(file);
  });

  it('streamed to a pipe (data descriptor) with a non-ASCII name', async () => {
    const name = 'OW-Égypte-Année69-年.xml';
    writeFileSync(path.join(dir, name), xml);
    const file = path.join(dir, 'infozip-stream.zip');
    // stdout is a pipe: zip cannot seek back, so it writes data descriptors.
    const r = spawnSync('zip', ['-q', '-', name], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * MB });
    expect(r.status).toBe(0);
    writeFileSync(file, r.stdout);
    expect(firstHeader(readFileSync(file)).flags & 0x8).toBe(0x8);
    const st = stats();
    await expectSave(file, st);
    expect(st.entryName).toContain('.xml');
  });

  it('password-protected: ZIP_ENCRYPTED', async () => {
    const file = path.join(dir, 'infozip-encrypted.zip');
    zip(['-q', '-P', 'secret', file, 'OW-Save.xml'], dir);
    expect((await rejected(readSave(file))).code).toBe('ZIP_ENCRYPTED');
  });
});

describe.skipIf(!hasPython)("archives made by Python's zipfile", () => {
  const script = `
import sys, zipfile
src, out, mode = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(src, 'rb').read()
if mode == 'stored':
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_STORED) as z: z.writestr('OW-Save.xml', data)
elif mode == 'deflate':
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z: z.writestr('OW-Save.xml', data)
elif mode == 'zip64':
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        with z.open('OW-Save.xml', 'w', force_zip64=True) as f: f.write(data)
elif mode == 'folders':
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.mkdir('Partie')
        z.writestr('__MACOSX/Partie/._Sauvegarde.xml', b'junk')
        z.writestr('Partie/Sauvegarde-Égypte-年.xml', data)
        z.writestr('Partie/lisez-moi.txt', 'bonjour')
elif mode == 'pipe':
    class Pipe:
        def __init__(self, f): self.f = f; self.n = 0
        def write(self, b): self.n += len(b); return self.f.write(b)
        def tell(self): raise OSError('not seekable')
        def flush(self): self.f.flush()
    with open(out, 'wb') as raw:
        with zipfile.ZipFile(Pipe(raw), 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('OW-Save.xml', data)
`;
  const py = (file: string, mode: string) =>
    execFileSync('python3', ['-c', script, path.join(dir, 'OW-Save.xml'), file, mode], { stdio: 'pipe' });

  for (const mode of ['stored', 'deflate', 'zip64', 'folders', 'pipe']) {
    it(mode, async () => {
      const file = path.join(dir, `python-${mode}.zip`);
      py(file, mode);
      const head = firstHeader(readFileSync(file));
      if (mode === 'stored') expect(head.method).toBe(0);
      if (mode === 'zip64') expect(head.extraIds).toContain(0x0001);
      if (mode === 'pipe') expect(head.flags & 0x8).toBe(0x8);
      const st = stats();
      await expectSave(file, st);
      if (mode === 'folders') expect(st.entryName).toBe('Partie/Sauvegarde-Égypte-年.xml');
    });
  }
});

describe.skipIf(!has7z)('archives made by 7-Zip', () => {
  it('deflate', async () => {
    const file = path.join(dir, '7z.zip');
    execFileSync('7z', ['a', '-tzip', file, 'OW-Save.xml'], { cwd: dir, stdio: 'ignore' });
    await expectSave(file);
  });
});

describe('the file', () => {
  it('FILE_UNREADABLE for a missing file or a folder, EMPTY_FILE for no bytes', async () => {
    expect((await rejected(readSave(path.join(dir, 'does-not-exist.zip')))).code).toBe('FILE_UNREADABLE');
    expect((await rejected(readSave(dir))).code).toBe('FILE_UNREADABLE');
    expect((await rejected(readSave(Buffer.alloc(0)))).code).toBe('EMPTY_FILE');
  });

  it('reads a save next to large junk in place (archive bigger than what is read whole)', async () => {
    const file = path.join(dir, 'big-junk.zip');
    const junk = Buffer.alloc(65 * MB, 0x20);
    writeFileSync(file, buildZip([entry('video.mp4', junk, 0), entry('OW-Save.xml', xml)]));
    const st = stats();
    const save = await readSave(file, undefined, st);
    expect(countRows(save)).toEqual(expected.counts);
    expect(st.entries).toBe(2);
  });
});

describe('entry names', () => {
  it('classifies names without ever using them as paths', () => {
    expect(classifyEntryName('OW-Save.xml')).toBe('save');
    expect(classifyEntryName('Saves/Sub/OW.XML')).toBe('save');
    expect(classifyEntryName('Saves\\OW.xml')).toBe('save'); // .NET 4.5 separators
    expect(classifyEntryName('Saves/')).toBe('skip');
    expect(classifyEntryName('__MACOSX/Saves/._OW.xml')).toBe('skip');
    expect(classifyEntryName('._OW.xml')).toBe('skip');
    expect(classifyEntryName('.xml')).toBe('skip');
    expect(classifyEntryName('notes.txt')).toBe('skip');
    for (const bad of [
      '../OW.xml',
      'a/../../OW.xml',
      '..\\..\\OW.xml',
      '/etc/OW.xml',
      '\\OW.xml',
      'C:/OW.xml',
      'c:\\OW.xml',
      'a/..',
      'OW\0.xml',
    ]) {
      expect(classifyEntryName(bad), bad).toBe('unsafe');
    }
  });

  it('reads a .NET 4.5 archive with backslash separators', async () => {
    const file = path.join(dir, 'backslash.zip');
    writeFileSync(file, buildZip([entry('Saves\\Auto\\OW-Save.xml', xml)]));
    await expectSave(file);
  });

  it('refuses the whole archive for one unsafe name, even next to a good save', async () => {
    const file = path.join(dir, 'mixed-unsafe.zip');
    writeFileSync(file, buildZip([entry('OW-Save.xml', xml), entry('../../.bashrc', 'evil')]));
    expect((await rejected(readSave(file))).code).toBe('ZIP_UNSAFE_ENTRY');
  });
});

describe('limits, enforced while inflating', () => {
  it('refuses a 1 GB zip bomb with lying headers after inflating a few MB, in bounded memory', async () => {
    const bomb = repeatedDeflate(Buffer.alloc(MB), 1024);
    const file = path.join(dir, 'bomb-lying.zip');
    writeFileSync(file, buildZip([{ name: 'OW-Save.xml', data: bomb.data, method: 8, crc32: bomb.crc32, uncompressedSize: 9 * MB }]));
    const st = stats();
    const before = process.memoryUsage().arrayBuffers;
    const err = await rejected(readSave(file, undefined, st));
    const grew = process.memoryUsage().arrayBuffers - before;
    expect(err.code).toBe('ZIP_BOMB');
    expect(bomb.size).toBe(1024 * MB);
    expect(st.compressedBytes).toBe(bomb.data.length);
    expect(st.inflatedBytes).toBeLessThanOrEqual(4 * MB);
    expect(grew).toBeLessThan(48 * MB);
  });

  it('refuses a bomb whose claimed ratio is exactly the limit, while inflating', async () => {
    const bomb = repeatedDeflate(Buffer.alloc(MB), 512);
    const file = path.join(dir, 'bomb-200.zip');
    writeFileSync(
      file,
      buildZip([{ name: 'OW-Save.xml', data: bomb.data, method: 8, crc32: bomb.crc32, uncompressedSize: bomb.data.length * 200 }]),
    );
    const st = stats();
    expect((await rejected(readSave(file, undefined, st))).code).toBe('ZIP_BOMB');
    expect(st.inflatedBytes).toBeLessThanOrEqual(4 * MB);
  });

  it('refuses an honest 1 GB bomb from its headers without inflating at all', async () => {
    const bomb = repeatedDeflate(Buffer.alloc(MB), 1024);
    const file = path.join(dir, 'bomb-honest.zip');
    writeFileSync(file, buildZip([{ name: 'OW-Save.xml', data: bomb.data, method: 8, crc32: bomb.crc32, uncompressedSize: bomb.size }]));
    const st = stats();
    expect((await rejected(readSave(file, undefined, st))).code).toBe('ZIP_BOMB');
    expect(st.inflatedBytes).toBe(0);
  });

  it('TOO_LARGE stops at the configured size even when the headers claim less', async () => {
    const big = entry('OW-Save.xml', xml);
    const file = path.join(dir, 'lying-small.zip');
    writeFileSync(file, buildZip([{ ...big, uncompressedSize: 1000 }]));
    const st = stats();
    const err = await rejected(readSave(file, { maxXmlBytes: 64 * 1024 }, st));
    expect(err.code).toBe('TOO_LARGE');
    expect(st.inflatedBytes).toBeLessThanOrEqual(64 * 1024);
    // Within the default limit the same lie is a damaged archive.
    expect((await rejected(readSave(file))).code).toBe('ZIP_CORRUPT');
  });

  it('a deflated save whose header is believable but wrong is a damaged archive, whichever way it is inflated', async () => {
    const good = entry('OW-Save.xml', xml);
    const cases: [string, object][] = [
      ['claims-more.zip', { uncompressedSize: Buffer.byteLength(xml) + 10 }],
      ['claims-less.zip', { uncompressedSize: Buffer.byteLength(xml) - 10 }],
      ['wrong-crc.zip', { crc32: (good.crc32 ^ 0x5a5a) >>> 0 }],
    ];
    for (const [name, lie] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, buildZip([{ ...good, ...lie }]));
      const st = stats();
      expect((await rejected(readSave(file, undefined, st))).code, name).toBe('ZIP_CORRUPT');
      // The one-call attempt, its sample and the bounded stream each inflate at most about the save once.
      expect(st.inflatedBytes, name).toBeLessThanOrEqual(3 * (Buffer.byteLength(xml) + 10));
    }
    // The honest entry reads.
    const file = path.join(dir, 'honest.zip');
    writeFileSync(file, buildZip([good]));
    const st = stats();
    expect((await readSave(file, undefined, st)).meta.xmlBytes).toBe(Buffer.byteLength(xml));
    expect(st.inflatedBytes).toBeGreaterThanOrEqual(Buffer.byteLength(xml));
  });

  it('the XML size limit is configurable', async () => {
    const file = path.join(dir, 'limit.zip');
    await writeSaveZip(file, xml);
    expect((await rejected(readSave(file, { maxXmlBytes: 10_000 }))).code).toBe('TOO_LARGE');
    await expect(readSave(file, { maxXmlBytes: Buffer.byteLength(xml) })).resolves.toBeTruthy();
    expect((await rejected(readSave(file, { maxXmlBytes: Buffer.byteLength(xml) - 1 }))).code).toBe('TOO_LARGE');
  });

  it('the entry count and element count limits are configurable', async () => {
    const file = path.join(dir, 'entries.zip');
    writeFileSync(file, buildZip([entry('OW-Save.xml', xml), ...Array.from({ length: 70 }, (_, i) => entry(`junk/${i}.txt`, 'x'))]));
    expect((await rejected(readSave(file))).code).toBe('ZIP_BOMB');
    expect(countRows(await readSave(file, { maxEntries: 100 }))).toEqual(expected.counts);
    expect((await rejected(readSave(file, { maxEntries: 100, maxElements: 500 }))).code).toBe('TOO_LARGE');
  });

  it('checks the CRC of deflated entries too', async () => {
    const good = entry('OW-Save.xml', xml);
    const file = path.join(dir, 'crc.zip');
    writeFileSync(file, buildZip([{ ...good, crc32: (good.crc32 ^ 0x10) >>> 0 }]));
    const err = await rejected(readSave(file));
    expect(err.code).toBe('ZIP_CORRUPT');
    expect(err.message).toMatch(/CRC/);
  });
});
