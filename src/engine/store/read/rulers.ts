/** The read models of the game page's Rulers and characters tab, and of one character's page. */
import type { GameCharacter, GameRulers } from '../../../shared/views/rulers.js';
import type { ReadContext } from './context.js';
import { saveExists } from './game.js';

export async function gameRulers(ctx: ReadContext, request: { saveId: number }): Promise<GameRulers | null> {
  if (!(await saveExists(ctx, request.saveId))) return null;
  return { saveId: request.saveId };
}

export async function gameCharacter(ctx: ReadContext, request: { saveId: number; characterId: number }): Promise<GameCharacter | null> {
  const [row] = await ctx.db.all('SELECT id FROM characters WHERE save_id = ? AND id = ?', [request.saveId, request.characterId]);
  if (!row) return null;
  return { saveId: request.saveId, characterId: request.characterId };
}
