/** The read model of the game page's laws tab. */
import type { GameLaws } from '../../../shared/views/laws.js';
import type { ReadContext } from './context.js';
import { saveExists } from './game.js';

export async function gameLaws(ctx: ReadContext, request: { saveId: number }): Promise<GameLaws | null> {
  if (!(await saveExists(ctx, request.saveId))) return null;
  return { saveId: request.saveId };
}
