/**
 * The game page shell's read models (turns and result facts, overview,
 * charts) on both backends, over real generated saves read by the reader and
 * stored in real library files: what they answer is checked against what
 * the generator wrote.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historySeries } from '../../../src/engine/model/catalogue.js';
import { parseSaveXml } from '../../../src/engine/reader/index.js';
import { openStore, type Store } from '../../../src/engine/store/index.js';
import { readModels } from '../../../src/engine/store/read/index.js';
import { priceColumns, toColumns, unpack } from '../../../src/engine/store/read/charts.js';
import type { RequestOf, ResponseOf } from '../../../src/shared/contract.js';
import { gameResult } from '../../../src/shared/result.js';
import type { StudyRequestName } from '../../../src/shared/views/index.js';
import { chartSeriesKinds } from '../../../src/shared/views/charts.js';
import { generateSave, type GeneratedSave, type GenerateOptions } from '../../fixtures/generate.js';

const seriesGame = 'aaaaaaaa-0000-4000-8000-000000000001';
const specs = {
  turn20: { seed: 68, scale: 'small', gameName: 'Long Campaign', gameId: seriesGame, turns: 20, humans: 1, gameMode: 'SINGLE_PLAYER' },
  turn40: { seed: 68, scale: 'small', gameName: 'Long Campaign', gameId: seriesGame, turns: 40, humans: 1, gameMode: 'SINGLE_PLAYER' },
  element: { seed: 67, scale: 'small', gameName: 'Victory Element', winner: 'victoryElement', humans: 1, gameMode: 'SINGLE_PLAYER' },
  teams: { seed: 65, scale: 'small', gameName: 'Team Victories', winner: 'teamVictories' },
  legacy: { seed: 66, scale: 'small', gameName: 'Legacy Winner', winner: 'legacy', humans: 1, gameMode: 'SINGLE_PLAYER' },
} satisfies Record<string, GenerateOptions>;
type Name = keyof typeof specs;

const generated = Object.fromEntries(Object.entries(specs).map(([k, o]) => [k, generateSave(o)])) as Record<Name, GeneratedSave>;

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-read-shell-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(['sqlite', 'duckdb'] as const)('the game shell read models on %s', (backend) => {
  let store: Store;
  const ids = {} as Record<Name, number>;
  const read = <K extends StudyRequestName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> =>
    store.read((db) => readModels[name]({ db, isSample: () => false }, request));

  beforeAll(async () => {
    store = await openStore(path.join(dir, `lib.${backend}`), { backend });
    for (const [name, save] of Object.entries(generated) as [Name, GeneratedSave][]) {
      const r = await store.insertSave(parseSaveXml(Buffer.from(save.xml, 'utf8')), {
        path: path.join(dir, `${name}.zip`),
        sha256: name.padEnd(64, '0'),
        size: save.xml.length,
        mtimeMs: 1_758_000_000_000,
      });
      ids[name] = r.saveId!;
    }
  });
  afterAll(async () => {
    await store.close();
  });

  it('gameTurns: the game’s saves in turn order, the save’s turn, and the facts of the result', async () => {
    const turns = (await read('gameTurns', { saveId: ids.turn40 }))!;
    expect(turns.gameId).toBe(seriesGame);
    expect(turns.turn).toBe(40);
    expect(turns.saves.map((s) => [s.saveId, s.turn])).toEqual([
      [ids.turn20, 20],
      [ids.turn40, 40],
    ]);
    expect(turns.players.map((p) => p.nation)).toEqual(generated.turn40.expected.players.map((p) => p.nation));
    expect(turns.gameOver).toBe(false);
    expect(gameResult(turns).kind).toBe('inProgress');

    // The last player won by conquest; the owner (player 0) lost.
    const element = (await read('gameTurns', { saveId: ids.element }))!;
    const last = generated.element.expected.players.at(-1)!.id;
    expect(element.winner).toEqual({ team: null, playerId: last, victory: 'VICTORY_CONQUEST' });
    expect(element.activePlayer).toBe(0);
    expect(gameResult(element)).toMatchObject({ kind: 'defeat', label: 'Defeat' });
    // A team's win: the team players carry their team, so the owner on another team lost.
    const teams = (await read('gameTurns', { saveId: ids.teams }))!;
    expect(teams.winner).toMatchObject({ team: 1, victory: 'VICTORY_POINTS' });
    expect(gameResult(teams).kind).toBe('defeat');
    expect(gameResult((await read('gameTurns', { saveId: ids.legacy }))!).label).toBe('Victory (Time)');

    expect(await read('gameTurns', { saveId: 9999 })).toBeNull();
  });

  it('gameOverview: players ranked by their latest points, the settings, and a timeline in turn order that ends the game', async () => {
    const overview = (await read('gameOverview', { saveId: ids.turn40 }))!;
    const save = generated.turn40.expected.save;
    const latest = new Map<number, number>();
    for (const h of [...save.history].filter((h) => h.series === 'points').sort((a, b) => a.turn - b.turn)) latest.set(h.playerId, h.value);
    expect(overview.players.map((p) => p.points)).toEqual([...latest.values()].sort((a, b) => b - a));
    for (const p of overview.players) {
      expect(p.points).toBe(latest.get(p.playerId));
      expect(p.cities).toBe(save.cities.filter((c) => c.playerId === p.playerId).length);
    }
    expect(overview.players.some((p) => p.rulerName !== null)).toBe(true);
    expect(overview.settings.gameMode).toBe('SINGLE_PLAYER');
    expect(overview.settings.gameOptions).toEqual(['GAMEOPTION_CRITICAL_HIT_PREVIEW', 'GAMEOPTION_NO_UNDO']);
    expect(overview.settings.dlc.length).toBeGreaterThan(0);

    const turns = overview.timeline.map((e) => e.turn);
    expect(turns).toEqual([...turns].sort((a, b) => a - b));
    expect(overview.timeline.at(-1)).toEqual({ kind: 'end', turn: 40, gameOver: false });
    // The owner's first city, on the turn the first of his cities was founded.
    const founded = save.cities
      .filter((c) => (c.firstPlayerId ?? c.playerId) === 0 && c.foundedTurn !== null)
      .map((c) => c.foundedTurn!)
      .sort((a, b) => a - b);
    const first = overview.timeline.find((e) => e.kind === 'firstCity');
    if (founded.length > 0) expect(first).toMatchObject({ playerId: 0, turn: founded[0] });
    else expect(first).toBeUndefined();
    // Only the owner's story (and the world's religions) is told.
    for (const e of overview.timeline) if ('playerId' in e && e.kind !== 'religion') expect(e.playerId).toBe(0);

    // The owner's team's standing with every other team, as the save has it.
    const owned = save.diplomacy.filter((d) => d.kind === 'team' && d.a === '0' && d.b !== '0');
    expect(owned.length).toBeGreaterThan(0);
    expect(overview.relations).toEqual(owned.map((d) => ({ team: Number(d.b), state: d.state })).sort((a, b) => a.team - b.team));

    const over = (await read('gameOverview', { saveId: ids.element }))!;
    expect(over.timeline.at(-1)).toMatchObject({ kind: 'end', gameOver: true });
    expect(gameResult(over)).toMatchObject({ kind: 'defeat' });
    expect(await read('gameOverview', { saveId: 9999 })).toBeNull();
  });

  it('gameCharts: every stored series and key, every point where the save wrote it and null elsewhere', async () => {
    const charts = (await read('gameCharts', { saveId: ids.turn40 }))!;
    const history = generated.turn40.expected.save.history;
    const keys = [...new Set(history.map((h) => `${h.series}/${h.key}`))].sort();
    expect(charts.series.map((s) => `${s.series}/${s.key}`).sort()).toEqual(keys);
    expect(charts.series[0]!.series).toBe('points');
    expect(charts.players.map((p) => p.playerId)).toEqual(generated.turn40.expected.players.map((p) => p.id));
    let filled = 0;
    for (const s of charts.series) {
      expect(s.turns).toEqual([...s.turns].sort((a, b) => a - b));
      for (const [i, line] of s.values.entries()) {
        expect(line).toHaveLength(s.turns.length);
        const playerId = charts.players[i]!.playerId;
        const wrote = new Map(
          history.filter((h) => h.series === s.series && h.key === s.key && h.playerId === playerId).map((h) => [h.turn, h.value]),
        );
        expect(line).toEqual(s.turns.map((t) => wrote.get(t) ?? null));
        filled += line.filter((v) => v !== null).length;
      }
    }
    expect(filled).toBe(history.length);
    // The generator skips turns: some line has a gap.
    expect(charts.series.some((s) => s.values.some((line) => line.includes(null)))).toBe(true);
    expect(await read('gameCharts', { saveId: 9999 })).toBeNull();
  });

  it('gameCharts: the yield prices, one line per yield (not per player), every price where the save wrote it', async () => {
    const charts = (await read('gameCharts', { saveId: ids.turn40 }))!;
    const written = generated.turn40.expected.save.yieldPrices;
    const yields = [...new Set(written.map((p) => p.yield))].sort();
    expect(yields.length).toBeGreaterThan(1);
    const prices = charts.yieldPrices;
    expect(prices.yields).toEqual(yields);
    expect(prices.turns).toEqual([...new Set(written.map((p) => p.turn))].sort((a, b) => a - b));
    expect(prices.values).toHaveLength(yields.length);
    for (const [i, y] of yields.entries()) {
      const wrote = new Map(written.filter((p) => p.yield === y).map((p) => [p.turn, p.price]));
      expect(prices.values[i]).toEqual(prices.turns.map((t) => wrote.get(t) ?? null));
    }
    // The prices are the game's: no player's series carries them.
    expect(charts.series.map((s) => s.series)).not.toContain('yield_prices');
    // Another save of the same game has its own prices, up to its own turn.
    const earlier = (await read('gameCharts', { saveId: ids.turn20 }))!;
    expect(Math.max(...earlier.yieldPrices.turns)).toBeLessThanOrEqual(20);
    expect(Math.max(...prices.turns)).toBeGreaterThan(20);
  });
});

describe('chart columns', () => {
  it('keeps a gap as null, takes points in any order, drops players the save does not list, and orders series as the picker does', () => {
    const columns = toColumns(
      [3, 1],
      [
        { playerId: 1, series: 'yield_rate', key: 'YIELD_CIVICS', points: [[2, 5]] },
        { playerId: 3, series: 'points', key: '', points: unpack('4:12,2:10') },
        { playerId: 1, series: 'points', key: '', points: unpack('3:7') },
        { playerId: 9, series: 'points', key: '', points: [[5, 1]] },
      ],
    );
    expect(columns).toEqual([
      {
        series: 'points',
        key: '',
        turns: [2, 3, 4],
        values: [
          [10, null, 12],
          [null, 7, null],
        ],
      },
      { series: 'yield_rate', key: 'YIELD_CIVICS', turns: [2], values: [[null], [5]] },
    ]);
  });

  it('lines up the yield prices per yield in key order, a gap as null', () => {
    expect(
      priceColumns([
        { yield: 'YIELD_WOOD', points: unpack('4:700,1:650') },
        { yield: 'YIELD_FOOD', points: unpack('1:800,7:820') },
      ]),
    ).toEqual({
      yields: ['YIELD_FOOD', 'YIELD_WOOD'],
      turns: [1, 4, 7],
      values: [
        [800, null, 820],
        [650, 700, null],
      ],
    });
    expect(priceColumns([])).toEqual({ yields: [], turns: [], values: [] });
  });

  it('unpacks negative values and an empty line', () => {
    expect(unpack('2:-15,3:0')).toEqual([
      [2, -15],
      [3, 0],
    ]);
    expect(unpack('')).toEqual([]);
  });

  it('knows every series the catalogue stores', () => {
    expect([...chartSeriesKinds]).toEqual([...historySeries]);
  });
});
