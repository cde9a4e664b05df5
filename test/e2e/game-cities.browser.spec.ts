/**
 * The Cities and the Laws, techs and ambitions tabs, in Chromium against
 * the real engine through the harness, over generated saves imported for
 * real: what a player reads, that the table sorts and filters, and that
 * both fit 800x600 in the light and the dark theme.
 */
import { expect, test, type Page } from '@playwright/test';
import { nationName } from '../../src/shared/names';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { expectReadable, importStudySaves, screenshotThemes, type StudySaveName } from './study-saves';
import { startHarness, type Harness } from '../harness/server';

let harness: Harness;
let ids: Record<StudySaveName, number>;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(180_000);
  harness = await startHarness();
  ids = await importStudySaves(harness, ['typical', 'small', 'multiplayer']);
});
test.afterAll(async () => harness?.close());
test.beforeEach(async ({ page }) => recordCspViolations(page));
test.afterEach(async ({ page }) => expectNoCspViolations(page));

const texts = (page: Page, testid: string) => page.getByTestId(testid).allInnerTexts();

test('the cities table reads right, sorts by its headers and filters by owner', async ({ page }) => {
  const answer = (await harness.handlers.gameCities({ saveId: ids.typical }))!;
  await page.goto(`${harness.url}#/game/${ids.typical}/cities`);
  await expect(page.getByRole('heading', { level: 2, name: 'Cities' })).toBeVisible();
  const rows = page.getByTestId('city-row');
  await expect(rows).toHaveCount(answer.cities.length);
  await expectReadable(page, 'cities tab');

  // Sorted by name at first; a header click turns the order round.
  const names = await texts(page, 'city-name');
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  expect(names).toEqual([...names].sort(collator.compare));
  expect(names).toContain('Nineveh');
  await page.getByTestId('city-sort-name').click();
  await expect(page.getByTestId('city-sort-name').locator('..')).toHaveAttribute('aria-sort', 'descending');
  expect(await texts(page, 'city-name')).toEqual([...names].sort(collator.compare).reverse());

  // By founding turn, from the keyboard.
  await page.getByTestId('city-sort-founded').focus();
  await page.keyboard.press('Enter');
  const founded = (await texts(page, 'city-founded')).map((t) => Number(t.replace('Turn ', '')));
  expect(founded.length).toBe(answer.cities.length);
  expect(founded).toEqual([...founded].sort((a, b) => a - b));

  // The capital is marked, and the owner changes of a city's tile read as captures.
  await expect(rows.filter({ hasText: 'Capital' }).first()).toBeVisible();
  const captured = answer.cities.find((c) => c.ownerChanges.some((x) => x.from !== null && x.to !== null));
  expect(captured, 'the typical save has a city that changed hands').toBeTruthy();
  await expect(
    page
      .getByTestId('city-captures')
      .filter({ hasText: /^Taken by .+ from .+ on turn \d+$/ })
      .first(),
  ).toBeVisible();

  // Filter by the first player's nation: every row left is theirs.
  const first = answer.players[0]!;
  const theirs = answer.cities.filter((c) => c.playerId === first.id).length;
  const option = await page
    .getByTestId('city-owner-filter')
    .locator('option')
    .filter({ hasText: nationName(first.nation) })
    .first()
    .textContent();
  await page.getByTestId('city-owner-filter').selectOption({ label: option! });
  await expect(rows).toHaveCount(theirs);
  for (const owner of await texts(page, 'city-owner')) expect(owner).toBe(option);
  await expect(page.getByTestId('city-count')).toContainText(`${theirs} of ${answer.cities.length} cities`);
  await page.getByTestId('city-owner-filter').selectOption('all');
  await expect(rows).toHaveCount(answer.cities.length);

  // A governor leads to their character page; a city to its place on the map.
  await expect(page.getByTestId('city-governor').first()).toHaveAttribute('href', new RegExp(`^#/game/${ids.typical}/rulers/\\d+$`));
  await rows
    .filter({ has: page.getByTestId('city-name').getByText('Nineveh', { exact: true }) })
    .first()
    .getByTestId('city-on-map')
    .click();
  await expect(page).toHaveURL(new RegExp(`#/game/${ids.typical}/map/\\d+$`));
  const tile = Number(page.url().split('/').pop());
  expect(answer.cities.some((c) => c.tileId === tile && c.name === 'CITYNAME_NINEVEH')).toBe(true);
  // The map opens centred on the city: the keyboard's tile is the city's.
  await page.getByTestId('map-surface').focus();
  await expect(page.getByTestId('map-tooltip').locator('strong')).toHaveText(/^Nineveh( \(capital\))?$/);
  await page.goBack();
  await expect(rows).toHaveCount(answer.cities.length);

  await page.setViewportSize({ width: 800, height: 600 });
  await expect(page.getByRole('heading', { level: 2, name: 'Cities' })).toBeInViewport();
  // The page itself does not scroll sideways: the table scrolls in its own frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  await screenshotThemes(page, 'game-cities');
});

test('a small and a multiplayer save read too', async ({ page }) => {
  for (const name of ['small', 'multiplayer'] as const) {
    await page.goto(`${harness.url}#/game/${ids[name]}/cities`);
    await expect(page.getByTestId('city-row').first()).toBeVisible();
    await expectReadable(page, `cities of ${name}`);
    await page.goto(`${harness.url}#/game/${ids[name]}/laws`);
    await expect(page.getByTestId('laws-table')).toBeVisible();
    await expectReadable(page, `laws of ${name}`);
  }
});

test('laws, techs and ambitions stand side by side per player, in words', async ({ page }) => {
  const answer = (await harness.handlers.gameLaws({ saveId: ids.typical }))!;
  await page.goto(`${harness.url}#/game/${ids.typical}/laws`);
  await expect(page.getByRole('heading', { level: 2, name: 'Laws, techs and ambitions' })).toBeVisible();
  const laws = page.getByTestId('laws-table');
  // One column per player, after the law class.
  await expect(laws.locator('thead th')).toHaveCount(answer.players.length + 1);
  await expect(laws.locator('tbody th').filter({ hasText: 'Slavery or Freedom' })).toBeVisible();
  const lawCells = await laws.locator('tbody td').allInnerTexts();
  expect(lawCells.some((t) => /^(Slavery|Freedom)\b/.test(t))).toBe(true);

  const techs = page.getByTestId('techs-table');
  const discovered = techs.locator('tbody tr').filter({ hasText: 'Discovered' }).first().locator('td');
  expect((await discovered.allInnerTexts()).map(Number)).toEqual(answer.players.map((p) => p.techs.length));
  await expect(
    techs
      .locator('tbody th')
      .filter({ hasText: 'Ironworking' })
      .or(techs.locator('tbody th').filter({ hasText: 'Stonecutting' }))
      .first(),
  ).toBeVisible();

  const cards = page.getByTestId('player-ambitions');
  await expect(cards).toHaveCount(answer.players.length);
  const goals = answer.players[0]!.goals;
  await expect(cards.first().locator('li')).toHaveCount(goals.length);
  await expect(cards.first()).toContainText(/Achieved on turn \d+|Failed|Under way/);
  await expectReadable(page, 'laws tab');

  await page.setViewportSize({ width: 800, height: 600 });
  await expect(page.getByRole('heading', { level: 2, name: 'Laws, techs and ambitions' })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  await screenshotThemes(page, 'game-laws');
});
