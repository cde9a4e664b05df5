import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toFailure } from '../../src/engine/errors';
import {
  requestChannel,
  requestNames,
  type RequestHandlers,
  type RequestName,
  type RequestOf,
  type ScribeBridge,
} from '../../src/shared/contract';
import type { ImportSummary } from '../../src/shared/import';
import { startHarness, type Harness } from '../harness/server';
import { tempDir, writeCorpus } from '../pipeline/helpers';
import { launch, quitAll, type Launched } from './launch';

let dir: string;
afterEach(async () => {
  await quitAll();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Requests that need an argument; any other (and any the contract gains later) is sent with none. */
const samples: Partial<{ [K in RequestName]: RequestOf<K> }> = {
  listSaves: { sort: 'turn', order: 'asc' },
  saveDetail: { saveId: 1 },
  deleteSave: { saveId: 2 },
  ledgerHistory: {},
  setSettings: { maxXmlMB: 128 },
  // Both dialogs are cancelled on both sides: the answer is null, and the app's dialogs were asked (below).
  exportLibrary: { format: 'parquet' },
  saveCsv: { suggestedName: 'points.csv', csv: 'turn,points\n1,2\n' },
};

type Settled = { ok: true; value: unknown } | { ok: false; error: string };
async function settle(call: () => Promise<unknown>, describeError: (err: unknown) => string): Promise<Settled> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    return { ok: false, error: describeError(err) };
  }
}
/** The renderer's view of an IPC error, without Electron's wrapping (as src/renderer's format.ts strips it). */
const ipcError = (err: unknown) => String((err as Error).message).replace(/^Error invoking remote method '[^']*': (?:Error: )?/, '');
/** What the harness sends for a failed request (test/harness/server.ts). */
const harnessError = (err: unknown) => {
  const failure = toFailure(err);
  return `${failure.code}: ${failure.message}`;
};

/** What differs between two libraries by nature: their folders, run ids and clocks. */
function normalize(value: unknown, dataDirs: string[]): unknown {
  if (typeof value === 'string') return dataDirs.reduce((s, d) => s.split(d).join('<data>'), value);
  if (Array.isArray(value)) return value.map((v) => normalize(v, dataDirs));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === 'runId' || (/At$/.test(k) && v !== null) || /(Ms|PerSecond|Seconds)$/.test(k) ? `<${k}>` : normalize(v, dataDirs),
      ]),
    );
  }
  return value;
}

