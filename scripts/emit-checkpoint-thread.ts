import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Puts the WAL checkpoint thread (src/engine/store/wal-checkpoint-thread.mjs)
 * at the top of a bundle's output folder, where wal-checkpointer.ts looks
 * for it. It is a file of its own, not an entry: a worker thread loads it by
 * path, and it imports nothing to bundle.
 */
export function emitCheckpointThread(): Plugin {
  // From the project root, as the configs' other paths (a bundled config has no folder of its own).
  const source = resolve('src/engine/store/wal-checkpoint-thread.mjs');
  return {
    name: 'scribe:checkpoint-thread',
    buildStart() {
      this.addWatchFile(source);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'wal-checkpoint-thread.mjs', source: readFileSync(source, 'utf8') });
    },
  };
}
