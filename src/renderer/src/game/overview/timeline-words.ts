/** The Overview's timeline entries in words: pure, so the wording is tested without a page. */
import type { OverviewPlayer, TimelineEntry } from '../../../../shared/views/overview';
import { characterName, cityName, goalName, nationName, religionName } from '../../../../shared/names';

/** "Founded Nineveh", "Persia founded Zoroastrianism"; `whose` is set when more than one player's story is told. */
export function timelineText(entry: TimelineEntry, players: readonly OverviewPlayer[], whose: boolean, ending: string): string {
  const nation = (id: number | null) => nationName(players.find((p) => p.playerId === id)?.nation ?? null);
  const by = (id: number, text: string) => (whose ? `${nation(id)}: ${text}` : text);
  switch (entry.kind) {
    case 'firstCity':
      return by(entry.playerId, entry.city ? `Founded ${cityName(entry.city)}, the first city` : 'Founded the first city');
    case 'cityCount':
      return by(entry.playerId, `${entry.count} cities`);
    case 'succession':
      return by(entry.playerId, `${characterName(entry.rulerName, entry.rulerCognomen)} came to the throne`);
    case 'religion':
      return entry.playerId === null
        ? `${religionName(entry.religion)} was founded`
        : `${religionName(entry.religion)} was founded by ${nation(entry.playerId)}`;
    case 'ambition':
      return by(entry.playerId, `Ambition achieved: ${goalName(entry.goal)}`);
    case 'end':
      return entry.gameOver ? `Game over: ${ending}` : `The latest save: ${ending}`;
  }
}
