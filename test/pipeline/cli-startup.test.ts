/**
 * What a `scribe` command loads: DuckDB's native library takes a large part
 * of a second to load, so a command on a SQLite library (the default) must
 * never load it, and a DuckDB library must (it could not be read otherwise).
 * Checked in the built CLI, where a hook preloaded into the process lists
 * every CommonJS module it loaded (native packages load that way, also from
 * ES modules).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, tempDir, writeCorpus } from './helpers';

const run = promisify(execFile);
let dir: string;
let hook: string;
let saves: string;

beforeAll(async () => {
  dir = await tempDir('startup');
  hook = path.join(dir, 'loaded-modules.cjs');
  await fs.writeFile(
    hook,
    `process.on('exit', () => { require('node:fs').writeFileSync(process.env.SCRIBE_LOADED_LIST, Object.keys(require('node:module')._cache).join('\\n')); });\n`,
  );
  saves = path.join(dir, 'saves');
  await fs.mkdir(saves);
  await writeCorpus(saves, 1);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function loadedBy(args: string[]): Promise<string[]> {
  const list = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  await run(process.execPath, ['--require', hook, cliEntry, ...args], { env: { ...process.env, SCRIBE_LOADED_LIST: list } });
  return (await fs.readFile(list, 'utf8')).split('\n');
}

const duckdb = (modules: string[]) => modules.filter((m) => m.includes(`${path.sep}@duckdb${path.sep}`));

describe('what a command loads', () => {
  it('an import into a SQLite library and a listing of it never load DuckDB', async () => {
    const db = path.join(dir, 'library.sqlite');
    const importing = await loadedBy(['import', saves, '--db', db, '--json']);
    expect(importing.some((m) => m.includes(`${path.sep}better-sqlite3${path.sep}`))).toBe(true);
    expect(duckdb(importing)).toEqual([]);
    expect(duckdb(await loadedBy(['list', '--db', db, '--json']))).toEqual([]);
    expect(duckdb(await loadedBy(['--version']))).toEqual([]);
  });

  it('a DuckDB library loads DuckDB', async () => {
    const loaded = await loadedBy(['import', saves, '--db', path.join(dir, 'library.duckdb'), '--json']);
    expect(duckdb(loaded).length).toBeGreaterThan(0);
  });
});
