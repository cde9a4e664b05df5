/** A player as the Cities, Laws and Map tabs name and colour them. */
export interface StudyPlayer {
  id: number;
  name: string | null;
  nation: string | null;
  team: number | null;
  isHuman: boolean;
}
