import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScribeService, type ScribeService } from '../../src/engine/service';
import type { EventName, Events } from '../../src/shared/contract';
import type { WatchStatus } from '../../src/shared/settings';
import { tempDir, testServiceHost } from '../pipeline/helpers';
import { dropSave, fastTimings, waitFor } from './helpers';

let dir: string;
let service: ScribeService | null;
let events: { name: EventName; payload: unknown }[];

beforeEach(async () => {
  dir = await tempDir('watch-service');
  events = [];
  service = null;
});
afterEach(async () => {
  await service?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function start(watch?: boolean): Promise<ScribeService> {
  service = await createScribeService(
    testServiceHost(path.join(dir, 'data'), {
      emit: <K extends EventName>(name: K, payload: Events[K]) => void events.push({ name, payload }),
      watch,
      watchTimings: fastTimings,
    }),
  );
  return service;
}

const statusEvents = (): WatchStatus[] => events.filter((e) => e.name === 'watchStatus').map((e) => e.payload as WatchStatus);
const watchRunsFinished = (): Events['importFinished'][] =>
  events
    .filter((e) => e.name === 'importFinished')
    .map((e) => e.payload as Events['importFinished'])
    .filter((s) => s.kind === 'watch');

describe('the service watches the settings’ folders', () => {
  it('watches folders from the settings, reports status, imports new saves, and follows settings changes', async () => {
    const saves = path.join(dir, 'Saves');
    await fs.mkdir(saves);
    const s = await start();
    expect((await s.handlers.getWatchStatus()).folders).toEqual([]);

    await s.handlers.setSettings({ watchFolders: [saves] });
    await waitFor('a watching status event', () =>
      statusEvents().some((st) => st.folders.some((f) => f.folder === saves && f.state === 'watching')),
    );
    const status = await s.handlers.getWatchStatus();
    expect(status.folders).toEqual([{ folder: saves, state: 'watching', message: expect.any(String) }]);
    expect(Array.isArray(status.suggestions)).toBe(true);

    const file = path.join(saves, 'OW-Save-1.zip');
    await dropSave(file, 9001, path.join(dir, 'staging'));
    await waitFor('a watch run that imported the save', () => watchRunsFinished().some((r) => r.imported === 1));
    expect(events.some((e) => e.name === 'fileResult' && (e.payload as { path: string; status: string }).path === file)).toBe(true);
    expect((await s.handlers.listSaves({})).total).toBe(1);

    // A folder that does not exist (yet) is reported missing.
    const missing = path.join(dir, 'Elsewhere');
    await s.handlers.setSettings({ watchFolders: [saves, missing] });
    await waitFor('missing reported', async () =>
      (await s.handlers.getWatchStatus()).folders.some((f) => f.folder === missing && f.state === 'missing'),
    );

    await s.handlers.setSettings({ watchFolders: [] });
    await waitFor('no folder left', async () => (await s.handlers.getWatchStatus()).folders.length === 0);
    await waitFor('an event saying so', () => statusEvents().at(-1)?.folders.length === 0);
  });

  it('starts watching at creation, with a catch-up of what is already there', async () => {
    const saves = path.join(dir, 'Saves');
    const file = path.join(saves, 'OW-Save-2.zip');
    await dropSave(file, 9002, path.join(dir, 'staging'));
    await fs.mkdir(path.join(dir, 'data'), { recursive: true });
    await fs.writeFile(path.join(dir, 'data', 'settings.json'), JSON.stringify({ watchFolders: [saves] }));
    const s = await start();
    await waitFor('the save already there imported', () => watchRunsFinished().some((r) => r.imported === 1));
    expect((await s.handlers.listSaves({})).total).toBe(1);
  });

  it('leaves folders alone when the host opts out', async () => {
    const saves = path.join(dir, 'Saves');
    await fs.mkdir(saves);
    const s = await start(false);
    await s.handlers.setSettings({ watchFolders: [saves] });
    expect((await s.handlers.getWatchStatus()).folders).toEqual([]);
    expect(s.watcher.status()).toEqual([]);
  });
});
