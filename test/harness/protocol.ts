import type { EventName } from '../../src/shared/contract';
import type { RequestOutcome } from '../../src/shared/request-errors';

/** The harness's wire format: the contract's calls and events as JSON over one WebSocket. */
export interface CallMessage {
  id: number;
  /** Checked by the server: a browser page may send anything. */
  name: string;
  request: unknown;
}

/** An answer carries the same outcome Electron's main returns over IPC. */
export type ServerMessage = { id: number; outcome: RequestOutcome } | { event: EventName; payload: unknown };

export const harnessPaths = {
  bridgeScript: '/__harness/bridge.js',
  socket: '/__harness/socket',
} as const;
