/**
 * The Map tab in Chromium against the real engine through the harness:
 * the canvas shows the nations' colours, the turn slider replays the
 * territory, the keyboard pans and zooms, the text beside the canvas reads
 * in words, and a huge save's 23,000 tiles open (its draw times are
 * reported, not asserted: speed belongs to the bench).
 */
import { expect, test, type Page } from '@playwright/test';
import { playerColours } from '../../src/shared/nation-colours';
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
  ids = await importStudySaves(harness, ['typical', 'small', 'seriesTurn20', 'seriesTurn40']);
});
test.afterAll(async () => harness?.close());
test.beforeEach(async ({ page }) => recordCspViolations(page));
test.afterEach(async ({ page }) => expectNoCspViolations(page));

/** How many of the canvas's pixels are exactly this colour. */
async function pixelsOf(page: Page, hex: string): Promise<number> {
  return page.getByTestId('map-canvas').evaluate((canvas: HTMLCanvasElement, colour) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
    return n;
  }, hex);
}

/** A digest of the canvas's picture: changes when what it shows changes. */
async function picture(page: Page): Promise<string> {
  return page.getByTestId('map-canvas').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
}

async function drawn(page: Page): Promise<void> {
  // The first frame is drawn on the animation frame after the data arrives.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('scribe:map-frame').length)).toBeGreaterThan(0);
}

test('the map shows each nation’s territory, replays it by turn and pans and zooms by keyboard', async ({ page }) => {
  const map = (await harness.handlers.gameMap({ saveId: ids.typical }))!;
  const colours = playerColours(map.players);
  await page.goto(`${harness.url}#/game/${ids.typical}/map`);
  await expect(page.getByRole('heading', { level: 2, name: 'Map' })).toBeVisible();
  await drawn(page);
  const surface = page.getByTestId('map-surface');
  await expect(surface).toHaveAttribute('aria-label', /^Map of the game at turn 120, coloured by owner/);

  // Every nation that holds land is on the canvas in its colour.
  const holders = new Set(map.owner.filter((o) => o >= 0));
  for (const id of holders) expect(await pixelsOf(page, colours.get(id)!), `player ${id}'s colour`).toBeGreaterThan(50);

  // The summary says the same in words, per nation.
  const summary = page.getByTestId('map-summary');
  const rows = summary.getByTestId('territory-row');
  await expect(rows).toHaveCount(holders.size);
  const first = map.players.find((p) => p.id === [...holders][0])!;
  await expect(summary).toContainText(nationName(first.nation));
  await expectReadable(page, 'map tab');

  // Back to the first recorded turn: the territory was smaller then.
  const now = await summary.innerText();
  const slider = page.getByTestId('map-turn-slider');
  await slider.focus();
  await page.keyboard.press('Home');
  const start = Number(await slider.inputValue());
  expect(start).toBeLessThan(120);
  await expect(page.getByTestId('map-turn')).toHaveText(String(start));
  await expect(summary).not.toHaveText(now);
  await expect(surface).toHaveAttribute('aria-label', new RegExp(`at turn ${start},`));
  await page.keyboard.press('End');
  await expect(summary).toHaveText(now);

  // Terrain instead of owners: the nations' colours are gone from the tiles.
  await page.getByTestId('map-mode-terrain').check();
  await expect.poll(() => pixelsOf(page, colours.get(first.id)!)).toBeLessThan(50);
  await page.getByTestId('map-mode-owner').check();
  await expect.poll(() => pixelsOf(page, colours.get(first.id)!)).toBeGreaterThan(50);

  // Keyboard: the tile at the centre is described; arrows move the map under it; + zooms in about it.
  await surface.focus();
  const tooltip = page.getByTestId('map-tooltip');
  await expect(tooltip).toBeVisible();
  const centre = await tooltip.locator('strong').innerText();
  const before = await picture(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tooltip.locator('strong')).not.toHaveText(centre);
  await expect.poll(() => picture(page)).not.toBe(before);
  const panned = await tooltip.locator('strong').innerText();
  const wide = await picture(page);
  await page.keyboard.press('+');
  await expect.poll(() => picture(page)).not.toBe(wide);
  await expect(tooltip.locator('strong')).toHaveText(panned);
  await page.keyboard.press('0');
  await expectReadable(page, 'map tab with the tooltip');

  // The pointer: hovering describes the tile under it, dragging pans, the wheel zooms.
  const box = (await page.getByTestId('map-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/Held by|Unowned/);
  const still = await picture(page);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 30, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => picture(page)).not.toBe(still);
  const dragged = await picture(page);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => picture(page)).not.toBe(dragged);
  await page.getByTestId('map-fit').click();

  // Resources and improvements on demand, with their legend.
  await page.getByTestId('map-show-resources').check();
  await page.getByTestId('map-show-improvements').check();
  await expect(page.getByTestId('map-legend')).toContainText('Resource');
  await expect(page.getByTestId('map-legend')).toContainText('Improvement');
  await expect(page.getByTestId('map-legend')).toContainText('Unowned land');
  await page.getByTestId('map-zoom-in').click();
  await page.getByTestId('map-zoom-in').click();
  await expectReadable(page, 'map tab with every layer');

  await page.setViewportSize({ width: 800, height: 600 });
  await page.getByTestId('map-fit').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Map' })).toBeInViewport();
  await expect(surface).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  await drawn(page);
  await screenshotThemes(page, 'game-map');
});

