/** The game a save belongs to, and its saves in turn order: the turn selector of every tab. */
import type { GameTurns } from '../../../shared/views/game.js';
import { num, str } from '../values.js';
import type { ReadContext } from './context.js';

export async function gameTurns({ db }: ReadContext, request: { saveId: number }): Promise<GameTurns | null> {
  const [save] = await db.all('SELECT game_id, game_name FROM saves WHERE id = ?', [request.saveId]);
  if (!save) return null;
  const saves = await db.all('SELECT id, turn, save_date FROM saves WHERE game_id = ? ORDER BY turn, id', [String(save.game_id)]);
  return {
    gameId: String(save.game_id),
    gameName: str(save.game_name),
    saveId: request.saveId,
    saves: saves.map((s) => ({ saveId: num(s.id), turn: num(s.turn), saveDate: str(s.save_date) })),
  };
}

/** Whether the save exists: a view of a deleted save answers null. */
export async function saveExists({ db }: ReadContext, saveId: number): Promise<boolean> {
  return (await db.all('SELECT 1 AS x FROM saves WHERE id = ?', [saveId])).length > 0;
}
