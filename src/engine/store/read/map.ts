/**
 * The read model of the game page's map tab, columnar (see shared/views/map.ts):
 * the save's tiles, read as one aggregated text, fill the key dictionary and
 * the per-tile index arrays; the owner history, likewise, its three
 * columns. Both read one save's range of the tables' primary keys,
 * (save_id, id) and (save_id, tile_id, turn).
 */
import type { GameMap } from '../../../shared/views/map.js';
import { bool, num, numOrNull, str } from '../values.js';
import type { ReadContext } from './context.js';
import { saveFacts, studyPlayers } from './study-players.js';

/** Interns keys: each distinct key once in `keys`, a tile holds its index. */
class KeyDictionary {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  of(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
    }
    return i;
  }
}

export async function gameMap(ctx: ReadContext, request: { saveId: number }): Promise<GameMap | null> {
  const { db } = ctx;
  const { saveId } = request;
  const facts = await saveFacts(ctx, saveId);
  if (!facts) return null;
  const players = await studyPlayers(ctx, saveId);
  // One text of all tiles rather than a row per tile: DuckDB's driver spends most of a huge map's
  // time making 23,000 row objects. Each tile is "id,terrain,height,vegetation,resource,improvement,owner"
  // (game keys hold no comma or semicolon), in any order: the id places it.
  const [t] = await db.all(
    `SELECT string_agg(
       CAST(id AS TEXT) || ',' || coalesce(terrain, '') || ',' || coalesce(height, '') || ',' || coalesce(vegetation, '') || ',' ||
       coalesce(resource, '') || ',' || coalesce(improvement, '') || ',' || CAST(coalesce(owner_player_id, -1) AS TEXT), ';') AS tiles
     FROM tiles_v WHERE save_id = ?`,
    [saveId],
  );
  const tiles = t?.tiles
    ? String(t.tiles)
        .split(';')
        .map((line) => line.split(','))
    : [];
  let lastId = -1;
  for (const f of tiles) lastId = Math.max(lastId, Number(f[0]));
  const width = Math.max(1, facts.mapWidth);
  const height = Math.ceil((lastId + 1) / width);
  const dict = new KeyDictionary();
  const column = () => new Array<number>(height * width).fill(-1);
  const terrain = column();
  const elevation = column();
  const vegetation = column();
  const resource = column();
  const improvement = column();
  const owner = column();
  const key = (s: string | undefined) => (s ? dict.of(s) : -1);
  // Keys are numbered in tile order, not in the order the rows came: the same save gives the same
  // answer whatever order its rows are stored or joined in (DuckDB's joins with the dictionary reorder them).
  const byId: string[][] = [];
  for (const f of tiles) byId[Number(f[0])] = f;
  for (const [id, f] of byId.entries()) {
    if (!f) continue;
    terrain[id] = key(f[1]);
    elevation[id] = key(f[2]);
    vegetation[id] = key(f[3]);
    resource[id] = key(f[4]);
    improvement[id] = key(f[5]);
    owner[id] = Number(f[6]);
  }

  const [h] = await db.all(
    `SELECT count(*) AS n,
       string_agg(CAST(tile_id AS TEXT), ',' ORDER BY tile_id, turn) AS tiles,
       string_agg(CAST(turn AS TEXT), ',' ORDER BY tile_id, turn) AS turns,
       string_agg(CAST(coalesce(player_id, -1) AS TEXT), ',' ORDER BY tile_id, turn) AS owners
     FROM tile_owner_history_v WHERE save_id = ?`,
    [saveId],
  );
  const numbers = (v: unknown): number[] => (num(h!.n) === 0 ? [] : String(v).split(',').map(Number));
  const history = { tiles: numbers(h!.tiles), turns: numbers(h!.turns), owners: numbers(h!.owners) };
  const cities = (
    await db.all('SELECT id, tile_id, name, player_id, capital, founded_turn FROM cities_v WHERE save_id = ? ORDER BY id', [saveId])
  ).map((c) => ({
    id: num(c.id),
    tileId: num(c.tile_id),
    name: str(c.name),
    playerId: numOrNull(c.player_id),
    capital: bool(c.capital),
    foundedTurn: numOrNull(c.founded_turn),
  }));
  return {
    saveId,
    turn: facts.turn,
    width,
    height,
    players,
    keys: dict.keys,
    terrain,
    elevation,
    vegetation,
    resource,
    improvement,
    owner,
    cities,
    history,
  };
}
