/** The read model of the game page's cities tab. */
import type { GameCities } from '../../../shared/views/cities.js';
import type { ReadContext } from './context.js';
import { saveExists } from './game.js';

export async function gameCities(ctx: ReadContext, request: { saveId: number }): Promise<GameCities | null> {
  if (!(await saveExists(ctx, request.saveId))) return null;
  return { saveId: request.saveId };
}
