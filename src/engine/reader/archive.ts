/**
 * The save archive: find its one `.xml` entry and bring it into memory,
 * safely. Nothing is ever written to disk and entry names are never used as
 * paths; they are only classified (save / junk / unsafe).
 *
 * yauzl parses the central directory (Zip64, data descriptors, CP437 and
 * UTF-8 names); the save's compressed bytes are then sliced out of the
 * archive in memory (or read with one read at the entry's offset) and
 * inflated by inflate.ts, which enforces the size, ratio and CRC limits
 * while inflating (in one call when the entry's header is believable).
 */
import { Buffer } from 'node:buffer';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Yauzl from 'yauzl';
import type { Entry, Options, ZipFile } from 'yauzl';
import { ScribeError } from '../errors.js';
import { checkStored, inflateBounded, inflateDeclared, RATIO_ALLOWANCE, type InflateStats } from './inflate.js';
import type { ReadLimits } from './limits.js';
import { mb } from './units.js';

// Required, not imported: for an ES module's import of a CommonJS package, Node first parses the package's
// source for its export names, which cost several ms on the first save's path (a one-file import's parse).
const yauzl = createRequire(import.meta.url)('yauzl') as typeof Yauzl;

/** What reading an archive cost; filled in even when it fails (tests assert on it). */
export interface ExtractStats {
  /** Entries in the central directory. */
  entries: number;
  /** Name of the save entry, once found. */
  entryName: string | null;
  /** Compressed bytes of the save entry read from the archive. */
  compressedBytes: number;
  /** Bytes inflated before finishing or refusing. */
  inflatedBytes: number;
}

export function emptyStats(): ExtractStats {
  return { entries: 0, entryName: null, compressedBytes: 0, inflatedBytes: 0 };
}

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_ENCRYPTED = 0x1;
const FLAG_STRONG_ENCRYPTION = 0x40;

/** An archive (path or its bytes) -> the save's XML bytes. */
export async function extractSaveXml(
  source: string | Buffer | Uint8Array,
  limits: ReadLimits,
  stats: ExtractStats = emptyStats(),
): Promise<Buffer> {
  const archive = await openArchive(source);
  const zip = archive.zip;
  // yauzl reports some problems as 'error' events; one arriving after we are
  // done (or before anyone listens) must not become an uncaught exception.
  zip.on('error', () => {});
  try {
    stats.entries = zip.entryCount;
    checkEntryCount(zip, archive.bytes);
    if (zip.entryCount > limits.maxEntries) {
      throw new ScribeError(
        'ZIP_BOMB',
        `The archive holds ${zip.entryCount} entries; a save archive holds one (limit ${limits.maxEntries}).`,
      );
    }
    const entry = await findSaveEntry(zip);
    stats.entryName = entry.name;
    return await readEntry(archive, entry.entry, limits, stats);
  } finally {
    zip.close();
  }
}

/** A central directory header is at least this long (before its name, extra field and comment). */
const CENTRAL_HEADER_MIN = 46;
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;

/**
 * The end record's entry count must be one the archive can hold: a count
 * whose headers would not fit between the central directory's start and
 * the end of the file, or that disagrees with the record's own per-disk
 * count, is a damaged archive (ZIP_CORRUPT), not a bomb: a real bomb's
 * many entries are really there.
 */
function checkEntryCount(zip: ZipFile, bytes: Buffer | null): void {
  // yauzl keeps the central directory's offset as its first read position.
  const directoryStart = (zip as unknown as { readEntryCursor: number }).readEntryCursor;
  const damaged = () =>
    new ScribeError('ZIP_CORRUPT', `The archive is damaged: its directory claims ${zip.entryCount} entries, which the file cannot hold.`);
  if (zip.entryCount * CENTRAL_HEADER_MIN > zip.fileSize - directoryStart) throw damaged();
  if (bytes === null) return;
  const commentLength = (zip.comment as unknown as { length: number }).length;
  const eocd = bytes.length - EOCD_SIZE - commentLength;
  if (eocd < 0 || bytes.readUInt32LE(eocd) !== EOCD_SIGNATURE) return;
  const onDisk = bytes.readUInt16LE(eocd + 8);
  const total = bytes.readUInt16LE(eocd + 10);
  // 0xFFFF: the real counts are in the Zip64 record (yauzl read them there).
  if (onDisk !== total && onDisk !== 0xffff && total !== 0xffff) throw damaged();
}

// ---------------------------------------------------------------- opening

/**
 * Archives up to this size are read whole with one read (a save archive is a
 * few MB); a bigger file (a save next to large junk) is read in place.
 */
const READ_WHOLE_MAX = 64 * 1024 * 1024;

