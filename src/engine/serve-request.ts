/**
 * The one way a request from the renderer reaches a handler, for Electron
 * main and the test harness alike: the name must be the contract's, the
 * payload must pass its schema, and whatever the handler throws becomes a
 * coded error as data.
 */
import { isRequestName, type RequestHandlers } from '../shared/contract.js';
import { ScribeRequestError, isRequestErrorCode, type RequestErrorInfo, type RequestOutcome } from '../shared/request-errors.js';
import { parseRequest } from '../shared/request-schemas.js';
import { ScribeError } from './errors.js';
import { LibraryError } from './store/library-error.js';

/** Any thrown value as a request error: known causes keep their code, the rest is INTERNAL. */
export function toRequestError(err: unknown): RequestErrorInfo {
  if (err instanceof ScribeRequestError) return err.toInfo();
  if (err instanceof LibraryError) return { code: err.code, message: err.explanation };
  if (err instanceof ScribeError) return { code: isRequestErrorCode(err.code) ? err.code : 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: `Unexpected error: ${err instanceof Error ? err.message : String(err)}` };
}

export async function serveRequest(handlers: RequestHandlers, name: unknown, payload: unknown): Promise<RequestOutcome> {
  try {
    if (!isRequestName(name)) throw new ScribeRequestError('BAD_REQUEST', `There is no request called ${JSON.stringify(name)}.`);
    const request = parseRequest(name, payload);
    const value: unknown = await (handlers[name] as (r: unknown) => Promise<unknown>)(request);
    // undefined does not survive JSON (the harness's socket); null means the same to every caller.
    return { ok: true, value: value ?? null };
  } catch (err) {
    return { ok: false, error: toRequestError(err) };
  }
}
