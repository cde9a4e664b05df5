/** Words for people from the save's facts; the names module names the keys, one function per key family. */
import type { SavePlayerBrief, SaveWinner } from './library.js';
import { displayName, nationName, victoryKind } from './names.js';

export { displayName };

/**
 * The winner in words: "Player 2 (Persia)", "Team 0", or the victory of a
 * finished game without either ("Points"). The renderer, `scribe list` and
 * `scribe show` all print these words.
 */
export function winnerText(winner: SaveWinner | null, players: readonly Pick<SavePlayerBrief, 'playerId' | 'nation'>[]): string | null {
  if (!winner) return null;
  if (winner.playerId !== null) {
    const p = players.find((x) => x.playerId === winner.playerId);
    return p?.nation ? `Player ${winner.playerId} (${nationName(p.nation)})` : `Player ${winner.playerId}`;
  }
  if (winner.team !== null) return `Team ${winner.team}`;
  return winner.victory ? victoryKind(winner.victory) : null;
}
