/**
 * Each tile's fill on the map, as an index into a small palette: by owner
 * (nation colours over neutral land and water) or by terrain. Few distinct
 * colours, so the drawing fills one path per colour, not one per tile.
 */
import type { GameMap } from '../../../../shared/views/map';
import { heightName, terrainName, vegetationName } from '../../../../shared/names';

export type MapMode = 'owner' | 'terrain';

export const WATER = '#5a7d96';
export const DEEP_WATER = '#40596e';
export const UNOWNED_LAND = '#b9b3a5';
/** A tile id the save has no tile for. */
const NO_TILE = -1;

const terrainColours: Record<string, string> = {
  TERRAIN_LUSH: '#7fae5a',
  TERRAIN_TEMPERATE: '#a7b86a',
  TERRAIN_ARID: '#d2b574',
  TERRAIN_SAND: '#e3cf8f',
  TERRAIN_TUNDRA: '#a9b1a8',
  TERRAIN_MARSH: '#6f8f6a',
  TERRAIN_SNOW: '#e6ebee',
};
const MOUNTAIN = '#7d7268';
const FOREST = '#3f7a45';
const TREES = '#5e8f4c';

export interface TileColouring {
  /** `#rrggbb` per index. */
  palette: string[];
  /** Per tile id, an index into `palette`, -1 = not drawn. */
  fill: Int16Array;
  /** What each palette entry stands for, for the legend. */
  labels: string[];
  /** Tiles per palette entry: the legend lists only the colours in use. */
  counts: number[];
}

function counted(palette: Palette, fill: Int16Array): TileColouring {
  const counts = new Array<number>(palette.colours.length).fill(0);
  for (const i of fill) if (i >= 0) counts[i]!++;
  return { palette: palette.colours, fill, labels: palette.labels, counts };
}

const waterKeys = new Set(['TERRAIN_WATER', 'HEIGHT_OCEAN', 'HEIGHT_COAST', 'HEIGHT_LAKE']);

function isWater(map: GameMap, id: number): boolean {
  const t = map.terrain[id]!;
  const h = map.elevation[id]!;
  return (t >= 0 && waterKeys.has(map.keys[t]!)) || (h >= 0 && waterKeys.has(map.keys[h]!));
}

/** Tiles that are land, whatever the colouring: what "share of the land" is a share of. */
export function landTileCount(map: GameMap): number {
  let n = 0;
  for (let id = 0; id < map.terrain.length; id++) if ((map.terrain[id] !== -1 || map.elevation[id] !== -1) && !isWater(map, id)) n++;
  return n;
}

function isDeep(map: GameMap, id: number): boolean {
  const h = map.elevation[id]!;
  return h >= 0 && map.keys[h] === 'HEIGHT_OCEAN';
}

class Palette {
  readonly colours: string[] = [];
  readonly labels: string[] = [];
  private readonly index = new Map<string, number>();
  of(colour: string, label: string): number {
    const key = `${colour}\u0000${label}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.colours.length;
      this.colours.push(colour);
      this.labels.push(label);
      this.index.set(key, i);
    }
    return i;
  }
}

/** Nation colours for owned tiles (`owners` per tile id, -1 = nobody), neutral land and water for the rest. */
export function colourByOwner(
  map: GameMap,
  owners: ArrayLike<number>,
  colours: ReadonlyMap<number, string>,
  ownerLabel: (id: number) => string,
): TileColouring {
  const palette = new Palette();
  const fill = new Int16Array(map.terrain.length).fill(NO_TILE);
  // Players first, in order, so the legend lists them as the players list does; indices looked up
  // once per owner, not per tile: the slider recolours a huge map on every step.
  const byOwner = new Map<number, number>();
  for (const p of map.players) byOwner.set(p.id, palette.of(colours.get(p.id) ?? UNOWNED_LAND, ownerLabel(p.id)));
  const water = palette.of(WATER, 'Water');
  const ocean = palette.of(DEEP_WATER, 'Ocean');
  const land = palette.of(UNOWNED_LAND, 'Unowned land');
  for (let id = 0; id < fill.length; id++) {
    if (map.terrain[id] === -1 && map.elevation[id] === -1) continue;
    const owner = owners[id]!;
    if (owner >= 0) {
      let i = byOwner.get(owner);
      if (i === undefined) byOwner.set(owner, (i = palette.of(colours.get(owner) ?? UNOWNED_LAND, ownerLabel(owner))));
      fill[id] = i;
    } else if (isWater(map, id)) fill[id] = isDeep(map, id) ? ocean : water;
    else fill[id] = land;
  }
  return counted(palette, fill);
}

/** The land's own colours: terrain, with mountains and forests over it, water by depth. */
export function colourByTerrain(map: GameMap): TileColouring {
  const palette = new Palette();
  const fill = new Int16Array(map.terrain.length).fill(NO_TILE);
  for (let id = 0; id < fill.length; id++) {
    const t = map.terrain[id]!;
    const h = map.elevation[id]!;
    if (t === -1 && h === -1) continue;
    if (isWater(map, id)) {
      fill[id] = palette.of(isDeep(map, id) ? DEEP_WATER : WATER, isDeep(map, id) ? 'Ocean' : 'Water');
      continue;
    }
    const height = h >= 0 ? map.keys[h]! : null;
    if (height === 'HEIGHT_MOUNTAIN') {
      fill[id] = palette.of(MOUNTAIN, heightName(height));
      continue;
    }
    const v = map.vegetation[id]!;
    const vegetation = v >= 0 ? map.keys[v]! : null;
    if (vegetation === 'VEGETATION_FOREST' || vegetation === 'VEGETATION_TREES') {
      fill[id] = palette.of(vegetation === 'VEGETATION_FOREST' ? FOREST : TREES, vegetationName(vegetation));
      continue;
    }
    const terrain = t >= 0 ? map.keys[t]! : null;
    fill[id] = palette.of((terrain && terrainColours[terrain]) ?? UNOWNED_LAND, terrainName(terrain));
  }
  return counted(palette, fill);
}
