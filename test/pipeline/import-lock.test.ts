/**
 * Two `scribe import` processes on one library: the second is refused (exit
 * 2, a sentence saying why) without touching the ledger, and the first
 * finishes with every file imported. Real CLI processes, real workers, a
 * real database. The first is paused with SIGSTOP mid-run, so the overlap
 * does not depend on timing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEntry, tempDir, writeCorpus } from './helpers';

let dir: string;
let children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await tempDir('import-lock');
});
afterEach(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children = [];
  await fs.rm(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  /** Resolves at the first `file` line: the run holds the lock and is writing. */
  firstFile: Promise<void>;
  done: Promise<{ code: number | null; stderr: string }>;
}

function start(...args: string[]): Running {
  const child = spawn(process.execPath, [cliEntry, ...args, '--json'], {
    env: { ...process.env, SCRIBE_DATA_DIR: path.join(dir, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  let stderr = '';
  let onFirstFile!: () => void;
  const firstFile = new Promise<void>((resolve) => (onFirstFile = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const p of parts.filter((l) => l.trim() !== '')) {
      const line = JSON.parse(p) as Record<string, unknown>;
      lines.push(line);
      if (line.type === 'file') onFirstFile();
    }
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  return { child, lines, firstFile, done };
}

function ledger(db: string): Record<string, string> {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = conn.prepare('SELECT path, status FROM import_ledger ORDER BY path').all() as { path: string; status: string }[];
    return Object.fromEntries(rows.map((r) => [r.path, r.status]));
  } finally {
    conn.close();
  }
}

describe('two importers on one library', () => {
  it('refuses the second while the first runs, and the first imports every file', async () => {
    const saves = path.join(dir, 'saves');
    const corpus = await writeCorpus(saves, 12);
    const db = path.join(dir, 'lib.sqlite');

    const first = start('import', saves, '--db', db, '--workers', '1');
    await first.firstFile;
    first.child.kill('SIGSTOP');
    try {
      const before = ledger(db);
      const second = start('import', saves, '--db', db, '--workers', '1');
      const ended = await second.done;
      expect(ended.code, ended.stderr).toBe(2);
      expect(second.lines.filter((l) => l.type === 'file')).toEqual([]);
      expect(second.lines.at(-1)).toMatchObject({ type: 'summary', outcome: 'failed', filesTotal: 0 });
      expect(String(second.lines.at(-1)!.error)).toMatch(/Another Scribe is importing into this library/);
      expect(ledger(db)).toEqual(before);
    } finally {
      first.child.kill('SIGCONT');
    }
    const ended = await first.done;
    expect(ended.code, ended.stderr).toBe(0);
    const rows = ledger(db);
    expect(Object.keys(rows).sort()).toEqual(corpus.map((c) => c.path).sort());
    expect(new Set(Object.values(rows))).toEqual(new Set(['imported']));

    // Lock released: the next import runs (and finds everything unchanged).
    const third = start('import', saves, '--db', db);
    expect((await third.done).code).toBe(0);
    expect(third.lines.filter((l) => l.type === 'file' && l.status === 'skipped')).toHaveLength(12);
  });

  it('leaves no stale lock when an importer is killed: the next one resumes', async () => {
    const saves = path.join(dir, 'saves');
    const corpus = await writeCorpus(saves, 8);
    const db = path.join(dir, 'lib.sqlite');

    const first = start('import', saves, '--db', db, '--workers', '1');
    await first.firstFile;
    first.child.kill('SIGKILL');
    await first.done;

    const resume = start('resume', '--db', db, '--workers', '1');
    const ended = await resume.done;
    expect(ended.code, ended.stderr).toBe(0);
    const rows = ledger(db);
    expect(Object.keys(rows).sort()).toEqual(corpus.map((c) => c.path).sort());
    expect(new Set(Object.values(rows))).toEqual(new Set(['imported']));
  });
});
