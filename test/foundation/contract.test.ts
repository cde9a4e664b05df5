import { describe, expect, it } from 'vitest';
import { buildBridge, unwrapBridge } from '../../src/shared/bridge';
import { eventChannel, eventNames, isRequestName, listenerMethod, requestChannel, requestNames } from '../../src/shared/contract';
import { ScribeRequestError, requestErrorCodes, requestErrorSentences, unwrapOutcome } from '../../src/shared/request-errors';
import { parseRequest } from '../../src/shared/request-schemas';
import { libraryProblemCodes } from '../../src/shared/errors';
import { validRequests, wrongShapes } from './request-samples';

const refusal = (fn: () => unknown): ScribeRequestError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScribeRequestError) return err;
    throw err;
  }
  throw new Error('not refused');
};

describe('the contract', () => {
  it('derives one distinct channel per request and event', () => {
    const channels = [...requestNames.map(requestChannel), ...eventNames.map(eventChannel)];
    expect(new Set(channels).size).toBe(channels.length);
    expect(requestChannel('startImport')).toBe('scribe:request:startImport');
    expect(listenerMethod('importProgress')).toBe('onImportProgress');
  });

  it('builds a bridge with exactly the contract methods, routed through the transport, and unwraps outcomes', async () => {
    const calls: [string, unknown][] = [];
    const subscribed: string[] = [];
    const exposed = buildBridge(
      async (name, request) => {
        calls.push([name, request]);
        return name === 'deleteSave' ? { ok: false, error: { code: 'USAGE', message: 'Not now.' } } : { ok: true, value: `answer:${name}` };
      },
      (name) => {
        subscribed.push(name);
        return () => {};
      },
    );
    const bridge = unwrapBridge(exposed);
    for (const b of [exposed, bridge]) expect(Object.keys(b).sort()).toEqual([...requestNames, ...eventNames.map(listenerMethod)].sort());
    await expect(exposed.startImport({ paths: ['/a.zip'] })).resolves.toEqual({ ok: true, value: 'answer:startImport' });
    await expect(bridge.startImport({ paths: ['/a.zip'] })).resolves.toBe('answer:startImport');
    expect(calls).toEqual([
      ['startImport', { paths: ['/a.zip'] }],
      ['startImport', { paths: ['/a.zip'] }],
    ]);
    const refused = await bridge.deleteSave({ saveId: 1 }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ScribeRequestError);
    expect(refused).toMatchObject({ code: 'USAGE', message: 'Not now.' });
    bridge.onFileResult(() => {});
    expect(subscribed).toEqual(['fileResult']);
  });

  it('recognises only contract request names', () => {
    expect(isRequestName('listSaves')).toBe(true);
    expect(isRequestName('send')).toBe(false);
    expect(isRequestName('__proto__')).toBe(false);
  });
});

describe('request errors', () => {
  it('are one list with a sentence each, the library problems included', () => {
    expect(requestErrorCodes).toEqual(expect.arrayContaining(['BAD_REQUEST', 'USAGE', 'CANCELLED', 'INTERNAL', ...libraryProblemCodes]));
    for (const code of requestErrorCodes) expect(requestErrorSentences[code], code).toMatch(/\.$/);
  });

  it('are rebuilt from an outcome; anything else is INTERNAL, never a value taken on trust', () => {
    expect(unwrapOutcome({ ok: true, value: null })).toBeNull();
    expect(refusal(() => unwrapOutcome({ ok: false, error: { code: 'LIBRARY_TOO_NEW', message: 'Newer.' } }))).toMatchObject({
      code: 'LIBRARY_TOO_NEW',
      message: 'Newer.',
    });
    expect(refusal(() => unwrapOutcome({ ok: false, error: { code: 'MADE_UP', message: 'x' } })).code).toBe('INTERNAL');
    for (const junk of [undefined, null, 'INTERNAL: text', { value: 1 }, { ok: false }]) {
      expect(refusal(() => unwrapOutcome(junk)).code).toBe('INTERNAL');
    }
  });
});

describe('request schemas', () => {
  it('let every well-formed request through unchanged, and no argument for the requests that take none', () => {
    for (const name of requestNames) {
      const valid = validRequests[name];
      expect(parseRequest(name, valid), name).toEqual(valid);
      if (valid === undefined) expect(parseRequest(name, null), name).toBeUndefined();
    }
  });

  it('refuse every wrong shape of every request as BAD_REQUEST, naming the request and the field', () => {
    for (const name of requestNames) {
      for (const shape of wrongShapes(name)) {
        const err = refusal(() => parseRequest(name, shape.payload));
        expect(err.code, `${name} with ${shape.why}`).toBe('BAD_REQUEST');
        for (const word of shape.names) expect(err.message, `${name} with ${shape.why}`).toContain(word);
      }
    }
  });

  it('say what a field must be, in words', () => {
    expect(refusal(() => parseRequest('listSaves', { sort: 'bogus' })).message).toBe(
      'listSaves was refused: its field "sort" must be one of "importedAt" | "gameName" | "turn" | "saveDate" (it was "bogus").',
    );
    expect(refusal(() => parseRequest('startImport', { paths: ['/a.zip', ' '] })).message).toBe(
      'startImport was refused: its field "paths[1]" must be a file or folder path, not empty text (it was " ").',
    );
    expect(refusal(() => parseRequest('setSettings', { workers: 0 })).message).toMatch(/"workers" must be "auto" or 1 to 64 workers/);
    expect(refusal(() => parseRequest('saveDetail', { saveId: 1.5 })).message).toMatch(
      /"saveId" must be a save id \(a whole number\) \(it was 1.5\)/,
    );
    expect(refusal(() => parseRequest('getAppInfo', 'x')).message).toBe('getAppInfo was refused: it takes no argument (it was "x").');
  });
});
