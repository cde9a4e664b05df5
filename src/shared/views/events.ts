/** The game page's Events tab: the event log and memories of the save. */
export interface GameEvents {
  saveId: number;
}
