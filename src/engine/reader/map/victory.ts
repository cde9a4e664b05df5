/**
 * A winner's victory as one key (`VICTORY_CONQUEST`) whatever form the save
 * wrote it in: the current forms name it, older saves wrote the victory
 * type's index instead (`<WinnerVictory>4</WinnerVictory>`). The library's
 * migration 0003 maps stored values the same way; keep the two in step.
 */

/** The game's victory types in their declared order (`victory.xml`): an index counts from the first. */
export const victoryOrder = [
  'VICTORY_POINTS',
  'VICTORY_DOUBLE',
  'VICTORY_AMBITION',
  'VICTORY_TIME',
  'VICTORY_CONQUEST',
  'VICTORY_ALLIANCE',
] as const;

/**
 * `VICTORY_TIME` stays, `4` -> `VICTORY_CONQUEST`; no victory (`-1`,
 * `NONE`, an index past the known types, anything else) is null rather
 * than a value no one can name.
 */
export function victoryKey(raw: string | null): string | null {
  if (raw === null) return null;
  const value = raw.trim();
  if (value.startsWith('VICTORY_') && value.length > 'VICTORY_'.length) return value;
  if (/^\d+$/.test(value)) return victoryOrder[Number(value)] ?? null;
  return null;
}