interface OpenedArchive {
  zip: ZipFile;
  /** The whole archive when it is in memory. */
  bytes: Buffer | null;
  /** The file, when it is read in place. */
  path: string | null;
}

async function openArchive(source: string | Buffer | Uint8Array): Promise<OpenedArchive> {
  if (typeof source !== 'string') return fromBytes(asBuffer(source));
  let bytes: Buffer | null = null;
  const head = Buffer.alloc(4);
  let size: number;
  try {
    const handle = await fs.open(source, 'r');
    try {
      size = (await handle.stat()).size;
      if (size > 0 && size <= READ_WHOLE_MAX) bytes = await readAt(handle, size, 0);
      else await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw err instanceof ScribeError ? err : unreadable(err);
  }
  if (size === 0) throw emptyFile();
  if (bytes) return fromBytes(bytes);
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.open(source, yauzlOptions, (err, z) => (err ? reject(openError(err, head)) : resolve(z)));
  });
  return { zip, bytes: null, path: source };
}

const yauzlOptions: Options = { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false };

async function fromBytes(buf: Buffer): Promise<OpenedArchive> {
  if (buf.length === 0) throw emptyFile();
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(buf, yauzlOptions, (err, z) => (err ? reject(openError(err, buf.subarray(0, 4))) : resolve(z)));
  });
  return { zip, bytes: buf, path: null };
}

/** Exactly `size` bytes at `position`, or ZIP_CORRUPT if the file is shorter. */
async function readAt(handle: fs.FileHandle, size: number, position: number): Promise<Buffer> {
  const out = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const { bytesRead } = await handle.read(out, done, size - done, position + done);
    if (bytesRead === 0) throw new ScribeError('ZIP_CORRUPT', 'The archive is damaged: the save is cut short.');
    done += bytesRead;
  }
  return out;
}

function asBuffer(source: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(source) ? source : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
}

function unreadable(err: unknown): ScribeError {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'it does not exist'
      : code === 'EISDIR'
        ? 'it is a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'access is denied'
          : `the system said ${code ?? 'no'}`;
  return new ScribeError('FILE_UNREADABLE', `The file could not be read: ${why}.`);
}

function emptyFile(): ScribeError {
  return new ScribeError('EMPTY_FILE', 'The file is empty (0 bytes).');
}

/**
 * yauzl cannot find an end-of-central-directory: a file that starts like a
 * zip was cut off (ZIP_CORRUPT); anything else is not a zip at all.
 */
function openError(err: Error, head: Buffer): ScribeError {
  const startsLikeZip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7);
  if (/end of central directory record signature not found/i.test(err.message)) {
    return startsLikeZip
      ? new ScribeError('ZIP_CORRUPT', 'The archive is incomplete: it was cut off (no central directory).')
      : new ScribeError('NOT_A_ZIP', 'This file is not a zip archive.');
  }
  return zipError(err);
}

function zipError(err: Error): ScribeError {
  if (/encrypt/i.test(err.message)) return new ScribeError('ZIP_ENCRYPTED', 'The archive is encrypted.');
  return new ScribeError('ZIP_CORRUPT', `The archive is damaged (${err.message}).`);
}

// ---------------------------------------------------------------- entries

interface SaveEntry {
  entry: Entry;
  name: string;
}

/** Classifies an entry name without ever treating it as a path on disk. */
export function classifyEntryName(name: string): 'save' | 'skip' | 'unsafe' {
  // .NET 4.5 wrote '\' as separator: read it as '/', so '..\' is traversal too.
  const norm = name.replace(/\\/g, '/');
  if (norm.startsWith('/') || /^[A-Za-z]:/.test(norm) || norm.includes('\0')) return 'unsafe';
  const parts = norm.split('/');
  if (parts.includes('..')) return 'unsafe';
  if (norm.endsWith('/')) return 'skip'; // directory
  const base = parts[parts.length - 1];
  if (parts.includes('__MACOSX') || base.startsWith('._') || base === '.DS_Store') return 'skip';
  return base.toLowerCase().endsWith('.xml') && base.length > 4 ? 'save' : 'skip';
}

