import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/test-tools.js';

/** The Chromium that `npm test`'s provisioning step found or installed (SCRIBE_CHROMIUM chooses another). */
const chromium = findChromium().path;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  reporter: [['list']],
  projects: [
    {
      name: 'chromium',
      testMatch: /.*\.browser\.spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: chromium ?? undefined,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
      },
    },
    { name: 'electron', testMatch: /.*\.electron\.spec\.ts/ },
  ],
});