test('the map follows the turn selector across a game’s saves, and a small map draws', async ({ page }) => {
  await page.goto(`${harness.url}#/game/${ids.seriesTurn40}/map`);
  await drawn(page);
  await expect(page.getByTestId('map-summary')).toContainText('Territory at turn 40');
  await page.getByTestId('turn-select').selectOption({ label: '20' });
  await expect(page.getByTestId('map-summary')).toContainText('Territory at turn 20');
  await expectReadable(page, 'series map');

  const map = (await harness.handlers.gameMap({ saveId: ids.small }))!;
  await page.goto(`${harness.url}#/game/${ids.small}/map`);
  await drawn(page);
  const owner = map.owner.find((o) => o >= 0)!;
  expect(await pixelsOf(page, playerColours(map.players).get(owner)!)).toBeGreaterThan(50);
});

test('a huge save’s map opens and draws its 23,000 tiles', async ({ page }) => {
  test.setTimeout(300_000);
  const huge = (await importStudySaves(harness, ['huge'])).huge;
  const map = (await harness.handlers.gameMap({ saveId: huge }))!;
  expect(map.terrain.length).toBe(152 * 152);
  await page.goto(`${harness.url}#/game/${huge}/map`);
  await drawn(page);
  const colours = playerColours(map.players);
  const owner = map.owner.find((o) => o >= 0)!;
  expect(await pixelsOf(page, colours.get(owner)!)).toBeGreaterThan(50);
  await expectReadable(page, 'huge map');

  // Reported, not asserted: the base (paths and bitmap) once per colouring, then one frame per pan or zoom.
  const time = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN, name);
  const base = await time('scribe:map-base');
  const frames: number[] = [];
  const surface = page.getByTestId('map-surface');
  await surface.focus();
  for (const key of ['ArrowRight', 'ArrowDown', '+', 'ArrowLeft', '+', '+', 'ArrowUp', '-', '0']) {
    const last = await page.evaluate(() => performance.getEntriesByName('scribe:map-frame').at(-1)?.startTime ?? 0);
    await page.keyboard.press(key);
    await expect
      .poll(() => page.evaluate(() => performance.getEntriesByName('scribe:map-frame').at(-1)?.startTime ?? 0))
      .toBeGreaterThan(last);
    frames.push(await time('scribe:map-frame'));
  }
  const slider = page.getByTestId('map-turn-slider');
  await slider.focus();
  await page.keyboard.press('Home');
  await expect.poll(() => time('scribe:map-base')).not.toBe(base);
  const rebuild = await time('scribe:map-base');
  console.log(
    `huge map (${map.terrain.length} tiles, ${map.history.tiles.length} owner history entries): base ${base.toFixed(1)} ms, ` +
      `base at another turn ${rebuild.toFixed(1)} ms, frames ${frames.map((f) => f.toFixed(1)).join(' / ')} ms`,
  );
});
