/**
 * Exporting from the app, in Chromium against the real engine through the
 * browser harness: Library → Export… writes one file per table to the folder
 * the dialog returns, with progress and a summary; a chart's rows save as CSV.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tableSpecs } from '../../src/engine/store';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { startHarness, type Harness } from '../harness/server';

let harness: Harness | null = null;
let scratch: string;

test.beforeEach(async ({ page }) => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-export-ui-'));
  await recordCspViolations(page);
  harness = await startHarness();
  const saves = path.join(scratch, 'saves');
  await fs.mkdir(saves);
  for (const seed of [1, 2]) await writeSaveZip(path.join(saves, `save-${seed}.zip`), generateSave({ scale: 'small', seed }).xml);
  const { runId } = await harness.handlers.startImport({ paths: [saves] });
  await expect
    .poll(() => harness!.events.some((e) => e.name === 'importFinished' && (e.payload as { runId: string }).runId === runId))
    .toBe(true);
});
test.afterEach(async ({ page }) => {
  await expectNoCspViolations(page);
  await harness?.close();
  harness = null;
  await fs.rm(scratch, { recursive: true, force: true });
});

test('Library → Export… writes every table to the chosen folder and says what it wrote', async ({ page }) => {
  const out = path.join(scratch, 'export');
  await page.goto(`${harness!.url}#/library`);

  // A cancelled dialog does nothing.
  await page.getByTestId('export-library').click();
  await expect(page.getByTestId('export-library')).toBeEnabled();
  await expect(page.getByTestId('export-done')).toHaveCount(0);

  harness!.setExportPick('folder', out);
  await page.getByTestId('export-format').selectOption('csv');
  await page.getByTestId('export-library').click();
  const done = page.getByTestId('export-done');
  await expect(done).toContainText('Exported 2 saves as CSV files');
  await expect(done).toContainText(out);
  const files = (await fs.readdir(out)).sort();
  expect(files).toEqual(['saves', ...tableSpecs.map((s) => s.table)].map((t) => `${t}.csv`).sort());
  const saves = await fs.readFile(path.join(out, 'saves.csv'), 'utf8');
  expect(saves.split('\n')[0]).toMatch(/^game_id,save_turn,save_sha256,id,/);
  expect(saves.trim().split('\n')).toHaveLength(3);
  await page.screenshot({ path: path.resolve('test-results/screenshots/library-exported-light.png'), animations: 'disabled' });

  await done.getByRole('button', { name: 'Dismiss' }).click();
  await expect(done).toHaveCount(0);
});

test('an export that cannot be written says why', async ({ page }) => {
  // A file where the folder should be: the export cannot create its folder.
  const blocked = path.join(scratch, 'not-a-folder');
  await fs.writeFile(blocked, 'in the way');
  harness!.setExportPick('folder', blocked);
  await page.goto(`${harness!.url}#/library`);
  await page.getByTestId('export-library').click();
  await expect(page.getByTestId('export-failed')).toContainText('The library could not be exported');
});

test("a chart's rows save as CSV where the save dialog says", async ({ page }) => {
  const file = path.join(scratch, 'points.csv');
  harness!.setExportPick('saveFile', file);
  await page.goto(`${harness!.url}#/library`);
  await page.getByTestId('game-row').first().click();
  await page.getByTestId('tab-charts').click();
  await page.getByTestId('chart-csv').click();
  await expect(page.getByTestId('chart-csv-saved')).toContainText(file);
  const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^turn,/);
  // One column per player, one row per turn, turns in order.
  const width = lines[0]!.split(',').length;
  expect(width).toBeGreaterThan(2);
  const turns = lines.slice(1).map((l) => Number(l.split(',')[0]));
  expect(turns.length).toBeGreaterThan(1);
  expect(turns).toEqual([...turns].sort((a, b) => a - b));
});
