/** The game page shell's names (history series, options, ambitions) and the nation colours' contrast in both themes. */
import { describe, expect, it } from 'vitest';
import { allNationColours, nationColour, playerColours, spareColours } from '../../src/shared/nation-colours.js';
import { allYieldColours, yieldColours } from '../../src/shared/yield-colours.js';
import { diplomacyName, gameOptionName, goalName, historyGroupName, historySeriesName, turnStyleName } from '../../src/shared/names.js';
import { chartSeriesKinds } from '../../src/shared/views/charts.js';

describe('history series names', () => {
  it('name every series and key the way a player says them', () => {
    expect(historySeriesName('points')).toBe('Points');
    expect(historySeriesName('military_power')).toBe('Military power');
    expect(historySeriesName('yield_rate', 'YIELD_CIVICS')).toBe('Civics per turn');
    expect(historySeriesName('yield_total', 'YIELD_IRON')).toBe('Iron in total');
    expect(historySeriesName('family_opinion', 'FAMILY_BARCID')).toBe('Barcid family opinion');
    expect(historySeriesName('religion_opinion', 'RELIGION_ZOROASTRIANISM')).toBe('Zoroastrianism opinion');
    for (const s of chartSeriesKinds) {
      expect(historySeriesName(s, 'YIELD_FOOD')).not.toMatch(/[A-Z]{2,}|_/);
      expect(historyGroupName(s)).not.toMatch(/_/);
    }
    expect(historyGroupName('yield_rate')).toBe('Yields per turn');
    expect(historyGroupName('yield_prices')).toBe('Yield prices');
    expect(historySeriesName('yield_prices')).toBe('Yield prices');
    expect(historySeriesName('yield_prices', 'YIELD_FOOD')).toBe('Food price');
  });

  it('name options, ambitions and turn styles without their prefix', () => {
    expect(gameOptionName('GAMEOPTION_NO_UNDO')).toBe('No Undo');
    expect(goalName('GOAL_SIX_CITIES')).toBe('Six Cities');
    expect(turnStyleName('TURNSTYLE_TIGHT')).toBe('Tight');
    expect(diplomacyName('DIPLOMACY_WAR')).toBe('War');
  });
});

describe('nation colours', () => {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = (hex: string) => {
    const n = parseInt(hex.slice(1), 16);
    return 0.2126 * lin((n >> 16) / 255) + 0.7152 * lin(((n >> 8) & 255) / 255) + 0.0722 * lin((n & 255) / 255);
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  it('keep 3:1 against the light and the dark surface, as the yield colours do', () => {
    for (const c of [...allNationColours, ...allYieldColours]) {
      expect(contrast(c, '#ffffff'), `${c} on light`).toBeGreaterThanOrEqual(3);
      expect(contrast(c, '#1c1e22'), `${c} on dark`).toBeGreaterThanOrEqual(3);
    }
  });

  it('give each known nation its own colour and an unknown one a spare colour', () => {
    expect(nationColour('NATION_ROME')).not.toBe(nationColour('NATION_PERSIA'));
    expect(new Set(allNationColours).size).toBe(allNationColours.length);
    expect(nationColour('NATION_ATLANTIS', 1)).toBe(spareColours[1]);
    expect(nationColour(null, 0)).toBe(spareColours[0]);
    // Two players of one nation never share a colour.
    const two = playerColours([
      { id: 0, nation: 'NATION_ROME' },
      { id: 1, nation: 'NATION_ROME' },
    ]);
    expect(two.get(0)).toBe(nationColour('NATION_ROME'));
    expect(two.get(1)).not.toBe(two.get(0));
  });

  it('give each yield of a chart its own colour, an unknown yield a spare one', () => {
    const yields = ['YIELD_FOOD', 'YIELD_IRON', 'YIELD_STONE', 'YIELD_WOOD', 'YIELD_AMBROSIA', 'YIELD_NECTAR'];
    const hues = yieldColours(yields);
    expect(hues).toHaveLength(yields.length);
    expect(new Set(hues).size).toBe(yields.length);
    expect(yieldColours(['YIELD_WOOD', 'YIELD_FOOD'])).toEqual([hues[3], hues[0]]);
  });
});
