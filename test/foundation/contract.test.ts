import { describe, expect, it } from 'vitest';
import { buildBridge } from '../../src/shared/bridge';
import { eventChannel, eventNames, isRequestName, listenerMethod, requestChannel, requestNames } from '../../src/shared/contract';

describe('the contract', () => {
  it('derives one distinct channel per request and event', () => {
    const channels = [...requestNames.map(requestChannel), ...eventNames.map(eventChannel)];
    expect(new Set(channels).size).toBe(channels.length);
    expect(requestChannel('startImport')).toBe('scribe:request:startImport');
    expect(listenerMethod('importProgress')).toBe('onImportProgress');
  });

  it('builds a bridge with exactly the contract methods, routed through the transport', async () => {
    const calls: [string, unknown][] = [];
    const subscribed: string[] = [];
    const bridge = buildBridge(
      async (name, request) => {
        calls.push([name, request]);
        return `answer:${name}`;
      },
      (name) => {
        subscribed.push(name);
        return () => {};
      },
    );
    expect(Object.keys(bridge).sort()).toEqual([...requestNames, ...eventNames.map(listenerMethod)].sort());
    await expect(bridge.startImport({ paths: ['/a.zip'] })).resolves.toBe('answer:startImport');
    expect(calls).toEqual([['startImport', { paths: ['/a.zip'] }]]);
    bridge.onFileResult(() => {});
    expect(subscribed).toEqual(['fileResult']);
  });

  it('recognises only contract request names', () => {
    expect(isRequestName('listSaves')).toBe(true);
    expect(isRequestName('send')).toBe(false);
    expect(isRequestName('__proto__')).toBe(false);
  });
});
