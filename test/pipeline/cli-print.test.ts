/**
 * `scribe show` and `scribe list` on a terminal: the words a player reads,
 * from a real save read by the reader and stored in a real library. No raw
 * key reaches them (the `--json` output keeps the keys on purpose).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printSaveDetail, printSaveList } from '../../src/cli/print.js';
import { parseSaveXml } from '../../src/engine/reader/index.js';
import { openStore } from '../../src/engine/store/index.js';
import { generateSave } from '../fixtures/generate.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scribe-print-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const rawKey = /\b(NAME|CITYNAME|NATION|FAMILY|VICTORY|LAW|TECH|YIELD|DIFFICULTY|MAPSIZE|MAPCLASS|DYNASTY)_[A-Z0-9_]+/;

function captured(fn: () => void): string {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  fn();
  vi.restoreAllMocks();
  return out;
}

describe('the CLI’s words for people', () => {
  it('names nations, rulers, the mode and the result from the player’s side, with no raw key', async () => {
    const store = await openStore(path.join(dir, 'lib.sqlite'));
    try {
      // Legacy form with the victory's index: team 0 (the player's) won by Conquest.
      const xml = generateSave({ seed: 5, scale: 'small', winner: 'legacy', gameMode: 'SINGLE_PLAYER', humans: 1 }).xml.replace(
        '<WinnerVictory>VICTORY_TIME</WinnerVictory>',
        '<WinnerVictory>4</WinnerVictory>',
      );
      const r = await store.insertSave(parseSaveXml(Buffer.from(xml, 'utf8')), {
        path: path.join(dir, 'a.zip'),
        sha256: 'a'.repeat(64),
        size: xml.length,
        mtimeMs: 1_758_000_000_000,
      });
      expect(r.status).toBe('imported');
      const detail = (await store.saveDetail(r.saveId!))!;
      const shown = captured(() => printSaveDetail(detail, false));
      expect(shown).toContain('Victory (Conquest)');
      expect(shown).toContain('Single player');
      expect(shown).not.toMatch(rawKey);

      const page = await store.listSaves({});
      const listed = captured(() => printSaveList({ total: page.total, items: page.items.map((s) => ({ ...s, isSample: false })) }, false));
      expect(listed).toContain(detail.save.gameName!);
      expect(listed).not.toMatch(rawKey);
      // The JSON keeps the keys: tools read them.
      const json = captured(() => printSaveDetail(detail, true));
      expect(json).toMatch(/NATION_[A-Z]+/);
    } finally {
      await store.close();
    }
  });
});
