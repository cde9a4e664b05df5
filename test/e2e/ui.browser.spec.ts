/**
 * The renderer in Chromium against the real engine through the browser
 * harness: navigation, settings, the empty library, the drop zone, the
 * responsive layout and both colour themes.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { failureAdvice } from '../../src/shared/errors';
import type { FileResult } from '../../src/shared/import';
import type { Settings } from '../../src/shared/settings';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { dropPaths } from './drop';
import { startHarness, type Harness } from '../harness/server';

let harness: Harness;
let scratch: string;

test.beforeEach(async ({ page }) => {
  harness = await startHarness();
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-ui-'));
  await recordCspViolations(page);
});
test.afterEach(async ({ page }) => {
  await expectNoCspViolations(page);
  await harness?.close();
  await fs.rm(scratch, { recursive: true, force: true });
});

const screenshotDir = path.resolve('test-results/screenshots');

/** Presses Tab until `target` has focus; fails if it never gets there (not keyboard reachable). */
async function tabTo(page: Page, target: Locator, maxPresses = 30): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Not reachable with Tab within ${maxPresses} presses`);
}

/** Three saves of two games (one over) and an archive that is not one. */
async function makeSaveFolder(): Promise<string> {
  const folder = path.join(scratch, 'Saves');
  await fs.mkdir(folder);
  const saves = [
    { file: 'Persian-T20.zip', options: { seed: 1, turns: 20, gameId: 'game-persia', gameName: 'Persian Ascendancy' } },
    { file: 'Persian-T35.zip', options: { seed: 2, turns: 35, gameId: 'game-persia', gameName: 'Persian Ascendancy' } },
    { file: 'Rematch-T28.zip', options: { seed: 3, turns: 28, players: 4, gameName: 'Rematch', winner: 'teamVictories' as const } },
  ];
  for (const { file, options } of saves) await writeSaveZip(path.join(folder, file), generateSave({ scale: 'small', ...options }).xml);
  await fs.writeFile(path.join(folder, 'broken.zip'), 'this is not an archive');
  return folder;
}

/** Pixels the page is wider than the window: > 0 means a horizontal scrollbar. */
/** Pixels the page is wider than the window. Polled by the tests: the chart re-measures itself after a resize. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function readSettingsFile(): Promise<Settings> {
  return JSON.parse(await fs.readFile(path.join(harness.dataDir, 'settings.json'), 'utf8')) as Settings;
}

test.describe('navigation', () => {
  test('every view is reachable with the keyboard alone, and focus lands on the new view', async ({ page }) => {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();

    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const view of ['Library', 'Settings', 'Import'] as const) {
      const link = nav.getByRole('link', { name: view });
      await tabTo(page, link);
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { level: 1, name: view });
      await expect(heading).toBeVisible();
      await expect(heading).toBeFocused();
      await expect(link).toHaveAttribute('aria-current', 'page');
      await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    }
  });

  test('the skip link is the first stop and jumps to the content', async ({ page }) => {
    await page.goto(`${harness.url}#/library`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeFocused();
  });

  test('a reload keeps the current view', async ({ page }) => {
    await page.goto(harness.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  });
});

