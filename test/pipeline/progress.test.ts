import { describe, expect, it } from 'vitest';
import { ProgressTracker, Throttle } from '../../src/engine/pipeline/progress';

describe('ProgressTracker', () => {
  it('counts results and derives rate and ETA from the files ended since the first dispatch', () => {
    const t = new ProgressTracker('run', 'import', 0);
    t.begin(10, 1000);
    t.started('/a.zip', 1000);
    t.started('/b.zip', 1000);
    t.ended({ runId: 'run', path: '/a.zip', status: 'imported', saveId: 1, gameName: 'g', turn: 3 }, 100);
    t.ended({ runId: 'run', path: '/b.zip', status: 'failed', code: 'NOT_A_ZIP', message: 'm', advice: 'a' }, 50);
    const s = t.snapshot(3000);
    expect(s).toMatchObject({
      filesTotal: 10,
      imported: 1,
      failed: 1,
      skipped: 0,
      remaining: 8,
      bytesDone: 150,
      bytesTotal: 1000,
      inFlight: [],
      elapsedMs: 3000,
    });
    expect(s.savesPerSecond).toBeCloseTo(1);
    expect(s.etaSeconds).toBeCloseTo(8);
  });

  it('has no ETA before anything ended', () => {
    const t = new ProgressTracker('run', 'import', 0);
    t.begin(3, 0);
    t.started('/a.zip', 10);
    expect(t.snapshot(500)).toMatchObject({ etaSeconds: null, savesPerSecond: 0, inFlight: ['/a.zip'] });
  });
});

describe('Throttle', () => {
  it('fires at most once per interval and delivers the last request on flush', () => {
    let now = 0;
    let fired = 0;
    const throttle = new Throttle(
      100,
      () => fired++,
      () => now,
    );
    throttle.request();
    throttle.request();
    now = 50;
    throttle.request();
    expect(fired).toBe(1);
    throttle.flush();
    expect(fired).toBe(2);
  });
});
