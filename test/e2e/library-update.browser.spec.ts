/**
 * A library from an older Scribe, in Chromium against the real engine
 * through the browser harness: the window shows the conversion as it goes
 * (the harness holds it after each step, so the page can be looked at
 * mid-way), then the library, converted. A page loaded mid-conversion asks
 * where it stands; every later step reaches it only as an event.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeOldSqliteLibrary } from '../fixtures/old-library';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { startHarness, type Harness } from '../harness/server';

let harness: Harness | null = null;
let dataDir: string;

test.beforeEach(async ({ page }) => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-library-update-'));
  await recordCspViolations(page);
});
test.afterEach(async ({ page }) => {
  await expectNoCspViolations(page);
  await harness?.close();
  harness = null;
  await fs.rm(dataDir, { recursive: true, force: true });
});

const screenshotDir = path.resolve('test-results/screenshots');

test('a library from an older Scribe: the window shows its conversion step by step, then the library', async ({ page }) => {
  await makeOldSqliteLibrary(path.join(dataDir, 'scribe.sqlite'), 3);
  harness = await startHarness({ dataDir, holdMigration: true });
  await page.goto(`${harness.url}#/library`);

  // Held at its first step: the page learnt it by asking, as a window that loads mid-conversion does.
  const update = page.getByTestId('library-update');
  await expect(update.getByRole('heading', { level: 1 })).toHaveText('Updating your library for this version of Scribe…');
  const step = page.getByTestId('library-update-step');
  await expect(step).toHaveText('Converting saves: 0 of 3 saves done');
  const bar = update.getByRole('progressbar', { name: 'Library update' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(bar).toHaveAttribute('aria-valuemax', '3');
  await expect(update).toContainText('You can close Scribe at any time');
  // The app underneath waits for its library and cannot be reached meanwhile, not even from the keyboard.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await fs.mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, 'library-update-light.png'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(screenshotDir, 'library-update-dark.png'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Each later step reaches the page only as an event.
  harness.stepMigration();
  await expect(step).toHaveText('Converting saves: 3 of 3 saves done');
  await expect(bar).toHaveAttribute('aria-valuenow', '3');
  harness.stepMigration();
  await expect(step).toHaveText('All 3 saves converted; putting them in place');
  harness.stepMigration();
  await expect(step).toHaveText('Giving the disk space the old format used back to your computer');

  harness.releaseMigration();
  await harness.libraryOpen;
  await expect(update).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  for (const n of [1, 2, 3]) await expect(page.getByText(`Old Game ${n}`, { exact: true })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to content' })).toBeFocused();
  expect(harness.events.filter((e) => e.name === 'libraryMigration').map((e) => e.payload)).toEqual([
    { version: 6, phase: 'converting', savesDone: 0, savesTotal: 3 },
    { version: 6, phase: 'converting', savesDone: 3, savesTotal: 3 },
    { version: 6, phase: 'finishing', savesDone: 3, savesTotal: 3 },
    { version: 6, phase: 'reclaiming', savesDone: 3, savesTotal: 3 },
    { version: 6, phase: 'done', savesDone: 3, savesTotal: 3 },
  ]);
});

test('switching to an older library in Settings shows its conversion, then the settings saved', async ({ page }) => {
  const other = path.join(dataDir, 'elsewhere', 'old.sqlite');
  await makeOldSqliteLibrary(other, 3);
  harness = await startHarness({ dataDir, holdMigration: true });
  await harness.libraryOpen;
  await page.goto(`${harness.url}#/settings`);
  await page.getByTestId('database-path').fill(other);
  await page.getByTestId('save-settings').click();

  const update = page.getByTestId('library-update');
  await expect(page.getByTestId('library-update-step')).toHaveText('Converting saves: 0 of 3 saves done');
  harness.releaseMigration();
  await expect(update).toHaveCount(0);
  // The settings view waited underneath and reports its own outcome.
  await expect(page.getByTestId('settings-saved')).toBeVisible();
  await expect(page.getByTestId('app-info')).toContainText(other);
  expect(harness.events.filter((e) => e.name === 'libraryMigration').at(-1)?.payload).toEqual({
    version: 6,
    phase: 'done',
    savesDone: 3,
    savesTotal: 3,
  });
});

test('a library at this version opens with no update screen', async ({ page }) => {
  harness = await startHarness({ dataDir });
  await page.goto(`${harness.url}#/library`);
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await expect(page.getByTestId('library-update')).toHaveCount(0);
  expect(harness.events.filter((e) => e.name === 'libraryMigration')).toEqual([]);
});
