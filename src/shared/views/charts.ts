/** The game page's Charts tab: every stored history series of the save, all players. */
export interface GameCharts {
  saveId: number;
}
