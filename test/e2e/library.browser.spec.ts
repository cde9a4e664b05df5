/**
 * The game-centric library and the library statistics in Chromium, against
 * the real engine through the harness, on the study saves imported for
 * real: saves grouped by game, the player's own nation and result, search
 * by a nation's readable name, filters in the address (reload, back), the
 * statistics' figures and the filtered library their links open, keyboard
 * reach, 800×600, both themes, nothing raw on screen.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { nationAdjective, nationName } from '../../src/shared/names';
import type { GameRow } from '../../src/shared/views/games';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { startHarness, type Harness } from '../harness/server';
import { expectReadable, importStudySaves, screenshotThemes, type StudySaveName } from './study-saves';

const names: StudySaveName[] = [
  'small',
  'multiplayer',
  'teamVictories',
  'legacy',
  'victoryElement',
  'seriesTurn20',
  'seriesTurn40',
  'seriesTurn60',
];

let harness: Harness;
let ids: Record<StudySaveName, number>;
/** The games as the engine holds them, to check the page against. */
let games: GameRow[];

const game = (name: string): GameRow => games.find((g) => g.gameName === name)!;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  harness = await startHarness();
  ids = await importStudySaves(harness, names);
  games = (await harness.handlers.listGames({ limit: 100 })).items;
});
test.afterAll(async () => {
  await harness?.close();
});
test.beforeEach(async ({ page }) => {
  await recordCspViolations(page);
});
test.afterEach(async ({ page }) => {
  await expectNoCspViolations(page);
});

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Not reachable with Tab within ${maxPresses} presses`);
}

test('the library lists one row per game, with the player’s own nation and result, and a game expands to its saves', async ({ page }) => {
  await page.goto(`${harness.url}#/library`);
  const rows = page.getByTestId('game-row');
  // Eight saves, six games: the three saves of one game are one row.
  await expect(rows).toHaveCount(6);
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.getByTestId('library-range')).toHaveText('1–6 of 6');

  const series = rows.filter({ hasText: 'Long Campaign' });
  await expect(series.getByTestId('game-turns')).toHaveText('Turns 20–60');
  await expect(series.getByTestId('game-nation')).toContainText(nationName(game('Long Campaign').owner!.nation));
  await expect(series.getByTestId('result-badge')).toHaveText('In progress');
  // The game's name opens its latest save.
  await expect(series.getByRole('link', { name: 'Long Campaign' })).toHaveAttribute('href', `#/game/${ids.seriesTurn60}/overview`);

  // The result from the player's side in every winner form.
  await expect(rows.filter({ hasText: 'Legacy Winner' }).getByTestId('result-badge')).toHaveText('Victory (Time)');
  await expect(rows.filter({ hasText: 'Team Victories' }).getByTestId('result-badge')).toHaveText('Defeat');
  const element = rows.filter({ hasText: 'Victory Element' });
  await expect(element.getByTestId('result-badge')).toHaveText('Defeat');
  await expect(element.getByTestId('result-detail')).toHaveText(/^\S.* won by Conquest$/);
  await expect(rows.filter({ hasText: 'Small Game' }).getByTestId('result-badge')).toHaveText('In progress');
  for (const g of games) {
    await expect(rows.filter({ hasText: g.gameName! }).getByTestId('game-nation')).toContainText(nationName(g.owner!.nation));
  }

  const disclose = series.getByTestId('game-disclose');
  await expect(disclose).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('game-save')).toHaveCount(0);
  await disclose.click();
  await expect(disclose).toHaveAttribute('aria-expanded', 'true');
  const saves = page.getByTestId('game-save');
  await expect(saves).toHaveCount(3);
  await expect(saves.getByRole('link')).toHaveText(['Turn 20', 'Turn 40', 'Turn 60']);
  await expectReadable(page, 'library');
  await screenshotThemes(page, 'library');

  await page.setViewportSize({ width: 800, height: 600 });
  await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  await saves.getByRole('link', { name: 'Turn 40' }).click();
  await expect(page).toHaveURL(new RegExp(`#/game/${ids.seriesTurn40}/overview$`));
});

test('search finds a nation by its readable name and adjective', async ({ page }) => {
  const nation = game('Legacy Winner').owner!.nation!;
  const expected = games
    .filter((g) => g.facts.players.some((p) => p.nation === nation) || g.gameName!.toLowerCase().includes(nationName(nation).toLowerCase()))
    .map((g) => g.gameName!)
    .sort();
  // No game is named after the nation: only the nation search can find these.
  expect(expected).toContain('Legacy Winner');
  expect(games.filter((g) => g.gameName!.toLowerCase().includes(nationName(nation).toLowerCase()))).toEqual([]);
  await page.goto(`${harness.url}#/library`);
  const rows = page.getByTestId('game-row');
  await expect(rows).toHaveCount(6);
  for (const text of [nationName(nation), nationAdjective(nation).toLowerCase()]) {
    await page.getByTestId('library-search').fill(text);
    await expect(rows).toHaveCount(expected.length);
    expect((await rows.getByRole('link').allTextContents()).sort()).toEqual(expected);
  }
  await page.getByTestId('library-search').fill('no game is called this');
  await expect(page.getByTestId('library-no-match')).toBeVisible();
  await page.getByTestId('library-no-match').getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(6);
  await expect(page.getByTestId('library-search')).toHaveValue('');
});

