/**
 * The `scribe` command line's manners: it says its version, refuses bad
 * options with a clear message and exit 2, and ends cleanly (no stack trace,
 * a defined exit code, a ledger `scribe resume` finishes) when its output
 * goes away or a signal stops it. The built CLI in its own process, real
 * worker processes, a real database file, real pipes and /dev/full.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, tempDir, writeCorpus, type CorpusFile } from './helpers';

const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { version: string };

let dir: string;
let saves: string;
let corpus: CorpusFile[];
let dbCount = 0;

beforeAll(async () => {
  dir = await tempDir('cli-manners');
  saves = path.join(dir, 'saves');
  // Enough files that a run is still going when the test acts on its first file line.
  corpus = await writeCorpus(saves, 20);
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const freshDb = (): string => path.join(dir, `lib-${++dbCount}.sqlite`);

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  /** Where standard output goes: a pipe read by the test (default) or an open file descriptor. */
  stdoutFd?: number;
  cwd?: string;
  /** Called with each line of standard output, and a way to act on the process. */
  onLine?: (line: string, child: ReturnType<typeof spawn>) => void;
}

function scribe(args: string[], options: RunOptions = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], {
      env: { ...process.env, SCRIBE_DATA_DIR: path.join(dir, 'data') },
      cwd: options.cwd ?? process.cwd(),
      stdio: ['ignore', options.stdoutFd ?? 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    if (child.stdout) {
      child.stdout.on('error', () => {}); // Our end, destroyed on purpose by some tests.
      createInterface({ input: child.stdout }).on('line', (line) => {
        stdout += `${line}\n`;
        options.onLine?.(line, child);
      });
    }
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function ledger(db: string): Record<string, number> {
  const handle = new Database(db, { readonly: true });
  try {
    const rows = handle.prepare('SELECT status, count(*) AS n FROM import_ledger GROUP BY status').all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    handle.close();
  }
}

/** `scribe resume` finishes what the stopped run left: every file imported once, no save twice. */
async function expectResumeFinishes(db: string): Promise<void> {
  const resumed = await scribe(['resume', '--db', db, '--json']);
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(ledger(db)).toEqual({ imported: corpus.length });
  const handle = new Database(db, { readonly: true });
  try {
    expect(handle.prepare('SELECT count(*) AS n, count(DISTINCT sha256) AS d, count(DISTINCT game_id) AS g FROM saves').get()).toEqual({
      n: corpus.length,
      d: corpus.length,
      g: corpus.length,
    });
  } finally {
    handle.close();
  }
}

const noStackTrace = (stderr: string): void => {
  expect(stderr).not.toMatch(/\n\s+at |EPIPE|ENOSPC|Error:/);
};

describe('scribe --version and usage errors', () => {
  it('prints the version from package.json', async () => {
    for (const flag of ['--version', '-V']) {
      const ran = await scribe([flag]);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toBe(`${pkg.version}\n`);
    }
  });

  it('refuses every bad option, argument and command with a message and exit 2', async () => {
    const db = freshDb();
    const cases: [string[], RegExp][] = [
      [['import', saves, '--db', db, '--workers', '0'], /--workers.*'0'.*whole number from 1 to 64/],
      [['import', saves, '--db', db, '--workers', 'abc'], /--workers.*'abc'.*whole number from 1 to 64/],
      [['import', saves, '--db', db, '--workers', '65'], /whole number from 1 to 64/],
      [['import', saves, '--db', db, '--workers', '1.5'], /whole number from 1 to 64/],
      [['list', '--db', db, '--limit', '0'], /--limit.*'0'.*positive whole number/],
      [['list', '--db', db, '--limit', '-1'], /--limit.*positive whole number/],
      [['list', '--db', db, '--limit', '1e3'], /--limit.*positive whole number/],
      [['show', 'abc', '--db', db], /'abc'.*save id/],
      [['show', '0', '--db', db], /save id/],
      [['list', '--db', db, '--bogus'], /unknown option '--bogus'/],
      [['bogus'], /unknown command 'bogus'/],
      [['list', '--db', ''], /--db.*must name a database file/],
    ];
    for (const [args, message] of cases) {
      const ran = await scribe(args);
      expect(ran.code, args.join(' ')).toBe(2);
      expect(ran.stderr, args.join(' ')).toMatch(message);
      noStackTrace(ran.stderr);
    }
    // Nothing was imported by any of them.
    expect(fs.existsSync(db)).toBe(false);
  });

  it('takes any positive whole number for list --limit', async () => {
    const db = freshDb();
    expect((await scribe(['import', corpus[0]!.path, corpus[1]!.path, '--db', db, '--json'])).code).toBe(0);
    for (const limit of ['1', '100', '1000', '250000']) {
      const ran = await scribe(['list', '--db', db, '--limit', limit, '--json']);
      expect(ran.code, ran.stderr).toBe(0);
      expect(ran.stdout.trim().split('\n')).toHaveLength(limit === '1' ? 1 : 2);
    }
  });

  it('refuses an empty or blank path instead of importing the current directory', async () => {
    for (const blank of ['', '   ']) {
      const db = freshDb();
      // Run from the saves folder: an empty path taken as "." would import all of it.
      const ran = await scribe(['import', blank, '--db', db, '--json'], { cwd: saves });
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(/empty.*unset variable/);
      expect(ran.stdout).toBe('');
      expect(fs.existsSync(db)).toBe(false);
      const watch = await scribe(['watch', blank, '--db', db, '--json'], { cwd: saves });
      expect(watch.code).toBe(2);
      expect(watch.stderr).toMatch(/empty.*unset variable/);
    }
  });
});

describe('scribe import when its output goes away or a signal stops it', () => {
  it('ends quietly with exit 3 when the reader closes the pipe after the first line, and resume finishes the rest', async () => {
    const db = freshDb();
    let seen = 0;
    const ran = await scribe(['import', saves, '--db', db, '--workers', '1', '--json'], {
      // What `| head -1` does: read one line, close the pipe.
      onLine: (_line, child) => {
        if (++seen === 1) child.stdout!.destroy();
      },
    });
    expect(ran.code, ran.stderr).toBe(3);
    expect(ran.stderr).toBe('');
    const left = ledger(db);
    expect(left.failed).toBeUndefined();
    expect((left.queued ?? 0) + (left.importing ?? 0)).toBeGreaterThan(0);
    await expectResumeFinishes(db);
  });

  it('ends quietly with exit 3 when standard output is a full device, and resume finishes the rest', async () => {
    const db = freshDb();
    const full = fs.openSync('/dev/full', 'w');
    try {
      const ran = await scribe(['import', saves, '--db', db, '--workers', '1', '--json'], { stdoutFd: full });
      expect(ran.code, ran.stderr).toBe(3);
      expect(ran.stderr).toBe('');
    } finally {
      fs.closeSync(full);
    }
    expect(ledger(db).failed).toBeUndefined();
    await expectResumeFinishes(db);
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`stops cleanly on ${signal} with exit ${code}, and resume finishes the rest`, async () => {
      const db = freshDb();
      let signalled = false;
      const ran = await scribe(['import', saves, '--db', db, '--workers', '1', '--json'], {
        onLine: (line, child) => {
          if (!signalled && (JSON.parse(line) as { type: string }).type === 'file') {
            signalled = true;
            child.kill(signal);
          }
        },
      });
      expect(ran.code, ran.stderr).toBe(code);
      noStackTrace(ran.stderr);
      const lines = ran.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.at(-1)).toMatchObject({ type: 'summary', outcome: 'cancelled' });
      expect(lines.filter((l) => l.type === 'summary')).toHaveLength(1);
      expect((lines.at(-1) as { notStarted: number }).notStarted).toBeGreaterThan(0);
      await expectResumeFinishes(db);
    });
  }
});
