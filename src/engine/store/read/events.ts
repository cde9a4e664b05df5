/** The read model of the game page's events tab. */
import type { GameEvents } from '../../../shared/views/events.js';
import type { ReadContext } from './context.js';
import { saveExists } from './game.js';

export async function gameEvents(ctx: ReadContext, request: { saveId: number }): Promise<GameEvents | null> {
  if (!(await saveExists(ctx, request.saveId))) return null;
  return { saveId: request.saveId };
}
