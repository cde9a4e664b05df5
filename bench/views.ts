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
import Database from 'better-sqlite3';
import { parseSaveXml } from '../src/engine/reader/index.js';
import { openStore, type SaveSource, type Store } from '../src/engine/store/index.js';
import { readModels, type ReadContext } from '../src/engine/store/read/index.js';
import type { RequestOf } from '../src/shared/contract.js';
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

/** Copies save `from` (its saves row and every child row) as a new save of game `gameId` at `turn`. */
function cloneSave(db: Database.Database, from: number, gameId: string, turn: number, n: number): void {
  const cols = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const saveCols = cols('saves').filter((c) => c !== 'id');
  const picked = saveCols.map((c) =>
    c === 'game_id'
      ? '?'
      : c === 'turn'
        ? '?'
        : c === 'sha256'
          ? `'clone-' || ? || '-' || sha256`
          : c === 'source_path'
            ? `source_path || '#' || ?`
            : c,
  );
  const info = db
    .prepare(`INSERT INTO saves (${saveCols.join(', ')}) SELECT ${picked.join(', ')} FROM saves WHERE id = ?`)
    .run(gameId, turn, n, n, from);
  const to = Number(info.lastInsertRowid);
  const children = (
    db
      .prepare(
        `SELECT m.name AS t FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT IN ('saves', 'import_ledger', 'schema_version') AND m.name NOT LIKE 'sqlite_%'`,
      )
      .all() as {
      t: string;
    }[]
  ).map((r) => r.t);
  for (const t of children) {
    const c = cols(t);
    if (!c.includes('save_id')) continue;
    db.prepare(
      `INSERT INTO ${t} (${c.join(', ')}) SELECT ${c.map((x) => (x === 'save_id' ? String(to) : x)).join(', ')} FROM ${t} WHERE save_id = ?`,
    ).run(from);
  }
}

async function makeLibrary(file: string): Promise<Library> {
  const done = `${file}.json`;
  if (fs.existsSync(done) && fs.existsSync(file)) return JSON.parse(fs.readFileSync(done, 'utf8')) as Library;
  fs.rmSync(file, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  console.log(`Making a ${librarySaves}-save library in ${file} (once)…`);
  const store = await openStore(file);
  const typical: number[] = [];
  for (let i = 0; i < distinctTypical; i++) {
    const g = generateSave({ seed: 9100 + i, scale: 'typical', humans: 1, gameMode: 'SINGLE_PLAYER' });
    const r = await store.insertSave(parseSaveXml(Buffer.from(g.xml)), source(`typical-${i}`, g.xml.length));
    typical.push(r.saveId);
  }
  const huge = generateSave({ seed: 9200, scale: 'huge', humans: 1, gameMode: 'SINGLE_PLAYER' });
  const hugeResult = await store.insertSave(parseSaveXml(Buffer.from(huge.xml)), source('huge', huge.xml.length));
  await store.close();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const copies = librarySaves - distinctTypical - 1;
  const copy = db.transaction((k: number) => {
    const game = Math.floor(k / savesPerGame);
    cloneSave(db, typical[k % distinctTypical]!, `bench-game-${game}`, 1000 + (k % savesPerGame) * 10, k);
  });
  for (let k = 0; k < copies; k++) {
    copy(k);
    if (k % 100 === 99) console.log(`  ${k + 1} of ${copies} copies`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const library: Library = { file, typicalSaveId: typical[0]!, hugeSaveId: hugeResult.saveId };
  fs.writeFileSync(done, JSON.stringify(library));
  return library;
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

export async function benchViews(): Promise<{ rows: BenchRow[]; saves: number }> {
  const lib = await makeLibrary(path.resolve('.bench', `views-${librarySaves}.sqlite`));
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
  const { rows } = await benchViews();
  console.log(renderTable(rows));
}
