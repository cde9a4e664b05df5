import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Tests fork the real parse worker and run the real CLI, so they need the
 * engine bundle built from the current source. Building takes about a second.
 */
export default function setup(): void {
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.engine.config.ts', '--logLevel', 'error'], {
    stdio: 'inherit',
  });
}
