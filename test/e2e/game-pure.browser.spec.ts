/**
 * The game page's pure helpers (the chart's columns, live mode's rule, the
 * timeline's words), run in Node by the same Playwright project as the
 * browser tests, like format.browser.spec.ts: they need no page.
 */
import { expect, test } from '@playwright/test';
import { chartData } from '../../src/renderer/src/game/charts/chart-data';
import { liveTurn } from '../../src/renderer/src/game/live-turn';
import { relationLines } from '../../src/renderer/src/game/overview/relations-words';
import { timelineText } from '../../src/renderer/src/game/overview/timeline-words';
import type { OverviewPlayer } from '../../src/shared/views/overview';

test.describe('chart data', () => {
  test('carries a value forward between a player’s points and leaves a gap before the first and after the last', () => {
    const data = chartData({
      series: 'points',
      key: '',
      turns: [2, 4, 7],
      values: [
        [10, null, 12],
        [null, 5, null],
      ],
    });
    expect(data.turns).toEqual([2, 3, 4, 5, 6, 7]);
    // Unchanged turns are not written by the save: the value stands until the next point.
    expect(data.values[0]).toEqual([10, 10, 10, 10, 10, 12]);
    // One point only: no data before or after it, never a 0.
    expect(data.values[1]).toEqual([null, null, 5, null, null, null]);
  });

  test('an empty series has no turns', () => {
    expect(chartData({ series: 'legitimacy', key: '', turns: [], values: [[]] })).toEqual({ turns: [], values: [[]] });
  });
});

test.describe('live mode', () => {
  const t = (saveId: number, turn: number) => ({ saveId, turn, saveDate: null });

  test('follows the game from its latest turn, offers the new turn on an older one, and ignores imports that bring nothing newer', () => {
    const before = [t(1, 20), t(2, 40)];
    const after = [...before, t(3, 60)];
    expect(liveTurn(before, after, 2)).toEqual({ action: 'move', saveId: 3, turn: 60 });
    expect(liveTurn(before, after, 1)).toEqual({ action: 'offer', saveId: 3, turn: 60 });
    expect(liveTurn(before, before, 2)).toBeNull();
    // An older turn imported late is no news.
    expect(liveTurn(before, [t(5, 10), ...before], 2)).toBeNull();
  });
});

test.describe('timeline words', () => {
  const players: OverviewPlayer[] = [
    {
      playerId: 0,
      name: 'Tiglath',
      nation: 'NATION_ASSYRIA',
      dynasty: null,
      team: 0,
      isHuman: true,
      rulerName: null,
      rulerCognomen: null,
      legitimacy: null,
      points: 10,
      cities: 3,
    },
    {
      playerId: 1,
      name: 'AI 1',
      nation: 'NATION_ROME',
      dynasty: null,
      team: 1,
      isHuman: false,
      rulerName: null,
      rulerCognomen: null,
      legitimacy: null,
      points: 5,
      cities: 2,
    },
  ];

  test('reads as a player says it, with the nation only when several players’ stories are told', () => {
    expect(timelineText({ kind: 'firstCity', turn: 3, playerId: 0, city: 'CITYNAME_NINEVEH' }, players, false, '')).toBe(
      'Founded Nineveh, the first city',
    );
    expect(timelineText({ kind: 'cityCount', turn: 30, playerId: 1, count: 5 }, players, true, '')).toBe('Rome: 5 cities');
    expect(
      timelineText(
        { kind: 'succession', turn: 40, playerId: 0, rulerName: 'NAME_HELDICA', rulerCognomen: 'COGNOMEN_GREAT' },
        players,
        false,
        '',
      ),
    ).toBe('Heldica the Great came to the throne');
    expect(timelineText({ kind: 'religion', turn: 12, playerId: 1, religion: 'RELIGION_JUDAISM' }, players, false, '')).toBe(
      'Judaism was founded by Rome',
    );
    expect(timelineText({ kind: 'ambition', turn: 50, playerId: 0, goal: 'GOAL_SIX_CITIES' }, players, false, '')).toBe(
      'Ambition achieved: Six Cities',
    );
    expect(timelineText({ kind: 'end', turn: 90, gameOver: true }, players, false, 'Victory (Conquest)')).toBe(
      'Game over: Victory (Conquest)',
    );
  });

  test('relations read one line per standing, naming each team by its nations', () => {
    expect(
      relationLines(
        [
          { team: 1, state: 'DIPLOMACY_WAR' },
          { team: 7, state: 'DIPLOMACY_PEACE' },
        ],
        players,
      ),
    ).toEqual([['War', 'Rome']]);
  });
});
