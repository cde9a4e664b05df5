/**
 * The game page's Map tab: the save's tiles on the hex grid, and territory
 * over the turns. Columnar, because a huge save has 23,000 tiles: one
 * dictionary of the keys the tiles use and, per fact, one array indexed by
 * tile id holding an index into `keys` (-1 = none). JSON of 23,000 objects
 * with repeated key strings would be ten times the size and slower to parse.
 */
import type { StudyPlayer } from './study-player.js';

export interface MapCity {
  id: number;
  tileId: number;
  /** `CITYNAME_*` or the text a player typed. */
  name: string | null;
  playerId: number | null;
  capital: boolean;
  /** Hidden on the map before this turn. */
  foundedTurn: number | null;
}

/**
 * Every `OwnerHistory` entry of the save, sorted by tile then turn, as three
 * parallel arrays: entry i says tile `tiles[i]` passed to `owners[i]`
 * (-1 = nobody) on turn `turns[i]`.
 */
export interface OwnerHistoryColumns {
  tiles: number[];
  turns: number[];
  owners: number[];
}

export interface GameMap {
  saveId: number;
  /** The save's turn: the slider's end. */
  turn: number;
  /** Tiles per row (`MapWidth`); tile id = y * width + x. */
  width: number;
  /** Rows: the highest tile id's row + 1. */
  height: number;
  players: StudyPlayer[];
  /** The dictionary the tile columns index into: `TERRAIN_*`, `HEIGHT_*`, `RESOURCE_*`, ... */
  keys: string[];
  /** Per tile id, an index into `keys`, -1 = none (also for ids the save has no tile for). */
  terrain: number[];
  /** `HEIGHT_*`: flat, hill, mountain, coast, ocean. */
  elevation: number[];
  vegetation: number[];
  resource: number[];
  improvement: number[];
  /** Per tile id, the owner at the save's turn, -1 = nobody. */
  owner: number[];
  cities: MapCity[];
  history: OwnerHistoryColumns;
}
