/** What every tab of a game page needs: the game and its saves, for the turn selector. */
export interface GameTurn {
  saveId: number;
  turn: number;
  saveDate: string | null;
}

export interface GameTurns {
  gameId: string;
  gameName: string | null;
  /** The save the page was asked for. */
  saveId: number;
  /** Every save of the game, in turn order. */
  saves: GameTurn[];
}
