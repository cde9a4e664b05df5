/**
 * `scribe` refuses a database it must not use before writing anything:
 * exit 2, the refusal's code and advice on stderr, the file as it was.
 * The built CLI in its own process on real files.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEntry, tempDir, writeCorpus } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('cli-library');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function scribe(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cliEntry, ...args], {
    env: { ...process.env, SCRIBE_DATA_DIR: path.join(dir, 'data') },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function fingerprint(file: string): Promise<{ sha: string; entries: string[] }> {
  const sha = createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
  return { sha, entries: (await fs.readdir(path.dirname(file))).sort() };
}

describe('scribe and a database that is not a Scribe library', () => {
  it('exits 2 for `list` and `import` on another program’s SQLite file and leaves it as it was', async () => {
    const libDir = path.join(dir, 'elsewhere');
    await fs.mkdir(libDir);
    const file = path.join(libDir, 'contacts.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('Ada')`);
    db.close();
    const saves = path.join(dir, 'saves');
    await writeCorpus(saves, 1);
    const before = await fingerprint(file);

    for (const args of [['list'], ['import', saves]]) {
      const run = scribe(...args, '--db', file, '--json');
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/NOT_A_LIBRARY/);
      expect(run.stderr).toMatch(/not a Scribe library/);
      expect(run.stdout).not.toMatch(/"type":"file"/);
    }
    expect(await fingerprint(file)).toEqual(before);
  });

  it('exits 2 for a damaged library', async () => {
    const file = path.join(dir, 'lib.sqlite');
    expect(scribe('import', ...(await writeCorpus(path.join(dir, 'saves'), 2)).map((c) => c.path), '--db', file, '--json').code).toBe(0);
    // The saves table's first page overwritten: SQLite calls the file malformed.
    const probe = new Database(file, { readonly: true });
    const rootPage = probe.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'saves'`).pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const handle = await fs.open(file, 'r+');
    await handle.write(Buffer.alloc(pageSize, 0xff), 0, pageSize, (rootPage - 1) * pageSize);
    await handle.close();

    const run = scribe('import', path.join(dir, 'saves'), '--db', file, '--json');
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/LIBRARY_DAMAGED/);
    expect(run.stdout).not.toMatch(/"type":"file"/);
  });
});
