import { expect, test } from '@playwright/test';
import { startHarness, type Harness } from '../harness/server';

let harness: Harness;
test.beforeAll(async () => {
  harness = await startHarness();
});
test.afterAll(async () => {
  await harness?.close();
});

test('the renderer loads in Chromium and renders an answer from the engine through the contract', async ({ page }) => {
  await page.goto(harness.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  // The database path comes from the engine's settings in the harness's own data folder,
  // so seeing it proves the round trip browser -> WebSocket -> engine -> browser.
  await expect(page.getByTestId('app-info')).toContainText(harness.dataDir);
  await expect(page.getByTestId('app-info')).toContainText('sqlite');
});

test('the harness refuses a page load without its token', async ({ page }) => {
  const response = await page.goto(harness.url.replace(/token=[^&]+/, 'token=wrong'));
  expect(response?.status()).toBe(403);
});

test('a wrong-shaped request from the page comes back as a BAD_REQUEST outcome naming the field', async ({ page }) => {
  await page.goto(harness.url);
  const outcome = await page.evaluate(() => window.scribe.listSaves({ sort: 'bogus' } as never));
  expect(outcome).toEqual({
    ok: false,
    error: {
      code: 'BAD_REQUEST',
      message: 'listSaves was refused: its field "sort" must be one of "importedAt" | "gameName" | "turn" | "saveDate" (it was "bogus").',
    },
  });
  expect(await page.evaluate(() => window.scribe.listSaves({ sort: 'turn' }))).toMatchObject({ ok: true, value: { total: 0 } });
});
