/**
 * Why a request (a call from the renderer) was refused: one typed list of
 * codes, each with a sentence, crossing IPC and the harness's socket as plain
 * data. Not per-file codes: those are `failureCodes` and end up in the
 * ledger; a request error is only ever an answer to one call.
 */
import { libraryProblemAdvice, libraryProblemCodes } from './errors.js';

export const requestErrorCodes = [
  /** The payload does not have the shape the contract says (wrong type, unknown key, bad value). */
  'BAD_REQUEST',
  /** A well-formed request that is not allowed now (an import or an export is running). */
  'USAGE',
  /** The thing asked about does not exist. */
  'NOT_FOUND',
  /** The work was stopped before it finished. */
  'CANCELLED',
  ...libraryProblemCodes,
  'INTERNAL',
] as const;
export type RequestErrorCode = (typeof requestErrorCodes)[number];

/** What the code means for a person; the message says what happened this time. */
export const requestErrorSentences: Record<RequestErrorCode, string> = {
  BAD_REQUEST: 'Scribe’s window sent a request the app does not understand; restarting Scribe usually clears it.',
  USAGE: 'This cannot be done right now; wait for the running work to finish, then try again.',
  NOT_FOUND: 'What was asked for is not in the library (any more).',
  CANCELLED: 'The work was stopped before it finished.',
  ...libraryProblemAdvice,
  INTERNAL: 'Something unexpected went wrong. Try again; if it keeps happening, report it with the log file.',
};

/** A request error as data: what crosses IPC and the harness's socket. */
export interface RequestErrorInfo {
  code: RequestErrorCode;
  /** One sentence about this call, for a person. */
  message: string;
}

/** How every answer crosses a process boundary: Electron's `ipcMain.handle` would keep only an Error's message. */
export type RequestOutcome<T = unknown> = { ok: true; value: T } | { ok: false; error: RequestErrorInfo };

export function isRequestErrorCode(code: unknown): code is RequestErrorCode {
  return typeof code === 'string' && (requestErrorCodes as readonly string[]).includes(code);
}

/** Thrown by the serving side to refuse a request with a code, and rebuilt on the renderer's side from the outcome. */
export class ScribeRequestError extends Error {
  readonly code: RequestErrorCode;

  constructor(code: RequestErrorCode, message: string) {
    super(message);
    this.name = 'ScribeRequestError';
    this.code = code;
  }

  toInfo(): RequestErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/**
 * The answer inside an outcome, or a `ScribeRequestError`. Anything that is
 * not a well-formed outcome (a transport or a server of another version) is
 * an INTERNAL error rather than a value taken on trust.
 */
export function unwrapOutcome(outcome: unknown): unknown {
  if (typeof outcome === 'object' && outcome !== null && 'ok' in outcome) {
    if (outcome.ok === true && 'value' in outcome) return outcome.value;
    if (outcome.ok === false && 'error' in outcome && typeof outcome.error === 'object' && outcome.error !== null) {
      const { code, message } = outcome.error as Record<string, unknown>;
      throw new ScribeRequestError(isRequestErrorCode(code) ? code : 'INTERNAL', typeof message === 'string' ? message : String(message));
    }
  }
  throw new ScribeRequestError('INTERNAL', 'The app sent an answer Scribe’s window cannot read.');
}
