/** XML bytes -> ParsedSave (or rows in a SaveSink): decode, scan (well-formedness + tree), map. */
import { ScribeError } from '../errors.js';
import { resolveLimits, type ReadLimits } from './limits.js';
import { mb } from './units.js';
import { checkRootName, mapSave, mapSaveInto } from './map/save.js';
import type { ParsedSave, SaveMeta, SaveSink } from '../model/parsed-save.js';
import { recycleTree, scanXml } from './xml/scanner.js';
import type { XmlTree } from './xml/tree.js';
import { prepareXmlBytes } from './xml/text.js';

/**
 * Reads one save's XML. Synchronous and pure: no I/O, no globals. Throws
 * only ScribeError (XML_MALFORMED with line/column, XML_FORBIDDEN_DTD,
 * NOT_OLD_WORLD_SAVE, MISSING_FIELD with the field path, TOO_LARGE).
 */
export function parseSaveXml(xml: Buffer | Uint8Array, limits?: Partial<ReadLimits>): ParsedSave {
  return withSaveTree(xml, limits, mapSave);
}

/** `parseSaveXml`, with the rows put into `out` (see `SaveSink`); returns the save's meta. */
export function parseSaveXmlInto(xml: Buffer | Uint8Array, out: SaveSink, limits?: Partial<ReadLimits>): SaveMeta {
  return withSaveTree(xml, limits, (tree, xmlBytes) => mapSaveInto(tree, xmlBytes, out));
}

/** Checks the size, scans the XML into a tree, maps it with `map`, then recycles the tree. */
function withSaveTree<T>(
  xml: Buffer | Uint8Array,
  limits: Partial<ReadLimits> | undefined,
  map: (tree: XmlTree, xmlBytes: number) => T,
): T {
  return guard(() => {
    const l = resolveLimits(limits);
    if (xml.length > l.maxXmlBytes) {
      throw new ScribeError('TOO_LARGE', `The save's XML is ${mb(xml.length)}, more than the ${mb(l.maxXmlBytes)} limit.`);
    }
    if (xml.length === 0) throw new ScribeError('XML_MALFORMED', "The save's XML is empty.", { line: 1, column: 1 });
    const { bytes, ascii } = prepareXmlBytes(xml);
    const tree = scanXml(bytes, ascii, { maxElements: l.maxElements, maxAttributes: l.maxAttributes, onRoot: checkRootName });
    const mapped = map(tree, xml.length);
    recycleTree(tree);
    return mapped;
  });
}

/** Runs `fn`, turning anything but a ScribeError into one: callers only ever see stable codes. */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw asScribeError(err);
  }
}

export function asScribeError(err: unknown): ScribeError {
  if (err instanceof ScribeError) return err;
  const e = err as { code?: string; message?: string } | undefined;
  const message = e?.message ?? String(err);
  // Out of memory for a string or buffer: the input is too big for this process.
  if (
    e?.code === 'ERR_STRING_TOO_LONG' ||
    /Array buffer allocation failed|Invalid string length|Invalid typed array length/.test(message)
  ) {
    return new ScribeError('TOO_LARGE', 'The save is too large to read in memory.');
  }
  return new ScribeError('INTERNAL', `Unexpected error while reading the save: ${message}`);
}
