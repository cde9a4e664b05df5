import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEntry, tempDir } from '../pipeline/helpers';
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
});
