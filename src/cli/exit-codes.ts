/**
 * How `scribe` ends (README's exit-code line): 0 all good; 1 some files
 * failed; 2 a usage error, an unusable database, or a run the database
 * stopped (disk full, library locked); 3 standard output or error could not
 * be written (a closed pipe, a full device) and the import was cancelled;
 * 128 + the signal's number when SIGINT (130) or SIGTERM (143) cancelled an
 * import, as shells report a command a signal ended.
 */
export const exitCodes = { ok: 0, someFailed: 1, usage: 2, outputBroken: 3, sigint: 130, sigterm: 143 } as const;
