/**
 * The service on a library from an older Scribe (a real schema-5 SQLite
 * file of generated saves, converted by the real stepped migration): it
 * answers at once, tells the window each step of the conversion in order,
 * holds every other request until the library is open, and ends in `done`,
 * or in `stopped` and the open's error when the conversion fails.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveRequest } from '../../src/engine/serve-request';
import { startScribeService, type ServiceHost, type StartingService } from '../../src/engine/service';
import { latestVersion } from '../../src/engine/store';
import type { EventName } from '../../src/shared/contract';
import type { LibraryMigration } from '../../src/shared/migration';
import { makeOldSqliteLibrary } from '../fixtures/old-library';
import { tempDir, testServiceHost } from '../pipeline/helpers';

let dir: string;
let started: StartingService | null = null;
let events: { name: EventName; payload: unknown }[] = [];
/** Lets a held conversion go on, so that a failed test still closes its library. */
let releaseHeld: (() => void) | null = null;

beforeEach(async () => {
  dir = await tempDir('service-migration');
  events = [];
});
afterEach(async () => {
  releaseHeld?.();
  releaseHeld = null;
  const service = await started?.ready.catch(() => null);
  await service?.close();
  started = null;
  await fs.rm(dir, { recursive: true, force: true });
});

const dataDir = (): string => path.join(dir, 'data');
const migrationEvents = (): LibraryMigration[] =>
  events.filter((e) => e.name === 'libraryMigration').map((e) => e.payload as LibraryMigration);

function start(options: Partial<ServiceHost> = {}): StartingService {
  started = startScribeService(testServiceHost(dataDir(), { emit: (name, payload) => events.push({ name, payload }), ...options }));
  return started;
}

/** A pause hook that holds the conversion at its first step until `release()`. */
function holdAtFirstStep(): { pause: () => Promise<void>; release: () => void; reached: Promise<void> } {
  let release!: () => void;
  let reach!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  releaseHeld = release;
  return {
    pause: () => {
      reach();
      return released;
    },
    release,
    reached,
  };
}

const threeSavesConverted: LibraryMigration[] = [
  { version: 6, phase: 'converting', savesDone: 0, savesTotal: 3 },
  { version: 6, phase: 'converting', savesDone: 3, savesTotal: 3 },
  { version: 6, phase: 'finishing', savesDone: 3, savesTotal: 3 },
  { version: 6, phase: 'reclaiming', savesDone: 3, savesTotal: 3 },
  { version: 6, phase: 'done', savesDone: 3, savesTotal: 3 },
];

describe('the service on a library from an older Scribe', () => {
  it('answers at once, tells each step of the conversion in order, and serves the library once it is open', async () => {
    expect(latestVersion).toBe(6); // the steps below are migration 6's; a new version adds its own
    await makeOldSqliteLibrary(path.join(dataDir(), 'scribe.sqlite'), 3);
    const hold = holdAtFirstStep();
    const service = start({ migrationPause: hold.pause });
    let listed = false;
    const list = service.handlers.listSaves({}).then((page) => ((listed = true), page));
    await hold.reached;

    // Mid-conversion: a window that loads now is told where it stands; the library's requests wait.
    expect(await service.handlers.getLibraryMigration()).toEqual(threeSavesConverted[0]);
    expect(migrationEvents()).toEqual([threeSavesConverted[0]]);
    expect(listed).toBe(false);

    hold.release();
    expect((await list).total).toBe(3);
    await service.ready;
    expect(migrationEvents()).toEqual(threeSavesConverted);
    expect(await service.handlers.getLibraryMigration()).toBeNull();
    expect((await service.handlers.listGames({})).total).toBe(3);
  });

  it('tells nothing when the library is already at this version', async () => {
    const first = start();
    await (await first.ready).close();
    started = null;
    const service = start();
    expect((await service.handlers.listSaves({})).total).toBe(0);
    expect(await service.handlers.getLibraryMigration()).toBeNull();
    expect(migrationEvents()).toEqual([]);
  });

  it('ends in "stopped" and fails every waiting request as the open failed when the conversion cannot go on', async () => {
    await makeOldSqliteLibrary(path.join(dataDir(), 'scribe.sqlite'), 3);
    const service = start({
      migrationPause: async () => {
        throw new Error('the disk went away');
      },
    });
    const waiting = serveRequest(service.handlers, 'listSaves', {});
    await expect(service.ready).rejects.toThrow('the disk went away');
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('the disk went away') } });
    expect(migrationEvents()).toEqual([threeSavesConverted[0], { ...threeSavesConverted[0], phase: 'stopped' }]);
    expect(await service.handlers.getLibraryMigration()).toBeNull();

    // Each step commits: the next start resumes the conversion and opens the library.
    events = [];
    started = null;
    const again = start();
    expect((await again.handlers.listSaves({})).total).toBe(3);
    expect(migrationEvents().at(-1)).toEqual(threeSavesConverted.at(-1));
  });

  it('fails every waiting request with the library’s own code when it is not a library', async () => {
    await fs.mkdir(dataDir(), { recursive: true });
    await fs.writeFile(path.join(dataDir(), 'scribe.sqlite'), 'a shopping list, long enough to fill a database header '.repeat(4));
    const service = start();
    const waiting = serveRequest(service.handlers, 'listSaves', {});
    await expect(service.ready).rejects.toThrow();
    expect(await waiting).toMatchObject({
      ok: false,
      error: { code: 'NOT_A_DATABASE', message: expect.stringMatching(/^This file is not a SQLite database\./) },
    });
    expect(migrationEvents()).toEqual([]);
  });

  it('tells the conversion of a library it switches to in Settings', async () => {
    const other = path.join(dir, 'other', 'old.sqlite');
    await makeOldSqliteLibrary(other, 3);
    const service = start();
    await service.ready;
    const after = await service.handlers.setSettings({ databasePath: other });
    expect(after.databasePath).toBe(other);
    expect(migrationEvents()).toEqual(threeSavesConverted);
    expect((await service.handlers.listSaves({})).total).toBe(3);
  });
});
