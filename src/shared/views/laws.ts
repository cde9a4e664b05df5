/** The game page's Laws, techs and ambitions tab: each player side by side. */
import type { StudyPlayer } from './study-player.js';

export interface PlayerLaw {
  lawClass: string;
  law: string;
  /** The last turn the event log says this law was adopted, when it still says. */
  adoptedTurn: number | null;
}

export interface PlayerTech {
  tech: string;
  /** The earliest turn the event log records its discovery, when it still does. */
  discoveredTurn: number | null;
}

export interface PlayerGoal {
  type: string;
  startedTurn: number | null;
  finishedTurn: number | null;
  failed: boolean;
}

export interface PlayerStudy extends StudyPlayer {
  laws: PlayerLaw[];
  /** Techs with a `TechCount`: discovered. */
  techs: PlayerTech[];
  researching: string | null;
  goals: PlayerGoal[];
}

export interface GameLaws {
  saveId: number;
  turn: number;
  players: PlayerStudy[];
}
