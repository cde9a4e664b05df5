/**
 * Pan and zoom of the map, pure: a view maps map units to screen pixels
 * (`screen = map * scale + offset`). Zoom keeps the point under the cursor
 * (or the centre) where it is.
 */
import { mapExtent } from './hex';

export interface MapView {
  /** CSS pixels per map unit (a hex's circumradius). */
  scale: number;
  x: number;
  y: number;
}

export const MAX_SCALE = 48;

/** The whole map, centred in a `w` x `h` box. */
export function fitView(width: number, rows: number, w: number, h: number): MapView {
  const extent = mapExtent(width, rows);
  const scale = Math.max(0.1, Math.min(w / extent.w, h / extent.h));
  return { scale, x: (w - extent.w * scale) / 2, y: (h - extent.h * scale) / 2 };
}

/** The smallest zoom: half the fitted one, so the whole map can always be seen with room around it. */
export function minScale(width: number, rows: number, w: number, h: number): number {
  return fitView(width, rows, w, h).scale / 2;
}

/** Zoomed by `factor` about the screen point (px, py), within [min, MAX_SCALE]. */
export function zoomAt(view: MapView, factor: number, px: number, py: number, min: number): MapView {
  const scale = Math.min(MAX_SCALE, Math.max(min, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

export function panBy(view: MapView, dx: number, dy: number): MapView {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Screen point -> map units. */
export function toMap(view: MapView, px: number, py: number): { mx: number; my: number } {
  return { mx: (px - view.x) / view.scale, my: (py - view.y) / view.scale };
}

/**
 * The view moved back just enough that the map still covers at least a
 * quarter of the box in each direction (or all the map, when it is
 * smaller): a drag or a key cannot lose the map off screen.
 */
export function keepInView(view: MapView, width: number, rows: number, w: number, h: number): MapView {
  const extent = mapExtent(width, rows);
  const mw = extent.w * view.scale;
  const mh = extent.h * view.scale;
  const keepX = Math.min(mw, w / 4);
  const keepY = Math.min(mh, h / 4);
  const x = Math.min(w - keepX, Math.max(keepX - mw, view.x));
  const y = Math.min(h - keepY, Math.max(keepY - mh, view.y));
  return x === view.x && y === view.y ? view : { ...view, x, y };
}
