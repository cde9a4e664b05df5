import type { SavePlayerBrief, SaveWinner } from './library.js';

/** Words for people from the save's enum-like names: one implementation for the renderer, the CLI and the store. */
const smallWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/**
 * The save's enum-like names in words: `NATION_PERSIA` -> "Persia",
 * `DLC_BEHIND_THE_THRONE` -> "Behind the Throne", `MAPCLASS_CoastalRainBasin`
 * -> "Coastal Rain Basin": CamelCase values split, small words kept lower case.
 */
export function displayName(value: string | null | undefined): string {
  if (!value) return '—';
  const words = value
    .replace(/^[A-Z0-9]+_(?=.)/, '')
    .split('_')
    .flatMap((w) => (/[a-z]/.test(w) && /[A-Z]/.test(w.slice(1)) ? w.split(/(?<=[a-z0-9])(?=[A-Z])/) : [w]))
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  if (words.length === 0) return value;
  return words.map((w, i) => (i > 0 && smallWords.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
}

/**
 * The winner in words: "Player 2 (Persia)", "Team 0", or the victory of a
 * finished game without either ("Points"). The renderer, `scribe list` and
 * `scribe show` all print these words.
 */
export function winnerText(winner: SaveWinner | null, players: readonly Pick<SavePlayerBrief, 'playerId' | 'nation'>[]): string | null {
  if (!winner) return null;
  if (winner.playerId !== null) {
    const p = players.find((x) => x.playerId === winner.playerId);
    return p?.nation ? `Player ${winner.playerId} (${displayName(p.nation)})` : `Player ${winner.playerId}`;
  }
  if (winner.team !== null) return `Team ${winner.team}`;
  return winner.victory ? displayName(winner.victory) : null;
}
