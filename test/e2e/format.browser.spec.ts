/**
 * The renderer's pure helpers (wording, numbers, routes), run
 * in Node by the same Playwright project as the browser tests: they need no
 * page, and living here keeps all renderer tests in one place.
 */
import { expect, test } from '@playwright/test';
import {
  basename,
  dirname,
  displayName,
  errorMessage,
  formatBytes,
  formatDuration,
  formatEta,
  formatRate,
  nationName,
  percent,
  playerName,
  plural,
  tableLabel,
  winnerText,
} from '../../src/renderer/src/lib/format';
import { outcomeSentence, outcomeTitle, runTitle } from '../../src/renderer/src/lib/import-words';
import { gameHref, parseRoute, routeHref } from '../../src/renderer/src/lib/routes';
import type { ImportSummary } from '../../src/shared/import';
import { ScribeRequestError, requestErrorSentences } from '../../src/shared/request-errors';

test.describe('names for people', () => {
  test('enum-like names read as words', () => {
    expect(displayName('NATION_PERSIA')).toBe('Persia');
    expect(nationName('NATION_BABYLONIA')).toBe('Babylonia');
    expect(displayName('FAMILY_THE_BARCIDS')).toBe('The Barcids');
    expect(displayName('DLC_BEHIND_THE_THRONE')).toBe('Behind the Throne');
    expect(displayName('MAPCLASS_CoastalRainBasin')).toBe('Coastal Rain Basin');
    expect(displayName('DIFFICULTY_THE_GREAT')).toBe('The Great');
    expect(displayName('NETWORK')).toBe('Network');
    expect(displayName(null)).toBe('—');
    expect(nationName(null)).toBe('No nation');
  });

  test('the winner in words: a player (with the nation), a team, or only the victory', () => {
    const players = [
      { playerId: 2, nation: 'NATION_PERSIA' },
      { playerId: 3, nation: null },
    ];
    expect(winnerText({ team: 1, playerId: 2, victory: 'VICTORY_POINTS' }, players)).toBe('Player 2 (Persia)');
    expect(winnerText({ team: null, playerId: 3, victory: null }, players)).toBe('Player 3');
    expect(winnerText({ team: 0, playerId: null, victory: 'VICTORY_POINTS' }, players)).toBe('Team 0');
    expect(winnerText({ team: null, playerId: null, victory: 'VICTORY_DOUBLE_TIME' }, players)).toBe('Double Time');
    expect(winnerText(null, players)).toBeNull();
  });

  test('players without a name are numbered from 1', () => {
    expect(playerName({ name: 'Cyrus', playerId: 0 })).toBe('Cyrus');
    expect(playerName({ name: null, playerId: 2 })).toBe('Player 3');
  });

  test('table names become labels', () => {
    expect(tableLabel('city_values')).toBe('City values');
    expect(tableLabel('unitPromotions')).toBe('Unit promotions');
    expect(tableLabel('characters')).toBe('Characters');
  });
});

test.describe('numbers and times', () => {
  test('durations and time left', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(180)).toBe('3 min');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(-1)).toBe('—');
    expect(formatEta(null)).toBe('Estimating…');
    expect(formatEta(3)).toBe('A few seconds');
    expect(formatEta(42)).toBe('About 42 s');
    expect(formatEta(200)).toBe('About 3 min');
    expect(formatEta(5400)).toBe('About 1 h 30 min');
  });

  test('sizes, rates, percentages and counts', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatBytes(3.4 * 1024 ** 3)).toBe('3.40 GB');
    expect(formatRate(0)).toBe('—');
    expect(formatRate(14.62)).toBe('14.6 saves/s');
    expect(formatRate(3.456)).toBe('3.46 saves/s');
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 0)).toBe(0);
    expect(percent(7, 5)).toBe(100);
    expect(plural(1, 'save')).toBe('1 save');
    expect(plural(1200, 'file')).toBe('1,200 files');
  });

  test('paths split on either separator', () => {
    expect(basename('/home/p/Saves/OW-Save-Auto-12.zip')).toBe('OW-Save-Auto-12.zip');
    expect(basename('C:\\Users\\p\\Saves\\a.zip')).toBe('a.zip');
    expect(basename('/home/p/Saves/')).toBe('Saves');
    expect(dirname('/home/p/Saves/a.zip')).toBe('/home/p/Saves');
    expect(dirname('a.zip')).toBe('');
  });

  test('a refused request reads as its sentence, with the code’s advice where the message has none', () => {
    expect(errorMessage(new ScribeRequestError('USAGE', 'The database cannot be changed while an import is running.'))).toBe(
      'The database cannot be changed while an import is running.',
    );
    expect(errorMessage(new ScribeRequestError('INTERNAL', 'Unexpected error: disk on fire'))).toBe(
      `Unexpected error: disk on fire ${requestErrorSentences.INTERNAL}`,
    );
    expect(errorMessage(new ScribeRequestError('BAD_REQUEST', 'listSaves was refused.'))).toBe(
      `listSaves was refused. ${requestErrorSentences.BAD_REQUEST}`,
    );
    expect(errorMessage(new Error('plain message'))).toBe('plain message');
    expect(errorMessage('plain words')).toBe('plain words');
    expect(errorMessage(undefined)).toBe('Something went wrong.');
  });
});

