/**
 * Bounds of the user-set numbers, in one place for the settings file, the
 * settings view and the command line, so each refuses exactly what the
 * others refuse.
 */

/** Parse worker processes: at least one; beyond this many, processes only fight over memory. */
export const workerLimits = { min: 1, max: 64 } as const;

/** Largest unpacked save accepted, MB: the upper bound keeps a typo from disabling the zip-bomb guard. */
export const maxXmlMBLimits = { min: 1, max: 4096 } as const;

export const isWorkerCount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= workerLimits.min && n <= workerLimits.max;

export const isMaxXmlMB = (n: unknown): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= maxXmlMBLimits.min && n <= maxXmlMBLimits.max;
