/** The read model of the game page's charts tab. */
import type { GameCharts } from '../../../shared/views/charts.js';
import type { ReadContext } from './context.js';
import { saveExists } from './game.js';

export async function gameCharts(ctx: ReadContext, request: { saveId: number }): Promise<GameCharts | null> {
  if (!(await saveExists(ctx, request.saveId))) return null;
  return { saveId: request.saveId };
}