function findSaveEntry(zip: ZipFile): Promise<SaveEntry> {
  return new Promise((resolve, reject) => {
    const saves: SaveEntry[] = [];
    let done = false;
    const finish = (err: ScribeError | null, value?: SaveEntry) => {
      if (done) return;
      done = true;
      zip.removeAllListeners('entry');
      zip.removeAllListeners('end');
      if (err) reject(err);
      else resolve(value!);
    };
    zip.on('error', (err: Error) => finish(zipError(err)));
    zip.on('entry', (entry: Entry) => {
      const name = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw ?? (entry.fileName as unknown as Buffer),
        entry.extraFields,
        false,
      );
      // The raw bytes are checked too: an Info-ZIP Unicode Path field may
      // carry a different (harmless-looking) name than the header does.
      const raw = (entry.fileNameRaw ?? (entry.fileName as unknown as Buffer)).toString('latin1');
      const kind = classifyEntryName(raw) === 'unsafe' ? 'unsafe' : classifyEntryName(name);
      if (kind === 'unsafe')
        return finish(
          new ScribeError('ZIP_UNSAFE_ENTRY', `The archive contains an unsafe entry name (${JSON.stringify(name.slice(0, 80))}).`),
        );
      if (kind === 'save') saves.push({ entry, name });
      zip.readEntry();
    });
    zip.on('end', () => {
      if (saves.length === 0) return finish(new ScribeError('NO_SAVE_XML', 'The archive holds no .xml save.'));
      if (saves.length > 1)
        return finish(new ScribeError('MULTIPLE_SAVE_XML', `The archive holds ${saves.length} .xml files; a save archive holds one.`));
      finish(null, saves[0]);
    });
    zip.readEntry();
  });
}

// ---------------------------------------------------------------- the save entry

async function readEntry(archive: OpenedArchive, entry: Entry, limits: ReadLimits, stats: ExtractStats): Promise<Buffer> {
  if (entry.generalPurposeBitFlag & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
    throw new ScribeError('ZIP_ENCRYPTED', 'The save inside the archive is password-protected.');
  }
  const method = entry.compressionMethod;
  if (method !== METHOD_STORED && method !== METHOD_DEFLATE) {
    throw new ScribeError(
      'ZIP_CORRUPT',
      `The save is compressed with a method Scribe cannot read (method ${method}); re-zip it with standard deflate.`,
    );
  }
  const compressed = entry.compressedSize;
  const declared = entry.uncompressedSize;
  // Early refusals from the claimed sizes (the real checks run while inflating).
  if (method === METHOD_DEFLATE && declared > limits.maxRatio * compressed + RATIO_ALLOWANCE) {
    throw new ScribeError(
      'ZIP_BOMB',
      `The save claims to expand ${Math.round(declared / Math.max(1, compressed))} times; it was refused as a zip bomb.`,
    );
  }
  // Valid deflate never makes a save much bigger than its text, so these cap the bytes read too.
  if (declared > limits.maxXmlBytes || compressed > limits.maxXmlBytes * 1.01 + 65536) {
    throw new ScribeError(
      'TOO_LARGE',
      `The save's XML is ${mb(Math.max(declared, compressed))}, more than the ${mb(limits.maxXmlBytes)} limit.`,
    );
  }
  if (method === METHOD_STORED && declared !== compressed) {
    throw new ScribeError('ZIP_CORRUPT', 'The archive is damaged: a stored entry with two different sizes.');
  }

  const raw = await readRaw(archive, entry, compressed);
  stats.compressedBytes = raw.length;
  const facts = { crc32: entry.crc32, declaredSize: declared };
  let xml: Buffer;
  if (method === METHOD_STORED) {
    stats.inflatedBytes = raw.length;
    xml = checkStored(raw, facts);
  } else {
    const fast: InflateStats = { consumed: 0, produced: 0 };
    const inflate: InflateStats = { consumed: 0, produced: 0 };
    try {
      xml = inflateDeclared(raw, facts, limits, fast) ?? (await inflateBounded(raw, facts, limits, inflate));
    } finally {
      stats.inflatedBytes = fast.produced + inflate.produced;
    }
  }
  if (xml.length !== declared) {
    throw new ScribeError('ZIP_CORRUPT', `The archive is damaged: the save is ${xml.length} bytes, the archive says ${declared}.`);
  }
  return xml;
}

/**
 * The entry's bytes exactly as stored (compressed): a view of the archive
 * when it is in memory, else one read at the entry's data offset.
 */
function readRaw(archive: OpenedArchive, entry: Entry, size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    archive.zip.readLocalFileHeader(entry, { minimal: true }, (err, header) => {
      if (err) return reject(zipError(err));
      const start = header.fileDataStart;
      if (archive.bytes) {
        if (start + size > archive.bytes.length)
          return reject(new ScribeError('ZIP_CORRUPT', 'The archive is damaged: the save is cut short.'));
        return resolve(archive.bytes.subarray(start, start + size));
      }
      fs.open(archive.path!, 'r').then(
        (handle) =>
          readAt(handle, size, start)
            .finally(() => handle.close())
            .then(resolve, (e: unknown) => reject(e instanceof ScribeError ? e : unreadable(e))),
        (e: unknown) => reject(unreadable(e)),
      );
    });
  });
}