describe('IPC handlers of the main process', () => {
  let app: Launched;
  let harness: Harness;
  let appData: string;
  let harnessData: string;
  let corpus: string;

  beforeEach(async () => {
    dir = await tempDir('main-ipc');
    corpus = path.join(dir, 'saves');
    await writeCorpus(corpus, 3);
    await fs.writeFile(path.join(corpus, 'broken.zip'), 'PK\u0003\u0004 not really');
    appData = path.join(dir, 'app');
    harnessData = path.join(dir, 'harness');
    // One worker on both sides: the same files are written in the same order, so save ids agree.
    for (const d of [appData, harnessData]) {
      await fs.mkdir(d, { recursive: true });
      await fs.writeFile(path.join(d, 'settings.json'), JSON.stringify({ workers: 1 }));
    }
    app = await launch({ dataDir: appData });
    harness = await startHarness({ dataDir: harnessData });
  });
  afterEach(async () => {
    await harness.close();
  });

  it('registers exactly one handler per contract request, and a second registration throws', async () => {
    const { ipcMain } = app.electron;
    // The launch's own module instance, bound to its stand-in.
    const { registerHandlers } = await import('../../src/main/ipc');
    expect([...ipcMain.handlers.keys()].sort()).toEqual(requestNames.map((n) => requestChannel(n)).sort());
    expect(() => registerHandlers({} as RequestHandlers, () => true)).toThrow(/second handler/);
  });

  it('answers every request through the real preload exactly as the harness does', async () => {
    // The renderer's side: src/preload exposes window.scribe over the stand-in's ipcRenderer.
    await import('../../src/preload/index');
    const bridge = app.electron.mainWorld.scribe as ScribeBridge;
    const appFinished: ImportSummary[] = [];
    bridge.onImportFinished((s) => appFinished.push(s));
    const file = path.join(corpus, 'save-000.zip');
    app.electron.dialog.answers.push({ canceled: false, filePaths: [file] }, { canceled: false, filePaths: [corpus] });
    harness.setPickResult('files', [file]);
    harness.setPickResult('folders', [corpus]);

    const finished = async (started: unknown, list: () => ImportSummary[]) => {
      const runId = (started as { runId?: unknown } | null)?.runId;
      if (typeof runId !== 'string') return;
      await expect.poll(() => list().some((s) => s.runId === runId), { timeout: 30_000 }).toBe(true);
    };
    const startImport = { paths: [corpus] };
    const order: RequestName[] = ['startImport', ...requestNames.filter((n) => n !== 'startImport')];
    expect(new Set(order)).toEqual(new Set(requestNames));
    const answers = new Map<RequestName, Settled>();
    for (const name of order) {
      const request = name === 'startImport' ? startImport : samples[name];
      const call = bridge[name] as (r: unknown) => Promise<unknown>;
      const fromApp = await settle(() => call(request), ipcError);
      await finished(fromApp.ok ? fromApp.value : null, () => appFinished);
      const fromHarness = await settle(() => (harness.handlers[name] as (r: unknown) => Promise<unknown>)(request), harnessError);
      await finished(fromHarness.ok ? fromHarness.value : null, () =>
        harness.events.filter((e) => e.name === 'importFinished').map((e) => e.payload as ImportSummary),
      );

      if (name === 'getAppInfo' && fromApp.ok && fromHarness.ok) {
        expect(fromApp.value).toMatchObject({ host: 'electron', version: app.electron.app.getVersion(), dataDir: appData });
        for (const v of [fromApp.value, fromHarness.value] as Record<string, unknown>[]) {
          delete v.host;
          delete v.version;
        }
      }
      expect(normalize(fromApp, [appData]), name).toEqual(normalize(fromHarness, [harnessData]));
      answers.set(name, fromApp);
    }
    expect(answers.get('listSaves')).toMatchObject({ ok: true, value: { total: 3 } });
    expect(answers.get('saveDetail')).toMatchObject({ ok: true, value: { save: { saveId: 1 } } });
    // The checks bit: an import ran (with a failure to retry), the sample saves were imported (their one
    // damaged file failing), dialogs and the folder opener were used.
    expect(appFinished.map((s) => [s.kind, s.imported, s.failed])).toEqual([
      ['import', 3, 1],
      ['retry', 0, 1],
      ['import', 8, 1],
    ]);
    expect(app.electron.dialog.calls.map((c) => [c.window === app.window, c.options.properties])).toEqual([
      [true, ['openFile', 'multiSelections']],
      [true, ['openDirectory', 'multiSelections']],
      [true, ['openDirectory', 'createDirectory', 'promptToCreate']],
    ]);
    expect(app.electron.dialog.saveCalls.map((c) => [c.window === app.window, path.basename(String(c.options.defaultPath))])).toEqual([
      [true, 'points.csv'],
    ]);
    expect(answers.get('exportLibrary')).toEqual({ ok: true, value: null });
    expect(app.electron.shell.opened).toEqual([appData]);
  });

  it('refuses a call from a child frame, another page, or another webContents', async () => {
    const { invokeFrom, StandInFrame, WebContents } = app.electron;
    const contents = app.window!.webContents;
    const ownUrl = contents.mainFrame.url;
    expect(ownUrl).toMatch(/^file:.*\/renderer\/index\.html$/);
    const child = new StandInFrame(ownUrl, contents.mainFrame);
    const stranger = new WebContents();
    stranger.mainFrame.url = ownUrl;
    for (const name of requestNames) {
      await expect(invokeFrom(contents, child, requestChannel(name))).rejects.toThrow(`Refused ${name}: untrusted sender`);
      await expect(invokeFrom(stranger, stranger.mainFrame, requestChannel(name))).rejects.toThrow(/untrusted sender/);
    }
    contents.mainFrame.url = 'https://example.com/index.html';
    await expect(app.invoke('getSettings')).rejects.toThrow(/untrusted sender/);
    // A hash is the renderer's own routing: still our page.
    contents.mainFrame.url = `${ownUrl}#/library`;
    await expect(app.invoke('getSettings')).resolves.toMatchObject({ workers: 1 });
  });

  it('sends errors with their stable code in front', async () => {
    await expect(app.invoke('startImport', { paths: 'not a list' as unknown as string[] })).rejects.toThrow(
      /^Error invoking remote method 'scribe:request:startImport': Error: INTERNAL: Import needs a list/,
    );
  });
});
