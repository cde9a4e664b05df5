/**
 * The game page's Events tab in Chromium against the real engine: the log's
 * markup drawn as text with colour and links (a character link leads to the
 * character's page, one to a character the library lacks is plain text),
 * memories as sentences, filters and search narrowing the list, a 20,000
 * entry log scrolled through a virtualised list, keyboard reach, 800x600,
 * both themes.
 */
import { expect, test, type Locator } from '@playwright/test';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { importGenerated, linkedLine, unlinkedLine, withCharacterLinks } from './study-edited-saves';
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

/** Some rows are shown, and every one of them passes `check` (polled: the list redraws after a filter changes). */
async function everyRow(locator: Locator, check: (text: string) => boolean): Promise<void> {
  await expect
    .poll(async () => {
      const texts = await locator.allInnerTexts();
      return texts.length > 0 && texts.every(check);
    })
    .toBe(true);
}

test('the log reads as text, a character link leads to the character, and filters and search narrow the list', async ({ page }) => {
  test.setTimeout(240_000);
  const rows = () => page.getByTestId('event-row');
  const ids = await importGenerated(harness, [
    {
      name: 'linked',
      options: { seed: 72, scale: 'small', gameName: 'Linked Lines', humans: 1, gameMode: 'SINGLE_PLAYER' },
      edit: withCharacterLinks,
    },
  ]);
  const { typical } = await importStudySaves(harness, ['typical']);
  const saveId = ids.linked!;

  // Reached from the game page's tab bar by keyboard: focus lands on the tab's heading.
  await page.goto(`${harness.url}#/game/${saveId}/overview`);
  await page.getByTestId('tab-events').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Events' })).toBeFocused();
  await expect(rows().first()).toBeVisible();
  const total = Number((await page.getByTestId('events-count').innerText()).replace(/\D/g, ''));
  expect(total).toBe(2 * 15 + 2 * 10);
  await expectReadable(page, 'events');

  // Markup is drawn, not shown: the colour is a style, the link a link, entities decoded.
  await page.getByTestId('events-search').fill('was born');
  await page.getByTestId('events-search').press('Enter');
  const linked = rows().filter({ hasText: linkedLine });
  await expect(linked).toHaveCount(1);
  const link = linked.getByRole('link', { name: 'Ætheling' });
  await expect(link).toHaveAttribute('href', `#/game/${saveId}/rulers/3`);
  await expect(link.locator('xpath=..')).toHaveClass(/tint/);
  const unlinked = rows().filter({ hasText: unlinkedLine });
  await expect(unlinked).toHaveCount(1);
  await expect(unlinked.getByRole('link')).toHaveCount(0);
  await expect(rows().filter({ hasText: "Zoë's child was born" }).first()).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/game/${saveId}/rulers/3$`));
  await expect(page.getByTestId('character-name')).toHaveText('Ætheling');
  await page.goBack();

  // Search matches what is read, not the markup under it.
  await page.getByTestId('events-search').fill('HELP_CHARACTER');
  await page.getByTestId('events-search').press('Enter');
  await expect(page.getByTestId('events-none')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByTestId('events-count')).toHaveText(`${total} entries`);

  // Player: every row is that player's.
  await page.getByTestId('events-player').selectOption({ index: 2 });
  const playerLabel = (await page.getByTestId('events-player').locator('option:checked').innerText()).trim();
  const shownForPlayer = Number((await page.getByTestId('events-count').innerText()).match(/Showing ([\d,]+)/)![1]!.replace(/,/g, ''));
  expect(shownForPlayer).toBeGreaterThan(0);
  expect(shownForPlayer).toBeLessThan(total);
  await everyRow(rows().locator('.meta'), (meta) => meta.startsWith(`${playerLabel} ·`));

  // Type: only that type's lines.
  await page.getByTestId('events-player').selectOption('');
  await page.getByTestId('events-type').selectOption({ label: 'Tech discovered' });
  await everyRow(rows(), (text) => text.includes('Discovered'));
  await page.getByTestId('events-type').selectOption({ label: 'Every memory' });
  await everyRow(rows().locator('.meta'), (meta) => /· Memory of a/.test(meta));

  // Turn range: every row inside it; newest first by default, oldest first on request.
  await page.getByTestId('events-type').selectOption('');
  await page.getByTestId('events-from').fill('5');
  await page.getByTestId('events-to').fill('12');
  const turns = async () => (await rows().locator('.turn-cell').allInnerTexts()).map((t) => Number(t.replace('Turn ', '')));
  await expect.poll(async () => (await turns()).length).toBeGreaterThan(0);
  const newest = await turns();
  for (const t of newest) expect(t >= 5 && t <= 12).toBe(true);
  expect(newest).toEqual([...newest].sort((a, b) => b - a));
  await page.getByTestId('events-order').click();
  await expect.poll(async () => (await turns())[0]).toBeLessThanOrEqual(newest.at(-1)!);

  // Keyboard: the filters and the list are reached with Tab.
  await page.getByTestId('events-search').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('events-player')).toBeFocused();

  // A typical save, in both themes and at 800x600.
  await page.goto(`${harness.url}#/game/${typical}/events`);
  // A fresh page: the filters set above belong to the other game.
  await page.reload();
  await expect(rows().first()).toBeVisible();
  await expect(page.getByTestId('events-count')).toHaveText(/^[\d,]+ entries$/);
  await expect(
    rows()
      .filter({ hasText: /Memory of a/ })
      .first(),
  ).toBeAttached();
  await expectReadable(page, 'typical events');
  await screenshotThemes(page, 'game-events');
  await page.setViewportSize({ width: 800, height: 600 });
  await expect(rows().first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByTestId('events-search').fill('plague');
  await page.getByTestId('events-search').press('Enter');
  await everyRow(rows(), (text) => text.toLowerCase().includes('plague'));
});

test('a 20,000 entry log scrolls through a virtualised list', async ({ page }) => {
  test.setTimeout(240_000);
  const rows = () => page.getByTestId('event-row');
  const ids = await importGenerated(harness, [
    {
      name: 'long',
      options: { seed: 73, scale: 'small', gameName: 'Long Log', logsPerPlayer: 10_000, turns: 200, humans: 1, gameMode: 'SINGLE_PLAYER' },
    },
  ]);
  await page.goto(`${harness.url}#/game/${ids.long}/events`);
  await expect(rows().first()).toBeVisible();
  await expect(page.getByTestId('events-count')).toHaveText('20,020 entries');
  const before = await rows().count();
  expect(before).toBeGreaterThan(5);
  expect(before).toBeLessThan(200);
  await expect(rows().first().locator('.turn-cell')).toHaveText('Turn 200');

  // To the end of the list: the oldest entries are drawn, still only a screenful of rows.
  const list = page.getByRole('list', { name: /Events/ });
  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(rows().last().locator('.turn-cell')).toHaveText('Turn 1');
  expect(await rows().count()).toBeLessThan(200);
  // And by keyboard: the list takes focus and Home scrolls back to the newest.
  await list.focus();
  await page.keyboard.press('Home');
  await expect(rows().first().locator('.turn-cell')).toHaveText('Turn 200');
  await expectReadable(page, 'long log');
});
