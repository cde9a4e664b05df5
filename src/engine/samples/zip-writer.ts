/**
 * Writes a one-entry deflated zip archive in memory, the shape of a save the
 * game writes. The engine only reads archives otherwise (yauzl); the tests'
 * writer (yazl) is a devDependency and the app needs this at run time, so a
 * few headers around node:zlib's deflate and CRC-32 do the job without a new
 * runtime dependency.
 */
import zlib from 'node:zlib';

/** 2025-09-20 09:47:26 in MS-DOS form: a fixed stamp keeps the bytes deterministic. */
const dosTime = (9 << 11) | (47 << 5) | (26 >> 1);
const dosDate = ((2025 - 1980) << 9) | (9 << 5) | 20;
const utf8Names = 0x0800;

export function zipOneFile(entryName: string, content: Buffer): Buffer {
  const name = Buffer.from(entryName, 'utf8');
  const data = zlib.deflateRawSync(content, { level: 6 });
  const crc = zlib.crc32(content);
  const flags = name.some((byte) => byte >= 0x80) ? utf8Names : 0;

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt16LE(dosTime, 10);
  local.writeUInt16LE(dosDate, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);

  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(dosTime, 12);
  central.writeUInt16LE(dosDate, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  // Local header offset (42) is 0: the entry starts the archive.

  const centralSize = central.length + name.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}
