/** The saves row: one per save, the parent of every child table's rows. */
import type { SaveMeta } from '../model/parsed-save.js';
import { saveDay } from './save-day.js';
import type { SaveSource } from './store.js';
import type { SqlValue } from './values.js';

/** Column order of the saves row (after id). */
export const saveColumns = [
  'game_id',
  'game_name',
  'turn',
  'save_date',
  'save_day',
  'version',
  'mods',
  'dlc',
  'victory_enabled',
  'map_width',
  'map_class',
  'map_size',
  'map_aspect_ratio',
  'game_mode',
  'turn_style',
  'difficulty',
  'settings',
  'game_over',
  'winner_team',
  'winner_player_id',
  'winner_victory',
  'active_player',
  'xml_bytes',
  'source_path',
  'file_size',
  'file_mtime_ms',
  'sha256',
  'imported_at',
] as const;

export const gameOverColumn = saveColumns.indexOf('game_over');

/**
 * The saves row, in `saveColumns` order. `gameOver` comes back as a boolean
 * for the dialect to bind in its own way. Exhaustive over SaveMeta: a field
 * added there fails the compile here until it is stored.
 */
export function saveRowValues(meta: SaveMeta, source: SaveSource, importedAt: string): { values: SqlValue[]; gameOver: boolean } {
  const {
    gameId,
    gameName,
    turn,
    saveDate,
    version,
    mods,
    dlc,
    mapWidth,
    mapClass,
    mapSize,
    mapAspectRatio,
    gameMode,
    turnStyle,
    difficulty,
    settings,
    victoryEnabled,
    gameOver,
    winner,
    activePlayer,
    xmlBytes,
    ...rest
  } = meta;
  const unstored: Record<string, never> = rest;
  void unstored;
  const values: SqlValue[] = [
    gameId,
    gameName,
    turn,
    saveDate,
    saveDay(saveDate, source.mtimeMs),
    version,
    JSON.stringify(mods),
    JSON.stringify(dlc),
    JSON.stringify(victoryEnabled),
    mapWidth,
    mapClass,
    mapSize,
    mapAspectRatio,
    gameMode,
    turnStyle,
    difficulty,
    JSON.stringify(settings),
    null, // game_over: bound by the dialect
    winner?.team ?? null,
    winner?.playerId ?? null,
    winner?.victory ?? null,
    activePlayer,
    xmlBytes,
    source.path,
    source.size,
    source.mtimeMs,
    source.sha256,
    importedAt,
  ];
  return { values, gameOver };
}
