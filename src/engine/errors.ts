import type { FailureCode, FailureInfo } from '../shared/errors.js';

/**
 * The only error the engine throws on purpose. Anything else that escapes a
 * stage is wrapped by `toFailure` as INTERNAL, so no caller ever sees an
 * untyped error for bad input.
 */
export class ScribeError extends Error {
  readonly code: FailureCode;
  readonly detail: FailureInfo['detail'];

  constructor(code: FailureCode, message: string, detail?: FailureInfo['detail']) {
    super(message);
    this.name = 'ScribeError';
    this.code = code;
    this.detail = detail;
  }

  toInfo(): FailureInfo {
    return this.detail ? { code: this.code, message: this.message, detail: this.detail } : { code: this.code, message: this.message };
  }
}

export function toFailure(err: unknown): FailureInfo {
  if (err instanceof ScribeError) return err.toInfo();
  const text = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `Unexpected error: ${text}` };
}
