/** The read model of the game page's map tab. */
import type { GameMap } from '../../../shared/views/map.js';
import type { ReadContext } from './context.js';
import { saveExists } from './game.js';

export async function gameMap(ctx: ReadContext, request: { saveId: number }): Promise<GameMap | null> {
  if (!(await saveExists(ctx, request.saveId))) return null;
  return { saveId: request.saveId };
}
