/** The save's players as the Cities, Laws and Map tabs need them. */
import type { StudyPlayer } from '../../../shared/views/study-player.js';
import { bool, num, numOrNull, str } from '../values.js';
import type { ReadContext } from './context.js';

export async function studyPlayers({ db }: ReadContext, saveId: number): Promise<StudyPlayer[]> {
  const rows = await db.all('SELECT id, name, nation, team, is_human FROM players_v WHERE save_id = ? ORDER BY id', [saveId]);
  return rows.map((r) => ({ id: num(r.id), name: str(r.name), nation: str(r.nation), team: numOrNull(r.team), isHuman: bool(r.is_human) }));
}

/** The save's turn and map width, or null when the save is gone. */
export async function saveFacts({ db }: ReadContext, saveId: number): Promise<{ turn: number; mapWidth: number } | null> {
  const [row] = await db.all('SELECT turn, map_width FROM saves WHERE id = ?', [saveId]);
  return row ? { turn: num(row.turn), mapWidth: num(row.map_width) } : null;
}