test.describe('settings', () => {
  test('worker count and a watch folder are saved to disk and still there after a reload', async ({ page }) => {
    const watched = path.join(scratch, 'Old World Saves');
    await fs.mkdir(watched);
    harness.setPickResult('folders', [watched]);

    await page.goto(`${harness.url}#/settings`);
    const save = page.getByTestId('save-settings');
    await expect(page.getByTestId('workers-auto')).toBeChecked();
    await expect(save).toBeDisabled();

    await page.getByTestId('workers-fixed').check();
    await page.getByTestId('workers-count').fill('3');
    await page.getByTestId('add-watch-folder').click();
    await expect(page.getByTestId('watch-folder')).toHaveCount(1);
    await expect(page.getByTestId('watch-folder')).toContainText(watched);
    await expect(page.getByTestId('settings-status')).toContainText('unsaved changes');

    await save.click();
    await expect(page.getByTestId('settings-saved')).toHaveText('Settings saved');
    await expect(save).toBeDisabled();

    const onDisk = await readSettingsFile();
    expect(onDisk.workers).toBe(3);
    expect(onDisk.watchFolders).toEqual([watched]);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByTestId('workers-fixed')).toBeChecked();
    await expect(page.getByTestId('workers-count')).toHaveValue('3');
    await expect(page.getByTestId('watch-folder')).toContainText(watched);

    // Removing the folder and going back to automatic is saved the same way.
    await page.getByRole('button', { name: `Stop watching ${watched}` }).click();
    await page.getByTestId('workers-auto').check();
    await save.click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    await expect(page.getByTestId('watch-empty')).toBeVisible();
    const after = await readSettingsFile();
    expect(after.workers).toBe('auto');
    expect(after.watchFolders).toEqual([]);
  });

  test('an out-of-range worker count cannot be saved', async ({ page }) => {
    await page.goto(`${harness.url}#/settings`);
    await page.getByTestId('workers-fixed').check();
    await page.getByTestId('workers-count').fill('0');
    await expect(page.getByTestId('workers-count')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('save-settings')).toBeDisabled();
    await page.getByTestId('workers-count').fill('8');
    await expect(page.getByTestId('save-settings')).toBeEnabled();
  });

  test('discarding restores the saved values', async ({ page }) => {
    await page.goto(`${harness.url}#/settings`);
    const size = page.getByTestId('max-xml');
    const original = await size.inputValue();
    await size.fill('512');
    await page.getByRole('button', { name: 'Discard' }).click();
    await expect(size).toHaveValue(original);
    await expect(page.getByTestId('save-settings')).toBeDisabled();
  });

  test('shows the app version and data folder, with a button to open it', async ({ page }) => {
    await page.goto(`${harness.url}#/settings`);
    const info = page.getByTestId('app-info');
    await expect(info).toContainText('Scribe harness');
    await expect(info).toContainText(harness.dataDir);
    await expect(page.getByRole('button', { name: 'Open data folder' })).toBeEnabled();
  });
});

