import type { EventName, RequestName } from '../../src/shared/contract';

/** The harness's wire format: the contract's calls and events as JSON over one WebSocket. */
export interface CallMessage {
  id: number;
  name: RequestName;
  request: unknown;
}

export type ServerMessage =
  | { id: number; ok: true; response: unknown }
  | { id: number; ok: false; error: string }
  | { event: EventName; payload: unknown };

export const harnessPaths = {
  bridgeScript: '/__harness/bridge.js',
  socket: '/__harness/socket',
} as const;
