/**
 * The game-centric library and its statistics, read from a real library of
 * generated saves on both backends: grouping, the owner's nation and result
 * in every winner form, search by nation name and adjective, each filter
 * and sort, pages, and the statistics' figures worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listGames } from '../../../src/engine/store/read/games.js';
import { libraryStats, tallyGames } from '../../../src/engine/store/read/stats.js';
import { gameResult } from '../../../src/shared/result.js';
import { nationAdjective, nationName } from '../../../src/shared/names.js';
import type { GameListQuery, GamePage } from '../../../src/shared/views/games.js';
import type { Backend } from '../../../src/shared/settings.js';
import { makeStudyLibrary, seriesGameId, studyGames, type StudyLibrary } from './study-library.js';

const backends: Backend[] = ['sqlite', 'duckdb'];

describe.each(backends)('%s library read models', (backend) => {
  let lib: StudyLibrary;
  const list = (query: GameListQuery = {}): Promise<GamePage> => lib.ctx((ctx) => listGames(ctx, query));
  const names = async (query: GameListQuery = {}) => (await list(query)).items.map((g) => g.gameName);

  beforeAll(async () => {
    lib = await makeStudyLibrary(backend);
  }, 60_000);
  afterAll(async () => {
    await lib?.store.close();
  });

  it('lists one row per game; a game over three saves is one row with its saves in turn order', async () => {
    const page = await list();
    expect(page.total).toBe(studyGames.length);
    expect(page.items.map((g) => g.gameName).sort()).toEqual(studyGames.map((g) => g.name).sort());
    const series = page.items.find((g) => g.gameId === seriesGameId)!;
    expect(series).toMatchObject({ gameName: 'Long Campaign', saves: 3, firstTurn: 20, lastTurn: 60 });
    expect(series.saveList.map((s) => s.turn)).toEqual([20, 40, 60]);
    expect(series.latestSaveId).toBe(series.saveList[2]!.saveId);
    for (const g of page.items) expect(g.saveList).toHaveLength(g.saves);
  });

  it("tells each game's result from its owner's side, as gameResult words the same facts", async () => {
    const { items } = await list();
    for (const game of studyGames) {
      const row = items.find((g) => g.gameName === game.name)!;
      expect(row.result, game.name).toBe(game.result);
      expect(gameResult(row.facts).kind, game.name).toBe(row.result);
    }
    expect(gameResult(items.find((g) => g.gameName === 'Legacy Winner')!.facts).label).toBe('Victory (Time)');
    expect(gameResult(items.find((g) => g.gameName === 'Victory Element')!.facts).detail).toMatch(/won by Conquest$/);
  });

  it("names the owner's nation, and no owner where the save cannot tell", async () => {
    const { items } = await list();
    for (const game of studyGames.filter((g) => g.name !== 'Hotseat Ending')) {
      const row = items.find((g) => g.gameName === game.name)!;
      expect(row.owner, game.name).toMatchObject({ playerId: 0, nation: lib.ownerNation.get(game.name) });
    }
    expect(items.find((g) => g.gameName === 'Hotseat Ending')!.owner).toBeNull();
  });

  it('marks a game of sample saves, and only that one', async () => {
    const { items } = await list();
    expect(items.filter((g) => g.isSample).map((g) => g.gameName)).toEqual(['Sample: Tour']);
    expect(items.find((g) => g.isSample)!.saveList.every((s) => s.isSample)).toBe(true);
  });

  it('searches game names and player names', async () => {
    expect(await names({ text: 'campaign' })).toEqual(['Long Campaign']);
    expect(await names({ text: 'DIDO' })).toEqual(['Network Game']);
    // LIKE's wildcards are plain characters to a player.
    expect(await names({ text: '%' })).toEqual([]);
  });

  it("finds a nation by its name and its adjective, in any player's seat", async () => {
    const nation = lib.ownerNation.get('Victory Element')!;
    const withNation = studyGames.filter((g) => lib.nations.get(g.name)!.includes(nation)).map((g) => g.name);
    const withText = studyGames.filter((g) => g.name.toLowerCase().includes(nationName(nation).toLowerCase())).map((g) => g.name);
    const expected = [...new Set([...withNation, ...withText])].sort();
    expect(expected).toContain('Victory Element');
    expect((await names({ text: nationName(nation) })).sort()).toEqual(expected);
    expect((await names({ text: nationAdjective(nation).toUpperCase() })).sort()).toEqual(expected);
  });

  it("filters by the owner's nation, the result, the map, the difficulty and the day last played", async () => {
    const babylon = studyGames.filter((g) => lib.ownerNation.get(g.name) === 'NATION_BABYLONIA' && g.name !== 'Hotseat Ending');
    expect((await names({ nation: 'NATION_BABYLONIA' })).sort()).toEqual(babylon.map((g) => g.name).sort());
    expect((await names({ result: 'defeat' })).sort()).toEqual(['Team Victories', 'Victory Element']);
    expect(await names({ result: 'victory' })).toEqual(['Legacy Winner']);
    expect(await names({ result: 'over' })).toEqual(['Hotseat Ending']);
    expect(await list({ result: 'inProgress' })).toMatchObject({ total: 4 });
    expect(await names({ map: 'MAPCLASS_Continent' })).toEqual(['Legacy Winner']);
    expect(await names({ difficulty: 'DIFFICULTY_MAGNIFICENT' })).toEqual(['Legacy Winner']);
    expect(await names({ to: '2024-12-31' })).toEqual(['Victory Element']);
    expect(await list({ from: '2025-01-01' })).toMatchObject({ total: studyGames.length - 1 });
    expect(await names({ from: '2024-03-02', to: '2024-03-02' })).toEqual(['Victory Element']);
    expect(await names({ result: 'defeat', to: '2024-12-31' })).toEqual(['Victory Element']);
  });

  it('offers the nations, maps and difficulties the games have', async () => {
    const { choices } = await list({ result: 'victory' });
    // The choices are the library's, not the filtered page's.
    expect(choices.maps).toEqual(['MAPCLASS_CoastalRainBasin', 'MAPCLASS_Continent']);
    expect(choices.difficulties).toEqual(['DIFFICULTY_MAGNIFICENT', 'DIFFICULTY_NOBLE']);
    const owners = studyGames.filter((g) => g.name !== 'Hotseat Ending').map((g) => lib.ownerNation.get(g.name)!);
    expect(choices.nations).toEqual([...new Set(owners)].sort());
  });

  it('sorts by last played, name, length and saves, each way', async () => {
    // Same save date: the file written last was played last (the fixture writes them in order).
    const byDate = await names();
    expect(byDate[0]).toBe('Sample: Tour');
    expect(byDate.at(-1)).toBe('Victory Element');
    expect(await names({ sort: 'lastPlayed', order: 'asc' })).toEqual([...byDate].reverse());
    const alpha = studyGames.map((g) => g.name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    expect(await names({ sort: 'name' })).toEqual(alpha);
    expect(await names({ sort: 'name', order: 'desc' })).toEqual([...alpha].reverse());
    expect((await names({ sort: 'turns' }))[0]).toBe('Long Campaign');
    expect((await names({ sort: 'turns', order: 'asc' })).at(-1)).toBe('Long Campaign');
    expect((await names({ sort: 'saves' }))[0]).toBe('Long Campaign');
  });

  it('pages: every game once, and a page past the end still knows the total', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < studyGames.length; offset += 3) {
      const page = await list({ sort: 'name', offset, limit: 3 });
      expect(page.total).toBe(studyGames.length);
      seen.push(...page.items.map((g) => g.gameName!));
    }
    expect(seen).toEqual(await names({ sort: 'name' }));
    expect(await list({ offset: 100, limit: 3 })).toMatchObject({ total: studyGames.length, items: [] });
    expect(await list({ text: 'no such game anywhere' })).toMatchObject({ total: 0, items: [] });
  });

  it('tallies the library from the owners’ side', async () => {
    const stats = await lib.ctx((ctx) => libraryStats(ctx));
    // 8 games: 4 finished (two defeats, one victory, one without a known owner), 4 in progress.
    expect(stats).toMatchObject({ games: 8, finished: 4, wins: 1, inProgress: 4, averageLength: 20 });
    const babylon = stats.byNation.find((n) => n.nation === 'NATION_BABYLONIA');
    const babylonGames = studyGames.filter((g) => g.name !== 'Hotseat Ending' && lib.ownerNation.get(g.name) === 'NATION_BABYLONIA');
    expect(babylon).toEqual({
      nation: 'NATION_BABYLONIA',
      games: babylonGames.length,
      finished: babylonGames.filter((g) => g.result !== 'inProgress').length,
      wins: babylonGames.filter((g) => g.result === 'victory').length,
    });
    expect(stats.byNation.find((n) => n.nation === null)).toEqual({ nation: null, games: 1, finished: 1, wins: 0 });
    expect(stats.byNation.reduce((s, n) => s + n.games, 0)).toBe(8);
    expect(stats.byDifficulty).toEqual([
      { difficulty: 'DIFFICULTY_NOBLE', games: 7, finished: 3, wins: 0 },
      { difficulty: 'DIFFICULTY_MAGNIFICENT', games: 1, finished: 1, wins: 1 },
    ]);
    expect(stats.byMap).toEqual([
      { mapClass: 'MAPCLASS_CoastalRainBasin', games: 7, finished: 3, wins: 0 },
      { mapClass: 'MAPCLASS_Continent', games: 1, finished: 1, wins: 1 },
    ]);
    expect(stats.records.longestGame).toMatchObject({ gameId: seriesGameId, gameName: 'Long Campaign', turns: 60 });
    expect(stats.records.mostSaves).toMatchObject({ gameId: seriesGameId, saves: 3 });
    const { items } = await list();
    expect(stats.records.longestGame!.saveId).toBe(items.find((g) => g.gameId === seriesGameId)!.latestSaveId);
  });

  it("finds the highest points the owner's player ever had", async () => {
    const stats = await lib.ctx((ctx) => libraryStats(ctx));
    const [best] = await lib.ctx(({ db }) =>
      Promise.resolve(
        db.all(
          `SELECT h.save_id, max(h.value) AS v FROM history_points_v h JOIN saves s ON s.id = h.save_id
           WHERE h.series = 'points' AND h.key = '' AND h.player_id = 0 AND s.game_name <> 'Hotseat Ending'
             AND s.turn = (SELECT max(turn) FROM saves s2 WHERE s2.game_id = s.game_id)
           GROUP BY h.save_id ORDER BY v DESC, h.save_id LIMIT 1`,
        ),
      ),
    );
    expect(stats.records.highestPoints).toMatchObject({ saveId: Number(best!.save_id), points: Number(best!.v) });
  });
});

describe('tallyGames', () => {
  it('says nothing of rates or records for an empty library', () => {
    expect(tallyGames([])).toEqual({
      games: 0,
      finished: 0,
      wins: 0,
      inProgress: 0,
      averageLength: null,
      byNation: [],
      byDifficulty: [],
      byMap: [],
      records: { longestGame: null, mostSaves: null },
    });
  });

  it('averages the length of finished games only', () => {
    const g = (gameId: string, lastTurn: number, gameOver: boolean, won = false) => ({
      gameId,
      gameName: gameId,
      saveId: lastTurn,
      nation: 'NATION_ROME',
      difficulty: null,
      mapClass: null,
      gameOver,
      won,
      lastTurn,
      saves: 1,
    });
    const t = tallyGames([g('a', 100, true, true), g('b', 50, true), g('c', 300, false)]);
    expect(t).toMatchObject({ games: 3, finished: 2, wins: 1, inProgress: 1, averageLength: 75 });
    expect(t.byNation).toEqual([{ nation: 'NATION_ROME', games: 3, finished: 2, wins: 1 }]);
    expect(t.records.longestGame).toMatchObject({ gameId: 'c', turns: 300 });
  });
});
