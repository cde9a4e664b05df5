/**
 * The game page's shell, Overview and Charts in Chromium against the real
 * engine through the harness, over real generated saves: every tab by
 * keyboard and by URL, the turn selector across a game's saves, the result
 * from the owner's side in every winner form, the charts (all players,
 * legend toggles, values on hover, CSV), the yield prices (one line per
 * yield), a huge save's charts, live mode
 * while an import brings the next turn, 800x600 and both themes.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { gameTabs } from '../../src/renderer/src/lib/routes';
import { chartData } from '../../src/renderer/src/game/charts/chart-data';
import { generateSave, writeSaveZip } from '../fixtures/generate';
import { startHarness, type Harness } from '../harness/server';
import { expectNoCspViolations, recordCspViolations } from './csp';
import { expectReadable, importStudySaves, screenshotThemes } from './study-saves';

let harness: Harness;
let scratch: string;

test.beforeEach(async ({ page }) => {
  harness = await startHarness();
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-game-page-'));
  await recordCspViolations(page);
});
test.afterEach(async ({ page }) => {
  await expectNoCspViolations(page);
  await harness?.close();
  await fs.rm(scratch, { recursive: true, force: true });
});

/** Presses Tab until `target` has focus; fails if it never gets there (not keyboard reachable). */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Not reachable with Tab within ${maxPresses} presses`);
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const tabHeading = (page: Page) => page.locator('main h2[tabindex="-1"]');

test('every tab is reachable by keyboard and by URL, focus lands on its heading, and a reload keeps tab and turn', async ({ page }) => {
  const ids = await importStudySaves(harness, ['seriesTurn20', 'seriesTurn40', 'seriesTurn60']);
  await page.goto(`${harness.url}#/game/${ids.seriesTurn40}/overview`);
  const h1 = page.getByRole('heading', { level: 1, name: 'Long Campaign' });
  await expect(h1).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Game views' });

  // The page opened on the overview: visit the others, then come back to it.
  for (const tab of [...gameTabs.slice(1), gameTabs[0]]) {
    const link = nav.getByTestId(`tab-${tab}`);
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/game/${ids.seriesTurn40}/${tab}$`));
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    // Only the tab changed: focus goes to the tab's own heading, not the page's.
    await expect(tabHeading(page)).toBeFocused();
  }

  // By URL, and a reload keeps the tab and the turn.
  await page.goto(`${harness.url}#/game/${ids.seriesTurn20}/charts`);
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 20');
  await expect(page.getByRole('heading', { level: 2, name: 'Charts' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 20');
  await expect(page.getByTestId('tab-charts')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('turn-select')).toHaveValue(String(ids.seriesTurn20));

  // Back and forward walk the tabs seen.
  await page.getByTestId('tab-overview').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeFocused();
  await page.goBack();
  await expect(page.getByTestId('tab-charts')).toHaveAttribute('aria-current', 'page');
  await page.goForward();
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-current', 'page');

  // A save that is not there says so.
  await page.goto(`${harness.url}#/game/9999/overview`);
  await expect(page.getByTestId('game-missing')).toContainText('This save is not in the library');
});

test('the turn selector moves between the game’s saves, by buttons and by the list, keeping the tab', async ({ page }) => {
  const ids = await importStudySaves(harness, ['seriesTurn20', 'seriesTurn40', 'seriesTurn60']);
  await page.goto(`${harness.url}#/game/${ids.seriesTurn20}/charts`);
  const select = page.getByTestId('turn-select');
  await expect(select.locator('option')).toHaveText(['20', '40', '60 (latest)']);
  await expect(page.getByTestId('turn-previous')).toBeDisabled();

  await page.getByTestId('turn-next').click();
  await expect(page).toHaveURL(new RegExp(`#/game/${ids.seriesTurn40}/charts$`));
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 40');
  // Picked from the selector: focus stays there, the player may go on choosing.
  await expect(page.getByTestId('turn-next')).toBeFocused();
  // By keyboard to the last save: its button turns disabled, and focus stays in the selector.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 60');
  await expect(select).toBeFocused();
  await page.getByTestId('turn-previous').click();
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 40');

  await select.selectOption(String(ids.seriesTurn60));
  await expect(page).toHaveURL(new RegExp(`#/game/${ids.seriesTurn60}/charts$`));
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 60');
  await expect(page.getByTestId('turn-next')).toBeDisabled();
  await expect(page.getByTestId('chart-turn')).toHaveText('Latest values, turn 60');

  await page.getByTestId('turn-previous').click();
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 40');
  await page.goBack();
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 60');
});

test('the overview tells the result from the owner’s side in every winner form, with the victory type, ranking and settings', async ({
  page,
}) => {
  const ids = await importStudySaves(harness, ['typical', 'multiplayer', 'teamVictories', 'legacy', 'victoryElement', 'seriesTurn20']);
  const badge = page.getByTestId('result-badge');

  // Legacy WinnerTeam 0 (the player's team) by Time: his own victory.
  await page.goto(`${harness.url}#/game/${ids.legacy}/overview`);
  await expect(badge).toHaveText('Victory (Time)');
  await expect(page.getByTestId('overview-outcome')).toHaveText('Victory (Time)');
  await expect(page.getByTestId('overview-victory')).toHaveText('Time');
  await expect(page.getByTestId('timeline').locator('li').last()).toContainText('Game over: Victory (Time)');
  await expectReadable(page, 'overview of a legacy winner');

  // The root <Victory> element: the last player won by Conquest, the owner lost.
  await page.goto(`${harness.url}#/game/${ids.victoryElement}/overview`);
  await expect(badge).toHaveText('Defeat');
  await expect(page.getByTestId('result-detail')).toHaveText(/^\S.* won by Conquest$/);
  await expect(page.getByTestId('overview-victory')).toHaveText('Conquest');
  await expectReadable(page, 'overview of a victory element');

  // TeamVictories: team 1 won by Points; the owner is on team 0.
  await page.goto(`${harness.url}#/game/${ids.teamVictories}/overview`);
  await expect(badge).toHaveText('Defeat');
  await expect(page.getByTestId('result-detail')).toHaveText(/ won by Points$/);
  await expect(page.getByTestId('overview-victory')).toHaveText('Points');
  await expectReadable(page, 'overview of a team victory');

  // Multiplayer, in progress: every human marked so, the owner among them, the mode in the game's words.
  await page.goto(`${harness.url}#/game/${ids.multiplayer}/overview`);
  await expect(badge).toHaveText('In progress');
  await expect(page.getByTestId('overview-settings')).toContainText('Multiplayer');
  const rows = page.getByTestId('ranking-row');
  const { players } = (await harness.handlers.gameOverview({ saveId: ids.multiplayer }))!;
  await expect(rows).toHaveCount(players.length);
  const humans = players.filter((p) => p.isHuman).length;
  expect(humans).toBeGreaterThan(1);
  await expect(rows.filter({ hasText: 'Human' })).toHaveCount(humans);
  await expect(rows.filter({ hasText: 'You' })).toHaveCount(1);
  await expectReadable(page, 'overview of a multiplayer game');

  // A typical save: ranked by points, highest first; the settings in words; no table counts.
  await page.goto(`${harness.url}#/game/${ids.typical}/overview`);
  await expect(page.getByTestId('players-table')).toBeVisible();
  const points = (await page.getByTestId('ranking-row').locator('td:last-child').allInnerTexts()).map((t) => Number(t.replace(/,/g, '')));
  expect(points.length).toBeGreaterThan(1);
  expect(points).toEqual([...points].sort((a, b) => b - a));
  const settings = page.getByTestId('overview-settings');
  await expect(settings).toContainText('Single player');
  await expect(settings).toContainText('No Undo');
  await expect(page.locator('main')).not.toContainText('Tiles');
  await expect(page.getByTestId('owner-nation')).toContainText('Playing');
  // Where the player stands with the others now, in words (war, peace...).
  await expect(page.getByTestId('overview-relations')).toContainText(/War|Peace|Truce|Alliance/);
  await expect(page.getByTestId('timeline').locator('li').first()).toBeVisible();
  await expectReadable(page, 'overview of a typical save');
  await screenshotThemes(page, 'game-overview');

  await page.setViewportSize({ width: 800, height: 600 });
  await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshotThemes(page, 'game-overview-800');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Delete asks first, then goes back to the library.
  await page.goto(`${harness.url}#/game/${ids.seriesTurn20}/overview`);
  await page.getByTestId('delete-save').click();
  const dialog = page.getByRole('dialog', { name: 'Delete this save?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('delete-save').click();
  await dialog.getByRole('button', { name: 'Delete save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  expect(await harness.handlers.gameTurns({ saveId: ids.seriesTurn20 })).toBeNull();
});

test('charts: every player’s line, a grouped series picker, lines toggled from the legend, values on hover, and the shown series as CSV', async ({
  page,
}) => {
  const ids = await importStudySaves(harness, ['typical']);
  const charts = (await harness.handlers.gameCharts({ saveId: ids.typical }))!;
  await page.goto(`${harness.url}#/game/${ids.typical}/charts`);
  const plot = page.getByTestId('history-plot');
  const legend = page.getByTestId('chart-legend-item');
  await expect(legend).toHaveCount(charts.players.length);
  await expect(plot).toHaveAttribute('data-lines-shown', String(charts.players.length));
  await expect(plot.locator('canvas')).toHaveCount(1);
  // The owner's line is named as his.
  await expect(legend.filter({ hasText: '— you' })).toHaveCount(1);

  // Every stored series is in the picker, in readable groups; the yield prices are one more, in a group of their own.
  const picker = page.getByTestId('chart-series-select');
  expect(charts.yieldPrices.yields.length).toBeGreaterThan(0);
  await expect(picker.locator('option')).toHaveCount(charts.series.length + 1);
  await expect(picker.locator('optgroup')).toHaveCount(
    new Set(
      charts.series.map((s) =>
        s.series === 'points' || s.series === 'military_power' || s.series === 'legitimacy' ? 'overall' : s.series,
      ),
    ).size + 1,
  );
  await expectReadable(page, 'charts');

  // Hover: the legend shows each line's value on the turn under the cursor.
  const points = chartData(charts.series.find((s) => s.series === 'points')!);
  const over = plot.locator('.u-over');
  const box = (await over.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await expect(page.getByTestId('chart-turn')).toHaveText(/^Turn \d+$/);
  const turn = Number((await page.getByTestId('chart-turn').innerText()).replace('Turn ', ''));
  const at = points.turns.indexOf(turn);
  expect(at).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('legend-value')).toHaveText(
    points.values.map((line) => (line[at] === null ? '—' : line[at]!.toLocaleString('en-US'))),
  );
  await screenshotThemes(page, 'game-charts');

  // The keyboard reads it too: the plot is a slider over the turns, the arrows move the cursor.
  await plot.focus();
  await page.keyboard.press('End');
  const lastTurn = points.turns.at(-1)!;
  await expect(page.getByTestId('chart-turn')).toHaveText(`Turn ${lastTurn}`);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('chart-turn')).toHaveText(`Turn ${lastTurn - 1}`);
  await expect(plot).toHaveAttribute('aria-valuenow', String(lastTurn - 1));
  await expect(plot).toHaveAttribute('aria-valuetext', new RegExp(`^Turn ${lastTurn - 1}: `));
  const before = points.turns.length - 2;
  await expect(page.getByTestId('legend-value')).toHaveText(
    points.values.map((line) => (line[before] === null ? '—' : line[before]!.toLocaleString('en-US'))),
  );

  // A line toggled off from the legend (by keyboard), and on again.
  const first = legend.first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-pressed', 'false');
  await expect(plot).toHaveAttribute('data-lines-shown', String(charts.players.length - 1));

  // The CSV holds the shown series: one column per shown line, one row per turn, the values drawn.
  const file = path.join(scratch, 'chart.csv');
  harness.setExportPick('saveFile', file);
  await page.getByTestId('chart-csv').click();
  await expect(page.getByTestId('chart-csv-saved')).toContainText(file);
  const lines = (await fs.readFile(file, 'utf8')).trimEnd().split('\r\n');
  const shownLabels = (await legend.locator('.label').allInnerTexts()).slice(1).map((t) => t.replace(' — you', ''));
  expect(lines[0]).toBe(['turn', ...shownLabels].join(','));
  expect(lines).toHaveLength(points.turns.length + 1);
  expect(lines[at + 1]).toBe([turn, ...points.values.slice(1).map((l) => l[at] ?? '')].join(','));

  await first.focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(plot).toHaveAttribute('data-lines-shown', String(charts.players.length));

  // Another series: the plot redraws with its data.
  const civics = charts.series.find((s) => s.series === 'yield_rate')!;
  await picker.selectOption(`${civics.series}|${civics.key}`);
  await expect(page.getByTestId('game-chart')).toContainText('per turn');
  await expect(plot).toHaveAttribute('data-lines-shown', String(charts.players.length));

  // Resizes with its container, and fits 800x600.
  const wide = (await plot.locator('canvas').boundingBox())!.width;
  await page.setViewportSize({ width: 800, height: 600 });
  await expect.poll(async () => (await plot.locator('canvas').boundingBox())!.width).toBeLessThan(wide);
  await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshotThemes(page, 'game-charts-800');
});

test('charts: the yield prices, one line per yield named as a player says it, toggled from the legend, values on hover, as CSV', async ({
  page,
}) => {
  const ids = await importStudySaves(harness, ['typical']);
  const charts = (await harness.handlers.gameCharts({ saveId: ids.typical }))!;
  const { yields } = charts.yieldPrices;
  expect(yields.length).toBeGreaterThan(1);
  await page.goto(`${harness.url}#/game/${ids.typical}/charts`);
  const plot = page.getByTestId('history-plot');
  const legend = page.getByTestId('chart-legend-item');
  await expect(legend).toHaveCount(charts.players.length);

  const picker = page.getByTestId('chart-series-select');
  await expect(picker.locator('optgroup[label="Yield prices"] option')).toHaveText(['Yield prices']);
  await picker.selectOption('yield_prices|');
  await expect(page.getByTestId('game-chart').locator('figcaption strong')).toHaveText('Yield prices');
  // One line per yield, not per player: the legend names the yields, nobody's line is "you".
  await expect(legend).toHaveCount(yields.length);
  expect(yields).toEqual(['YIELD_FOOD', 'YIELD_IRON', 'YIELD_STONE', 'YIELD_WOOD']);
  await expect(legend.locator('.label')).toHaveText(['Food', 'Iron', 'Stone', 'Wood']);
  await expect(legend.filter({ hasText: '— you' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Yields: press to show or hide a line' })).toBeVisible();
  await expect(plot).toHaveAttribute('data-lines-shown', String(yields.length));
  await expect(plot).toHaveAttribute('aria-label', /^Yield prices over turns \d+ to \d+, one line per yield$/);
  await expectReadable(page, 'yield prices');

  // Hover: each yield's price on the turn under the cursor.
  const prices = chartData(charts.yieldPrices);
  const box = (await plot.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await expect(page.getByTestId('chart-turn')).toHaveText(/^Turn \d+$/);
  const turn = Number((await page.getByTestId('chart-turn').innerText()).replace('Turn ', ''));
  const at = prices.turns.indexOf(turn);
  expect(at).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('legend-value')).toHaveText(
    prices.values.map((line) => (line[at] === null ? '—' : line[at]!.toLocaleString('en-US'))),
  );
  await screenshotThemes(page, 'game-charts-prices');

  // The second yield hidden from the legend: the plot draws one line fewer, and the CSV leaves it out.
  const second = legend.nth(1);
  await second.focus();
  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('aria-pressed', 'false');
  await expect(plot).toHaveAttribute('data-lines-shown', String(yields.length - 1));
  const file = path.join(scratch, 'prices.csv');
  harness.setExportPick('saveFile', file);
  await page.getByTestId('chart-csv').click();
  await expect(page.getByTestId('chart-csv-saved')).toContainText(file);
  const rows = (await fs.readFile(file, 'utf8')).trimEnd().split('\r\n');
  const labels = await legend.locator('.label').allInnerTexts();
  const kept = [...yields.keys()].filter((i) => i !== 1);
  expect(rows[0]).toBe(['turn', ...kept.map((i) => labels[i])].join(','));
  expect(rows).toHaveLength(prices.turns.length + 1);
  expect(rows[at + 1]).toBe([turn, ...kept.map((i) => prices.values[i]![at] ?? '')].join(','));

  // Back to a player series: every player's line, whatever was hidden among the yields.
  await picker.selectOption('points|');
  await expect(legend).toHaveCount(charts.players.length);
  await expect(plot).toHaveAttribute('data-lines-shown', String(charts.players.length));
  await picker.selectOption('yield_prices|');
  await expect(legend.nth(1)).toHaveAttribute('aria-pressed', 'false');

  await page.setViewportSize({ width: 800, height: 600 });
  await expect.poll(() => horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await screenshotThemes(page, 'game-charts-prices-800');
});

test('live while playing: the next turn of the open game moves the page and says so; on an older turn it is offered instead', async ({
  page,
}) => {
  const ids = await importStudySaves(harness, ['seriesTurn20', 'seriesTurn40']);
  await page.goto(`${harness.url}#/game/${ids.seriesTurn40}/charts`);
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 40');
  const legendItem = page.getByTestId('chart-legend-item').first();
  await legendItem.focus();
  const entries = await page.evaluate(() => history.length);

  await importStudySaves(harness, ['seriesTurn60']);
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 60');
  await expect(page).toHaveURL(/\/charts$/);
  const note = page.getByTestId('live-note');
  await expect(note).toHaveText(/Turn 60 arrived from your save folder/);
  await expect(page.getByRole('status').filter({ has: note })).toHaveAttribute('aria-live', 'polite');
  // Focus was not taken: it is still in the legend.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chart-legend-item');
  // The move replaced the address: no history entry to step back through.
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);

  // Studying an older turn: the new one is offered, the page stays.
  await page.getByTestId('turn-select').selectOption(String(ids.seriesTurn20));
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 20');
  const file = path.join(scratch, 'turn80.zip');
  await writeSaveZip(
    file,
    generateSave({
      seed: 68,
      scale: 'small',
      gameName: 'Long Campaign',
      gameId: '5e71e500-0000-4000-8000-000000000060',
      turns: 80,
      humans: 1,
      gameMode: 'SINGLE_PLAYER',
    }).xml,
  );
  const { runId } = await harness.handlers.startImport({ paths: [file] });
  await expect
    .poll(() => harness.events.some((e) => e.name === 'importFinished' && (e.payload as { runId: string }).runId === runId))
    .toBe(true);
  await expect(note).toContainText('Turn 80 arrived');
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 20');
  await expect(page.getByTestId('turn-select').locator('option')).toHaveCount(4);
  await note.getByRole('link', { name: 'Go to turn 80' }).click();
  await expect(page.getByTestId('game-turn')).toHaveText('Turn 80');
  await expectReadable(page, 'live note');
});

test('a huge save’s charts open', async ({ page }) => {
  test.setTimeout(300_000);
  const ids = await importStudySaves(harness, ['huge']);
  const charts = (await harness.handlers.gameCharts({ saveId: ids.huge }))!;
  await page.goto(`${harness.url}#/game/${ids.huge}/charts`);
  await expect(page.getByTestId('chart-legend-item')).toHaveCount(charts.players.length);
  await expect(page.getByTestId('history-plot')).toHaveAttribute('data-lines-shown', String(charts.players.length));
  // Every player series, and the yield prices.
  expect(charts.yieldPrices.yields.length).toBeGreaterThan(0);
  await expect(page.getByTestId('chart-series-select').locator('option')).toHaveCount(charts.series.length + 1);
  await expectReadable(page, 'huge charts');
});

test('8 players over 400 turns: every line drawn, every value at the last turn; the drawing time is measured and reported, not asserted', async ({
  page,
}, info) => {
  const file = path.join(scratch, 'long.zip');
  await writeSaveZip(
    file,
    generateSave({ seed: 80, scale: 'small', players: 8, turns: 400, gameName: 'Four Hundred Turns', humans: 1 }).xml,
  );
  const { runId } = await harness.handlers.startImport({ paths: [file] });
  await expect
    .poll(() => harness.events.some((e) => e.name === 'importFinished' && (e.payload as { runId: string }).runId === runId), {
      timeout: 60_000,
    })
    .toBe(true);
  const saveId = (await harness.handlers.listSaves({})).items[0]!.saveId;
  const charts = (await harness.handlers.gameCharts({ saveId }))!;
  expect(charts.players).toHaveLength(8);
  const points = chartData(charts.series.find((s) => s.series === 'points')!);
  expect(points.turns.at(-1)).toBe(400);

  await page.goto(`${harness.url}#/game/${saveId}/overview`);
  await expect(page.getByTestId('players-table')).toBeVisible();
  // Opening the tab: the request, the columns, uPlot's first frame.
  const open: number[] = [];
  for (let round = 0; round < 5; round++) {
    await page.getByTestId('tab-overview').click();
    await expect(page.getByTestId('players-table')).toBeVisible();
    const started = await page.evaluate(() => performance.now());
    await page.getByTestId('tab-charts').click();
    await expect(page.getByTestId('history-plot').locator('canvas')).toBeVisible();
    open.push((await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))))) - started);
  }
  // Switching series inside the page: columns to rows, uPlot rebuilt and painted.
  const switchMs = await page.evaluate(async () => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="chart-series-select"]')!;
    const times: number[] = [];
    for (let round = 0; round < 10; round++) {
      const t0 = performance.now();
      select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
      select.dispatchEvent(new Event('change'));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      times.push(performance.now() - t0);
    }
    return times;
  });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  info.annotations.push({
    type: 'measured',
    description: `8 players x 400 turns: open the tab ${median(open).toFixed(0)} ms, switch series ${median(switchMs).toFixed(0)} ms (medians)`,
  });
  console.log(
    `chart render, 8 players x 400 turns: open ${open.map((x) => x.toFixed(0)).join('/')} ms, switch ${switchMs.map((x) => x.toFixed(0)).join('/')} ms`,
  );

  await page.getByTestId('chart-series-select').selectOption('points|');
  const plot = page.getByTestId('history-plot');
  await expect(plot).toHaveAttribute('data-lines-shown', '8');
  const box = (await plot.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await expect(page.getByTestId('chart-turn')).toHaveText('Turn 400');
  await expect(page.getByTestId('legend-value')).toHaveText(
    points.values.map((line) => (line.at(-1) === null ? '—' : line.at(-1)!.toLocaleString('en-US'))),
  );
});
