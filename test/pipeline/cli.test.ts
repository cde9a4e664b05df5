/**
 * The `scribe` command line as a user (or another tool) runs it: the built
 * CLI in its own process, real worker processes, a real database file. The
 * JSON lines and the `show` keys are what other tools read.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir, writeCorpus, type CliRun } from './helpers';

let dir: string;

beforeEach(async () => {
  dir = await tempDir('cli');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The CLI with this test's data folder. */
const scribe = (...args: string[]): Promise<CliRun> => runCli(args, { SCRIBE_DATA_DIR: path.join(dir, 'data') });

describe('scribe import / list / show', () => {
  it('prints one line per candidate file and a summary, lists the saves, and shows one with the stable keys', async () => {
    const saves = path.join(dir, 'saves');
    const corpus = await writeCorpus(saves, 3);
    // A damaged archive fails alone; a note and a hidden file are not candidates and get no line.
    const broken = path.join(saves, 'broken.zip');
    await fs.writeFile(broken, (await fs.readFile(corpus[0]!.path)).subarray(0, 400));
    await fs.writeFile(path.join(saves, 'notes.txt'), 'not a save');
    await fs.writeFile(path.join(saves, '.hidden.zip'), 'hidden');
    const db = path.join(dir, 'lib.sqlite');

    const run = await scribe('import', saves, '--db', db, '--workers', '2', '--json');
    expect(run.code, run.stderr).toBe(1); // some files failed
    const files = run.lines.filter((l) => l.type === 'file');
    expect(files.map((f) => f.path).sort()).toEqual([...corpus.map((c) => c.path), broken].sort());
    for (const f of files) expect(path.isAbsolute(f.path as string)).toBe(true);
    expect(files.filter((f) => f.status === 'imported')).toHaveLength(3);
    expect(files.find((f) => f.path === broken)).toMatchObject({ status: 'failed', code: 'ZIP_CORRUPT', message: expect.any(String) });
    expect(run.lines.some((l) => l.type === 'progress')).toBe(true);
    expect(run.lines.at(-1)).toMatchObject({ type: 'summary', imported: 3, failed: 1, skipped: 0 });

    // Again: the saves are skipped, with why; nothing new failed but the broken file, so still exit 1.
    const again = await scribe('import', saves, '--db', db, '--json');
    expect(again.lines.filter((l) => l.type === 'file' && l.status === 'skipped')).toHaveLength(3);
    expect(again.lines.filter((l) => l.type === 'file' && l.status === 'skipped').every((l) => typeof l.message === 'string')).toBe(true);

    // Output that is not a terminal gets JSON lines even without --json.
    const list = await scribe('list', '--db', db);
    expect(list.code).toBe(0);
    const listed = list.lines.filter((l) => l.type === 'save');
    expect(listed).toHaveLength(3);

    const first = corpus[0]!;
    const id = (listed.find((l) => l.gameId === first.gameId) as { saveId: number }).saveId;
    const show = await scribe('show', String(id), '--db', db, '--json');
    expect(show.code).toBe(0);
    expect(show.lines).toHaveLength(1);
    const detail = show.lines[0]!;
    expect(detail).toMatchObject({ gameId: first.gameId, turn: first.turn, gameOver: expect.any(Boolean) });
    expect(detail).toHaveProperty('gameName');
    expect(detail).toHaveProperty('winner');
    const players = detail.players as Record<string, unknown>[];
    expect(players.length).toBe(first.tableCounts.players);
    for (const p of players) expect(Object.keys(p)).toEqual(expect.arrayContaining(['id', 'name', 'nation', 'dynasty', 'isHuman']));
    const counts = detail.counts as Record<string, number>;
    expect(counts).toMatchObject({
      players: first.tableCounts.players,
      characters: first.tableCounts.characters,
      cities: first.tableCounts.cities,
      tiles: first.tableCounts.tiles,
      units: first.tableCounts.units,
      logEntries: first.tableCounts.event_log,
      memoryEntries: first.tableCounts.memories,
      tileOwnerHistory: first.tableCounts.tile_owner_history,
      characterTraits: first.tableCounts.character_traits,
      historyPoints: first.tableCounts.history_points,
    });
    expect(counts.historyPoints).toBeGreaterThan(0);
    // Every other table follows by its camelCase name, the yield prices among them.
    expect(counts.yieldPrices).toBe(first.tableCounts.yield_prices);
    expect(counts.yieldPrices).toBeGreaterThan(0);
  });

  it('exits 2 for a usage error or an unusable database, and 1 for a save id it does not have', async () => {
    expect((await scribe('show', 'not-a-number', '--json')).code).toBe(2);
    expect((await scribe('import', '--json')).code).toBe(2);
    const notADb = path.join(dir, 'not-a-db.sqlite');
    await fs.writeFile(notADb, 'this is not a database '.repeat(100));
    expect((await scribe('list', '--db', notADb, '--json')).code).toBe(2);
    const empty = path.join(dir, 'empty.sqlite');
    const missing = await scribe('show', '42', '--db', empty, '--json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no save with id 42/);
  });
});
