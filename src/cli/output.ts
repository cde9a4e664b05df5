/**
 * Standard output and error that may stop taking text: a reader that closed
 * the pipe (`scribe import --json | head -1`: EPIPE) or a full device
 * (ENOSPC). Node reports those as an 'error' event, which without a listener
 * crashes the process with a stack trace mid-import. Here the first such
 * error calls the command's handler once (it cancels the import, so the
 * ledger stays consistent and `scribe resume` finishes the rest) and every
 * later write is dropped: there is nobody left to read it.
 */

let broken = false;
let onBroken: (() => void) | null = null;

function fail(): void {
  if (broken) return;
  broken = true;
  onBroken?.();
}

for (const stream of [process.stdout, process.stderr]) stream.on('error', fail);

/** True once either stream has failed. */
export function outputBroken(): boolean {
  return broken;
}

/** Called once, when standard output or error first fails (at once if it already has); null to clear. */
export function whenOutputBreaks(handler: (() => void) | null): void {
  onBroken = handler;
  if (handler && broken) handler();
}

function write(stream: NodeJS.WriteStream, text: string): void {
  if (broken) return;
  try {
    stream.write(text);
  } catch {
    // A synchronous write can throw instead of emitting 'error'.
    fail();
  }
}

export const writeOut = (text: string): void => write(process.stdout, text);
export const writeErr = (text: string): void => write(process.stderr, text);
