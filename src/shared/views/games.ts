/**
 * The game-centric library: one row per game (GameId), read from the side
 * of the save's owner as of the game's latest save. Request schema and
 * answer, shared by the engine and the renderer.
 */
import * as v from 'valibot';
import type { ResultFacts, ResultKind } from '../result.js';
import { count } from './request-parts.js';

/** `lastPlayed` orders by the latest save's day (its own date, else its file time). */
export const gameSortKeys = ['lastPlayed', 'name', 'turns', 'saves'] as const;
export type GameSortKey = (typeof gameSortKeys)[number];

/** The results a game can be filtered by: `gameResult`'s kinds. */
export const gameResultKinds = ['victory', 'defeat', 'inProgress', 'over'] as const satisfies readonly ResultKind[];

const day = (what: string) => v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, `must be ${what} as YYYY-MM-DD`));

export const gameListQuerySchema = v.strictObject({
  offset: v.optional(count('games to skip')),
  limit: v.optional(count('games per page')),
  sort: v.optional(v.picklist(gameSortKeys)),
  order: v.optional(v.picklist(['asc', 'desc'])),
  /** Matched against game names, player names, and nations by their names and adjectives ("Rome", "Roman"). */
  text: v.optional(v.string()),
  /** The owner's nation key (`NATION_ROME`). */
  nation: v.optional(v.string()),
  result: v.optional(v.picklist(gameResultKinds)),
  /** Map class key (`MAPCLASS_CoastalRainBasin`). */
  map: v.optional(v.string()),
  difficulty: v.optional(v.string()),
  /** Last played on or after this day. */
  from: v.optional(day('the first day')),
  /** Last played on or before this day. */
  to: v.optional(day('the last day')),
});
export type GameListQuery = v.InferOutput<typeof gameListQuerySchema>;

/** One save of a game, as its expanded row lists it. */
export interface GameSaveRow {
  saveId: number;
  turn: number;
  saveDate: string | null;
  /** ISO 8601. */
  importedAt: string;
  isSample: boolean;
}

export interface GameOwner {
  playerId: number;
  name: string | null;
  nation: string | null;
}

export interface GameRow {
  gameId: string;
  gameName: string | null;
  /** The game's newest save (highest turn): a click opens the game there. */
  latestSaveId: number;
  saves: number;
  firstTurn: number;
  lastTurn: number;
  /** The latest save's own date text. */
  lastPlayed: string | null;
  /** The latest save's day, YYYY-MM-DD (what the date filter compares). */
  lastPlayedDay: string | null;
  mapClass: string | null;
  mapSize: string | null;
  difficulty: string | null;
  /** Whose game it is: the latest save's owner (`ownerPlayer`); null when the save does not say. */
  owner: GameOwner | null;
  /** `gameResult(facts).kind`, as the library filters by it. */
  result: ResultKind;
  /** The latest save's facts, for `gameResult` to word. */
  facts: ResultFacts;
  /** Every save of the game is one of Scribe's samples. */
  isSample: boolean;
  /** The game's saves, in turn order. */
  saveList: GameSaveRow[];
}

/** What the filters can offer: the values the library's games have. */
export interface GameChoices {
  nations: string[];
  maps: string[];
  difficulties: string[];
}

export interface GamePage {
  total: number;
  items: GameRow[];
  choices: GameChoices;
}