test.describe('library', () => {
  test('an empty library says so and leads to the import view', async ({ page }) => {
    await page.goto(`${harness.url}#/library`);
    const empty = page.getByTestId('library-empty');
    await expect(empty).toBeVisible();
    await expect(empty).toContainText('Your library is empty');
    await expect(page.getByTestId('games-table')).toHaveCount(0);
    await empty.getByRole('link', { name: 'Import saves' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await expect(page.getByTestId('drop-zone')).toBeVisible();
  });
});

test.describe('drop zone', () => {
  test('shows that it accepts the drag, then imports what was dropped and reports why it failed', async ({ page }) => {
    const missing = path.join(scratch, 'gone', 'OW-Save-Auto-12.zip');
    await page.goto(harness.url);
    const zone = page.getByTestId('drop-zone');

    // Dragging over the zone (not yet dropping) changes its look and wording.
    await zone.evaluate((el) => {
      const data = new DataTransfer();
      data.items.add(new File([''], 'x.zip'));
      el.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await expect(zone).toHaveClass(/dragging/);
    await expect(zone.getByRole('heading')).toHaveText('Drop to import');
    await zone.evaluate((el) => el.dispatchEvent(new DragEvent('dragleave', { bubbles: true })));
    await expect(zone).not.toHaveClass(/dragging/);

    await dropPaths(page, [missing]);

    const summary = page.getByTestId('import-summary');
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Import finished with failures');
    await expect(page.getByTestId('summary-failed')).toHaveText('1');
    await expect(page.getByTestId('summary-imported')).toHaveText('0');
    const failure = summary.getByTestId('failure-item');
    await expect(failure).toHaveCount(1);
    await expect(failure).toContainText('OW-Save-Auto-12.zip');
    await expect(failure).toContainText('FILE_UNREADABLE');
    await expect(failure.getByTestId('failure-advice')).toContainText(failureAdvice.FILE_UNREADABLE);

    // The engine really received the dropped path.
    const started = harness.events.filter((e) => e.name === 'importStarted');
    expect(started).toHaveLength(1);
    expect(harness.events.some((e) => e.name === 'fileResult' && (e.payload as { path: string }).path === missing)).toBe(true);

    // Retry failed runs the failed file again, as a retry.
    await summary.getByRole('button', { name: 'Retry failed' }).click();
    await expect.poll(() => harness.events.filter((e) => e.name === 'importFinished').length).toBe(2);
    expect(harness.events.filter((e) => e.name === 'importStarted').map((e) => (e.payload as { kind: string }).kind)).toEqual([
      'import',
      'retry',
    ]);
    await expect(page.getByTestId('summary-failed')).toHaveText('1');

    // After a reload the window still knows that a file failed, and offers to retry it.
    await page.reload();
    await expect(page.getByTestId('retry-banner')).toContainText('1 file failed');
    await expect(page.getByTestId('retry-banner').getByRole('button', { name: 'Retry failed' })).toBeEnabled();
  });

  test('a dropped folder without saves says that nothing was found', async ({ page }) => {
    const emptyFolder = path.join(scratch, 'empty');
    await fs.mkdir(emptyFolder);
    await page.goto(harness.url);
    await dropPaths(page, [emptyFolder]);
    const summary = page.getByTestId('import-summary');
    await expect(summary.getByRole('heading', { level: 2 })).toHaveText('No saves found');
    await expect(page.getByTestId('summary-sentence')).toContainText('found no Old World save archives');
  });

  test('"Import folder…" imports what the folder dialog returns, and a cancelled dialog does nothing', async ({ page }) => {
    await page.goto(harness.url);
    harness.setPickResult('folders', []);
    await page.getByRole('button', { name: 'Import folder…' }).click();

    const emptyFolder = path.join(scratch, 'picked');
    await fs.mkdir(emptyFolder);
    harness.setPickResult('folders', [emptyFolder]);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    await expect(page.getByTestId('import-summary')).toBeVisible();
    // Calls travel in order over one socket: had the cancelled dialog started a run, it would be here first.
    const started = harness.events.filter((e) => e.name === 'importStarted');
    expect(started).toHaveLength(1);
    await expect(page.getByTestId('import-error')).toHaveCount(0);
  });
});

test.describe('with saves', () => {
  test('importing a folder reports every file, fills the library, and a save opens with its chart and can be deleted', async ({ page }) => {
    const folder = await makeSaveFolder();
    harness.setPickResult('folders', [folder]);
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Import folder…' }).click();

    const summary = page.getByTestId('import-summary');
    await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Import finished with failures');
    await expect(page.getByTestId('summary-imported')).toHaveText('3');
    await expect(page.getByTestId('summary-skipped')).toHaveText('0');
    await expect(page.getByTestId('summary-failed')).toHaveText('1');
    await expect(page.getByTestId('summary-sentence')).toContainText('4 files: 3 saves imported, 0 skipped, 1 failed.');
    await page.screenshot({ path: path.join(screenshotDir, 'import-finished-light.png'), fullPage: true, animations: 'disabled' });

    // The failure shows the engine's own sentence and the advice for its code.
    const failed = harness.events.map((e) => e.payload as FileResult).find((r) => r.status === 'failed');
    expect(failed?.path).toBe(path.join(folder, 'broken.zip'));
    const item = summary.getByTestId('failure-item');
    await expect(item).toContainText('broken.zip');
    await expect(item.getByTestId('failure-message')).toHaveText(failed!.status === 'failed' ? failed!.message : '');
    await expect(item.getByTestId('failure-advice')).toContainText(failureAdvice[failed!.status === 'failed' ? failed!.code : 'INTERNAL']);

    // Every imported file is listed, one click away.
    const imported = page.getByTestId('summary-group-imported');
    await imported.locator('summary').click();
    for (const file of ['Persian-T20.zip', 'Persian-T35.zip', 'Rematch-T28.zip']) await expect(imported).toContainText(file);

    await summary.getByRole('link', { name: 'View library' }).click();
    // Three saves of two games: one row per game.
    const rows = page.getByTestId('game-row');
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId('library-range')).toHaveText('1–2 of 2');

    // Sorting by length: longest first, then the other way.
    const turnHeader = page.getByRole('columnheader', { name: 'Turns' });
    await page.getByTestId('sort-turns').click();
    await expect(turnHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.getByTestId('game-turns')).toHaveText(['Turns 20–35', 'Turn 28']);
    await page.getByTestId('sort-turns').click();
    await expect(turnHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows.getByTestId('game-turns')).toHaveText(['Turn 28', 'Turns 20–35']);

    // Filters: text, the player's nation, the result, then clear.
    await page.getByTestId('library-search').fill('persian');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Persian Ascendancy');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(rows).toHaveCount(2);
    // The nation filter, checked against what the engine holds: the games whose player had that nation.
    const { items: games } = await harness.handlers.listGames({});
    const nation = games.find((g) => g.gameName === 'Rematch')!.owner!.nation!;
    await page.getByTestId('library-nation').selectOption(nation);
    await expect(rows).toHaveCount(games.filter((g) => g.owner?.nation === nation).length);
    await expect(rows.filter({ hasText: 'Rematch' })).toHaveCount(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(rows).toHaveCount(2);
    await page.getByTestId('library-result').selectOption('defeat');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Rematch');
    // The result from the save owner's side, and who won, in words made by the renderer from the library's plain facts.
    await expect(rows.first().getByTestId('result-badge')).toHaveText('Defeat');
    await expect(rows.first().getByTestId('result-detail')).toHaveText(/^\S.* won by Points$/);

    await page.screenshot({ path: path.join(screenshotDir, 'library-with-saves-light.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 800, height: 600 });
    await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The game page: players, the chart with one line per player, and the other saves of the game.
    await page.getByTestId('library-result').selectOption('');
    await rows.filter({ hasText: 'Rematch' }).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rematch' })).toBeVisible();
    await expect(page.getByTestId('players-table').locator('tbody tr')).toHaveCount(4);
    // What the save holds is told as a game, not as table counts.
    await expect(page.locator('main')).not.toContainText('Characters');
    await page.screenshot({ path: path.join(screenshotDir, 'detail-light.png'), fullPage: true, animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(screenshotDir, 'detail-dark.png'), fullPage: true, animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('tab-charts').click();
    const chart = page.getByTestId('game-chart');
    await expect(chart.getByRole('slider')).toHaveAccessibleName(/^Points over turns/);
    await expect(chart.getByTestId('history-plot')).toHaveAttribute('data-lines-shown', '4');
    await expect(chart.getByRole('list', { name: /^Players/ }).getByRole('listitem')).toHaveCount(4);

    // The game page at the smallest supported window: one column, nothing wider than the window.
    await page.setViewportSize({ width: 800, height: 600 });
    await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('link', { name: 'Library' }).first().click();
    // The game's name opens its latest save.
    await rows.filter({ hasText: 'Persian' }).first().getByRole('link').click();
    await expect(page.getByTestId('turn-select').locator('option')).toHaveCount(2);

    // Delete asks first; cancelling keeps the save.
    await page.getByTestId('delete-save').click();
    const dialog = page.getByRole('dialog', { name: 'Delete this save?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect((await harness.handlers.listSaves({})).total).toBe(3);

    await page.getByTestId('delete-save').click();
    await dialog.getByRole('button', { name: 'Delete save' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    // The game keeps its other save.
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Persian' }).getByTestId('game-turns')).toHaveText('Turn 20');
    expect((await harness.handlers.listSaves({})).total).toBe(2);
  });

  test('importing the same folder again skips every save and says why', async ({ page }) => {
    const folder = await makeSaveFolder();
    harness.setPickResult('folders', [folder]);
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Import folder…' }).click();
    await expect(page.getByTestId('summary-imported')).toHaveText('3');
    await page.getByRole('button', { name: 'Import folder…' }).click();
    await expect(page.getByTestId('summary-skipped')).toHaveText('3');
    await expect(page.getByTestId('summary-imported')).toHaveText('0');
    const skipped = page.getByTestId('summary-group-skipped');
    await skipped.locator('summary').click();
    const reasons = harness.events
      .map((e) => e.payload as FileResult)
      .filter((r): r is Extract<FileResult, { status: 'skipped' }> => r.status === 'skipped');
    expect(reasons).toHaveLength(3);
    for (const r of reasons) await expect(skipped).toContainText(r.message);
    await expect(skipped).toContainText('Persian-T20.zip');
  });
});

test.describe('a running import', () => {
  test('shows live progress, cancels, offers to resume after a reload, and the resumed import completes', async ({ page }) => {
    // Workers that wait for the test's word keep the import running as long as the test needs.
    await harness.close();
    harness = await startHarness({ holdWorkers: true });
    const save = path.join(scratch, 'OW-Save-Auto-42.zip');
    await writeSaveZip(save, generateSave({ scale: 'small', seed: 9, turns: 42, gameName: 'Held Game' }).xml);

    await page.goto(harness.url);
    await dropPaths(page, [save]);

    const progress = page.getByTestId('import-progress');
    await expect(progress.getByRole('heading', { name: 'Importing saves' })).toBeVisible();
    await expect(page.getByTestId('in-flight')).toContainText('OW-Save-Auto-42.zip');
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await expect(bar).toHaveAttribute('aria-valuenow', '0');
    await expect(bar).toHaveAttribute('aria-valuemax', '1');
    await expect(page.getByTestId('count-remaining')).toHaveText('1');
    await expect(page.getByTestId('count-imported')).toHaveText('0');
    await expect(page.getByTestId('import-eta')).toHaveText('Estimating…');
    // The sidebar tells every view that an import is going on.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Import/ })).toContainText('0%');
    await page.screenshot({ path: path.join(screenshotDir, 'import-running-light.png'), animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(screenshotDir, 'import-running-dark.png'), animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'light' });

    // A window opened during the import joins it.
    await page.reload();
    await expect(progress.getByRole('heading', { name: 'Importing saves' })).toBeVisible();
    await expect(page.getByTestId('count-remaining')).toHaveText('1');

    await progress.getByRole('button', { name: 'Cancel' }).click();
    const summary = page.getByTestId('import-summary');
    await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Import cancelled');
    await expect(page.getByTestId('summary-not-started')).toHaveText('1');
    await expect(summary.getByRole('button', { name: 'Resume import' })).toBeVisible();
    const outcomes = harness.events.filter((e) => e.name === 'importFinished').map((e) => (e.payload as { outcome: string }).outcome);
    expect(outcomes).toEqual(['cancelled']);

    // A new window (or a restart) learns about the unfinished file from the engine.
    await page.reload();
    const banner = page.getByTestId('resume-banner');
    await expect(banner).toContainText('1 file was not finished');
    await banner.getByRole('button', { name: 'Resume import' }).click();
    await expect(page.getByTestId('import-progress').getByRole('heading', { name: 'Resuming the interrupted import' })).toBeVisible();

    harness.releaseWorkers();
    await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Import complete');
    await expect(page.getByTestId('summary-imported')).toHaveText('1');
    expect(harness.events.filter((e) => e.name === 'importStarted').map((e) => (e.payload as { kind: string }).kind)).toEqual([
      'import',
      'resume',
    ]);
    await expect(page.getByTestId('resume-banner')).toHaveCount(0);
    await summary.getByRole('link', { name: 'View library' }).click();
    await expect(page.getByTestId('game-row')).toHaveCount(1);
    await expect(page.getByTestId('game-row')).toContainText('Held Game');
  });
});

test.describe('layout', () => {
  for (const view of ['import', 'library', 'settings'] as const) {
    test(`${view} fits 800×600 without horizontal scrolling`, async ({ page }) => {
      await page.setViewportSize({ width: 800, height: 600 });
      await page.goto(`${harness.url}#/${view}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Settle on what each view loads before measuring.
      if (view === 'library') await expect(page.getByTestId('library-empty')).toBeVisible();
      if (view === 'settings') await expect(page.getByTestId('app-info')).toBeVisible();
      await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // The navigation is still all there.
      for (const name of ['Import', 'Library', 'Settings']) {
        await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name })).toBeInViewport();
      }
    });
  }
});

test.describe('themes', () => {
  /** Relative luminance of the page background, 0 (black) to 1 (white). */
  async function backgroundLuminance(page: Page): Promise<number> {
    return page.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.body)
        .backgroundColor.match(/\d+(\.\d+)?/g)!
        .slice(0, 3)
        .map((c) => Number(c) / 255) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`follows the ${scheme} colour scheme; screenshots of every view`, async ({ page }) => {
      await fs.mkdir(screenshotDir, { recursive: true });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(harness.url);
      await expect(page.getByTestId('drop-zone')).toBeVisible();
      const luminance = await backgroundLuminance(page);
      if (scheme === 'dark') expect(luminance).toBeLessThan(0.2);
      else expect(luminance).toBeGreaterThan(0.8);

      await page.screenshot({ path: path.join(screenshotDir, `import-${scheme}.png`), animations: 'disabled' });
      await page.getByRole('link', { name: 'Library' }).click();
      await expect(page.getByTestId('library-empty')).toBeVisible();
      await page.screenshot({ path: path.join(screenshotDir, `library-${scheme}.png`), animations: 'disabled' });
      await page.getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByTestId('app-info')).toBeVisible();
      await page.screenshot({ path: path.join(screenshotDir, `settings-${scheme}.png`), fullPage: true, animations: 'disabled' });
    });
  }
});
