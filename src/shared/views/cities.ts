/** The game page's Cities tab. */
export interface GameCities {
  saveId: number;
}
