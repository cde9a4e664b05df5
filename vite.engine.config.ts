import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { emitCheckpointThread } from './scripts/emit-checkpoint-thread.js';

/**
 * The import engine as plain Node bundles, outside Electron: the `scribe`
 * command line and the parse worker it (and the tests) fork.
 */
export default defineConfig({
  plugins: [emitCheckpointThread()],
  build: {
    ssr: true,
    outDir: 'out/engine',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: {
        scribe: resolve('src/cli/scribe.ts'),
        'parse-worker': resolve('src/engine/worker/parse-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
