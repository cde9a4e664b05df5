/**
 * Golden tests: the generator writes a save from a known truth; the reader
 * must give that truth back, every row and every meta field.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, parseSaveXml, readSave } from '../../src/engine/reader/index.js';
import { generateSave, writeSaveZip, type GenerateOptions } from '../fixtures/generate.js';
import { makeTemp, rmTemp } from './helpers.js';

const variants: [string, Omit<GenerateOptions, 'seed' | 'scale'>][] = [
  ['defaults (BOM, CRLF, ActivePlayer, 2025 memories, no winner)', {}],
  ['no BOM, LF, no ActivePlayer, 2024 memory lists', { bom: false, crlf: false, activePlayer: null, memoryShape: 'split' }],
  ['winner in Game/TeamVictories', { winner: 'teamVictories', activePlayer: 1 }],
  ['legacy WinnerTeam + WinnerVictory', { winner: 'legacy' }],
  ['oldest root <Victory winner=...>', { winner: 'victoryElement', memoryShape: 'split' }],
];

describe('golden: small saves', () => {
  variants.forEach(([name, options], i) => {
    it(`reads back every row and field: ${name}`, () => {
      const { xml, expected } = generateSave({ seed: 100 + i, scale: 'small', ...options });
      const parsed = parseSaveXml(Buffer.from(xml, 'utf8'));
      expect(countRows(parsed)).toEqual(expected.counts);
      expect(parsed.meta).toEqual(expected.meta);
      expect(parsed).toEqual(expected.save);
    });
  });

  it('every list is non-empty in the fixture, so every mapper is exercised', () => {
    const { expected } = generateSave({ seed: 7, scale: 'small' });
    for (const [list, n] of Object.entries(expected.counts)) expect(n, list).toBeGreaterThan(0);
  });

  it('reads the key values of players and meta', () => {
    const { xml, expected } = generateSave({
      seed: 9,
      scale: 'small',
      gameId: 'aaaaaaaa-1111-4222-8333-bbbbbbbbbbbb',
      gameName: 'Golden & <Test>',
    });
    const { meta, players } = parseSaveXml(Buffer.from(xml, 'utf8'));
    expect(meta.gameId).toBe('aaaaaaaa-1111-4222-8333-bbbbbbbbbbbb');
    expect(meta.gameName).toBe('Golden & <Test>');
    expect(meta.turn).toBe(expected.meta.turn);
    expect(meta.xmlBytes).toBe(Buffer.byteLength(xml, 'utf8'));
    expect(meta.version).toBe('1.0.79513');
    expect(meta.difficulty).toBe('DIFFICULTY_NOBLE');
    expect(meta.activePlayer).toBe(0);
    expect(players.map((p) => [p.id, p.name, p.nation, p.isHuman])).toEqual(
      expected.players.map((p) => [p.id, p.name, p.nation, p.isHuman]),
    );
    // Player 0 is a real player: local human (no OnlineID, AIControlledToTurn 0);
    // player 1 is an online human (OnlineID) currently AI-controlled.
    expect(players[0]).toMatchObject({ id: 0, onlineId: null, aiControlledToTurn: 0, isHuman: true });
    expect(players[1]).toMatchObject({ id: 1, aiControlledToTurn: 2147483647, isHuman: true });
    expect(players[1]!.onlineId).toMatch(/^7656119\d{10}$/);
  });
});

describe('golden: typical save through the archive', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTemp();
  });
  afterAll(async () => {
    await rmTemp(dir);
  });

  it('reads a 5-player, 74x74 save of 5-15 MB: counts, meta and all rows', async () => {
    const { xml, expected } = generateSave({ seed: 2025, scale: 'typical' });
    expect(expected.meta.xmlBytes).toBeGreaterThan(5_000_000);
    expect(expected.meta.xmlBytes).toBeLessThan(15_000_000);
    expect(expected.counts).toMatchObject({ players: 5, tiles: 74 * 74, cities: 43, characters: 450 });
    const file = path.join(dir, 'OW-Assyria-Year120-2025-11-02-10-50-56.zip');
    await writeSaveZip(file, xml);
    const parsed = await readSave(file);
    expect(countRows(parsed)).toEqual(expected.counts);
    expect(parsed.meta).toEqual(expected.meta);
    expect(parsed).toEqual(expected.save);
  });
});
