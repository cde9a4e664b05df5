/**
 * Stable error and skip codes shared by the engine, the CLI and the renderer.
 * Codes never change meaning once released: the ledger stores them and the UI
 * keys its wording on them.
 */

export const failureCodes = [
  'FILE_UNREADABLE',
  'EMPTY_FILE',
  'NOT_A_ZIP',
  'ZIP_CORRUPT',
  'ZIP_ENCRYPTED',
  'ZIP_UNSAFE_ENTRY',
  'NO_SAVE_XML',
  'MULTIPLE_SAVE_XML',
  'TOO_LARGE',
  'ZIP_BOMB',
  'XML_MALFORMED',
  'XML_FORBIDDEN_DTD',
  'NOT_OLD_WORLD_SAVE',
  'MISSING_FIELD',
  'WORKER_CRASHED',
  'PARSE_TIMEOUT',
  'DB_WRITE_FAILED',
  'INTERNAL',
  'DB_FULL',
  'DB_BUSY',
  'INVALID_VALUE',
] as const;
export type FailureCode = (typeof failureCodes)[number];

export const skipCodes = ['ALREADY_IMPORTED', 'DUPLICATE_TURN', 'UNCHANGED', 'OTHER_SHARD'] as const;
export type SkipCode = (typeof skipCodes)[number];

/** What a player should do about a failure, keyed by code. */
export const failureAdvice: Record<FailureCode, string> = {
  FILE_UNREADABLE: 'Check that the file still exists and that Scribe may read it, then retry.',
  EMPTY_FILE: 'The file is empty; it was probably cut off while copying. Copy it again from the game folder.',
  NOT_A_ZIP: 'This is not an Old World save archive. Pick the .zip files from the game’s Saves folder.',
  ZIP_CORRUPT: 'The archive is damaged or incomplete. Copy it again from the game folder and retry.',
  ZIP_ENCRYPTED: 'The archive is password-protected. Re-zip the save without a password.',
  ZIP_UNSAFE_ENTRY: 'The archive contains unsafe file paths and was refused. Use the original save.',
  NO_SAVE_XML: 'The archive holds no save. Pick the original .zip written by the game.',
  MULTIPLE_SAVE_XML: 'The archive holds several saves. Put each save in its own archive.',
  TOO_LARGE: 'The save is larger than the size limit. Raise the limit in the settings if it is genuine.',
  ZIP_BOMB: 'The archive expands far beyond any real save and was refused for safety.',
  XML_MALFORMED: 'The save’s contents are damaged. Copy it again from the game folder.',
  XML_FORBIDDEN_DTD: 'The save contains a document type declaration, which real saves never have; it was refused for safety.',
  NOT_OLD_WORLD_SAVE: 'This archive does not hold an Old World save.',
  MISSING_FIELD: 'The save lacks information Scribe needs; it may come from an unsupported game version.',
  WORKER_CRASHED: 'Reading this save crashed its worker. Retry; if it fails again, report the file.',
  PARSE_TIMEOUT: 'Reading this save took too long and was stopped. Retry; if it fails again, report the file.',
  DB_WRITE_FAILED: 'The save could not be written to the database; nothing of it was kept. Check free disk space and retry.',
  INTERNAL: 'Something unexpected went wrong. Retry; if it fails again, report the file.',
  DB_FULL: 'Free some space on the disk that holds your library, then resume the import: the files not yet imported are still queued.',
  DB_BUSY:
    'Close the other program using the library (another Scribe, or a database tool with an open transaction), then resume the import: the files not yet imported are still queued.',
  INVALID_VALUE:
    'The save holds a value no game writes, so it was refused rather than stored wrongly. Use the original save from the game folder.',
};

export const skipReasons: Record<SkipCode, string> = {
  ALREADY_IMPORTED: 'Already imported: the same file is in the library.',
  DUPLICATE_TURN: 'This turn of this game is already in the library.',
  UNCHANGED: 'Already imported and unchanged since.',
  OTHER_SHARD: 'Left to another shard: this import takes only its share of the files.',
};

/** A failure as it travels between processes and to the renderer. */
export interface FailureInfo {
  code: FailureCode;
  /** One sentence a player understands. */
  message: string;
  /** Extra facts: line/column for XML errors, the field path for MISSING_FIELD. */
  detail?: { line?: number; column?: number; field?: string };
}

/**
 * Why a library database was refused as a whole, before anything was written
 * to it (the file is left exactly as it was), or why an import could not
 * start on it. Not per-file codes: no ledger row ever holds one.
 */
export const libraryProblemCodes = ['NOT_A_DATABASE', 'LIBRARY_DAMAGED', 'NOT_A_LIBRARY', 'LIBRARY_TOO_NEW', 'LIBRARY_IN_USE'] as const;
export type LibraryProblemCode = (typeof libraryProblemCodes)[number];

export const libraryProblemAdvice: Record<LibraryProblemCode, string> = {
  NOT_A_DATABASE: 'Choose a Scribe library file (.sqlite, or .duckdb for DuckDB), or a new file name to start a new library.',
  LIBRARY_DAMAGED: 'Restore the library from a backup, or choose a new file name to start a new library and import your saves again.',
  NOT_A_LIBRARY: 'This database belongs to another program and was left as it is. Choose a new file name to start a new library.',
  LIBRARY_TOO_NEW: 'Update Scribe to open this library, or choose another file.',
  LIBRARY_IN_USE: 'Wait for the other Scribe to finish (or close it), then try again.',
};
