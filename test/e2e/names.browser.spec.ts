/**
 * What a player reads, in Chromium against the real engine through the
 * harness: saves of several kinds (small, typical, multiplayer, single
 * player, a game over in each winner form, the legacy forms with a victory's
 * index) imported for real, then the library and every save's page checked
 * for raw game keys and markup; the result reads from the player's side.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateSave, writeSaveZip, type GenerateOptions } from '../fixtures/generate';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { startHarness, type Harness } from '../harness/server';

let harness: Harness;
let scratch: string;
const screenshotDir = path.resolve('test-results/screenshots');

test.beforeEach(async ({ page }) => {
  harness = await startHarness();
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-names-'));
  await recordCspViolations(page);
});
test.afterEach(async ({ page }) => {
  await expectNoCspViolations(page);
  await harness?.close();
  await fs.rm(scratch, { recursive: true, force: true });
});

/** A key of any family the player should never see, as the game writes them. */
const rawKey = /\b(NAME|CITYNAME|NATION|FAMILY|VICTORY|LAW|TECH|YIELD|DIFFICULTY|MAPSIZE|MAPCLASS)_[A-Z0-9_]+/;

async function expectReadable(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text, `${where}: a raw key`).not.toMatch(rawKey);
  expect(text, `${where}: markup`).not.toContain('<color');
  expect(text, `${where}: markup`).not.toContain('<link');
}

type Save = {
  file: string;
  options: Omit<GenerateOptions, 'seed' | 'scale'> & { scale?: GenerateOptions['scale'] };
  edit?: (xml: string) => string;
};

const saves: Save[] = [
  { file: 'small.zip', options: { gameName: 'Small Game' } },
  { file: 'typical.zip', options: { scale: 'typical', gameName: 'Typical Game' } },
  { file: 'multiplayer.zip', options: { gameName: 'Network Game', gameMode: 'NETWORK', humans: 3 } },
  { file: 'team-victories.zip', options: { gameName: 'Team Victories', winner: 'teamVictories' } },
  { file: 'legacy.zip', options: { gameName: 'Legacy Named', winner: 'legacy' } },
  // Older saves wrote the victory as the index of its type: 4 is Conquest, 0 Points.
  {
    file: 'legacy-index.zip',
    options: { gameName: 'Legacy Index', winner: 'legacy', gameMode: 'SINGLE_PLAYER', humans: 1 },
    edit: (xml) => xml.replace('<WinnerVictory>VICTORY_TIME</WinnerVictory>', '<WinnerVictory>4</WinnerVictory>'),
  },
  {
    file: 'victory-element.zip',
    options: { gameName: 'Victory Element', winner: 'victoryElement', gameMode: 'SINGLE_PLAYER', humans: 1 },
    edit: (xml) => xml.replace('type="VICTORY_CONQUEST"', 'type="0"'),
  },
];

test('no raw key or markup reaches the library or any save’s page, and results read from the player’s side', async ({ page }) => {
  test.setTimeout(180_000);
  const folder = path.join(scratch, 'Saves');
  await fs.mkdir(folder);
  for (const [i, s] of saves.entries()) {
    const xml = generateSave({ seed: 40 + i, scale: 'small', ...s.options }).xml;
    const edited = s.edit ? s.edit(xml) : xml;
    if (s.edit) expect(edited, `${s.file} was edited`).not.toBe(xml);
    await writeSaveZip(path.join(folder, s.file), edited);
  }
  const { runId } = await harness.handlers.startImport({ paths: [folder] });
  await expect
    .poll(() => harness.events.some((e) => e.name === 'importFinished' && (e.payload as { runId: string }).runId === runId), {
      timeout: 120_000,
    })
    .toBe(true);

  const { items } = await harness.handlers.listSaves({});
  expect(items).toHaveLength(saves.length);
  const byName = new Map(items.map((s) => [s.gameName, s]));
  // Every winner form is stored as a victory key.
  expect(byName.get('Team Victories')!.winner?.victory).toBe('VICTORY_POINTS');
  expect(byName.get('Legacy Named')!.winner?.victory).toBe('VICTORY_TIME');
  expect(byName.get('Legacy Index')!.winner?.victory).toBe('VICTORY_CONQUEST');
  expect(byName.get('Victory Element')!.winner?.victory).toBe('VICTORY_POINTS');

  await page.goto(`${harness.url}#/library`);
  // Each save is a game of its own: one row each.
  const rows = page.getByTestId('game-row');
  await expect(rows).toHaveCount(saves.length);
  await expectReadable(page, 'library');
  await expect(rows.filter({ hasText: 'Small Game' }).getByTestId('result-badge')).toHaveText('In progress');
  // The only human lost to the last player: a defeat, with who won and how, in words.
  const element = rows.filter({ hasText: 'Victory Element' });
  await expect(element.getByTestId('result-badge')).toHaveText('Defeat');
  await expect(element.getByTestId('result-detail')).toHaveText(/^\S.* won by Points$/);
  // The list knows the teams and the save's owner too: a team's victory is told from the player's side, as on the save's page.
  await expect(rows.filter({ hasText: 'Legacy Index' }).getByTestId('result-badge')).toHaveText('Victory (Conquest)');
  await page.screenshot({ path: path.join(screenshotDir, 'names-library-light.png'), fullPage: true, animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(screenshotDir, 'names-library-dark.png'), fullPage: true, animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });

  for (const save of items) {
    await page.goto(`${harness.url}#/library/save/${save.saveId}`);
    await expect(page.getByRole('heading', { level: 1, name: save.gameName! })).toBeVisible();
    await expect(page.getByTestId('players-table')).toBeVisible();
    await expectReadable(page, `detail of ${save.gameName}`);
  }

  // A save's page knows its player and the teams: the legacy team winner is the player's own victory.
  await page.goto(`${harness.url}#/library/save/${byName.get('Legacy Index')!.saveId}`);
  await expect(page.getByTestId('result-badge')).toHaveText('Victory (Conquest)');
  await expect(page.getByText('Single player', { exact: true })).toBeVisible();
  await page.screenshot({ path: path.join(screenshotDir, 'names-detail-light.png'), fullPage: true, animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(screenshotDir, 'names-detail-dark.png'), fullPage: true, animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Team 1 won; the player (ActivePlayer 0) is on team 0.
  await page.goto(`${harness.url}#/library/save/${byName.get('Team Victories')!.saveId}`);
  await expect(page.getByTestId('result-badge')).toHaveText('Defeat');
  await expect(page.getByTestId('result-detail')).toHaveText(/ won by Points$/);

  await page.goto(`${harness.url}#/library/save/${byName.get('Network Game')!.saveId}`);
  await expect(page.getByText('Multiplayer', { exact: true })).toBeVisible();
  await expect(page.getByTestId('result-badge')).toHaveText('In progress');
});
