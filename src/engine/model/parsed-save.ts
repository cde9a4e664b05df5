/**
 * One Old World save, read and mapped. Every list is row-shaped (flat records
 * keyed by the owning entity's in-game ID) because that is what the store
 * writes and what crosses the process boundary cheaply; nested object graphs
 * would cost a copy on both sides.
 *
 * Conventions: `null` means the save did not say (or said -1 / "None");
 * numbers are the save's own integers (yields stay fixed-point x10);
 * enum-like strings are kept verbatim (`NATION_PERSIA`).
 */

export interface ParsedSave {
  meta: SaveMeta;
  players: PlayerRow[];
  /** Keyed numeric maps of a player: stockpiles, tech progress, units produced... */
  playerValues: PlayerValueRow[];
  playerLaws: { playerId: number; lawClass: string; law: string }[];
  /** `Leaders` in order; the last one rules. */
  playerLeaders: { playerId: number; ordinal: number; characterId: number }[];
  playerCouncil: { playerId: number; position: string; characterId: number }[];
  /** Families of a player with `FamilyHeadID` / `FamilySeatCityID`. */
  playerFamilies: { playerId: number; family: string; headCharacterId: number | null; seatCityId: number | null }[];
  playerGoals: PlayerGoalRow[];
  /** Sparse turn-keyed histories, exactly the points the save wrote (no fill). */
  history: HistoryPointRow[];
  logEntries: LogEntryRow[];
  memories: MemoryRow[];
  characters: CharacterRow[];
  characterTraits: { characterId: number; trait: string; turn: number | null }[];
  characterRatings: { characterId: number; rating: string; value: number }[];
  characterRelationships: { characterId: number; type: string; otherId: number | null; turn: number | null }[];
  characterSpouses: { characterId: number; spouseId: number }[];
  cities: CityRow[];
  cityReligions: { cityId: number; religion: string }[];
  /** `TeamCulture`: key is a team. */
  cityCulture: { cityId: number; team: number; level: string }[];
  cityValues: CityValueRow[];
  tiles: TileRow[];
  tileOwnerHistory: { tileId: number; turn: number; playerId: number | null }[];
  units: UnitRow[];
  unitPromotions: { unitId: number; promotion: string }[];
  families: FamilyRow[];
  religions: ReligionRow[];
  tribes: TribeRow[];
  diplomacy: DiplomacyRow[];
}

/** Anything rows can be appended to: an array, or the encoder's table (see codec/encoded-save.ts). */
export interface RowSink<R> {
  push(row: R): unknown;
}

/**
 * Where the mappers put a save's rows: a `ParsedSave`'s own arrays (the
 * reader's API), or an encoder that writes each row straight into the cells
 * the worker sends (the import pipeline). `players` and `playerFamilies` are
 * arrays in both: the mappers complete them after the fact.
 */
export type SaveSink = {
  readonly [L in Exclude<keyof ParsedSave, 'meta' | 'players' | 'playerFamilies'>]: RowSink<ParsedSave[L][number]>;
} & Pick<ParsedSave, 'players' | 'playerFamilies'>;

export interface SaveMeta {
  gameId: string;
  gameName: string | null;
  /** `Game/Turn`. */
  turn: number;
  saveDate: string | null;
  /** "1.0.79513" without the "Version: " prefix and without mods. */
  version: string | null;
  mods: string[];
  /** Enabled DLC from `GameContent`, e.g. DLC_BEHIND_THE_THRONE. */
  dlc: string[];
  mapWidth: number;
  mapClass: string | null;
  mapSize: string | null;
  mapAspectRatio: string | null;
  gameMode: string | null;
  turnStyle: string | null;
  /** Difficulty of the first human player (from `Difficulty`), if any. */
  difficulty: string | null;
  /** Every other root attribute and single-valued config entry, verbatim. */
  settings: Record<string, string>;
  victoryEnabled: string[];
  gameOver: boolean;
  winner: Winner | null;
  /** `<?ActivePlayer N?>`; null for older saves. */
  activePlayer: number | null;
  /** Uncompressed XML size in bytes. */
  xmlBytes: number;
}

export interface Winner {
  /** Winning team, when the save names one. */
  team: number | null;
  /** Winning player, from the oldest `<Victory winner=...>` form. */
  playerId: number | null;
  victory: string | null;
}

export interface PlayerRow {
  id: number;
  name: string | null;
  onlineId: string | null;
  nation: string | null;
  dynasty: string | null;
  team: number | null;
  /** OnlineID non-empty, or AIControlledToTurn = 0. */
  isHuman: boolean;
  aiControlledToTurn: number | null;
  language: string | null;
  legitimacy: number | null;
  timeStockpile: number | null;
  techResearching: string | null;
  stateReligion: string | null;
  founderCharacterId: number | null;
  chosenHeirId: number | null;
  originalCapitalCityId: number | null;
  /** The last of `Leaders`. */
  rulerCharacterId: number | null;
}

