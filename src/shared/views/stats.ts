/** Library-wide statistics: games played and won, by nation, difficulty and map, records. */
export interface LibraryStats {
  games: number;
}
