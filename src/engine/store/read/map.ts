/**
 * The read model of the game page's map tab, columnar (see shared/views/map.ts):
 * one pass over the save's tiles in id order builds the key dictionary and
 * the per-tile index arrays, one over the owner history builds its three
 * columns. Both scans run on the tables' primary keys (save_id, id) and
 * (save_id, tile_id, turn), so they come back already in order.
 */
import type { GameMap } from '../../../shared/views/map.js';
import { bool, num, numOrNull, str } from '../values.js';
import type { ReadContext } from './context.js';
import { saveFacts, studyPlayers } from './study-players.js';

/** Interns keys: each distinct key once in `keys`, a tile holds its index. */
class KeyDictionary {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: unknown): number {
    if (value === null || value === undefined) return -1;
    const key = String(value);
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
  const tiles = await db.all(
    'SELECT id, terrain, height, vegetation, resource, improvement, owner_player_id FROM tiles WHERE save_id = ? ORDER BY id',
    [saveId],
  );
  const width = Math.max(1, facts.mapWidth);
  const lastId = tiles.length > 0 ? num(tiles[tiles.length - 1]!.id) : -1;
  const size = lastId + 1;
  const height = Math.ceil(size / width);
  const dict = new KeyDictionary();
  const column = () => new Array<number>(height * width).fill(-1);
  const terrain = column();
  const elevation = column();
  const vegetation = column();
  const resource = column();
  const improvement = column();
  const owner = column();
  for (const t of tiles) {
    const id = num(t.id);
    terrain[id] = dict.of(t.terrain);
    elevation[id] = dict.of(t.height);
    vegetation[id] = dict.of(t.vegetation);
    resource[id] = dict.of(t.resource);
    improvement[id] = dict.of(t.improvement);
    owner[id] = numOrNull(t.owner_player_id) ?? -1;
  }
  const historyRows = await db.all('SELECT tile_id, turn, player_id FROM tile_owner_history WHERE save_id = ? ORDER BY tile_id, turn', [
    saveId,
  ]);
  const history = {
    tiles: new Array<number>(historyRows.length),
    turns: new Array<number>(historyRows.length),
    owners: new Array<number>(historyRows.length),
  };
  historyRows.forEach((h, i) => {
    history.tiles[i] = num(h.tile_id);
    history.turns[i] = num(h.turn);
    history.owners[i] = numOrNull(h.player_id) ?? -1;
  });
  const cities = (
    await db.all('SELECT id, tile_id, name, player_id, capital, founded_turn FROM cities WHERE save_id = ? ORDER BY id', [saveId])
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
