/**
 * The game page's Rulers and characters tab in Chromium against the real
 * engine: each player's reigns, heirs, council and families with names a
 * player reads; a character's page with its life, traits, ratings, family
 * and relationships, links between characters, a clear empty state for a
 * character the save lacks; keyboard reach, 800x600, both themes.
 */
import { expect, test } from '@playwright/test';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { expectReadable, importStudySaves, screenshotThemes } from './study-saves';
import { startHarness, type Harness } from '../harness/server';

let harness: Harness;

test.beforeEach(async ({ page }) => {
  harness = await startHarness();
  await recordCspViolations(page);
});
test.afterEach(async ({ page }) => {
  await expectNoCspViolations(page);
  await harness?.close();
});

test('the rulers list and a character page read right, with links between characters', async ({ page }) => {
  test.setTimeout(240_000);
  const ids = await importStudySaves(harness, ['small', 'typical']);
  const saveId = ids.typical;
  const rulers = (await harness.handlers.gameRulers({ saveId }))!;

  await page.goto(`${harness.url}#/game/${saveId}/overview`);
  await page.getByTestId('tab-rulers').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rulers and characters' })).toBeFocused();
  const players = page.getByTestId('rulers-player');
  await expect(players).toHaveCount(rulers.players.length);
  await expectReadable(page, 'rulers');

  // Each player's reigns in order, the last one ruling; council seats and families named.
  const first = players.first();
  await expect(first.getByTestId('reigns').locator('li')).toHaveCount(rulers.players[0]!.reigns.length);
  await expect(first.getByTestId('reigns').locator('li').last()).toContainText('Rules now');
  await expect(first.getByTestId('council')).toContainText(/Chancellor|Spymaster|Ambassador|Grand Vizier/);
  await expect(first.getByTestId('families').locator('tbody tr')).toHaveCount(rulers.players[0]!.families.length);
  await expect(
    first
      .getByTestId('families')
      .getByRole('img', { name: /Opinion of the .+ family over time/ })
      .first(),
  ).toBeVisible();
  await screenshotThemes(page, 'game-rulers');

  // The ruler's page, reached by keyboard from the list.
  const ruler = first.getByTestId('reigns').locator('li').last().getByRole('link');
  const rulerName = (await ruler.innerText()).trim();
  await ruler.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/game/${saveId}/rulers/${rulers.players[0]!.reigns.at(-1)}$`));
  await expect(page.getByTestId('character-name')).toHaveText(rulerName);
  await expect(page.getByTestId('character-name')).toBeFocused();
  await expect(page.getByTestId('character-ratings').locator('dt')).toHaveCount(4);
  await expect(page.getByTestId('character-traits').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('character-facts')).toContainText('Born');
  await expectReadable(page, 'ruler page');

  // A character with parents, spouses, children and relations: every relative a link to their own page, and back.
  const withFamily = await findCharacterWithFamily(saveId);
  await page.goto(`${harness.url}#/game/${saveId}/rulers/${withFamily.id}`);
  await expect(page.getByTestId('character-name')).toBeVisible();
  const family = page.getByTestId('character-family');
  const relativeLink = family.getByTestId('person-link').first();
  const relativeName = (await relativeLink.innerText()).trim();
  const href = await relativeLink.getAttribute('href');
  expect(href).toMatch(new RegExp(`^#/game/${saveId}/rulers/\\d+$`));
  await expectReadable(page, 'character page');
  await screenshotThemes(page, 'game-character');
  await relativeLink.click();
  await expect(page.getByTestId('character-name')).toHaveText(relativeName);
  await expect(page.getByTestId('character-name')).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/game/${saveId}/rulers/${withFamily.id}$`));
  await expect(page.getByTestId('character-family')).toBeVisible();
  await expect(page.getByTestId('character-relationships').locator('li').first()).toBeVisible();

  // At 800x600 nothing spills sideways.
  await page.setViewportSize({ width: 800, height: 600 });
  for (const hash of [`#/game/${saveId}/rulers`, `#/game/${saveId}/rulers/${withFamily.id}`]) {
    await page.goto(`${harness.url}${hash}`);
    await expect(page.locator('h1')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, hash).toBeLessThanOrEqual(0);
  }

  // A character the save does not hold: a clear empty state, a way back.
  await page.goto(`${harness.url}#/game/${ids.small}/rulers/99999`);
  await expect(page.getByTestId('character-missing')).toBeVisible();
  await page.getByRole('link', { name: 'See the rulers' }).click();
  await expect(page.getByTestId('rulers-player').first()).toBeVisible();
});

/** A character of the save with a parent, a spouse, a child and a relation with someone, so each part of the page shows. */
async function findCharacterWithFamily(saveId: number): Promise<{ id: number }> {
  for (let id = 0; id < 450; id++) {
    const c = await harness.handlers.gameCharacter({ saveId, characterId: id });
    if (
      c &&
      c.character.fatherId !== null &&
      c.spouses.length > 0 &&
      c.children.length > 0 &&
      c.relationships.some((r) => r.otherId !== null)
    )
      return { id };
  }
  throw new Error('no character with a whole family in the typical save');
}
