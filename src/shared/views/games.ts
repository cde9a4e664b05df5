/**
 * The game-centric library: one row per game (GameId), read from the side
 * of the save's owner. Request schema and answer, shared by the engine and
 * the renderer.
 */
import * as v from 'valibot';
import { count } from './request-parts.js';

export const gameListQuerySchema = v.strictObject({
  offset: v.optional(count('games to skip')),
  limit: v.optional(count('games per page')),
  text: v.optional(v.string()),
});
export type GameListQuery = v.InferOutput<typeof gameListQuerySchema>;

export interface GameRow {
  gameId: string;
  gameName: string | null;
  /** The game's newest save (highest turn): a click opens the game there. */
  latestSaveId: number;
  saves: number;
  firstTurn: number;
  lastTurn: number;
}

export interface GamePage {
  total: number;
  items: GameRow[];
}
