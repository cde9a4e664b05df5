/**
 * What every tab of a game page needs: the game, its saves (the turn
 * selector) and the facts the header tells the result from (shared/result.ts
 * words them from the owner's side).
 */
import type { SaveWinner } from '../library.js';

export interface GameTurn {
  saveId: number;
  turn: number;
  saveDate: string | null;
}

export interface GamePlayerBrief {
  playerId: number;
  name: string | null;
  nation: string | null;
  team: number | null;
  isHuman: boolean;
}

/** Who won, as the saves row stores it (the saves list's own shape). */
export type GameWinner = SaveWinner;

export interface GameTurns {
  gameId: string;
  gameName: string | null;
  /** The save the page was asked for. */
  saveId: number;
  /** That save's turn. */
  turn: number;
  gameOver: boolean;
  winner: GameWinner | null;
  /** `<?ActivePlayer?>`: the save's owner, whose side the page tells; null in older saves. */
  activePlayer: number | null;
  players: GamePlayerBrief[];
  /** Every save of the game, in turn order. */
  saves: GameTurn[];
}
