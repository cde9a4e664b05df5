/** The map's colourings and the tooltip's words, on a tiny map of four tiles. */
import { describe, expect, it } from 'vitest';
import {
  DEEP_WATER,
  UNOWNED_LAND,
  WATER,
  colourByOwner,
  colourByTerrain,
  landTileCount,
} from '../../src/renderer/src/game/map/tile-colours.js';
import { tileFacts } from '../../src/renderer/src/game/map/tile-facts.js';
import type { GameMap } from '../../src/shared/views/map.js';

const keys = [
  'TERRAIN_LUSH',
  'HEIGHT_FLAT',
  'TERRAIN_WATER',
  'HEIGHT_OCEAN',
  'HEIGHT_COAST',
  'RESOURCE_IRON',
  'IMPROVEMENT_MINE',
  'HEIGHT_MOUNTAIN',
];
const k = (key: string) => keys.indexOf(key);
const map: GameMap = {
  saveId: 1,
  turn: 10,
  width: 2,
  height: 2,
  players: [
    { id: 0, name: 'Tiglath', nation: 'NATION_ASSYRIA', team: 0, isHuman: true },
    { id: 1, name: null, nation: 'NATION_EGYPT', team: 1, isHuman: false },
  ],
  keys,
  terrain: [k('TERRAIN_LUSH'), k('TERRAIN_LUSH'), k('TERRAIN_WATER'), k('TERRAIN_WATER')],
  elevation: [k('HEIGHT_FLAT'), k('HEIGHT_MOUNTAIN'), k('HEIGHT_OCEAN'), k('HEIGHT_COAST')],
  vegetation: [-1, -1, -1, -1],
  resource: [k('RESOURCE_IRON'), -1, -1, -1],
  improvement: [k('IMPROVEMENT_MINE'), -1, -1, -1],
  owner: [0, -1, -1, -1],
  cities: [{ id: 0, tileId: 0, name: 'CITYNAME_ASSUR', playerId: 0, capital: true, foundedTurn: 1 }],
  history: { tiles: [0], turns: [2], owners: [0] },
};
const colours = new Map([
  [0, '#d4a017'],
  [1, '#e9c46a'],
]);

describe('map colourings', () => {
  it('colours owned tiles by nation, the rest as land, water or ocean', () => {
    const c = colourByOwner(map, [0, -1, -1, 1], colours, (id) => `player ${id}`);
    const colourOf = (id: number) => c.palette[c.fill[id]!];
    expect([0, 1, 2, 3].map(colourOf)).toEqual(['#d4a017', UNOWNED_LAND, DEEP_WATER, '#e9c46a']);
    const used = c.labels.filter((_, i) => c.counts[i]! > 0);
    expect(used.sort()).toEqual(['Ocean', 'Unowned land', 'player 0', 'player 1']);
  });

  it('colours by terrain without the owners', () => {
    const c = colourByTerrain(map);
    const labels = [0, 1, 2, 3].map((id) => c.labels[c.fill[id]!]);
    expect(labels).toEqual(['Lush', 'Mountain', 'Ocean', 'Water']);
    expect(c.palette[c.fill[3]!]).toBe(WATER);
  });

  it('counts the land the same way in either colouring', () => {
    expect(landTileCount(map)).toBe(2);
  });
});

describe('the tooltip', () => {
  it('tells a tile in words: the city, the ground, who holds it, resource and improvement', () => {
    expect(tileFacts(map, map.owner, 0, map.players)).toEqual({
      title: 'Assur (capital)',
      lines: ['Lush, Flat', 'Held by Assyria (Tiglath)', 'Resource: Iron', 'Improvement: Mine'],
    });
    expect(tileFacts(map, map.owner, 1, map.players)).toEqual({ title: 'Tile 1, 0', lines: ['Lush, Mountain', 'Unowned'] });
    expect(tileFacts(map, map.owner, 9, map.players)).toBeNull();
  });
});
