/**
 * Old World's hex grid, pure geometry. A tile id is `y * width + x`
 * (old-world-save-format.md). Hexes are pointy-topped; row 0 is the map's
 * south edge, drawn at the bottom, and every odd row sits half a hex east
 * of the even rows, as the game lays the map out ("odd-r" offset rows).
 *
 * Map units: a hex of circumradius 1. The drawing scales them.
 */

export const SQRT3 = Math.sqrt(3);
/** Distance between the centres of neighbours in a row. */
export const HEX_WIDTH = SQRT3;
/** Distance between the centres of two rows. */
export const ROW_HEIGHT = 1.5;

export interface TileXY {
  x: number;
  y: number;
}

export function tileXY(id: number, width: number): TileXY {
  return { x: id % width, y: Math.floor(id / width) };
}

export function tileId(x: number, y: number, width: number, rows: number): number {
  return x < 0 || y < 0 || x >= width || y >= rows ? -1 : y * width + x;
}

/** The hex's centre in map units, north up. */
export function hexCentre(x: number, y: number, rows: number): { cx: number; cy: number } {
  return { cx: HEX_WIDTH * (x + 0.5 + (y & 1) * 0.5), cy: ROW_HEIGHT * (rows - 1 - y) + 1 };
}

/** The whole map's extent in map units. */
export function mapExtent(width: number, rows: number): { w: number; h: number } {
  return { w: HEX_WIDTH * (width + (rows > 1 ? 0.5 : 0)), h: ROW_HEIGHT * (rows - 1) + 2 };
}

/** The six corners of a pointy-top hex, clockwise from the top. */
const cornerOffsets: readonly [number, number][] = Array.from({ length: 6 }, (_, i) => {
  const angle = (Math.PI / 180) * (60 * i - 90);
  return [Math.cos(angle), Math.sin(angle)] as [number, number];
});

export function hexCorners(cx: number, cy: number, r = 1): [number, number][] {
  return cornerOffsets.map(([dx, dy]) => [cx + dx * r, cy + dy * r]);
}

/**
 * The tile under a point in map units, or -1 off the map: the nearest centre
 * among the candidate rows and columns is the hex that contains the point.
 */
export function tileAt(px: number, py: number, width: number, rows: number): number {
  const approxRow = rows - 1 - Math.round((py - 1) / ROW_HEIGHT);
  let best = -1;
  let bestDistance = Infinity;
  for (let y = approxRow - 1; y <= approxRow + 1; y++) {
    if (y < 0 || y >= rows) continue;
    const approxCol = Math.round(px / HEX_WIDTH - 0.5 - (y & 1) * 0.5);
    for (let x = approxCol - 1; x <= approxCol + 1; x++) {
      if (x < 0 || x >= width) continue;
      const { cx, cy } = hexCentre(x, y, rows);
      const d = (cx - px) ** 2 + (cy - py) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = y * width + x;
      }
    }
  }
  // Past the map's edge the nearest centre is more than a hex's radius away.
  return bestDistance <= 1 ? best : -1;
}