export const playerValueKinds = [
  'yield_stockpile',
  'tech_progress',
  'tech_count',
  'units_produced',
  'projects_produced',
  'law_class_change_count',
  'resource_revealed',
] as const;
export type PlayerValueKind = (typeof playerValueKinds)[number];
export interface PlayerValueRow {
  playerId: number;
  kind: PlayerValueKind;
  key: string;
  value: number;
}

export interface PlayerGoalRow {
  playerId: number;
  ordinal: number;
  type: string;
  startedTurn: number | null;
  finishedTurn: number | null;
  failed: boolean;
}

export const historySeries = [
  'points',
  'military_power',
  'legitimacy',
  'yield_rate',
  'yield_total',
  'family_opinion',
  'religion_opinion',
] as const;
export type HistorySeries = (typeof historySeries)[number];
export interface HistoryPointRow {
  playerId: number;
  series: HistorySeries;
  /** YIELD_*, FAMILY_*, RELIGION_*; '' for the single-valued series. */
  key: string;
  turn: number;
  value: number;
}

export interface LogEntryRow {
  playerId: number;
  ordinal: number;
  type: string;
  text: string;
  data1: string | null;
  data2: string | null;
  data3: string | null;
  turn: number | null;
  teamTurn: number | null;
}

export const memorySubjectKinds = ['player', 'family', 'religion', 'tribe', 'character', 'city'] as const;
export type MemorySubjectKind = (typeof memorySubjectKinds)[number];
export interface MemoryRow {
  playerId: number;
  ordinal: number;
  type: string;
  turn: number | null;
  subjectKind: MemorySubjectKind | null;
  /** The subject as the save wrote it (name or number, as a string). */
  subject: string | null;
}

export interface CharacterRow {
  id: number;
  playerId: number | null;
  firstName: string | null;
  gender: string | null;
  birthTurn: number | null;
  deathTurn: number | null;
  deathReason: string | null;
  nameType: string | null;
  cognomen: string | null;
  level: number | null;
  xp: number | null;
  family: string | null;
  tribe: string | null;
  religion: string | null;
  nation: string | null;
  fatherId: number | null;
  motherId: number | null;
  birthCityId: number | null;
  infertile: boolean;
}

export interface CityRow {
  id: number;
  tileId: number;
  playerId: number | null;
  family: string | null;
  foundedTurn: number | null;
  name: string | null;
  governorId: number | null;
  citizens: number | null;
  growthCount: number | null;
  capital: boolean;
  firstPlayerId: number | null;
  lastPlayerId: number | null;
  hurryCivicsCount: number | null;
  hurryMoneyCount: number | null;
  hurryTrainingCount: number | null;
  hurryPopulationCount: number | null;
  specialistProducedCount: number | null;
}

export const cityValueKinds = ['yield_progress', 'project_count', 'unit_production', 'happiness_level'] as const;
export type CityValueKind = (typeof cityValueKinds)[number];
export interface CityValueRow {
  cityId: number;
  kind: CityValueKind;
  /** Yield, project or unit type; the team (as a string) for happiness; '' for the older single total. */
  key: string;
  value: number;
}

export interface TileRow {
  id: number;
  x: number;
  y: number;
  terrain: string | null;
  height: string | null;
  vegetation: string | null;
  resource: string | null;
  improvement: string | null;
  improvementPillaged: boolean;
  specialist: string | null;
  road: boolean;
  riverW: boolean;
  riverSW: boolean;
  riverSE: boolean;
  /** City ID owning the tile (`CityTerritory`). */
  cityId: number | null;
  tribeSite: string | null;
  religion: string | null;
  /** Value of `OwnerHistory` at its highest turn. */
  ownerPlayerId: number | null;
}

export interface UnitRow {
  id: number;
  tileId: number;
  type: string;
  playerId: number | null;
  tribe: string | null;
  xp: number | null;
  level: number | null;
  createTurn: number | null;
  facing: string | null;
  originalPlayerId: number | null;
  gender: string | null;
  /** From `PlayerFamily`. */
  family: string | null;
}

export interface FamilyRow {
  family: string;
  playerId: number | null;
  familyClass: string | null;
  seatCityId: number | null;
  headCharacterId: number | null;
}

export interface ReligionRow {
  religion: string;
  founderPlayerId: number | null;
  headCharacterId: number | null;
  holyCityId: number | null;
  foundedTurn: number | null;
}

export interface TribeRow {
  tribe: string;
  leaderCharacterId: number | null;
  alliedPlayerId: number | null;
}

export interface DiplomacyRow {
  /** 'team': between two teams; 'tribe': between a tribe and a team. */
  kind: 'team' | 'tribe';
  a: string;
  b: string;
  state: string;
}

/** Row counts of every list, for tests, the detail view and the bench. */
export type SaveCounts = { [K in Exclude<keyof ParsedSave, 'meta'>]: number };

export function countRows(save: ParsedSave): SaveCounts {
  const counts = {} as SaveCounts;
  for (const key of Object.keys(save) as (keyof ParsedSave)[]) {
    if (key !== 'meta') counts[key] = save[key].length;
  }
  return counts;
}
