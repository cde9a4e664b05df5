import fs from 'node:fs/promises';

/**
 * Whether a file looks like a finished zip archive, judged from its ends only
 * (a few small reads, no decompression):
 * - `complete`: an end-of-central-directory record ends the file exactly, and
 *   the central directory it points to sits right before it (Zip64 included);
 * - `incomplete`: a zip still being written, or a broken one: no such record yet;
 * - `not-zip`: does not start like a zip at all.
 *
 * A zip writer puts the central directory and its end record last, so a file
 * copied or written front to back is `incomplete` until its very last bytes land.
 */
export type ArchiveState = 'complete' | 'incomplete' | 'not-zip';

const localHeaderSig = 0x04034b50;
const centralHeaderSig = 0x02014b50;
const eocdSig = 0x06054b50;
const zip64LocatorSig = 0x07064b50;
const zip64EocdSig = 0x06064b50;
const eocdSize = 22;
const maxCommentSize = 0xffff;
const zip64LocatorSize = 20;
const zip64EocdSize = 56;
/** Most archives have no comment: the first read of the tail is small. */
const firstTailRead = 4096;

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** Offset in `tail` of an end record whose comment ends exactly at the end of the file, or -1. */
function findEocd(tail: Buffer): number {
  for (let i = tail.length - eocdSize; i >= 0; i--) {
    if (tail.readUInt32LE(i) === eocdSig && tail.readUInt16LE(i + 20) === tail.length - i - eocdSize) return i;
  }
  return -1;
}

export async function archiveState(file: string): Promise<ArchiveState> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return 'incomplete';
  }
  try {
    const { size } = await handle.stat();
    const head = await readAt(handle, 0, 4);
    if (head.length < 4) return 'incomplete';
    // An archive with no entries starts with its end record; it holds no save but is finished.
    if (head.readUInt32LE(0) !== localHeaderSig && head.readUInt32LE(0) !== eocdSig) return 'not-zip';
    if (size < eocdSize) return 'incomplete';

    let tailStart = Math.max(0, size - firstTailRead);
    let tail = await readAt(handle, tailStart, size - tailStart);
    let at = findEocd(tail);
    if (at < 0 && tailStart > 0) {
      tailStart = Math.max(0, size - (eocdSize + maxCommentSize));
      tail = await readAt(handle, tailStart, size - tailStart);
      at = findEocd(tail);
    }
    if (at < 0) return 'incomplete';
    const eocdOffset = tailStart + at;
    const eocd = tail.subarray(at, at + eocdSize);
    let entries = eocd.readUInt16LE(10);
    let cdSize = eocd.readUInt32LE(12);
    let cdOffset = eocd.readUInt32LE(16);
    let cdEnd = eocdOffset;

    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      if (eocdOffset < zip64LocatorSize) return 'incomplete';
      const locator = await readAt(handle, eocdOffset - zip64LocatorSize, zip64LocatorSize);
      if (locator.length < zip64LocatorSize || locator.readUInt32LE(0) !== zip64LocatorSig) return 'incomplete';
      const recordOffset = Number(locator.readBigUInt64LE(8));
      if (recordOffset + zip64EocdSize > eocdOffset - zip64LocatorSize) return 'incomplete';
      const record = await readAt(handle, recordOffset, zip64EocdSize);
      if (record.length < zip64EocdSize || record.readUInt32LE(0) !== zip64EocdSig) return 'incomplete';
      entries = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
      cdEnd = recordOffset;
    }

    if (cdOffset + cdSize > cdEnd) return 'incomplete';
    if (entries === 0) return cdSize === 0 ? 'complete' : 'incomplete';
    const first = await readAt(handle, cdOffset, 4);
    return first.length === 4 && first.readUInt32LE(0) === centralHeaderSig ? 'complete' : 'incomplete';
  } catch {
    return 'incomplete';
  } finally {
    await handle.close().catch(() => {});
  }
}
