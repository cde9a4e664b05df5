/** The map tab's pure parts: tile ids on the hex grid, the owner of each tile at a turn, territory counts. */
import { describe, expect, it } from 'vitest';
import { HEX_WIDTH, ROW_HEIGHT, hexCentre, hexCorners, mapExtent, tileAt, tileId, tileXY } from '../../src/renderer/src/game/map/hex.js';
import { firstHistoryTurn, ownersAtTurn, territoryByPlayer } from '../../src/renderer/src/game/map/territory.js';
import { packColour, paint, rasterise } from '../../src/renderer/src/game/map/tile-raster.js';
import { fitView, keepInView, minScale, zoomAt } from '../../src/renderer/src/game/map/map-view.js';

describe('tile ids on the hex grid', () => {
  it('reads x and y from the id and the map width, and back', () => {
    expect(tileXY(0, 74)).toEqual({ x: 0, y: 0 });
    expect(tileXY(73, 74)).toEqual({ x: 73, y: 0 });
    expect(tileXY(74, 74)).toEqual({ x: 0, y: 1 });
    expect(tileXY(5475, 74)).toEqual({ x: 73, y: 73 });
    expect(tileId(3, 2, 12, 10)).toBe(27);
    expect(tileId(12, 2, 12, 10)).toBe(-1);
    expect(tileId(0, 10, 12, 10)).toBe(-1);
  });

  it('puts row 0 at the bottom and shifts odd rows half a hex east', () => {
    const a = hexCentre(0, 0, 10);
    const b = hexCentre(0, 1, 10);
    const c = hexCentre(1, 0, 10);
    expect(b.cy).toBeLessThan(a.cy); // north is up: row 1 is above row 0
    expect(a.cy - b.cy).toBeCloseTo(ROW_HEIGHT);
    expect(b.cx - a.cx).toBeCloseTo(HEX_WIDTH / 2);
    expect(c.cx - a.cx).toBeCloseTo(HEX_WIDTH);
    // Neighbours across rows touch: centres one hex width apart.
    expect(Math.hypot(b.cx - a.cx, b.cy - a.cy)).toBeCloseTo(HEX_WIDTH);
  });

  it('fits every hex inside the extent', () => {
    const { w, h } = mapExtent(12, 10);
    for (let id = 0; id < 120; id++) {
      const { x, y } = tileXY(id, 12);
      const { cx, cy } = hexCentre(x, y, 10);
      for (const [px, py] of hexCorners(cx, cy)) {
        expect(px).toBeGreaterThanOrEqual(-1e-9);
        expect(px).toBeLessThanOrEqual(w + 1e-9);
        expect(py).toBeGreaterThanOrEqual(-1e-9);
        expect(py).toBeLessThanOrEqual(h + 1e-9);
      }
    }
  });

  it('finds the tile under a point, and none off the map', () => {
    for (const id of [0, 11, 12, 13, 57, 119]) {
      const { x, y } = tileXY(id, 12);
      const { cx, cy } = hexCentre(x, y, 10);
      expect(tileAt(cx, cy, 12, 10)).toBe(id);
      expect(tileAt(cx + 0.6, cy - 0.3, 12, 10)).toBe(id);
    }
    expect(tileAt(-5, -5, 12, 10)).toBe(-1);
    expect(tileAt(100, 5, 12, 10)).toBe(-1);
  });
});

