/**
 * One colour per yield for the yield price chart, close to the colour the
 * game gives each yield's icon so a line reads as its yield (food green,
 * wood brown...). Like the nation colours, each keeps at least 3:1 contrast
 * against both the light and the dark surface; a yield not in the table, or
 * one whose colour another yield of the chart already took, takes a spare one.
 */
import { spareColours } from './nation-colours.js';

const yieldColourTable: Record<string, string> = {
  YIELD_FOOD: '#2e9e5b',
  YIELD_IRON: '#6b7a8f',
  YIELD_STONE: '#8c6d1f',
  YIELD_WOOD: '#b0603a',
  YIELD_ORDERS: '#3a86d8',
  YIELD_MONEY: '#a88a00',
  YIELD_CIVICS: '#9b59d0',
  YIELD_TRAINING: '#d63c3c',
  YIELD_SCIENCE: '#2f8fa8',
};

/** Every colour the table can give, for the contrast check. */
export const allYieldColours: readonly string[] = [...Object.values(yieldColourTable), ...spareColours];

/** A colour per yield, in the order given; no two yields of one chart share one while spares last. */
export function yieldColours(yields: readonly string[]): string[] {
  const used = new Set<string>();
  let next = 0;
  return yields.map((y) => {
    let colour = yieldColourTable[y] ?? spareColours[next++ % spareColours.length]!;
    for (let tries = 0; used.has(colour) && tries < spareColours.length; tries++) colour = spareColours[next++ % spareColours.length]!;
    used.add(colour);
    return colour;
  });
}
