/** The fixtures themselves: deterministic, realistic, and covering the format's traps. */
import { describe, expect, it } from 'vitest';
import { entity, listKeys } from '../../src/engine/model/catalogue.js';
import { countRows } from '../../src/engine/model/parsed-save.js';
import { generateSave } from '../fixtures/generate.js';

describe('save generator', () => {
  it('is deterministic: same options, same bytes; another seed, another save', () => {
    const a = generateSave({ seed: 3, scale: 'small' });
    const b = generateSave({ seed: 3, scale: 'small' });
    const c = generateSave({ seed: 4, scale: 'small' });
    expect(a.xml).toBe(b.xml);
    expect(a.expected).toEqual(b.expected);
    expect(c.xml).not.toBe(a.xml);
  });

  it('expected.counts are the counts of expected.save, for every list of ParsedSave', () => {
    const { expected } = generateSave({ seed: 5, scale: 'small' });
    expect(expected.counts).toEqual(countRows(expected.save));
    expect(Object.keys(expected.counts).sort()).toEqual(
      Object.keys(expected.save)
        .filter((k) => k !== 'meta')
        .sort(),
    );
  });

  it("expected.save rows have exactly the catalogue's fields: what the generator writes for no column yet stays out", () => {
    const { expected } = generateSave({ seed: 5, scale: 'small' });
    for (const list of listKeys) {
      const fields = Object.keys(entity(list).fields).sort();
      expect(expected.save[list].length, list).toBeGreaterThan(0);
      for (const row of expected.save[list]) expect(Object.keys(row).sort(), list).toEqual(fields);
    }
  });

  it('writes the shapes real saves have', () => {
    const { xml } = generateSave({ seed: 6, scale: 'small' });
    expect(xml.startsWith('\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<?ActivePlayer 0?>\r\n<Root\r\n  GameId="')).toBe(true);
    expect(xml).not.toMatch(/[^\r]\n/); // CRLF throughout
    expect(xml).toMatch(/<Player\r\n {4}ID="0"\r\n {4}Name=/); // one attribute per line
    expect(xml).toContain('<LastSeenUnits>'); // decoys
    expect(xml).toMatch(/&lt;color=#[0-9a-f]{6}&gt;/); // escaped rich text
    expect(xml).toMatch(/&#8212;|&#x2019;/); // character references
    expect(xml).toMatch(/<MemoryList>/);
    expect(xml).toMatch(/<T\d+>-?\d+<\/T\d+>/); // sparse histories
    const lf = generateSave({ seed: 6, scale: 'small', bom: false, crlf: false, activePlayer: null, memoryShape: 'split' }).xml;
    expect(lf.startsWith('<?xml')).toBe(true);
    expect(lf).not.toContain('\r');
    expect(lf).not.toContain('<?ActivePlayer');
    expect(lf).toMatch(/<MemoryPlayerList>/);
    expect(lf).not.toMatch(/<MemoryList>/);
  });

  it('writes duplicates the reader must collapse (last wins)', () => {
    const { xml } = generateSave({ seed: 8, scale: 'typical' });
    // Two adjacent copies of the same trait inside one TraitTurn.
    expect(xml).toMatch(/<(TRAIT_\w+)>-?\d+<\/\1>\r\n\s+<\1>-?\d+<\/\1>/);
    expect(xml).toMatch(/<ID>(\d+)<\/ID>\r\n\s+<ID>\1<\/ID>/);
  });

  it('each winner form', () => {
    expect(generateSave({ seed: 1, scale: 'small', winner: 'teamVictories' }).xml).toMatch(
      /<TeamVictories>\r\n\s+<Team\r\n\s+Victory="VICTORY_POINTS">1<\/Team>/,
    );
    expect(generateSave({ seed: 1, scale: 'small', winner: 'legacy' }).xml).toContain('<WinnerTeam>0</WinnerTeam>');
    expect(generateSave({ seed: 1, scale: 'small', winner: 'victoryElement' }).xml).toMatch(/<Victory\r\n\s+winner="1"/);
  });

  it('typical is a 5-player, 74x74 save of 5-15 MB', () => {
    const { expected } = generateSave({ seed: 1, scale: 'typical' });
    expect(expected.meta.xmlBytes).toBeGreaterThan(5e6);
    expect(expected.meta.xmlBytes).toBeLessThan(15e6);
    expect(expected.counts.tiles).toBe(5476);
    expect(expected.counts.units).toBe(300);
    expect(expected.counts.cities).toBe(43);
    expect(expected.counts.characters).toBe(450);
  });
});
