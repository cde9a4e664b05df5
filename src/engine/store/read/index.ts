/**
 * The study views' read models, one per request of `StudyRequests`, each
 * in its own file: plain data, no display text (names are made where they
 * are shown, by shared/names.ts). The service serves them as they are.
 */
import type { RequestOf, ResponseOf } from '../../../shared/contract.js';
import type { StudyRequestName } from '../../../shared/views/index.js';
import { gameCharts } from './charts.js';
import { gameCities } from './cities.js';
import type { ReadContext } from './context.js';
import { gameEvents } from './events.js';
import { gameTurns } from './game.js';
import { listGames } from './games.js';
import { gameLaws } from './laws.js';
import { gameMap } from './map.js';
import { gameOverview } from './overview.js';
import { gameCharacter, gameRulers } from './rulers.js';
import { libraryStats } from './stats.js';

export type { ReadContext } from './context.js';

export const readModels: {
  [K in StudyRequestName]: (ctx: ReadContext, request: RequestOf<K>) => Promise<ResponseOf<K>>;
} = {
  listGames,
  libraryStats,
  gameTurns,
  gameOverview,
  gameCharts,
  gameEvents,
  gameRulers,
  gameCharacter,
  gameCities,
  gameLaws,
  gameMap,
};