test.describe('import wording', () => {
  const base: ImportSummary = {
    runId: 'r',
    kind: 'import',
    outcome: 'completed',
    filesTotal: 10,
    imported: 7,
    skipped: 2,
    failed: 1,
    notStarted: 0,
    durationMs: 1000,
    failures: [],
    notices: [],
  };

  test('titles and the sentence account for every file', () => {
    expect(outcomeTitle(base)).toBe('Import finished with failures');
    expect(outcomeTitle({ ...base, failed: 0, imported: 8 })).toBe('Import complete');
    expect(outcomeTitle({ ...base, outcome: 'cancelled' })).toBe('Import cancelled');
    expect(outcomeTitle({ ...base, filesTotal: 0, imported: 0, skipped: 0, failed: 0 })).toBe('No saves found');
    expect(outcomeSentence(base)).toBe('10 files: 7 saves imported, 2 skipped, 1 failed.');
    expect(outcomeSentence({ ...base, outcome: 'cancelled', imported: 3, skipped: 0, failed: 0, notStarted: 7 })).toBe(
      '10 files: 3 saves imported, 0 skipped, 0 failed, 7 not started.',
    );
    expect(runTitle('retry')).toBe('Retrying failed files');
    expect(runTitle('resume')).toBe('Resuming the interrupted import');
  });
});

test.describe('routes', () => {
  const at = (hash: string) => {
    const r = parseRoute(hash);
    return { view: r.view, saveId: r.saveId, tab: r.tab, itemId: r.itemId, query: r.query.toString() };
  };
  const plain = { saveId: null, tab: 'overview', itemId: null, query: '' };
  test('hashes map to views and back', () => {
    expect(at('')).toEqual({ view: 'import', ...plain });
    expect(at('#/library')).toEqual({ view: 'library', ...plain });
    expect(at('#/stats')).toEqual({ view: 'stats', ...plain });
    expect(at('#/settings')).toEqual({ view: 'settings', ...plain });
    expect(at('#/unknown')).toEqual({ view: 'import', ...plain });
    expect(at(routeHref('library', { nation: 'NATION_ROME' }))).toEqual({ view: 'library', ...plain, query: 'nation=NATION_ROME' });
  });
  test('a game page is addressed by one of its saves, a tab and an item', () => {
    expect(at('#/game/42/charts')).toEqual({ view: 'game', saveId: 42, tab: 'charts', itemId: null, query: '' });
    expect(at(gameHref(42, 'rulers', 7))).toEqual({ view: 'game', saveId: 42, tab: 'rulers', itemId: 7, query: '' });
    // Characters and tiles are numbered from 0.
    expect(at(gameHref(42, 'map', 0))).toEqual({ view: 'game', saveId: 42, tab: 'map', itemId: 0, query: '' });
    expect(at('#/game/42/rulers/-1')).toEqual({ view: 'game', saveId: 42, tab: 'rulers', itemId: null, query: '' });
    expect(at('#/game/42/bogus')).toEqual({ view: 'game', saveId: 42, tab: 'overview', itemId: null, query: '' });
    expect(at('#/game/nope/charts')).toEqual({ view: 'library', ...plain });
    // Links from before the game page open the save's overview.
    expect(at('#/library/save/42')).toEqual({ view: 'game', saveId: 42, tab: 'overview', itemId: null, query: '' });
    expect(at('#/library/save/nope')).toEqual({ view: 'library', ...plain });
  });
});
