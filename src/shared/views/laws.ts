/** The game page's Laws, techs and ambitions tab: each player side by side. */
export interface GameLaws {
  saveId: number;
}
