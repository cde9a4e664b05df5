// `npm start`: builds and runs the desktop app. Where the Electron binary is missing it tries
// to download it once; where that is impossible (a sealed build machine) it says so and runs
// the same engine headless: imports the paths given (`npm start -- ~/saves`) or the game's own
// save folders (or, with neither and an empty library, sample saves), then lists the library.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', env, shell: process.platform === 'win32' }).status ?? 1;

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const args = process.argv.slice(2);
if (!electronBinary()) {
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  console.log('Scribe: fetching the Electron binary…');
  spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'ignore', env });
}
if (electronBinary()) {
  const built = run('npx', ['electron-vite', 'build']);
  process.exit(built !== 0 ? built : run('npx', ['electron-vite', 'preview', '--', ...args]));
}

console.log(
  'Scribe: the Electron binary cannot be downloaded on this machine, so the window cannot open here.\n' +
    'Running the same import engine from the command line instead (npm run scribe -- --help for more).\n',
);
let imported = run(process.execPath, ['scripts/scribe.mjs', 'import', ...(args.length > 0 ? args : ['--game-folders'])]);
if (imported === 2 && args.length === 0) {
  // No save folder on this computer: with an empty library, try Scribe on its sample saves (it checks both itself).
  console.log('\nSo Scribe shows what it does on sample saves it makes itself (your own: `npm start -- ~/saves`).');
  imported = run(process.execPath, ['scripts/scribe.mjs', 'samples', '--if-empty']);
  console.log('');
}
run(process.execPath, ['scripts/scribe.mjs', 'list']);
process.exit(imported);
