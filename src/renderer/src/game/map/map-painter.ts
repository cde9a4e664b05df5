/**
 * Draws the map on a canvas. The tiles go first into an offscreen bitmap of
 * the whole map (tile-raster.ts), repainted only when the colours change
 * (mode, turn). A pan or zoom then only copies that bitmap, until the zoom
 * is past the bitmap's resolution: from there the visible tiles are filled
 * as paths, one per colour, at the view's scale. Cities, resources,
 * improvements and the highlighted tile are drawn over it, for the visible
 * part only. Draws happen once per animation frame, however many changes
 * arrive in it.
 */
import type { GameMap } from '../../../../shared/views/map';
import { SQRT3, hexCentre, hexCorners, tileXY } from './hex';
import type { MapView } from './map-view';
import type { TileColouring } from './tile-colours';
import { paint, rasterise, type TileRaster } from './tile-raster';

export interface CityMarker {
  tileId: number;
  name: string;
  colour: string;
  capital: boolean;
}

export interface MapLayers {
  cities: CityMarker[];
  resources: boolean;
  improvements: boolean;
  /** Tile to ring (hover or keyboard focus), -1 = none. */
  highlight: number;
}

/** Most pixels the offscreen bitmap may have: 12 MB of pixels and 12 MB of tile ids. */
const MAX_BITMAP_PIXELS = 3_000_000;
const MAX_BITMAP_SCALE = 16;

export interface DrawTimes {
  /** Milliseconds to paint the bitmap, the last time the colours changed (the first time also works out its pixels' tiles). */
  base: number;
  /** Milliseconds of the last frame. */
  frame: number;
}

