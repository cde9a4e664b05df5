/**
 * One Old World save, read and mapped. Every list is row-shaped (flat records
 * keyed by the owning entity's in-game ID) because that is what the store
 * writes and what crosses the process boundary cheaply; nested object graphs
 * would cost a copy on both sides.
 *
 * Conventions: `null` means the save did not say (or said -1 / "None");
 * numbers are the save's own integers (yields stay fixed-point x10);
 * enum-like strings are kept verbatim (`NATION_PERSIA`).
 *
 * The lists and their row types come from the entity catalogue
 * (`catalogue.ts`); only the save's own row (`SaveMeta`) is declared here.
 */
import {
  cityValueKinds,
  historySeries,
  memorySubjectKinds,
  playerValueKinds,
  type CompletedLaterList,
  type ListKey,
  type Row,
  type StreamedList,
} from './catalogue.js';

export { cityValueKinds, historySeries, memorySubjectKinds, playerValueKinds };
export type { ListKey, Row };

export type ParsedSave = { meta: SaveMeta } & { [L in ListKey]: Row<L>[] };

/** Anything rows can be appended to: an array, or the encoder's table (see codec/encoded-save.ts). */
export interface RowSink<R> {
  push(row: R): unknown;
}

/**
 * Where the mappers put a save's rows: a `ParsedSave`'s own arrays (the
 * reader's API), or an encoder that writes each row straight into the cells
 * the worker sends (the import pipeline). The lists the mappers complete
 * after the fact (`completedLater` in the catalogue) are arrays in both.
 */
export type SaveSink = { readonly [L in StreamedList]: RowSink<Row<L>> } & { [L in CompletedLaterList]: Row<L>[] };

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

export type PlayerRow = Row<'players'>;
export type PlayerValueKind = (typeof playerValueKinds)[number];
export type PlayerValueRow = Row<'playerValues'>;
export type PlayerGoalRow = Row<'playerGoals'>;
export type HistorySeries = (typeof historySeries)[number];
export type HistoryPointRow = Row<'history'>;
export type LogEntryRow = Row<'logEntries'>;
export type MemorySubjectKind = (typeof memorySubjectKinds)[number];
export type MemoryRow = Row<'memories'>;
export type CharacterRow = Row<'characters'>;
export type CityRow = Row<'cities'>;
export type CityValueKind = (typeof cityValueKinds)[number];
export type CityValueRow = Row<'cityValues'>;
export type TileRow = Row<'tiles'>;
export type UnitRow = Row<'units'>;
export type FamilyRow = Row<'families'>;
export type ReligionRow = Row<'religions'>;
export type TribeRow = Row<'tribes'>;
export type DiplomacyRow = Row<'diplomacy'>;
export type YieldPriceRow = Row<'yieldPrices'>;

/** Row counts of every list, for tests, the detail view and the bench. */
export type SaveCounts = { [K in Exclude<keyof ParsedSave, 'meta'>]: number };

export function countRows(save: ParsedSave): SaveCounts {
  const counts = {} as SaveCounts;
  for (const key of Object.keys(save) as (keyof ParsedSave)[]) {
    if (key !== 'meta') counts[key] = save[key].length;
  }
  return counts;
}
