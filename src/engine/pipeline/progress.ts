import type { FileResult, ImportKind, ImportProgress } from '../../shared/import.js';

/**
 * Counts of one import run and the figures derived from them. Pure state:
 * the pipeline feeds it, and decides when to publish.
 */
export class ProgressTracker {
  private imported = 0;
  private skipped = 0;
  private failed = 0;
  private bytesDone = 0;
  private readonly inFlight = new Set<string>();
  private phase: ImportProgress['phase'] = 'discovering';
  private filesTotal = 0;
  private bytesTotal = 0;
  private firstDispatchAt: number | null = null;

  constructor(
    private readonly runId: string,
    private readonly kind: ImportKind,
    private readonly startedAt: number,
  ) {}

  begin(filesTotal: number, bytesTotal: number): void {
    this.filesTotal = filesTotal;
    this.bytesTotal = bytesTotal;
    this.phase = 'importing';
  }

  started(path: string, now: number): void {
    this.firstDispatchAt ??= now;
    this.inFlight.add(path);
  }

  ended(result: FileResult, bytes: number): void {
    this.inFlight.delete(result.path);
    this.bytesDone += bytes;
    if (result.status === 'imported') this.imported++;
    else if (result.status === 'skipped') this.skipped++;
    else this.failed++;
  }

  finishing(): void {
    this.phase = 'finishing';
  }

  get endedCount(): number {
    return this.imported + this.skipped + this.failed;
  }

  counts(): { imported: number; skipped: number; failed: number } {
    return { imported: this.imported, skipped: this.skipped, failed: this.failed };
  }

  snapshot(now: number): ImportProgress {
    const remaining = Math.max(0, this.filesTotal - this.endedCount);
    const seconds = this.firstDispatchAt === null ? 0 : (now - this.firstDispatchAt) / 1000;
    const savesPerSecond = seconds > 0 ? this.endedCount / seconds : 0;
    return {
      runId: this.runId,
      kind: this.kind,
      phase: this.phase,
      filesTotal: this.filesTotal,
      imported: this.imported,
      skipped: this.skipped,
      failed: this.failed,
      remaining,
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
      savesPerSecond,
      etaSeconds: savesPerSecond > 0 && this.endedCount > 0 ? remaining / savesPerSecond : null,
      inFlight: [...this.inFlight],
      elapsedMs: now - this.startedAt,
    };
  }
}

/** Lets through at most one call per interval, and always the last one when flushed. */
export class Throttle {
  private last = -Infinity;
  private pending = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly fn: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    const t = this.now();
    if (t - this.last >= this.intervalMs) {
      this.fire(t);
      return;
    }
    this.pending = true;
    this.timer ??= setTimeout(
      () => {
        this.timer = null;
        if (this.pending) this.fire(this.now());
      },
      this.intervalMs - (t - this.last),
    );
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.fire(this.now());
  }

  private fire(t: number): void {
    this.pending = false;
    this.last = t;
    this.fn();
  }
}