export class MapPainter {
  private map: GameMap | null = null;
  private colouring: TileColouring | null = null;
  private raster: TileRaster | null = null;
  private bitmap: OffscreenCanvas | null = null;
  private pixels: ImageData | null = null;
  private baseDirty = true;
  private frameRequested = 0;
  private view: MapView = { scale: 1, x: 0, y: 0 };
  private layers: MapLayers = { cities: [], resources: false, improvements: false, highlight: -1 };
  private cssWidth = 0;
  private cssHeight = 0;
  readonly times: DrawTimes = { base: 0, frame: 0 };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly theme: () => { background: string; text: string; halo: string },
  ) {}

  setMap(map: GameMap): void {
    this.map = map;
    this.raster = null;
    this.baseDirty = true;
    this.request();
  }

  setColouring(colouring: TileColouring): void {
    this.colouring = colouring;
    this.baseDirty = true;
    this.request();
  }

  setView(view: MapView): void {
    this.view = view;
    this.request();
  }

  setLayers(layers: MapLayers): void {
    this.layers = layers;
    this.request();
  }

  /** The theme changed: the background and the labels' colours with it. */
  repaint(): void {
    this.request();
  }

  /** The canvas's size in CSS pixels; the backing store follows the device pixel ratio. */
  resize(width: number, height: number): void {
    this.cssWidth = width;
    this.cssHeight = height;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.request();
  }

  destroy(): void {
    if (this.frameRequested) cancelAnimationFrame(this.frameRequested);
    this.frameRequested = 0;
    this.bitmap = null;
    this.pixels = null;
    this.raster = null;
  }

  private request(): void {
    if (this.frameRequested) return;
    this.frameRequested = requestAnimationFrame(() => {
      this.frameRequested = 0;
      this.draw();
    });
  }

  private rebuildBase(): void {
    const { map, colouring } = this;
    if (!map || !colouring) return;
    const started = performance.now();
    if (!this.raster) this.raster = rasterise(map.width, map.height, MAX_BITMAP_PIXELS, MAX_BITMAP_SCALE);
    const { width, height } = this.raster;
    if (!this.bitmap || this.bitmap.width !== width || this.bitmap.height !== height) {
      this.bitmap = new OffscreenCanvas(width, height);
      this.pixels = new ImageData(width, height);
    }
    paint(this.raster, colouring.fill, colouring.palette, new Uint32Array(this.pixels!.data.buffer));
    this.bitmap.getContext('2d')!.putImageData(this.pixels!, 0, 0);
    this.baseDirty = false;
    this.times.base = performance.now() - started;
    // In the browser's performance timeline too (the last one only): DevTools and the browser test read the draw times there.
    performance.clearMeasures('scribe:map-base');
    performance.measure('scribe:map-base', { start: started, duration: this.times.base });
  }

  /** Zoomed in past the bitmap: the visible tiles as paths, one per colour, at the view's scale. */
  private fillVisibleTiles(ctx: CanvasRenderingContext2D): void {
    const map = this.map!;
    const colouring = this.colouring!;
    const v = this.visible();
    const paths = new Map<number, Path2D>();
    // A hair larger than the hex, so neighbours overlap and no anti-aliased seam shows between them.
    const r = 1 + 0.6 / this.view.scale;
    for (let ty = v.y0; ty <= v.y1; ty++) {
      for (let tx = v.x0; tx <= v.x1; tx++) {
        const id = ty * map.width + tx;
        const colour = colouring.fill[id]!;
        if (colour < 0) continue;
        let path = paths.get(colour);
        if (!path) paths.set(colour, (path = new Path2D()));
        const { cx, cy } = hexCentre(tx, ty, map.height);
        const corners = hexCorners(cx, cy, r);
        path.moveTo(corners[0]![0], corners[0]![1]);
        for (let k = 1; k < 6; k++) path.lineTo(corners[k]![0], corners[k]![1]);
        path.closePath();
      }
    }
    for (const [colour, path] of paths) {
      ctx.fillStyle = colouring.palette[colour]!;
      ctx.fill(path);
    }
  }

  private draw(): void {
    const { map } = this;
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !map || !this.colouring) return;
    if (this.baseDirty) this.rebuildBase();
    const started = performance.now();
    const dpr = this.canvas.width / Math.max(1, this.cssWidth);
    const { scale, x, y } = this.view;
    const theme = this.theme();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = theme.background;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (this.raster && this.bitmap && scale * dpr <= this.raster.scale * 1.5) {
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(this.bitmap, x, y, (this.bitmap.width / this.raster.scale) * scale, (this.bitmap.height / this.raster.scale) * scale);
    } else {
      ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * x, dpr * y);
      this.fillVisibleTiles(ctx);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    }
    this.drawLayers(ctx, theme);
    this.times.frame = performance.now() - started;
    performance.clearMeasures('scribe:map-frame');
    performance.measure('scribe:map-frame', { start: started, duration: this.times.frame });
  }

  /** The rows and columns on screen, one tile of margin around. */
  private visible(): { x0: number; x1: number; y0: number; y1: number } {
    const map = this.map!;
    const { scale, x, y } = this.view;
    const left = -x / scale;
    const right = (this.cssWidth - x) / scale;
    const top = -y / scale;
    const bottom = (this.cssHeight - y) / scale;
    // Screen y grows southward; row 0 is at the bottom (see hex.ts).
    const rowOf = (my: number) => map.height - 1 - Math.round((my - 1) / 1.5);
    return {
      x0: Math.max(0, Math.floor(left / SQRT3) - 1),
      x1: Math.min(map.width - 1, Math.ceil(right / SQRT3) + 1),
      y0: Math.max(0, rowOf(bottom) - 1),
      y1: Math.min(map.height - 1, rowOf(top) + 1),
    };
  }

  private screen(id: number): { sx: number; sy: number } {
    const map = this.map!;
    const { x, y } = tileXY(id, map.width);
    const { cx, cy } = hexCentre(x, y, map.height);
    return { sx: cx * this.view.scale + this.view.x, sy: cy * this.view.scale + this.view.y };
  }

  private drawLayers(ctx: CanvasRenderingContext2D, theme: { text: string; halo: string }): void {
    const map = this.map!;
    const { scale } = this.view;
    const { layers } = this;
    const v = this.visible();
    const inView = (id: number) => {
      const tx = id % map.width;
      const ty = Math.floor(id / map.width);
      return tx >= v.x0 && tx <= v.x1 && ty >= v.y0 && ty <= v.y1;
    };
    const glyph = Math.max(1.5, Math.min(6, scale * 0.3));
    if (layers.resources || layers.improvements) {
      for (let ty = v.y0; ty <= v.y1; ty++) {
        for (let tx = v.x0; tx <= v.x1; tx++) {
          const id = ty * map.width + tx;
          const { sx, sy } = this.screen(id);
          if (layers.improvements && map.improvement[id]! >= 0) {
            ctx.fillStyle = '#5b3a1a';
            ctx.fillRect(sx - glyph, sy + scale * 0.2, glyph * 2, glyph * 2);
          }
          if (layers.resources && map.resource[id]! >= 0) {
            ctx.fillStyle = '#f4e04d';
            ctx.strokeStyle = '#3b2f00';
            ctx.lineWidth = 1;
            ctx.beginPath();
            ctx.moveTo(sx, sy - scale * 0.2 - glyph * 2);
            ctx.lineTo(sx + glyph, sy - scale * 0.2 - glyph);
            ctx.lineTo(sx, sy - scale * 0.2);
            ctx.lineTo(sx - glyph, sy - scale * 0.2 - glyph);
            ctx.closePath();
            ctx.fill();
            ctx.stroke();
          }
        }
      }
    }
    const radius = Math.max(2.5, Math.min(9, scale * 0.45));
    const showNames = scale >= 5;
    ctx.font = `600 ${Math.round(Math.max(11, Math.min(14, scale * 0.8)))}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const c of layers.cities) {
      if (!inView(c.tileId)) continue;
      const { sx, sy } = this.screen(c.tileId);
      // White ring inside a dark one: the marker shows on its own nation's colour and on any terrain.
      const r = c.capital ? radius * 1.3 : radius;
      ctx.beginPath();
      ctx.arc(sx, sy, r, 0, Math.PI * 2);
      ctx.fillStyle = c.colour;
      ctx.fill();
      ctx.lineWidth = c.capital ? 4 : 3;
      ctx.strokeStyle = '#1c1d20';
      ctx.stroke();
      ctx.lineWidth = c.capital ? 2 : 1.5;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      if (c.capital) {
        ctx.beginPath();
        ctx.arc(sx, sy, radius * 0.45, 0, Math.PI * 2);
        ctx.fillStyle = '#ffffff';
        ctx.fill();
      }
      if (showNames) {
        ctx.lineWidth = 3;
        ctx.strokeStyle = theme.halo;
        ctx.strokeText(c.name, sx, sy + radius + 3);
        ctx.fillStyle = theme.text;
        ctx.fillText(c.name, sx, sy + radius + 3);
      }
    }
    if (layers.highlight >= 0 && layers.highlight < map.terrain.length) {
      const { sx, sy } = this.screen(layers.highlight);
      const corners = hexCorners(sx, sy, scale);
      ctx.beginPath();
      ctx.moveTo(corners[0]![0], corners[0]![1]);
      for (let k = 1; k < 6; k++) ctx.lineTo(corners[k]![0], corners[k]![1]);
      ctx.closePath();
      ctx.lineWidth = 3;
      ctx.strokeStyle = theme.halo;
      ctx.stroke();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = theme.text;
      ctx.stroke();
    }
  }
}
