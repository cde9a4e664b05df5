import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEntry, tempDir, writeCorpus } from '../pipeline/helpers';
import { dropSave, waitFor } from './helpers';

let dir: string;
let child: ChildProcess | null;

beforeEach(async () => {
  dir = await tempDir('watch-cli');
  child = null;
});
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await fs.rm(dir, { recursive: true, force: true });
});

describe('scribe watch', () => {
  it('prints a line per imported file and stops cleanly on SIGINT', async () => {
    const saves = path.join(dir, 'Saves');
    await fs.mkdir(saves);
    const already = path.join(saves, 'already-there.zip');
    await dropSave(already, 9101, path.join(dir, 'staging'));

    const proc = spawn(process.execPath, [cliEntry, 'watch', saves, '--db', path.join(dir, 'lib.sqlite'), '--json'], {
      env: { ...process.env, SCRIBE_DATA_DIR: path.join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    const lines: Record<string, unknown>[] = [];
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: proc.stdout! }).on('line', (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
    const fileLine = (file: string) => lines.find((l) => l.type === 'file' && l.path === file);

    await waitFor('watching reported', () => lines.some((l) => l.type === 'watch' && l.folder === saves && l.state === 'watching'));
    await waitFor('the save already there imported by the catch-up', () => fileLine(already) !== undefined);

    const added = path.join(saves, 'Completed', 'OW-Save-New.zip');
    await dropSave(added, 9102, path.join(dir, 'staging'));
    await waitFor('the new save imported', () => fileLine(added) !== undefined);

    expect(fileLine(already)).toMatchObject({ status: 'imported', saveId: expect.any(Number) });
    expect(fileLine(added)).toMatchObject({ status: 'imported', saveId: expect.any(Number) });
    proc.kill('SIGINT');
    const [code] = (await once(proc, 'exit')) as [number | null];
    expect(code, stderr).toBe(0);
    expect(lines.filter((l) => l.type === 'file' && l.status === 'failed')).toEqual([]);
  });

  describe('when its output goes away', () => {
    const run = (args: string[], stdout: 'pipe' | number): ChildProcess => {
      const proc = spawn(process.execPath, [cliEntry, ...args], {
        env: { ...process.env, SCRIBE_DATA_DIR: path.join(dir, 'data') },
        stdio: ['ignore', stdout, 'pipe'],
      });
      child = proc;
      return proc;
    };
    const ledger = (db: string): Record<string, number> => {
      const handle = new Database(db, { readonly: true });
      try {
        const rows = handle.prepare('SELECT status, count(*) AS n FROM import_ledger GROUP BY status').all() as {
          status: string;
          n: number;
        }[];
        return Object.fromEntries(rows.map((r) => [r.status, r.n]));
      } finally {
        handle.close();
      }
    };
    /** Whatever the stopped watch left queued, `scribe resume` finishes: each save once, none failed. */
    const expectResumable = async (db: string): Promise<void> => {
      const resumed = run(['resume', '--db', db, '--json'], 'pipe');
      let err = '';
      resumed.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      resumed.stdout!.resume();
      const [code] = (await once(resumed, 'exit')) as [number | null];
      expect(code, err).toBe(0);
      const left = ledger(db);
      expect(Object.keys(left).filter((status) => status !== 'imported')).toEqual([]);
      const handle = new Database(db, { readonly: true });
      try {
        const { n, d } = handle.prepare('SELECT count(*) AS n, count(DISTINCT sha256) AS d FROM saves').get() as { n: number; d: number };
        expect(n).toBe(d);
        expect(n).toBe(left.imported ?? 0);
      } finally {
        handle.close();
      }
    };

    it('ends quietly with exit 3 when the reader closes the pipe, and resume finishes the rest', async () => {
      const saves = path.join(dir, 'Saves');
      await writeCorpus(saves, 12);
      const db = path.join(dir, 'lib.sqlite');
      const proc = run(['watch', saves, '--db', db, '--json'], 'pipe');
      let stderr = '';
      proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      proc.stdout!.on('error', () => {});
      // What `| head -1` does once the catch-up has begun: read a file line, close the pipe.
      createInterface({ input: proc.stdout! }).on('line', (line) => {
        if ((JSON.parse(line) as { type: string }).type === 'file') proc.stdout!.destroy();
      });
      const [code] = (await once(proc, 'exit')) as [number | null];
      expect(code, stderr).toBe(3);
      expect(stderr).toBe('');
      expect(ledger(db).failed).toBeUndefined();
      await expectResumable(db);
      expect(ledger(db)).toEqual({ imported: 12 });
    });

    it('ends quietly with exit 3 when standard output is a full device', async () => {
      const saves = path.join(dir, 'Saves');
      await writeCorpus(saves, 3);
      const db = path.join(dir, 'lib.sqlite');
      const full = openSync('/dev/full', 'w');
      let stderr = '';
      try {
        const proc = run(['watch', saves, '--db', db, '--json'], full);
        proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
        const [code] = (await once(proc, 'exit')) as [number | null];
        expect(code, stderr).toBe(3);
      } finally {
        closeSync(full);
      }
      expect(stderr).toBe('');
      await expectResumable(db);
    });
  });
});
