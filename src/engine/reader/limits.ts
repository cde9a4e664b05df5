/**
 * Safety limits of the reader. Every one is enforced while reading (never
 * trusted from archive headers), so hostile input costs at most the limit.
 */
export interface ReadLimits {
  /** Entries in the archive's central directory; more is refused as ZIP_BOMB. */
  maxEntries: number;
  /** Uncompressed XML bytes; more is refused as TOO_LARGE. */
  maxXmlBytes: number;
  /** Uncompressed / compressed bytes; more is refused as ZIP_BOMB. */
  maxRatio: number;
  /**
   * XML elements kept in the element tree (each costs ~24 bytes); more is
   * refused as TOO_LARGE. A real 50 MB save has about 1.5 million.
   */
  maxElements: number;
  /**
   * Attributes on one element; more is refused as NOT_OLD_WORLD_SAVE. A
   * save's most is the root's few dozen.
   */
  maxAttributes: number;
}

export const readLimits: Readonly<ReadLimits> = Object.freeze({
  maxEntries: 64,
  maxXmlBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  maxElements: 8_000_000,
  maxAttributes: 1024,
});

/** Defaults with the given overrides; a `maxXmlMB` setting maps to `maxXmlBytes`. */
export function resolveLimits(overrides?: Partial<ReadLimits>): ReadLimits {
  return { ...readLimits, ...(overrides ?? {}) };
}
