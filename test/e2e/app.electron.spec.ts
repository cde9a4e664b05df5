import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** The Electron binary, or null where it could not be downloaded (as on the build machines). */
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

  test('launches the window and renders the library path from the main process', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.resolve('out/main/index.js')],
      env: { ...process.env, SCRIBE_DATA_DIR: path.resolve('test-results/electron-data') },
    });
    const window = await app.firstWindow();
    await expect(window.getByTestId('app-info')).toContainText('scribe.sqlite');
    await app.close();
  });
});
