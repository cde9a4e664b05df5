import { libraryProblemAdvice, type LibraryProblemCode } from '../../shared/errors.js';

/**
 * A library database refused as a whole (at open, or when an import cannot
 * start on it). `message` is one sentence about this file; `advice` says
 * what to do. The refused file is left exactly as it was.
 */
export class LibraryError extends Error {
  readonly code: LibraryProblemCode;
  readonly advice: string;

  constructor(code: LibraryProblemCode, message: string) {
    super(message);
    this.name = 'LibraryError';
    this.code = code;
    this.advice = libraryProblemAdvice[code];
  }

  /** The message and the advice, for a person. */
  get explanation(): string {
    return `${this.message} ${this.advice}`;
  }
}
