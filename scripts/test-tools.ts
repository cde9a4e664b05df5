/**
 * Where the tests find the outside programs they drive: a Chromium for the
 * browser tests, and the archivers and tools that make and open real files.
 * Shared by `npm test`'s provisioning step and `playwright.config.ts`, so the
 * browser the provisioning found is the browser the tests launch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Debian's package first (what CI installs), then the other usual names. */
const systemChromiums = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export type ChromiumFound = { path: string; source: 'SCRIBE_CHROMIUM' | 'system' | 'playwright' } | { path: null; reason: string };

/** The browser to test in: `SCRIBE_CHROMIUM`, else the system's, else Playwright's own download. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumFound {
  const chosen = env.SCRIBE_CHROMIUM;
  if (chosen)
    return existsSync(chosen)
      ? { path: chosen, source: 'SCRIBE_CHROMIUM' }
      : { path: null, reason: `SCRIBE_CHROMIUM is set to ${chosen}, which does not exist` };
  const system = systemChromiums.find((p) => existsSync(p));
  if (system) return { path: system, source: 'system' };
  const own = playwrightChromium();
  if (own) return { path: own, source: 'playwright' };
  return { path: null, reason: 'no Chromium found' };
}

function playwrightChromium(): string | null {
  try {
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } };
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** A program some tests use to make or open real files, and the Debian package that has it. */
export interface TestTool {
  command: string;
  probe: string[];
  debianPackage: string;
  usedFor: string;
}

export const testTools: readonly TestTool[] = [
  { command: 'zip', probe: ['-v'], debianPackage: 'zip', usedFor: 'archives made by Info-ZIP' },
  { command: '7z', probe: ['i'], debianPackage: 'p7zip-full', usedFor: 'archives made by 7-Zip' },
  { command: 'python3', probe: ['-c', 'import zipfile'], debianPackage: 'python3', usedFor: "archives made by Python's zipfile" },
  { command: 'sqlite3', probe: ['-version'], debianPackage: 'sqlite3', usedFor: 'opening the library with the sqlite3 shell' },
];

export function hasTool(tool: Pick<TestTool, 'command' | 'probe'>): boolean {
  const r = spawnSync(tool.command, tool.probe, { stdio: 'ignore' });
  return r.status === 0;
}
