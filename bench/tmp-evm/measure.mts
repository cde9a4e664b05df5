import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { generateSave } from '/work/wt/events/test/fixtures/generate.js';
import { openStore } from '/work/wt/events/src/engine/store/index.js';
import { readModels } from '/work/wt/events/src/engine/store/read/index.js';
import { parseMarkup } from '/work/wt/events/src/shared/markup.js';
const root = mkdtempSync(join(tmpdir(), 'evm-'));
for (const backend of ['sqlite', 'duckdb']) {
  const store = await openStore(join(root, backend === 'duckdb' ? 'l.duckdb' : 'l.sqlite'));
  const save = generateSave({ seed: 3, scale: 'typical', logsPerPlayer: 4000 }).expected.save;
  const { saveId } = await store.insertSave(save, { path: join(root, 'x.zip'), sha256: 'a'.repeat(64), size: 1, mtimeMs: 1 });
  const times: number[] = [];
  let ans: any;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    ans = await store.read((db) => readModels.gameEvents({ db, isSample: () => false }, { saveId: saveId! }));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const json = JSON.stringify(ans);
  const asObjects = JSON.stringify(ans.log.text.map((text: string, i: number) => ({ playerId: ans.log.playerId[i], turn: ans.log.turn[i], type: ans.logTypes[ans.log.type[i]], text, data1: ans.log.data1[i] })));
  const parsed = JSON.stringify(ans.log.text.map((t: string) => parseMarkup(t)));
  const t1 = performance.now();
  for (const t of ans.log.text) parseMarkup(t);
  const parseMs = performance.now() - t1;
  console.log(backend, 'entries', ans.log.text.length, 'memories', ans.memories.type.length, 'read ms best/median', times[0].toFixed(1), times[3].toFixed(1),
    'answer JSON KB', (json.length / 1024).toFixed(0), 'log as objects KB', (asObjects.length / 1024).toFixed(0), 'pre-parsed trees KB', (parsed.length / 1024).toFixed(0), 'parse 20k ms', parseMs.toFixed(1));
  await store.close();
}
