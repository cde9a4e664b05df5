/** What the map's tooltip says about a tile, in the player's words. */
import type { GameMap } from '../../../../shared/views/map';
import type { StudyPlayer } from '../../../../shared/views/study-player';
import { cityName, heightName, improvementName, resourceName, terrainName, vegetationName } from '../../../../shared/names';
import { ownerName } from '../study-players';

export interface TileFacts {
  title: string;
  lines: string[];
}

export function tileFacts(map: GameMap, owners: ArrayLike<number>, id: number, players: readonly StudyPlayer[]): TileFacts | null {
  if (id < 0 || id >= map.terrain.length || (map.terrain[id] === -1 && map.elevation[id] === -1)) return null;
  const key = (column: number[]) => (column[id]! >= 0 ? map.keys[column[id]!]! : null);
  const city = map.cities.find((c) => c.tileId === id);
  const x = id % map.width;
  const y = Math.floor(id / map.width);
  const ground = [
    terrainName(key(map.terrain)),
    key(map.elevation) ? heightName(key(map.elevation)) : null,
    key(map.vegetation) ? vegetationName(key(map.vegetation)) : null,
  ]
    .filter((w): w is string => w !== null && w !== '—')
    .join(', ');
  const lines = [ground];
  const owner = owners[id]!;
  lines.push(owner >= 0 ? `Held by ${ownerName(players, owner)}` : 'Unowned');
  if (key(map.resource)) lines.push(`Resource: ${resourceName(key(map.resource))}`);
  if (key(map.improvement)) lines.push(`Improvement: ${improvementName(key(map.improvement))}`);
  return { title: city ? `${cityName(city.name)}${city.capital ? ' (capital)' : ''}` : `Tile ${x}, ${y}`, lines };
}
