import fs from 'node:fs';
import path from 'node:path';

export interface RotatingLogOptions {
  /** Rotate once the current file passes this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one (scribe.1.log ... scribe.N.log). */
  keep?: number;
}

/**
 * An append-only log file in the data folder that rotates by size, so a
 * player who imports for years never finds a gigabyte of logs. Writes are
 * synchronous and small: the log must survive a crash right after the line.
 */
export class RotatingLog {
  private readonly maxBytes: number;
  private readonly keep: number;
  private size: number;

  constructor(
    private readonly file: string,
    options: RotatingLogOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = options.keep ?? 3;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  }

  private rotated(n: number): string {
    const ext = path.extname(this.file);
    return `${this.file.slice(0, this.file.length - ext.length)}.${n}${ext}`;
  }

  private rotate(): void {
    fs.rmSync(this.rotated(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--) {
      if (fs.existsSync(this.rotated(n))) fs.renameSync(this.rotated(n), this.rotated(n + 1));
    }
    if (fs.existsSync(this.file)) fs.renameSync(this.file, this.rotated(1));
    this.size = 0;
  }

  write(level: 'info' | 'warn' | 'error', message: string): void {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message.replace(/\s*\n\s*/g, ' ')}\n`;
    try {
      if (this.size + line.length > this.maxBytes && this.size > 0) this.rotate();
      fs.appendFileSync(this.file, line);
      this.size += Buffer.byteLength(line);
    } catch {
      // A full disk or a locked file must never stop an import over a log line.
    }
  }
}

/** What of the contract's events goes to the log: runs, and every file that failed. Progress does not. */
export function logEvent(log: RotatingLog, name: string, payload: unknown): void {
  const p = payload as Record<string, unknown>;
  if (name === 'importStarted') log.write('info', `import ${String(p.runId)} started (${String(p.kind)})`);
  else if (name === 'fileResult' && p.status === 'failed')
    log.write('warn', `failed ${String(p.path)}: ${String(p.code)} ${String(p.message)}`);
  else if (name === 'importFinished') {
    log.write(
      p.outcome === 'failed' ? 'error' : 'info',
      `import ${String(p.runId)} ${String(p.outcome)}: ${String(p.imported)} imported, ${String(p.skipped)} skipped, ${String(p.failed)} failed, ${String(p.notStarted)} not started in ${String(p.durationMs)} ms${p.error ? `; ${String(p.error)}` : ''}`,
    );
  } else if (name === 'libraryMigration' && (p.phase === 'done' || p.phase === 'stopped')) {
    // Only the end: a conversion's steps are many, and its failure is logged as the start's or the request's.
    log.write(
      p.phase === 'done' ? 'info' : 'warn',
      `library conversion to schema ${String(p.version)} ${String(p.phase)} at ${String(p.savesDone)} of ${String(p.savesTotal)} saves`,
    );
  }
}
