/**
 * What the library (the imported saves) looks like to the UI and the CLI:
 * plain serialisable objects, no driver rows. No Node imports: the renderer
 * imports this file.
 */
import type { FailureCode, SkipCode } from './errors.js';

/**
 * `saveDate` orders by the day of the save's own `SaveDate` text, then by the
 * archive's modification time (the moment the game wrote it); when the text
 * is not a date, the modification time's day stands in.
 */
export const saveSortKeys = ['importedAt', 'gameName', 'turn', 'saveDate'] as const;
export type SaveSortKey = (typeof saveSortKeys)[number];

/**
 * A page of the library: `text` is matched (case-insensitively, as a
 * substring) against game name and player names, `nation` is a player's
 * nation (`NATION_PERSIA`), `player` a player's whole name
 * (case-insensitive). The type is the request schema's, so it is checked
 * at run time too.
 */
export type { SaveListQuery, LedgerQuery } from './request-schemas.js';

export interface SavePlayerBrief {
  playerId: number;
  name: string | null;
  nation: string | null;
  /** The player's team, so that a team's victory reads as this player's. */
  team: number | null;
  isHuman: boolean;
}

/** The saves row's winner columns: a winning player, else a winning team, else only the victory of a game that is over. */
export interface SaveWinner {
  team: number | null;
  playerId: number | null;
  victory: string | null;
}

export interface SaveSummary {
  saveId: number;
  gameId: string;
  gameName: string | null;
  turn: number;
  saveDate: string | null;
  version: string | null;
  mapSize: string | null;
  gameOver: boolean;
  /** Who won, when the game has a winner: facts, put in words by `winnerText` (shared/format.ts). */
  winner: SaveWinner | null;
  /** The save's owner (`<?ActivePlayer?>`), whose side the result is told from; null in older saves. */
  activePlayer: number | null;
  players: SavePlayerBrief[];
  sourcePath: string;
  /** ISO 8601. */
  importedAt: string;
}

export interface SavePage {
  total: number;
  items: SaveSummary[];
}

export interface SaveDetailPlayer {
  playerId: number;
  name: string | null;
  nation: string | null;
  dynasty: string | null;
  team: number | null;
  isHuman: boolean;
  rulerName: string | null;
  rulerCognomen: string | null;
  legitimacy: number | null;
  /** Latest value of the points history. */
  points: number | null;
  /** Points over turns, as written (sparse). */
  pointsHistory: { turn: number; value: number }[];
}

export interface SaveDetail {
  save: SaveSummary;
  mapWidth: number;
  mapClass: string | null;
  mapAspectRatio: string | null;
  gameMode: string | null;
  turnStyle: string | null;
  difficulty: string | null;
  mods: string[];
  dlc: string[];
  victoryEnabled: string[];
  /** Every other root attribute and config entry, verbatim. */
  settings: Record<string, string>;
  activePlayer: number | null;
  /** Uncompressed XML size in bytes. */
  xmlBytes: number;
  sha256: string;
  players: SaveDetailPlayer[];
  /** Rows stored per table of this save, keyed by table name. */
  counts: Record<string, number>;
  /** Other saves of the same game, in turn order. */
  sameGame: { saveId: number; turn: number }[];
}

/**
 * A save as the library shows it: the database's facts plus whether it is
 * one of Scribe's sample saves (its file is in the data folder's "Sample
 * saves" folder).
 */
export interface LibrarySave extends SaveSummary {
  isSample: boolean;
}

export interface LibraryPage {
  total: number;
  items: LibrarySave[];
}

export interface LibraryDetail extends Omit<SaveDetail, 'save'> {
  save: LibrarySave;
}

/** The sample saves in the library. */
export interface SampleStatus {
  /** Where the sample files are written. */
  folder: string;
  /** Samples in the library as saves. */
  saves: number;
  /** Sample files the ledger knows (imported, skipped or failed). */
  files: number;
}

export const ledgerStatuses = ['queued', 'importing', 'imported', 'skipped', 'failed'] as const;
export type LedgerStatus = (typeof ledgerStatuses)[number];

export interface LedgerEntry {
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string | null;
  status: LedgerStatus;
  code: FailureCode | SkipCode | null;
  message: string | null;
  saveId: number | null;
  attempts: number;
  /** ISO 8601 timestamps. */
  queuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** Last change of this row. */
  updatedAt: string;
  /** Parse time of the last attempt, when the importer reported it. */
  parseMs: number | null;
  /** Database write time of the last import (its one transaction). */
  writeMs: number | null;
}

export interface LedgerPage {
  total: number;
  items: LedgerEntry[];
}

export interface LibraryTotals {
  saves: number;
  games: number;
  players: number;
  failedFiles: number;
}
