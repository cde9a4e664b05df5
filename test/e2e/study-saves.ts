/**
 * The saves the study views are tested on, generated and imported for real
 * through the harness: small, typical, multiplayer, a team game, a game over
 * in each winner form, and one game over a series of turns. `huge` (a ~50 MB
 * save) only where a test asks for it: it takes seconds to make and import.
 * Also: screenshots of a view in the light and the dark theme.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { generateSave, writeSaveZip, type GenerateOptions } from '../fixtures/generate';
import type { Harness } from '../harness/server';

export type StudySaveName =
  | 'small'
  | 'typical'
  | 'huge'
  | 'multiplayer'
  | 'teamVictories'
  | 'legacy'
  | 'victoryElement'
  | 'seriesTurn20'
  | 'seriesTurn40'
  | 'seriesTurn60';

const seriesGameId = '5e71e500-0000-4000-8000-000000000060';

const specs: Record<StudySaveName, Omit<GenerateOptions, 'seed'> & { seed: number }> = {
  small: { seed: 61, scale: 'small', gameName: 'Small Game', humans: 1, gameMode: 'SINGLE_PLAYER' },
  typical: { seed: 62, scale: 'typical', gameName: 'Typical Game', humans: 1, gameMode: 'SINGLE_PLAYER' },
  huge: { seed: 63, scale: 'huge', gameName: 'Huge Game', humans: 1, gameMode: 'SINGLE_PLAYER' },
  multiplayer: { seed: 64, scale: 'small', gameName: 'Network Game', gameMode: 'NETWORK', humans: 3 },
  teamVictories: { seed: 65, scale: 'small', gameName: 'Team Victories', winner: 'teamVictories' },
  legacy: { seed: 66, scale: 'small', gameName: 'Legacy Winner', winner: 'legacy', humans: 1, gameMode: 'SINGLE_PLAYER' },
  victoryElement: { seed: 67, scale: 'small', gameName: 'Victory Element', winner: 'victoryElement', humans: 1, gameMode: 'SINGLE_PLAYER' },
  seriesTurn20: {
    seed: 68,
    scale: 'small',
    gameName: 'Long Campaign',
    gameId: seriesGameId,
    turns: 20,
    humans: 1,
    gameMode: 'SINGLE_PLAYER',
  },
  seriesTurn40: {
    seed: 68,
    scale: 'small',
    gameName: 'Long Campaign',
    gameId: seriesGameId,
    turns: 40,
    humans: 1,
    gameMode: 'SINGLE_PLAYER',
  },
  seriesTurn60: {
    seed: 68,
    scale: 'small',
    gameName: 'Long Campaign',
    gameId: seriesGameId,
    turns: 60,
    humans: 1,
    gameMode: 'SINGLE_PLAYER',
  },
};

export const defaultStudySaves: readonly StudySaveName[] = (Object.keys(specs) as StudySaveName[]).filter((n) => n !== 'huge');

/** Writes the saves, imports them into the harness's library and returns each one's save id. */
export async function importStudySaves(
  harness: Harness,
  names: readonly StudySaveName[] = defaultStudySaves,
): Promise<Record<StudySaveName, number>> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-study-'));
  try {
    const byPath = new Map<string, StudySaveName>();
    for (const name of names) {
      const file = path.join(folder, `${name}.zip`);
      await writeSaveZip(file, generateSave(specs[name]).xml);
      byPath.set(file, name);
    }
    const { runId } = await harness.handlers.startImport({ paths: [folder] });
    await expect
      .poll(() => harness.events.some((e) => e.name === 'importFinished' && (e.payload as { runId: string }).runId === runId), {
        timeout: 180_000,
      })
      .toBe(true);
    const ids = {} as Record<StudySaveName, number>;
    const page = await harness.handlers.listSaves({ limit: 1000 });
    for (const save of page.items) {
      const name = byPath.get(save.sourcePath);
      if (name) ids[name] = save.saveId;
    }
    for (const name of names) expect(ids[name], `${name} was imported`).toBeGreaterThan(0);
    return ids;
  } finally {
    await fs.rm(folder, { recursive: true, force: true });
  }
}

const screenshotDir = path.resolve('test-results/screenshots');

/** A screenshot of the page as it is, in the light and the dark theme (`<name>-light.png`, `<name>-dark.png`). */
export async function screenshotThemes(page: Page, name: string): Promise<void> {
  await fs.mkdir(screenshotDir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${scheme}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A key of any family the player should never see, as the game writes them. */
export const rawKey =
  /\b(NAME|CITYNAME|NATION|FAMILY|VICTORY|LAW|TECH|YIELD|DIFFICULTY|MAPSIZE|MAPCLASS|TRAIT|RELIGION|TRIBE|IMPROVEMENT|RESOURCE|TERRAIN|HEIGHT|VEGETATION|UNIT|PROMOTION|GOAL|COGNOMEN|CHARACTER|EVENT|MEMORY|COUNCIL|RATING|CULTURE|SPECIALIST|PROJECT|BONUS|OPINION|HISTORY|JOB|ARCHETYPE|EFFECTPLAYER|EFFECTCITY|THEOLOGY|DIPLOMACY|TEXT|HELP|LINK)_[A-Z0-9_]+/;

/** Fails on any raw game key or markup in what the page shows. */
export async function expectReadable(page: Page, where: string): Promise<void> {
  const text = await page.locator('main').innerText();
  expect(text, `${where}: a raw key`).not.toMatch(rawKey);
  expect(text, `${where}: markup`).not.toMatch(/<\/?(color|link|sprite|icon|b|i)\b|&lt;|&gt;/);
}
