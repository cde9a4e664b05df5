/**
 * The harness's socket from Node, speaking the same wire format as the
 * browser's bridge-client.ts: for tests that send what no typed renderer
 * would (wrong shapes, unknown names) through the real server path.
 */
import { WebSocket } from 'ws';
import type { RequestOutcome } from '../../src/shared/request-errors';
import { harnessPaths, type CallMessage, type ServerMessage } from './protocol';

export interface HarnessSocket {
  call(name: string, request: unknown): Promise<RequestOutcome>;
  close(): void;
}

export async function connectHarness(pageUrl: string): Promise<HarnessSocket> {
  const page = new URL(pageUrl);
  const socket = new WebSocket(`ws://${page.host}${harnessPaths.socket}?token=${page.searchParams.get('token') ?? ''}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (outcome: RequestOutcome) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    if ('event' in message) return;
    pending.get(message.id)?.(message.outcome);
    pending.delete(message.id);
  });
  return {
    call: (name, request) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, name, request } satisfies CallMessage));
      }),
    close: () => socket.close(),
  };
}
