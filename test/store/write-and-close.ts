/**
 * Run as its own process by store.test.ts: writes one save, closes the
 * store, and says so. Nothing else keeps this process alive, so a close that
 * waited on something unreferenced (the checkpoint thread) would end the
 * process early with exit code 13 instead of printing.
 */
import { openStore } from '../../src/engine/store/index.js';
import { makeParsedSave } from './make-save.js';

const store = await openStore(process.argv[2]!);
// Several typical saves: the checkpoint thread still has work when close() comes.
const statuses: string[] = [];
for (let i = 0; i < 4; i++) {
  const source = { path: `/saves/${i}.zip`, sha256: String(i).repeat(64), size: 1, mtimeMs: 1 };
  statuses.push((await store.insertSave(makeParsedSave({ seed: 7 + i, scale: 'typical' }), source)).status);
}
await store.close();
process.stdout.write(`${statuses.join(' ')}, closed\n`);
