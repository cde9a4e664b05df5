/**
 * The ways a long command is asked to stop: Ctrl-C (SIGINT), SIGTERM, and an
 * output nobody reads any more (a closed pipe, a full device). Each cancels
 * the work as the app's Cancel does, and the command then ends with the exit
 * code of the first cause.
 */
import { whenOutputBreaks } from './output.js';
import { exitCodes } from './exit-codes.js';

export interface Stopping {
  /** The exit code of the first stop, or null while none came. */
  readonly code: number | null;
}

/** Runs `work` with `stop` called on the first stop; the handlers are removed when it ends. */
export async function untilStopped<T>(stop: () => void, work: (stopping: Stopping) => Promise<T>): Promise<T> {
  const stopping = { code: null as number | null };
  const by = (code: number) => (): void => {
    stopping.code ??= code;
    stop();
  };
  const onSigint = by(exitCodes.sigint);
  const onSigterm = by(exitCodes.sigterm);
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigterm);
  whenOutputBreaks(by(exitCodes.outputBroken));
  try {
    return await work(stopping);
  } finally {
    whenOutputBreaks(null);
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
}