describe('territory at a turn', () => {
  // Tile 0: owned by 1 from turn 5, taken by 2 on turn 9. Tile 1: by 0 from turn 3, lost on 7.
  // Tile 2: no history. Tile 3: owned by 2 from turn 12.
  const history = { tiles: [0, 0, 1, 1, 3], turns: [5, 9, 3, 7, 12], owners: [1, 2, 0, -1, 2] };
  const current = [2, -1, 4, 2];

  it('takes the last entry at or before the turn, -1 before the first', () => {
    expect([...ownersAtTurn(current, history, 2, 20)]).toEqual([-1, -1, 4, -1]);
    expect([...ownersAtTurn(current, history, 5, 20)]).toEqual([1, 0, 4, -1]);
    expect([...ownersAtTurn(current, history, 8, 20)]).toEqual([1, -1, 4, -1]);
    expect([...ownersAtTurn(current, history, 9, 20)]).toEqual([2, -1, 4, -1]);
    expect([...ownersAtTurn(current, history, 12, 20)]).toEqual([2, -1, 4, 2]);
  });

  it('is the save’s own owners at the save’s turn and after', () => {
    expect([...ownersAtTurn(current, history, 20, 20)]).toEqual(current);
    expect([...ownersAtTurn(current, history, 25, 20)]).toEqual(current);
  });

  it('starts the slider at the first recorded turn', () => {
    expect(firstHistoryTurn(history, 20)).toBe(3);
    expect(firstHistoryTurn({ tiles: [], turns: [], owners: [] }, 20)).toBe(20);
  });

  it('counts tiles per player, most first', () => {
    expect(territoryByPlayer([1, 0, 4, 1, -1, 0, 1])).toEqual([
      { playerId: 1, tiles: 3 },
      { playerId: 0, tiles: 2 },
      { playerId: 4, tiles: 1 },
    ]);
    expect(territoryByPlayer([-1, -1])).toEqual([]);
  });
});

describe('the map bitmap', () => {
  it('gives each pixel the tile the hex geometry puts under it', () => {
    const raster = rasterise(12, 10, 40_000, 16);
    expect(raster.tileOf).toHaveLength(raster.width * raster.height);
    const seen = new Set<number>();
    for (let py = 0; py < raster.height; py += 3) {
      for (let px = 0; px < raster.width; px += 3) {
        const tile = raster.tileOf[py * raster.width + px]!;
        expect(tile).toBe(tileAt((px + 0.5) / raster.scale, (py + 0.5) / raster.scale, 12, 10));
        seen.add(tile);
      }
    }
    // Every tile shows.
    for (let id = 0; id < 120; id++) expect(seen.has(id), `tile ${id}`).toBe(true);
  });

  it('paints each tile its palette colour and leaves off-map pixels clear', () => {
    const raster = rasterise(4, 3, 5_000, 16);
    const fill = Int16Array.from({ length: 12 }, (_, id) => (id === 5 ? -1 : id % 2));
    const pixels = new Uint32Array(raster.tileOf.length);
    paint(raster, fill, ['#ff0000', '#0000ff'], pixels);
    for (let i = 0; i < pixels.length; i++) {
      const tile = raster.tileOf[i]!;
      const want = tile < 0 || tile === 5 ? 0 : packColour(tile % 2 === 0 ? '#ff0000' : '#0000ff');
      expect(pixels[i]).toBe(want);
    }
    // Little-endian RGBA: the red byte first.
    expect(new Uint8Array(Uint32Array.of(packColour('#102030')).buffer)).toEqual(Uint8Array.of(0x10, 0x20, 0x30, 0xff));
  });
});

describe('pan and zoom', () => {
  const fit = fitView(74, 74, 800, 400);

  it('fits the whole map in the box, centred', () => {
    const { w, h } = mapExtent(74, 74);
    expect(w * fit.scale).toBeLessThanOrEqual(800 + 1e-9);
    expect(h * fit.scale).toBeCloseTo(400);
    expect(fit.x).toBeCloseTo((800 - w * fit.scale) / 2);
  });

  it('zooms about the point given, within its limits', () => {
    const z = zoomAt(fit, 2, 300, 100, minScale(74, 74, 800, 400));
    expect(z.scale).toBeCloseTo(fit.scale * 2);
    // The map point under (300, 100) stays there.
    expect((300 - z.x) / z.scale).toBeCloseTo((300 - fit.x) / fit.scale);
    expect(zoomAt(fit, 0.01, 0, 0, fit.scale / 2).scale).toBeCloseTo(fit.scale / 2);
    expect(zoomAt(fit, 1e6, 0, 0, 1).scale).toBe(48);
  });

  it('keeps some of the map on screen however far it is dragged', () => {
    const far = keepInView({ ...fit, x: -1e6, y: 1e6 }, 74, 74, 800, 400);
    const { w } = mapExtent(74, 74);
    expect(far.x + w * far.scale).toBeGreaterThanOrEqual(200 - 1e-9);
    expect(far.y).toBeLessThanOrEqual(300 + 1e-9);
    expect(keepInView(fit, 74, 74, 800, 400)).toBe(fit);
  });
});
