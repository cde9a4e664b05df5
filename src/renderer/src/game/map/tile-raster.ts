/**
 * The whole map as a bitmap, rasterised by hand: which tile covers each
 * pixel is worked out once per map, so a new colouring (another turn on the
 * slider, the terrain mode) is one pass writing a palette colour per pixel,
 * a few milliseconds even for a huge save's 23,000 tiles. Filling thousands
 * of canvas paths instead took half a second to seconds on the same map.
 */
import { HEX_WIDTH, ROW_HEIGHT, mapExtent } from './hex';

export interface TileRaster {
  width: number;
  height: number;
  /** Pixels per map unit. */
  scale: number;
  /** Per pixel, row by row, the tile id covering it, -1 = none. */
  tileOf: Int32Array;
}

/** Which tile covers each pixel of a bitmap of at most `maxPixels`, `scale` pixels per map unit at most. */
export function rasterise(mapWidth: number, rows: number, maxPixels: number, maxScale: number): TileRaster {
  const extent = mapExtent(mapWidth, rows);
  const scale = Math.min(maxScale, Math.sqrt(maxPixels / (extent.w * extent.h)));
  const width = Math.max(1, Math.ceil(extent.w * scale));
  const height = Math.max(1, Math.ceil(extent.h * scale));
  const tileOf = new Int32Array(width * height).fill(-1);
  for (let py = 0; py < height; py++) {
    const my = (py + 0.5) / scale;
    // Screen y grows southward; row 0 is at the bottom (see hex.ts).
    const nearRow = rows - 1 - Math.round((my - 1) / ROW_HEIGHT);
    for (let px = 0; px < width; px++) {
      const mx = (px + 0.5) / scale;
      let best = -1;
      let bestDistance = 1; // a hex's circumradius: farther is off the map
      // The nearest centre in each of the three nearest rows; the nearest of those covers the point.
      for (let y = nearRow - 1; y <= nearRow + 1; y++) {
        if (y < 0 || y >= rows) continue;
        const shift = (y & 1) * 0.5;
        const x = Math.round(mx / HEX_WIDTH - 0.5 - shift);
        if (x < 0 || x >= mapWidth) continue;
        const dx = HEX_WIDTH * (x + 0.5 + shift) - mx;
        const dy = ROW_HEIGHT * (rows - 1 - y) + 1 - my;
        const d = dx * dx + dy * dy;
        if (d < bestDistance) {
          bestDistance = d;
          best = y * mapWidth + x;
        }
      }
      tileOf[py * width + px] = best;
    }
  }
  return { width, height, scale, tileOf };
}

/** `#rrggbb` as one pixel of an RGBA ImageData read through a Uint32Array (little-endian: ABGR). */
export function packColour(hex: string): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** Writes the colouring into `pixels` (the bitmap's ImageData as Uint32): one palette colour per tile, transparent off the map. */
export function paint(raster: TileRaster, fill: Int16Array, palette: readonly string[], pixels: Uint32Array): void {
  const packed = Uint32Array.from(palette, packColour);
  const { tileOf } = raster;
  for (let i = 0; i < tileOf.length; i++) {
    const tile = tileOf[i]!;
    const colour = tile < 0 ? -1 : fill[tile]!;
    pixels[i] = colour < 0 ? 0 : packed[colour]!;
  }
}
