/**
 * What `scribe show <id> --json` prints: one object whose keys other tools
 * read, so they stay stable whatever the app's own `SaveDetail` becomes.
 * The issue that asked for the command fixes the required ones: `gameId`,
 * `gameName`, `turn`, `gameOver`, `winner`, `players` (`id`, `name`,
 * `nation`, `dynasty`, `isHuman`) and `counts` with `players`,
 * `characters`, `cities`, `tiles`, `units`, `logEntries`, `memoryEntries`,
 * `tileOwnerHistory`, `characterTraits`, `historyPoints`. Everything else
 * here is extra and may grow, never shrink.
 */
import { winnerText } from '../shared/format.js';
import type { SaveDetail } from '../shared/library.js';

export interface ShowJsonPlayer {
  id: number;
  name: string | null;
  nation: string | null;
  dynasty: string | null;
  isHuman: boolean;
  team: number | null;
}

export interface ShowJson {
  saveId: number;
  gameId: string;
  gameName: string | null;
  turn: number;
  gameOver: boolean;
  /** The winner in words ("Team 0", "Player 2 (Persia)"), or null. */
  winner: string | null;
  saveDate: string | null;
  version: string | null;
  mapSize: string | null;
  mapWidth: number;
  difficulty: string | null;
  sourcePath: string;
  importedAt: string;
  sha256: string;
  players: ShowJsonPlayer[];
  /** Rows stored for this save: the required keys, then every other table by its camelCase name. */
  counts: Record<string, number>;
}

/** Required count keys and the table each one counts. */
const requiredCounts = {
  players: 'players',
  characters: 'characters',
  cities: 'cities',
  tiles: 'tiles',
  units: 'units',
  logEntries: 'event_log',
  memoryEntries: 'memories',
  tileOwnerHistory: 'tile_owner_history',
  characterTraits: 'character_traits',
  historyPoints: 'history_points',
} as const;

const camelCase = (table: string): string => table.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function showJson(detail: SaveDetail): ShowJson {
  const s = detail.save;
  const counts: Record<string, number> = {};
  for (const [key, table] of Object.entries(requiredCounts)) counts[key] = detail.counts[table] ?? 0;
  const counted = new Set<string>(Object.values(requiredCounts));
  for (const [table, n] of Object.entries(detail.counts)) if (!counted.has(table)) counts[camelCase(table)] = n;
  return {
    saveId: s.saveId,
    gameId: s.gameId,
    gameName: s.gameName,
    turn: s.turn,
    gameOver: s.gameOver,
    winner: winnerText(s.winner, s.players),
    saveDate: s.saveDate,
    version: s.version,
    mapSize: s.mapSize,
    mapWidth: detail.mapWidth,
    difficulty: detail.difficulty,
    sourcePath: s.sourcePath,
    importedAt: s.importedAt,
    sha256: detail.sha256,
    players: detail.players.map((p) => ({
      id: p.playerId,
      name: p.name,
      nation: p.nation,
      dynasty: p.dynasty,
      isHuman: p.isHuman,
      team: p.team,
    })),
    counts,
  };
}
