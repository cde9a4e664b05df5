/**
 * The study views' read models on a library of 1,000 saves: how long each
 * view's answer takes for a typical and for a huge save, and how big it is
 * (what crosses IPC). Every read model in `readModels` is measured, so a
 * view added later is benched without an edit here.
 *
 *   npx tsx bench/views.ts
 *
 * The library is made once and kept in .bench/ (it takes a minute): eight
 * distinct typical saves and one huge save imported by the store, then the
 * typical ones copied row for row in SQL up to 1,000 saves, five saves per
 * game (different turns), so the B-trees and the game grouping are those of
 * a real 1,000-save library without importing a thousand files.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseSaveXml } from '../src/engine/reader/index.js';
import { openStore, tableSpecs, type SaveSource, type Store } from '../src/engine/store/index.js';
import { readModels, type ReadContext } from '../src/engine/store/read/index.js';
import type { RequestOf } from '../src/shared/contract.js';
import type { Backend } from '../src/shared/settings.js';
import type { StudyRequestName } from '../src/shared/views/index.js';
import { generateSave } from '../test/fixtures/generate.js';
import { renderTable, type BenchRow } from './table.js';

const librarySaves = 1000;
const savesPerGame = 5;
const distinctTypical = 8;

interface Library {
  file: string;
  typicalSaveId: number;
  hugeSaveId: number;
}

function source(name: string, bytes: number): SaveSource {
  return { path: `/bench/${name}.zip`, size: bytes, mtimeMs: 0, sha256: createHash('sha256').update(name).digest('hex') };
}

/**
 * Copies the typical saves, their saves rows and every child row, as `copies`
 * new saves, five turns per game: one INSERT ... SELECT per table joined to a
 * map of (base save, new id), the same SQL on both backends.
 */
async function cloneSaves(store: Store, typical: readonly number[], copies: number): Promise<void> {
  const firstId = 100_000;
  await store.read(async (db) => {
    const columns = async (table: string) => (await db.all(`SELECT name FROM pragma_table_info('${table}')`)).map((r) => String(r.name));
    await db.run('CREATE TABLE bench_clone_map (k INTEGER, base INTEGER, new_id INTEGER, game TEXT, turn INTEGER)');
    for (let from = 0; from < copies; from += 500) {
      const ks = Array.from({ length: Math.min(500, copies - from) }, (_, i) => from + i);
      await db.run(
        `INSERT INTO bench_clone_map VALUES ${ks.map((k) => `(${k}, ${typical[k % typical.length]}, ${firstId + k}, 'bench-game-${Math.floor(k / savesPerGame)}', ${1000 + (k % savesPerGame) * 10})`).join(', ')}`,
      );
    }
    const saveCols = (await columns('saves')).filter((c) => c !== 'id');
    const picked: Record<string, string> = {
      game_id: 'm.game',
      turn: 'm.turn',
      sha256: `'clone-' || CAST(m.k AS TEXT) || '-' || s.sha256`,
      source_path: `s.source_path || '#' || CAST(m.k AS TEXT)`,
    };
    await db.begin();
    await db.run(
      `INSERT INTO saves (id, ${saveCols.join(', ')}) SELECT m.new_id, ${saveCols.map((c) => picked[c] ?? `s.${c}`).join(', ')}
       FROM saves s JOIN bench_clone_map m ON s.id = m.base`,
    );
    for (const { table } of tableSpecs) {
      const cols = await columns(table);
      await db.run(
        `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map((c) => (c === 'save_id' ? 'm.new_id' : `t.${c}`)).join(', ')}
         FROM ${table} t JOIN bench_clone_map m ON t.save_id = m.base`,
      );
    }
    await db.commit();
    await db.run('DROP TABLE bench_clone_map');
  });
}

async function makeLibrary(file: string): Promise<Library> {
  const done = `${file}.json`;
  if (fs.existsSync(done) && fs.existsSync(file)) return JSON.parse(fs.readFileSync(done, 'utf8')) as Library;
  fs.rmSync(file, { force: true });
  fs.rmSync(`${file}.wal`, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  console.log(`Making a ${librarySaves}-save library in ${file} (once)…`);
  const store = await openStore(file);
  try {
    const typical: number[] = [];
    for (let i = 0; i < distinctTypical; i++) {
      const g = generateSave({ seed: 9100 + i, scale: 'typical', humans: 1, gameMode: 'SINGLE_PLAYER' });
      const r = await store.insertSave(parseSaveXml(Buffer.from(g.xml)), source(`typical-${i}`, g.xml.length));
      typical.push(r.saveId);
    }
    const huge = generateSave({ seed: 9200, scale: 'huge', humans: 1, gameMode: 'SINGLE_PLAYER' });
    const hugeResult = await store.insertSave(parseSaveXml(Buffer.from(huge.xml)), source('huge', huge.xml.length));
    await cloneSaves(store, typical, librarySaves - distinctTypical - 1);
    const library: Library = { file, typicalSaveId: typical[0]!, hugeSaveId: hugeResult.saveId };
    fs.writeFileSync(done, JSON.stringify(library));
    return library;
  } finally {
    await store.close();
  }
}

/** Median of `rounds` timed calls, after one untimed call (SQLite's page cache warm, as when a player clicks a tab twice). */
async function time(store: Store, call: (ctx: ReadContext) => Promise<unknown>, rounds = 7): Promise<{ ms: number; kb: number }> {
  const run = () => store.read((db) => call({ db, isSample: () => false }));
  const answer = await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[rounds >> 1]!, kb: Buffer.byteLength(JSON.stringify(answer) ?? '') / 1024 };
}

/** A request for each read model about save `saveId`. */
function requestFor(name: StudyRequestName, saveId: number): RequestOf<StudyRequestName> {
  if (name === 'listGames') return {} as RequestOf<'listGames'>;
  if (name === 'libraryStats') return undefined as RequestOf<'libraryStats'>;
  if (name === 'gameCharacter') return { saveId, characterId: 1 };
  return { saveId };
}

export async function benchViews(backend: Backend = 'sqlite'): Promise<{ rows: BenchRow[]; saves: number }> {
  const lib = await makeLibrary(path.resolve('.bench', `views-${librarySaves}.${backend}`));
  const store = await openStore(lib.file);
  const rows: BenchRow[] = [];
  try {
    const [{ n }] = (await store.read(async (db) => db.all('SELECT count(*) AS n FROM saves'))) as { n: number }[];
    for (const name of Object.keys(readModels) as StudyRequestName[]) {
      const model = readModels[name] as (ctx: ReadContext, request: unknown) => Promise<unknown>;
      const perSave = !['listGames', 'libraryStats'].includes(name);
      const cases = perSave
        ? [
            { label: 'typical save', saveId: lib.typicalSaveId, target: 100 },
            { label: 'huge save', saveId: lib.hugeSaveId, target: 300 },
          ]
        : [{ label: `library of ${n} saves`, saveId: lib.typicalSaveId, target: 100 }];
      for (const c of cases) {
        const t = await time(store, (ctx) => model(ctx, requestFor(name, c.saveId)));
        rows.push({
          name: `${name}, ${c.label} (answer ${t.kb.toFixed(0)} KB)`,
          value: t.ms,
          unit: 'ms',
          target: `≤ ${c.target}`,
          met: t.ms <= c.target,
        });
      }
    }
    return { rows, saves: Number(n) };
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const backend of ['sqlite', 'duckdb'] as const) {
    const { rows } = await benchViews(backend);
    console.log(`\n${backend}\n${renderTable(rows)}`);
  }
}
