import path from 'node:path';

/**
 * The unpacked copy of a file packed in app.asar (electron-builder.yml's
 * `asarUnpack`). A utility process is given its entry as a path to load, and
 * cannot load it from inside the asar on some Electron versions; the packages
 * it imports resolve from beside the unpacked copy. Unchanged outside an asar.
 */
export function unpackedPath(file: string): string {
  const packed = `${path.sep}app.asar${path.sep}`;
  return file.includes(packed) ? file.replace(packed, `${path.sep}app.asar.unpacked${path.sep}`) : file;
}
