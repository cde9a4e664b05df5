// `npm start`: builds and runs the desktop app, or says plainly why it cannot here.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

let binary = null;
try {
  binary = createRequire(import.meta.url)('electron');
} catch {
  binary = null;
}
if (typeof binary !== 'string' || !existsSync(binary)) {
  console.error(
    'Scribe: the Electron binary is not installed on this machine, so the desktop app cannot start.\n' +
      'Install it where downloads are possible (npm rebuild electron, without ELECTRON_SKIP_BINARY_DOWNLOAD),\n' +
      'or use the command line, which runs the same engine: npm run scribe -- import <folder>',
  );
  process.exit(1);
}
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const built = run('npx', ['electron-vite', 'build']);
if (built !== 0) process.exit(built);
process.exit(run('npx', ['electron-vite', 'preview']));
