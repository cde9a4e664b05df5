/**
 * The sample library and queued imports, in Chromium against the real
 * engine through the browser harness: an empty library offers sample saves,
 * imports them with live progress, marks them and removes them in one
 * click; cancelling an import does not lose the one queued behind it.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sampleSetOutcome, samplesFolder } from '../../src/engine/samples';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { dropPaths } from './drop';
import { startHarness, type Harness } from '../harness/server';

let harness: Harness | null = null;
let scratch: string;

test.beforeEach(async ({ page }) => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-samples-ui-'));
  await recordCspViolations(page);
});
test.afterEach(async ({ page }) => {
  await expectNoCspViolations(page);
  await harness?.close();
  harness = null;
  await fs.rm(scratch, { recursive: true, force: true });
});

const screenshotDir = path.resolve('test-results/screenshots');

test('an empty library offers sample saves: progress, marked in the library, removed in one click', async ({ page }) => {
  // Held workers keep the import running until the test has seen its progress.
  harness = await startHarness({ holdWorkers: true });
  await page.goto(`${harness.url}#/library`);
  const empty = page.getByTestId('library-empty');
  await expect(empty).toBeVisible();
  await fs.mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, 'library-empty-samples-light.png'), animations: 'disabled' });

  await empty.getByRole('button', { name: 'Try Scribe with sample saves' }).click();
  const progress = page.getByTestId('import-progress');
  await expect(progress.getByRole('heading', { name: 'Importing saves' })).toBeVisible();
  await expect(page.getByTestId('count-remaining')).toHaveText('10');
  await expect(page.getByTestId('in-flight')).toContainText('OW-Save-Auto-10.zip');
  harness.releaseWorkers();

  const summary = page.getByTestId('import-summary');
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Import finished with failures');
  await expect(page.getByTestId('summary-imported')).toHaveText(String(sampleSetOutcome.imported));
  await expect(page.getByTestId('summary-skipped')).toHaveText(String(sampleSetOutcome.skipped));
  await expect(page.getByTestId('summary-failed')).toHaveText(String(sampleSetOutcome.failed));
  // The damaged sample says what is wrong with it, like any failed file.
  await expect(page.getByTestId('summary-group-failed')).toContainText(sampleSetOutcome.damagedFile);
  await expect(page.getByTestId('summary-group-failed')).toContainText('ZIP_CORRUPT');

  await summary.getByRole('link', { name: 'View library' }).click();
  // One row per game: the series of The Long Reign is one game.
  const { total: sampleGames } = await harness.handlers.listGames({});
  expect(sampleGames).toBeLessThan(sampleSetOutcome.imported);
  const rows = page.getByTestId('game-row');
  await expect(rows).toHaveCount(sampleGames);
  await expect(page.getByTestId('sample-badge')).toHaveCount(sampleGames);
  await expect(page.getByTestId('games-table')).toContainText('Sample: The Long Reign');
  await expect(page.getByTestId('games-table')).toContainText('Sample: Friday Multiplayer');
  await expect(page.getByTestId('samples-note')).toContainText(`${sampleSetOutcome.imported} saves here are samples`);
  await page.screenshot({ path: path.join(screenshotDir, 'library-samples-light.png'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(screenshotDir, 'library-samples-dark.png'), animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });

  // The detail says so too.
  await rows.filter({ hasText: 'Sample: A Hard-Won Victory' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sample: A Hard-Won Victory' })).toBeVisible();
  await expect(page.getByTestId('sample-badge')).toBeVisible();
  await page.goBack();

  await page.getByTestId('remove-samples').click();
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await expect(page.getByTestId('remove-samples')).toHaveCount(0);
  await expect(fs.stat(samplesFolder(harness.dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
  expect((await harness.handlers.ledgerHistory({})).total).toBe(0);
});

test('cancelling an import runs the one queued behind it, and the queued notice goes when it starts', async ({ page }) => {
  harness = await startHarness({ holdWorkers: true });
  const first = path.join(scratch, 'first.zip');
  const second = path.join(scratch, 'second.zip');
  await writeSaveZip(first, generateSave({ scale: 'small', seed: 11, turns: 20, gameName: 'First Game' }).xml);
  await writeSaveZip(second, generateSave({ scale: 'small', seed: 12, turns: 30, gameName: 'Queued Game' }).xml);

  await page.goto(harness.url);
  await dropPaths(page, [first]);
  const progress = page.getByTestId('import-progress');
  await expect(page.getByTestId('in-flight')).toContainText('first.zip');
  await dropPaths(page, [second]);
  const queued = page.getByTestId('import-queued');
  await expect(queued).toContainText('Another import is queued');
  await page.screenshot({ path: path.join(screenshotDir, 'import-queued-light.png'), animations: 'disabled' });

  await progress.getByRole('button', { name: 'Cancel' }).click();
  // The queued run starts at once: its file is the one in flight, and the notice is gone.
  await expect(page.getByTestId('in-flight')).toContainText('second.zip');
  await expect(queued).toHaveCount(0);
  harness.releaseWorkers();

  const summary = page.getByTestId('import-summary');
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText('Import complete');
  await expect(page.getByTestId('summary-imported')).toHaveText('1');
  const outcomes = harness.events.filter((e) => e.name === 'importFinished').map((e) => (e.payload as { outcome: string }).outcome);
  expect(outcomes).toEqual(['cancelled', 'completed']);
  expect(await harness.handlers.ledgerHistory({ status: 'imported' })).toMatchObject({ items: [{ path: second }] });
  await summary.getByRole('link', { name: 'View library' }).click();
  await expect(page.getByTestId('game-row')).toHaveCount(1);
  await expect(page.getByTestId('game-row')).toContainText('Queued Game');
});
