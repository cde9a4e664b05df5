/** Pure geometry for the points chart: scales, tick values and paths. */

/** Up to about `count` round tick values covering [min, max] (1, 2, 2.5 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) {
    if (max === 0) return [0, 1];
    max = min + Math.max(1, Math.abs(min) * 0.1);
  }
  const rough = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

/**
 * Value axis: from zero, unless every value sits high above it (late-game
 * points in the hundreds), where a zero baseline would flatten the lines
 * into one band.
 */
export function valueTicks(min: number, max: number, count = 5): number[] {
  const from = min > 0 && min > max * 0.5 ? min : Math.min(0, min);
  return niceTicks(from, max, count);
}

/** Integer ticks for turns: a turn of 12.5 means nothing. */
export function turnTicks(min: number, max: number, count = 6): number[] {
  return niceTicks(min, max, count).filter((t) => Number.isInteger(t) && t >= min && t <= max);
}

export function linearScale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

export function linePath(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
}

/**
 * Series colours: distinct hues of similar weight that read on both the light
 * and the dark surface, in an order where neighbours differ most.
 */
export const seriesColors = ['#2f6fd6', '#e07b00', '#1a9a6c', '#c2408f', '#8a5cd6', '#d1453b', '#0d9bb5', '#8c7a00', '#6b7a8f', '#b5651d'];

export function seriesColor(index: number): string {
  return seriesColors[index % seriesColors.length]!;
}

/** Beyond the palette, a dash pattern keeps series apart. */
export function seriesDash(index: number): string | undefined {
  return index < seriesColors.length ? undefined : '6 4';
}
