/**
 * The game page's Events tab: the event log and memories of the save. A
 * save can hold 20,000 log lines, so the lists travel as columns (one array
 * per field, entry i at index i of each) with the log's types as a small
 * table; log text stays the game's markup, parsed where it is shown
 * (shared/markup.ts). Names of the characters and cities a line or memory
 * may point at come along, so links resolve without a second request.
 */
/** Whom a memory is about (the store's `memories.subject_kind`). */
export type MemorySubjectKind = 'player' | 'family' | 'religion' | 'tribe' | 'character' | 'city';

export interface EventPlayer {
  id: number;
  name: string | null;
  nation: string | null;
  isHuman: boolean;
}

/** The permanent event log, in the save's order per player. */
export interface EventLogColumns {
  playerId: number[];
  turn: (number | null)[];
  /** Index into `types`. */
  type: number[];
  /** The line as the game writes it, with its markup. */
  text: string[];
  /** What the line is about: a tech, a character's id, a goal... (`None` already null). */
  data1: (string | null)[];
}

export interface MemoryColumns {
  playerId: number[];
  turn: (number | null)[];
  /** `MEMORYPLAYER_DECLARED_WAR`... */
  type: string[];
  subjectKind: (MemorySubjectKind | null)[];
  /** The subject as the save wrote it: a player's or character's id, a family's key... */
  subject: (string | null)[];
}

export interface NamedCharacters {
  id: number[];
  firstName: (string | null)[];
  cognomen: (string | null)[];
}

export interface NamedCities {
  id: number[];
  name: (string | null)[];
}

export interface GameEvents {
  saveId: number;
  /** The save's turn. */
  turn: number;
  players: EventPlayer[];
  logTypes: string[];
  log: EventLogColumns;
  memories: MemoryColumns;
  characters: NamedCharacters;
  cities: NamedCities;
}
