/**
 * The study views' requests: the game-centric library, the library's
 * statistics and each tab of a game page. Each answers from the library
 * alone (engine/store/read), so main and the harness serve them alike.
 * A view whose save is gone answers null.
 */
import type * as v from 'valibot';
import type { RequestSchemas } from '../request-schemas.js';
import type { GameCharts } from './charts.js';
import type { GameCities } from './cities.js';
import type { GameEvents } from './events.js';
import type { GameTurns } from './game.js';
import type { GamePage } from './games.js';
import type { GameLaws } from './laws.js';
import type { GameMap } from './map.js';
import type { GameCharacter, GameRulers } from './rulers.js';
import type { GameOverview } from './overview.js';
import type { LibraryStats } from './stats.js';

type In<K extends keyof RequestSchemas> = v.InferOutput<RequestSchemas[K]>;

export interface StudyRequests {
  /** The library, one row per game. */
  listGames: { request: In<'listGames'>; response: GamePage };
  libraryStats: { request: In<'libraryStats'>; response: LibraryStats };
  /** The save's game and its saves (the turn selector). */
  gameTurns: { request: In<'gameTurns'>; response: GameTurns | null };
  /** The Overview tab: ranking, settings, timeline. */
  gameOverview: { request: In<'gameOverview'>; response: GameOverview | null };
  gameCharts: { request: In<'gameCharts'>; response: GameCharts | null };
  gameEvents: { request: In<'gameEvents'>; response: GameEvents | null };
  gameRulers: { request: In<'gameRulers'>; response: GameRulers | null };
  gameCharacter: { request: In<'gameCharacter'>; response: GameCharacter | null };
  gameCities: { request: In<'gameCities'>; response: GameCities | null };
  gameLaws: { request: In<'gameLaws'>; response: GameLaws | null };
  gameMap: { request: In<'gameMap'>; response: GameMap | null };
}

export type StudyRequestName = keyof StudyRequests;
