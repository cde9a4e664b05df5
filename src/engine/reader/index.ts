/**
 * The save reader: an Old World save archive in, a `ParsedSave` out.
 * Pure Node (no Electron, no database); every failure is a `ScribeError`
 * with a stable code (see shared/errors.ts).
 *
 *   const save = await readSave('/saves/OW-Assyria-Year119.zip');
 *   const save = await readSave(archiveBytes, { maxXmlBytes: 64 << 20 });
 *   const save = parseSaveXml(xmlBytes); // the XML alone, synchronous
 */
import type { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { emptyStats, extractSaveXml, type ExtractStats } from './archive.js';
import { resolveLimits, type ReadLimits } from './limits.js';
import { asScribeError, parseSaveXml, parseSaveXmlInto } from './parse.js';
import type { ParsedSave, SaveMeta, SaveSink } from '../model/parsed-save.js';

export type { ParsedSave, SaveMeta, SaveSink } from '../model/parsed-save.js';
export { countRows } from '../model/parsed-save.js';
export { readLimits, resolveLimits, type ReadLimits } from './limits.js';
export { parseSaveXml, parseSaveXmlInto } from './parse.js';
export { extractSaveXml, classifyEntryName, type ExtractStats } from './archive.js';

/**
 * Reads a save archive, given as a path or as the archive's bytes (the
 * parse worker already holds them for hashing). `stats`, if given, is filled
 * in with what the archive cost, even on failure.
 */
export async function readSave(
  source: string | Buffer | Uint8Array,
  limits?: Partial<ReadLimits>,
  stats: ExtractStats = emptyStats(),
): Promise<ParsedSave> {
  try {
    const l = resolveLimits(limits);
    const xml = await extractSaveXml(source, l, stats);
    return parseSaveXml(xml, l);
  } catch (err) {
    throw asScribeError(err);
  }
}

/**
 * `readSave`, with the rows put into `out` (see `SaveSink`); resolves to the
 * save's meta. `timing`, if given, gets how long unzipping took.
 */
export async function readSaveInto(
  source: string | Buffer | Uint8Array,
  out: SaveSink,
  limits?: Partial<ReadLimits>,
  timing?: { inflateMs: number },
): Promise<SaveMeta> {
  try {
    const l = resolveLimits(limits);
    const started = performance.now();
    const xml = await extractSaveXml(source, l, emptyStats());
    if (timing) timing.inflateMs = performance.now() - started;
    return parseSaveXmlInto(xml, out, l);
  } catch (err) {
    throw asScribeError(err);
  }
}
