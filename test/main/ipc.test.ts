import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrapBridge } from '../../src/shared/bridge';
import {
  requestChannel,
  requestNames,
  type ExposedBridge,
  type RequestHandlers,
  type RequestName,
  type ScribeBridge,
} from '../../src/shared/contract';
import type { ImportSummary } from '../../src/shared/import';
import { ScribeRequestError, unwrapOutcome, type RequestErrorInfo } from '../../src/shared/request-errors';
import { validRequests, wrongShapes } from '../foundation/request-samples';
import { connectHarness, type HarnessSocket } from '../harness/node-client';
import { startHarness, type Harness } from '../harness/server';
import { tempDir, writeCorpus } from '../pipeline/helpers';
import { launch, quitAll, type Launched } from './launch';

let dir: string;
afterEach(async () => {
  await quitAll();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Requests that need an argument; any other (and any the contract gains later) is sent with none. */
const samples = validRequests;

type Settled = { ok: true; value: unknown } | { ok: false; error: RequestErrorInfo };
/** A call's answer as data: the value, or the refusal's code and sentence (nothing else survives the bridge). */
async function settle(call: () => Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: await call() };
  } catch (err) {
    if (err instanceof ScribeRequestError) return { ok: false, error: err.toInfo() };
    throw err;
  }
}

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
  let socket: HarnessSocket;
  /** The renderer's side: src/preload exposes window.scribe over the stand-in's ipcRenderer; api.ts unwraps it. */
  const appBridge = async (): Promise<ScribeBridge> => {
    await import('../../src/preload/index');
    return unwrapBridge(app.electron.mainWorld.scribe as ExposedBridge);
  };

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
    socket = await connectHarness(harness.url);
  });
  afterEach(async () => {
    socket.close();
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
    const bridge = await appBridge();
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
      const fromApp = await settle(() => call(request));
      await finished(fromApp.ok ? fromApp.value : null, () => appFinished);
      // The harness's side: its socket, as the browser's bridge-client.ts talks to it.
      const fromHarness = await settle(async () => unwrapOutcome(await socket.call(name, request)));
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

  it('refuses every wrong-shaped payload of every request as BAD_REQUEST, in the app and in the harness alike', async () => {
    const bridge = await appBridge();
    let checked = 0;
    for (const name of requestNames) {
      const call = bridge[name] as (r: unknown) => Promise<unknown>;
      for (const shape of wrongShapes(name)) {
        const what = `${name} with ${shape.why}`;
        const fromApp = await settle(() => call(shape.payload));
        const fromHarness = await settle(async () => unwrapOutcome(await socket.call(name, shape.payload)));
        expect(fromApp, what).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
        for (const word of shape.names) expect((fromApp as { error: RequestErrorInfo }).error.message, what).toContain(word);
        expect(fromHarness, what).toEqual(fromApp);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(requestNames.length * 2);
    // Today's bug this closes: an unknown sort key reached SQL as "no such column: undefined".
    await expect(app.invoke('listSaves', { sort: 'bogus' } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('"sort" must be one of') as unknown,
    });
    // Refused before any handler ran: nothing was imported, deleted or changed.
    expect(app.events('importStarted')).toEqual([]);
    expect(harness.events.filter((e) => e.name === 'importStarted')).toEqual([]);
    expect(await app.invoke('getSettings')).toMatchObject({ workers: 1 });
    expect(await socket.call('noSuchRequest', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('sends a refusal as its code and sentence, as data', async () => {
    const outcome = await app.electron.invokeFrom(
      app.window!.webContents,
      app.window!.webContents.mainFrame,
      requestChannel('exportLibrary'),
      {
        format: 'xlsx',
      },
    );
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'exportLibrary was refused: its field "format" must be one of "parquet" | "csv" (it was "xlsx").',
      },
    });
  });
});
