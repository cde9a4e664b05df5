import path from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';

const root = import.meta.dirname;

/**
 * electron-vite's `?modulePath` import (src/main's worker entry) builds the
 * module as a separate bundle and exports its path. Under vitest the same
 * source is already built by test/global-setup.ts as out/engine/parse-worker.js;
 * a test may name another entry (a crashing worker) in SCRIBE_TEST_WORKER_ENTRY.
 */
function modulePathStandIn(): Plugin {
  const built: Record<string, string> = {
    [path.join(root, 'src/engine/worker/parse-worker')]: path.join(root, 'out/engine/parse-worker.js'),
  };
  return {
    name: 'scribe:module-path-stand-in',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!id.endsWith('?modulePath') || !importer) return null;
      const source = path.resolve(path.dirname(importer), id.slice(0, -'?modulePath'.length)).replace(/\.[cm]?[jt]s$/, '');
      if (!built[source]) throw new Error(`No built bundle known for ${id} (add it to vitest.config.ts)`);
      return `\0module-path:${built[source]}`;
    },
    load(id) {
      if (!id.startsWith('\0module-path:')) return null;
      return `export default process.env.SCRIBE_TEST_WORKER_ENTRY ?? ${JSON.stringify(id.slice('\0module-path:'.length))};`;
    },
  };
}

export default defineConfig({
  test: {
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    coverage: { provider: 'v8', reporter: ['text'] },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/main/**', 'node_modules/**'],
        },
      },
      {
        // src/main against a stand-in for `electron` (test/main/electron-stand-in.ts): no Electron binary runs here.
        extends: true,
        plugins: [modulePathStandIn()],
        resolve: { alias: { electron: path.join(root, 'test/main/electron-stand-in.ts') } },
        test: {
          name: 'main',
          include: ['test/main/**/*.test.ts'],
        },
      },
    ],
  },
});
