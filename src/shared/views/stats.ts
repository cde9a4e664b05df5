/** Library-wide statistics: games played and won, by nation, difficulty and map, records. */

/** Games of one group, from their owners' side. */
export interface ResultTally {
  games: number;
  /** Games whose latest save is game over. */
  finished: number;
  wins: number;
}

export interface NationTally extends ResultTally {
  /** The owner's nation; null where the save does not say who the player is. */
  nation: string | null;
}
export interface DifficultyTally extends ResultTally {
  difficulty: string | null;
}
export interface MapTally extends ResultTally {
  mapClass: string | null;
}

/** A game a record belongs to, to link to it. */
export interface RecordGame {
  gameId: string;
  gameName: string | null;
  /** The save the record was read from (the game's latest). */
  saveId: number;
  nation: string | null;
}

export interface LibraryStats extends ResultTally {
  inProgress: number;
  /** Mean last turn of the finished games; null with none finished. */
  averageLength: number | null;
  byNation: NationTally[];
  byDifficulty: DifficultyTally[];
  byMap: MapTally[];
  records: {
    /** The most points the owner's player had at any turn of any game. */
    highestPoints: (RecordGame & { points: number; turn: number }) | null;
    longestGame: (RecordGame & { turns: number }) | null;
    mostSaves: (RecordGame & { saves: number }) | null;
  };
}

/** Wins over finished games, 0 to 1; null before any game is finished. */
export function winRate(t: ResultTally): number | null {
  return t.finished > 0 ? t.wins / t.finished : null;
}
