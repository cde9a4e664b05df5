// `npm run scribe -- <args>`: runs the command line from the checkout, building it first when missing or stale.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

const cli = path.resolve('out/engine/scribe.js');
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const stale = !existsSync(cli) || ['src/engine', 'src/cli', 'src/shared'].some((d) => newest(d) > statSync(cli).mtimeMs);
if (stale) {
  const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.engine.config.ts', '--logLevel', 'warn'], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(2);
}
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
