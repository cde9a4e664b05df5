import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the harness's browser-side bridge as one classic script that runs before the app. */
export default defineConfig({
  build: {
    outDir: resolve('out/harness'),
    emptyOutDir: true,
    minify: false,
    lib: { entry: resolve('test/harness/bridge-client.ts'), formats: ['iife'], name: 'scribeHarness', fileName: () => 'bridge.js' },
  },
});
