/**
 * The first step of `npm test`: obtain what the tests need from outside the
 * npm tree, so a bare machine passes the README's test command.
 *
 * - A Chromium for the browser tests: `SCRIBE_CHROMIUM`, the system's,
 *   Playwright's own download (where its download host is reachable), and
 *   on Debian/Ubuntu as root Debian's `chromium` package. Without one the
 *   command stops here with one line saying what to install.
 * - zip, 7z, python3 and sqlite3 for the tests that make or open real files
 *   with them: installed from Debian's packages where it can; otherwise one
 *   line names what is missing, and those tests report themselves skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findChromium, hasTool, testTools } from './test-tools.js';

const require = createRequire(import.meta.url);
const say = (line: string): void => console.log(`provision: ${line}`);

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
let aptUpdated = false;

function aptInstall(packages: string[]): boolean {
  if (!isRoot || !hasApt || packages.length === 0) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    say('apt-get update');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  say(`apt-get install ${packages.join(' ')}`);
  return spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
}

/**
 * Playwright's own browser download. Bounded in time: on a machine whose
 * network reaches only package registries the download fails, and it must
 * not hold the test command up for long before the next way is tried.
 */
function playwrightInstall(): void {
  const cli = path.join(path.dirname(require.resolve('playwright-core/package.json')), 'cli.js');
  say('trying Playwright’s own Chromium download');
  spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'ignore', timeout: 120_000 });
}

let chromium = findChromium();
if (chromium.path === null && !process.env.SCRIBE_CHROMIUM) {
  playwrightInstall();
  chromium = findChromium();
  if (chromium.path === null && aptInstall(['chromium'])) chromium = findChromium();
}
if (chromium.path === null) {
  console.error(
    `provision: the browser tests need a Chromium (${chromium.reason}): install Debian's "chromium" package (apt-get install chromium), run "npx playwright install chromium", or set SCRIBE_CHROMIUM to a Chromium-based browser.`,
  );
  process.exit(1);
}
say(`Chromium: ${chromium.path} (${chromium.source})`);

let missing = testTools.filter((t) => !hasTool(t));
if (missing.length > 0 && aptInstall([...new Set(missing.map((t) => t.debianPackage))])) missing = missing.filter((t) => !hasTool(t));
if (missing.length > 0) {
  say(
    `missing ${missing.map((t) => t.command).join(', ')}: the tests of ${missing.map((t) => t.usedFor).join('; ')} will be skipped (install Debian's ${missing.map((t) => t.debianPackage).join(', ')}).`,
  );
}