test('filters and sort live in the address: a reload and back keep them', async ({ page }) => {
  await page.goto(`${harness.url}#/library`);
  const rows = page.getByTestId('game-row');
  await expect(rows).toHaveCount(6);
  await page.getByTestId('library-result').selectOption({ label: 'Defeats' });
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/#\/library\?result=defeat$/);
  await page.getByTestId('sort-name').click();
  await expect(rows.getByRole('link')).toHaveText(['Team Victories', 'Victory Element']);
  await page.getByTestId('sort-name').click();
  await expect(rows.getByRole('link')).toHaveText(['Victory Element', 'Team Victories']);
  await expect(page.getByRole('columnheader', { name: 'Game' })).toHaveAttribute('aria-sort', 'descending');

  await page.reload();
  await expect(rows.getByRole('link')).toHaveText(['Victory Element', 'Team Victories']);
  await expect(page.getByTestId('library-result')).toHaveValue('defeat');
  await expect(page.getByRole('columnheader', { name: 'Game' })).toHaveAttribute('aria-sort', 'descending');

  // Into a game and back: the same filtered list.
  await rows.getByRole('link', { name: 'Team Victories' }).click();
  await expect(page).toHaveURL(/#\/game\//);
  await page.goBack();
  await expect(rows).toHaveCount(2);
  // The Library link returns to the filters last used too.
  await page.getByRole('link', { name: 'Team Victories' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/result=defeat/);

  // The other filters: map, difficulty, days.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(rows).toHaveCount(6);
  await expect(page).toHaveURL(/#\/library\?sort=name&order=desc$/);
  await page.getByTestId('library-map').selectOption({ label: 'Coastal Rain Basin' });
  await expect(rows).toHaveCount(6);
  await page.getByTestId('library-to').fill('2000-01-01');
  await expect(page.getByTestId('library-no-match')).toBeVisible();
  await page.getByTestId('library-to').fill('');
  await page.getByTestId('library-from').fill('2000-01-01');
  await expect(rows).toHaveCount(6);
  await expectReadable(page, 'filtered library');
});

test('the library is reachable with the keyboard: a game opens and expands without a mouse', async ({ page }) => {
  await page.goto(`${harness.url}#/library`);
  await expect(page.getByTestId('game-row')).toHaveCount(6);
  const series = page.getByTestId('game-row').filter({ hasText: 'Long Campaign' });
  const disclose = series.getByTestId('game-disclose');
  await tabTo(page, disclose);
  await expect(disclose).toHaveAccessibleName(/Show the saves of Long Campaign/);
  await page.keyboard.press('Enter');
  await expect(disclose).toHaveAttribute('aria-expanded', 'true');
  await tabTo(page, page.getByTestId('game-save').getByRole('link', { name: 'Turn 20' }), 3);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/game/${ids.seriesTurn20}/`));
});

test('the statistics count the games from the player’s side, and each figure opens the games behind it', async ({ page }) => {
  await page.goto(`${harness.url}#/import`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await tabTo(page, nav.getByRole('link', { name: 'Statistics' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistics' })).toBeFocused();

  // Six games; three finished (Team Victories and Victory Element lost, Legacy Winner won); every small save ends on turn 20.
  await expect(page.getByTestId('stats-games')).toHaveText('6');
  await expect(page.getByTestId('stats-wins')).toHaveText('1');
  await expect(page.getByTestId('stats-win-rate')).toHaveText('33%');
  await expect(page.getByTestId('stats-in-progress')).toHaveText('3');
  await expect(page.getByTestId('stats-average-length')).toHaveText('20 turns');
  await expect(page.getByTestId('record-longest')).toContainText('Long Campaign');
  await expect(page.getByTestId('record-longest')).toContainText('60 turns');
  await expect(page.getByTestId('record-most-saves')).toContainText('3 saves');
  await expect(page.getByTestId('record-points')).toContainText('points');
  const byNation = page.getByTestId('stats-by-nation-row');
  const nations = new Set(games.map((g) => g.owner!.nation));
  await expect(byNation).toHaveCount(nations.size);
  await expectReadable(page, 'statistics');
  await screenshotThemes(page, 'stats');
  await page.setViewportSize({ width: 800, height: 600 });
  await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Games won: the library filtered to victories.
  await page.getByTestId('stats-wins').click();
  await expect(page).toHaveURL(/#\/library\?result=victory$/);
  const rows = page.getByTestId('game-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Legacy Winner');
  await page.goBack();

  // A nation's row: that nation's games, and only those.
  const nation = game('Victory Element').owner!.nation!;
  const own = games.filter((g) => g.owner!.nation === nation);
  await page
    .getByTestId('stats-by-nation')
    .getByRole('link', { name: nationName(nation), exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`#/library\\?nation=${nation}$`));
  await expect(rows).toHaveCount(own.length);
  await expect(page.getByTestId('library-nation')).toHaveValue(nation);
  for (const row of await rows.all()) await expect(row.getByTestId('game-nation')).toContainText(nationName(nation));
  await page.goBack();

  // A difficulty's row and a record's game.
  await page.getByTestId('stats-by-difficulty').getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/library\?difficulty=/);
  await expect(rows).toHaveCount(6);
  await page.goBack();
  await page.getByTestId('record-longest').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/game/${ids.seriesTurn60}/overview$`));
});

test('an empty library has friendly statistics', async ({ page }) => {
  const empty = await startHarness();
  try {
    await page.goto(`${empty.url}#/stats`);
    const state = page.getByTestId('stats-empty');
    await expect(state).toContainText('No games to count yet');
    await expectReadable(page, 'empty statistics');
    await state.getByRole('link', { name: 'Import saves' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  } finally {
    await empty.close();
  }
});
