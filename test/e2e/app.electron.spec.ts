/**
 * The real desktop app under Playwright's Electron driver: the same flow as
 * the browser tests, through the real preload, IPC handlers and utility
 * processes. Runs wherever an Electron binary is installed; on machines
 * where it cannot be downloaded (like the build machines) it reports itself
 * skipped, loudly.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { generateSave, writeSaveZip } from '../fixtures/generate';

/** The Electron binary, or null where it could not be downloaded. */
function electronBinary(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown as string;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) console.log('[electron] SKIPPED: no Electron binary on this machine; the _electron tests run only where one is installed.');

test.describe('Scribe desktop app (real Electron)', () => {
  test.skip(!binary, 'No Electron binary on this machine (it cannot be downloaded here)');

  let app: ElectronApplication;
  let scratch: string;

  test.beforeEach(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [path.resolve('out/main/index.js')],
      env: { ...process.env, SCRIBE_DATA_DIR: path.join(scratch, 'data') },
    });
  });
  test.afterEach(async () => {
    await app?.close();
    await fs.rm(scratch, { recursive: true, force: true });
  });

  test('imports a folder through the native dialog, reports every file, and shows the save with its chart', async () => {
    const folder = path.join(scratch, 'Saves');
    await fs.mkdir(folder, { recursive: true });
    for (const [name, seed] of [
      ['A-T20.zip', 1],
      ['B-T30.zip', 2],
    ] as const) {
      await writeSaveZip(path.join(folder, name), generateSave({ seed, scale: 'small' }).xml);
    }
    await fs.writeFile(path.join(folder, 'broken.zip'), 'PK\u0003\u0004 not really');
    // The only stand-in: the native folder dialog answers with our folder.
    await app.evaluate(
      ({ dialog }, picked) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: picked })) as typeof dialog.showOpenDialog;
      },
      [folder],
    );

    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'Import folder…' }).click();
    await expect(page.getByTestId('summary-imported')).toHaveText('2');
    await expect(page.getByTestId('summary-failed')).toHaveText('1');
    await expect(page.getByTestId('failure-item')).toContainText('broken.zip');

    await page.getByRole('link', { name: 'View library' }).click();
    await expect(page.getByTestId('game-row')).toHaveCount(2);
    await page.getByTestId('game-row').first().getByRole('link').click();
    await page.getByTestId('tab-charts').click();
    await expect(page.getByTestId('history-plot').locator('canvas')).toBeVisible();

    // The main process wrote its log in the data folder.
    const log = await fs.readFile(path.join(scratch, 'data', 'logs', 'scribe.log'), 'utf8');
    expect(log).toContain('failed');
  });

  test('the window is sandboxed: no Node in the renderer, only the contract', async () => {
    const page = await app.firstWindow();
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      scribe: Object.keys(window.scribe).sort(),
    }));
    expect(globals.require).toBe('undefined');
    expect(globals.process).toBe('undefined');
    expect(globals.scribe).toContain('startImport');
    expect(globals.scribe).not.toContain('send');
  });
});
