import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCorpus } from '../pipeline/helpers';
import { WatchRig, fastTimings, saveBytes, sleep, waitFor } from './helpers';

let rig: WatchRig;
let watched: string;

beforeEach(async () => {
  rig = await WatchRig.create('watch');
  watched = path.join(rig.dir, 'Saves');
  await fs.mkdir(watched);
});
afterEach(async () => {
  await rig.close();
});

/** Every file result of the rig, grouped by path: each path must appear at most once as imported. */
function importedTwice(): string[] {
  const seen = new Map<string, number>();
  for (const f of rig.recorder.files) if (f.status === 'imported') seen.set(f.path, (seen.get(f.path) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([p]) => p);
}

describe('watch folders', () => {
  it('imports a save written slowly in chunks exactly once, only after it is complete', async () => {
    let lastChunkWritten = false;
    const runsWhilePartial: string[][] = [];
    const watch = await rig.startWatching([watched], {
      onRun: (run) => {
        if (!lastChunkWritten) runsWhilePartial.push(run.paths);
      },
    });
    const bytes = await saveBytes(7001, rig.dir);
    const target = path.join(watched, 'OW-Save-Slow.zip');

    const chunks = 4;
    const size = Math.ceil(bytes.length / chunks);
    const handle = await fs.open(target, 'w');
    try {
      for (let i = 0; i < chunks; i++) {
        if (i === chunks - 1) lastChunkWritten = true;
        await handle.write(bytes.subarray(i * size, Math.min(bytes.length, (i + 1) * size)));
        await handle.sync();
        // Long enough for the file to look stable: the completeness check must still hold it back.
        if (i < chunks - 1) await sleep(fastTimings.stableMs! * 4);
      }
    } finally {
      await handle.close();
    }

    await rig.waitImported(target);
    await watch.whenIdle();
    expect(runsWhilePartial).toEqual([]);
    expect(rig.resultsFor(target).map((r) => r.status)).toEqual(['imported']);
    const row = await rig.store.ledgerLookup(target);
    expect(row).toMatchObject({ status: 'imported', attempts: 1, size: bytes.length });
    expect(await rig.store.ledgerCountByStatus(['failed'])).toBe(0);
    expect((await rig.store.totals()).saves).toBe(1);
  });

  it('imports 50 saves dropped at once in one batch, every file accounted for', async () => {
    const staging = path.join(rig.dir, 'staging');
    const corpus = await writeCorpus(staging, 50);
    const watch = await rig.startWatching([watched]);
    await watch.whenIdle();
    expect(rig.runs).toHaveLength(0);

    const targets = corpus.map((c) => path.join(watched, path.basename(c.path)));
    await Promise.all(corpus.map((c, i) => fs.rename(c.path, targets[i]!)));

    await waitFor('all 50 imported', () => rig.recorder.files.filter((f) => f.status === 'imported').length >= 50);
    await watch.whenIdle();
    expect(rig.runs).toHaveLength(1);
    expect([...rig.runs[0]!.paths].sort()).toEqual([...targets].sort());
    const { summary } = await rig.runs[0]!.done;
    expect(summary).toMatchObject({ kind: 'watch', outcome: 'completed', filesTotal: 50, imported: 50, skipped: 0, failed: 0 });
    expect(rig.recorder.files.map((f) => f.path).sort()).toEqual([...targets].sort());
    expect((await rig.store.totals()).saves).toBe(50);
    expect(await rig.store.ledgerCountByStatus(['failed', 'queued', 'importing'])).toBe(0);
  });

  it('imports saves moved in from elsewhere, into subfolders and as whole folders', async () => {
    const watch = await rig.startWatching([watched]);
    await fs.mkdir(path.join(watched, 'Completed'));
    const one = path.join(watched, 'Completed', 'OW-Save-Moved.zip');
    await rig.dropSave(one, 7101);
    await rig.waitImported(one);

    // A folder of saves moved in whole.
    const outside = path.join(rig.dir, 'elsewhere', 'Campaign');
    const corpus = await writeCorpus(outside, 2, { seed: 7200 });
    await fs.rename(outside, path.join(watched, 'Campaign'));
    const moved = corpus.map((c) => path.join(watched, 'Campaign', path.basename(c.path)));
    for (const file of moved) await rig.waitImported(file);

    await watch.whenIdle();
    expect(importedTwice()).toEqual([]);
    expect((await rig.store.totals()).saves).toBe(3);
    expect(rig.runs.every((r) => r.started.kind === 'watch')).toBe(true);
  });

  it('ignores temporary and partial names, and imports the final name once renamed', async () => {
    const watch = await rig.startWatching([watched]);
    const bytes = await saveBytes(7301, rig.dir);
    const ignored = ['a.zip.tmp', 'b.part', 'c.zip.crdownload', '~d.zip', '.e.zip', 'f.zip.part', 'g.tmp', 'h.download'].map((n) =>
      path.join(watched, n),
    );
    for (const file of ignored) await fs.writeFile(file, bytes);
    await fs.writeFile(path.join(watched, 'notes.txt'), 'not a save');
    await fs.writeFile(path.join(watched, 'README'), 'an extension-less file that is not an archive');
    await fs.mkdir(path.join(watched, '.hidden'));
    await fs.writeFile(path.join(watched, '.hidden', 'x.zip'), bytes);
    const real = path.join(watched, 'OW-Save-Real.zip');
    await rig.dropSave(real, 7302);
    // Extension-less archives are candidates: the content decides.
    const noExtension = path.join(watched, 'OW-Save-NoExtension');
    await rig.dropSave(noExtension, 7303);

    await rig.waitImported(real);
    await rig.waitImported(noExtension);
    await watch.rescan();
    await watch.whenIdle();
    expect(rig.recorder.files.map((f) => f.path).sort()).toEqual([noExtension, real].sort());
    for (const file of [...ignored, path.join(watched, 'README'), path.join(watched, 'notes.txt')]) {
      expect(await rig.store.ledgerLookup(file), file).toBeNull();
    }

    // The usual atomic save: written under a temporary name, then renamed.
    const renamed = path.join(watched, 'a.zip');
    await fs.rename(ignored[0]!, renamed);
    await rig.waitImported(renamed);
    await watch.whenIdle();
    expect(rig.resultsFor(renamed)).toHaveLength(1);
    expect(await rig.store.ledgerCountByStatus(['failed'])).toBe(0);
  });

  it('keeps watching a folder that is deleted and recreated, or renamed away and back', async () => {
    const watch = await rig.startWatching([watched]);
    const first = path.join(watched, 'first.zip');
    await rig.dropSave(first, 7401);
    await rig.waitImported(first);

    // Deleted and recreated at once, then a save written into the new folder.
    await fs.rm(watched, { recursive: true });
    await fs.mkdir(watched);
    const second = path.join(watched, 'second.zip');
    await rig.dropSave(second, 7402);
    await rig.waitImported(second);
    await waitFor('watching again', () => rig.state(watched)?.state === 'watching');

    // Deleted, noticed as missing, then back.
    await fs.rm(watched, { recursive: true });
    await waitFor('reported missing', () => rig.state(watched)?.state === 'missing');
    expect(rig.state(watched)?.message).toMatch(/not there/);
    await fs.mkdir(watched);
    await waitFor('watching after recreation', () => rig.state(watched)?.state === 'watching');
    const third = path.join(watched, 'third.zip');
    await rig.dropSave(third, 7403);
    await rig.waitImported(third);

    // Renamed away: missing; a save lands meanwhile; renamed back: caught up.
    const away = path.join(rig.dir, 'Saves-away');
    await fs.rename(watched, away);
    await waitFor('missing after rename', () => rig.state(watched)?.state === 'missing');
    const fourth = path.join(away, 'fourth.zip');
    await rig.dropSave(fourth, 7404);
    await fs.rename(away, watched);
    const fourthBack = path.join(watched, 'fourth.zip');
    await rig.waitImported(fourthBack);
    await watch.whenIdle();

    expect(rig.statuses.some((s) => s.some((f) => f.state === 'missing'))).toBe(true);
    expect(rig.state(watched)?.state).toBe('watching');
    expect(rig.recorder.files.some((f) => f.path === fourth)).toBe(false);
    expect(importedTwice()).toEqual([]);
    expect((await rig.store.totals()).saves).toBe(4);
    expect(await rig.store.ledgerCountByStatus(['failed'])).toBe(0);
  });

  it('starts on a missing folder and watches it once it appears', async () => {
    const later = path.join(rig.dir, 'Later');
    await rig.startWatching([later]);
    expect(rig.state(later)).toMatchObject({ state: 'missing' });
    await fs.mkdir(later);
    await waitFor('watching once created', () => rig.state(later)?.state === 'watching');
    const file = path.join(later, 'new.zip');
    await rig.dropSave(file, 7501);
    await rig.waitImported(file);
  });

  it('picks up at start the saves that arrived while not running, and imports nothing twice', async () => {
    const before = await writeCorpus(watched, 2, { seed: 7600 }, 'before');
    let watch = await rig.startWatching([watched]);
    for (const c of before) await rig.waitImported(c.path);
    await watch.whenIdle();
    expect(rig.runs).toHaveLength(1);
    await rig.stopWatching();

    // Scribe closed: new saves arrive, one of them in a new subfolder, and an old one is touched without changing.
    const whileAway = [
      ...(await writeCorpus(watched, 2, { seed: 7700 }, 'away')),
      ...(await writeCorpus(path.join(watched, 'Completed'), 1, { seed: 7800 }, 'done')),
    ];
    const now = new Date();
    await fs.utimes(before[0]!.path, now, now);

    watch = await rig.startWatching([watched]);
    for (const c of whileAway) await rig.waitImported(c.path);
    await watch.whenIdle();

    // One catch-up run offered all five: three new, one unchanged, one touched (same bytes: skipped).
    expect(rig.runs).toHaveLength(2);
    expect([...rig.runs[1]!.paths].sort()).toEqual([...before, ...whileAway].map((c) => c.path).sort());
    const { summary } = await rig.runs[1]!.done;
    expect(summary).toMatchObject({ imported: 3, skipped: 2, failed: 0 });
    expect(importedTwice()).toEqual([]);
    expect((await rig.store.totals()).saves).toBe(5);
    const ledger = await rig.store.ledgerHistory({ limit: 100 });
    // One row per file; the touched one now says "already imported" and points at its save.
    expect(ledger.items).toHaveLength(5);
    expect(ledger.items.every((e) => (e.status === 'imported' || e.status === 'skipped') && e.saveId !== null)).toBe(true);
    expect(new Set(ledger.items.map((e) => e.saveId)).size).toBe(5);
    expect(ledger.items.find((e) => e.path === before[0]!.path)).toMatchObject({ status: 'skipped', code: 'ALREADY_IMPORTED' });
  });

  it('polls when asked to or when the folder is on a network drive, and still imports', async () => {
    await rig.startWatching([watched], {
      pollingReason: async () => 'it is on a network or FUSE drive (cifs), where change notifications are unreliable',
    });
    expect(rig.state(watched)).toMatchObject({ state: 'polling' });
    expect(rig.state(watched)?.message).toMatch(/cifs/);
    const file = path.join(watched, 'polled.zip');
    await rig.dropSave(file, 7901);
    await rig.waitImported(file);

    const other = path.join(rig.dir, 'Other');
    await fs.mkdir(other);
    await rig.startWatching([other], { forcePolling: true });
    expect(rig.state(other)).toMatchObject({ state: 'polling' });
    const second = path.join(other, 'sub', 'polled-too.zip');
    await rig.dropSave(second, 7902);
    await rig.waitImported(second);
  });

  it('falls back to polling when the system watcher fails', async () => {
    const watch = await rig.startWatching([watched]);
    expect(rig.state(watched)).toMatchObject({ state: 'watching' });
    // Reach the folder's chokidar watcher and make it fail the way an exhausted inotify does.
    const internals = watch as unknown as { folders: Map<string, { watcher: { emit(name: string, err: Error): boolean } | null }> };
    const failure = Object.assign(new Error('inotify watch limit reached'), { code: 'ENOSPC' });
    internals.folders.get(watched)!.watcher!.emit('error', failure);
    await waitFor('polling after the failure', () => rig.state(watched)?.state === 'polling');
    expect(rig.state(watched)?.message).toMatch(/ENOSPC/);
    const file = path.join(watched, 'after-failure.zip');
    await rig.dropSave(file, 7951);
    await rig.waitImported(file);
  });

  it('stops watching a folder that is removed from the list', async () => {
    const other = path.join(rig.dir, 'Other');
    await fs.mkdir(other);
    const watch = await rig.startWatching([watched, other]);
    expect(watch.status().map((s) => s.folder)).toEqual([watched, other]);
    await watch.setFolders([other]);
    expect(watch.status().map((s) => s.folder)).toEqual([other]);
    const file = path.join(other, 'kept.zip');
    await rig.dropSave(file, 8001);
    await rig.waitImported(file);
  });
});
