import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discover } from '../../src/engine/pipeline/discover';

let root: string;
const zipBytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-discover-'));
});
afterEach(async () => {
  await fs.chmod(path.join(root, 'locked'), 0o755).catch(() => {});
  await fs.rm(root, { recursive: true, force: true });
});

async function put(rel: string, content: Buffer | string = zipBytes): Promise<string> {
  const file = path.join(root, rel);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
  return file;
}

describe('discover', () => {
  it('finds zips and extension-less zip files recursively, in a stable order, and nothing else', async () => {
    await put('b.zip');
    await put('a.ZIP');
    await put('nested/deeper/c.zip');
    await put('match_412345678_tiglath');
    await put('notes.txt', 'hello');
    await put('no-extension-text', 'not a zip');
    await put('.hidden.zip');
    await put('.git/x.zip');
    await put('Thumbs.db', 'x');
    const { candidates, notices } = await discover([root]);
    expect(candidates.map((c) => path.relative(root, c.path))).toEqual([
      'a.ZIP',
      'b.zip',
      'match_412345678_tiglath',
      path.join('nested', 'deeper', 'c.zip'),
    ]);
    expect(notices).toEqual([]);
    expect(candidates[0]!.size).toBe(zipBytes.length);
  });

  it('always keeps a file named directly, even one that is not an archive or does not exist', async () => {
    const text = await put('readme.txt', 'plain text');
    const missing = path.join(root, 'gone.zip');
    const { candidates } = await discover([text, missing, text]);
    expect(candidates.map((c) => c.path)).toEqual([text, missing]);
  });

  it('survives a symlink loop and reports it', async () => {
    await put('saves/a.zip');
    await fs.symlink(path.join(root, 'saves'), path.join(root, 'saves', 'loop'));
    const { candidates, notices } = await discover([root]);
    expect(candidates.map((c) => path.basename(c.path))).toEqual(['a.zip']);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.path).toBe(path.join(root, 'saves', 'loop'));
  });

  it('reports an unreadable folder and goes on', async () => {
    await put('ok/a.zip');
    await put('locked/b.zip');
    await fs.chmod(path.join(root, 'locked'), 0o000);
    const { candidates, notices } = await discover([root]);
    if (process.getuid?.() === 0) {
      // root reads every folder regardless of mode: nothing to report.
      expect(candidates.map((c) => path.basename(c.path))).toEqual(['b.zip', 'a.zip']);
      return;
    }
    expect(candidates.map((c) => path.basename(c.path))).toEqual(['a.zip']);
    expect(notices.map((n) => n.path)).toEqual([path.join(root, 'locked')]);
  });
});
