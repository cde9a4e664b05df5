/** How the Cities, Laws and Map tabs name a player: by nation, with the player's name when the save has one. */
import type { StudyPlayer } from '../../../shared/views/study-player';
import { nationName } from '../../../shared/names';

/** "Assyria" or "Assyria (Tiglath)"; "Nobody" for no player. */
export function ownerName(players: readonly StudyPlayer[], playerId: number | null): string {
  if (playerId === null || playerId < 0) return 'Nobody';
  const p = players.find((x) => x.id === playerId);
  if (!p) return `Player ${playerId + 1}`;
  const nation = nationName(p.nation);
  return p.name ? `${nation} (${p.name})` : nation;
}
