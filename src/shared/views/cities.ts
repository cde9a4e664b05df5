/** The game page's Cities tab: every city of the save with who holds it and what it made. */
import type { StudyPlayer } from './study-player.js';

/** A change of the owner of the city's tile, from the tile's owner history. */
export interface CityOwnerChange {
  turn: number;
  /** -1 never appears: null is "nobody" (anarchy, a tribe, razed). */
  from: number | null;
  to: number | null;
}

/** One production count of a city (`city_values`): units trained and projects completed. */
export interface CityProduction {
  kind: 'unit_production' | 'project_count';
  /** Unit or project type; '' for an older save's single unit total. */
  key: string;
  value: number;
}

export interface CityRow {
  id: number;
  /** `CITYNAME_*` or the text a player typed. */
  name: string | null;
  tileId: number;
  playerId: number | null;
  family: string | null;
  foundedTurn: number | null;
  capital: boolean;
  citizens: number | null;
  governor: { id: number; firstName: string | null; cognomen: string | null } | null;
  /** The culture level the owner's team sees (`TeamCulture`), or the highest any team sees when unowned. */
  culture: string | null;
  religions: string[];
  production: CityProduction[];
  /** Owner changes of the city's tile after its first owner, in turn order. */
  ownerChanges: CityOwnerChange[];
}

export interface GameCities {
  saveId: number;
  turn: number;
  players: StudyPlayer[];
  cities: CityRow[];
}
