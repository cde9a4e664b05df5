/**
 * The game page's Overview tab: the ranking, the settings the game was
 * played with and its timeline in a few lines, as plain facts (keys, turns,
 * ids); the renderer words them with shared/names.ts.
 */
import type { SaveDetailPlayer } from '../library.js';
import type { GameWinner } from './game.js';

/** A player as the saves detail gives one (its latest points, null when the save has none), without the history, and with its cities. */
export interface OverviewPlayer extends Omit<SaveDetailPlayer, 'pointsHistory'> {
  /** Cities the player holds in this save. */
  cities: number;
}

export interface OverviewSettings {
  difficulty: string | null;
  mapClass: string | null;
  mapSize: string | null;
  mapWidth: number;
  gameMode: string | null;
  turnStyle: string | null;
  /** `GAMEOPTION_*` keys switched on. */
  gameOptions: string[];
  victoryEnabled: string[];
  dlc: string[];
  mods: string[];
  version: string | null;
}

/** One line of the timeline: what happened on a turn, to whom. */
export type TimelineEntry =
  | { kind: 'firstCity'; turn: number; playerId: number; city: string | null }
  | { kind: 'cityCount'; turn: number; playerId: number; count: number }
  | { kind: 'succession'; turn: number; playerId: number; rulerName: string | null; rulerCognomen: string | null }
  | { kind: 'religion'; turn: number; playerId: number | null; religion: string }
  | { kind: 'ambition'; turn: number; playerId: number; goal: string }
  | { kind: 'end'; turn: number; gameOver: boolean };

export interface GameOverview {
  saveId: number;
  turn: number;
  gameOver: boolean;
  winner: GameWinner | null;
  /** `<?ActivePlayer?>`, the save's owner: with `players`, the facts shared/result.ts tells the result from. */
  activePlayer: number | null;
  gameName: string | null;
  saveDate: string | null;
  sourcePath: string;
  importedAt: string;
  isSample: boolean;
  /** Highest points first; players without points last, in player order. */
  players: OverviewPlayer[];
  settings: OverviewSettings;
  /** In turn order; told from the owner's side where the save has an owner. */
  timeline: TimelineEntry[];
  /** The owner's team's standing with each other team (`DIPLOMACY_WAR` ...) as the save has it now; empty without an owner. */
  relations: { team: number; state: string }[];
}
