/** The game page's Map tab: the save's tiles on the hex grid, and territory over the turns. */
export interface GameMap {
  saveId: number;
}
