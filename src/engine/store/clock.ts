let lastStamp = 0;

/**
 * ISO 8601 UTC with microseconds, strictly increasing within the process, so
 * "most recently changed first" is exact even for changes in the same
 * millisecond.
 */
export function nowIso(): string {
  let t = Math.round((performance.timeOrigin + performance.now()) * 1000);
  if (t <= lastStamp) t = lastStamp + 1;
  lastStamp = t;
  const ms = Math.floor(t / 1000);
  return `${new Date(ms).toISOString().slice(0, 19)}.${String(t - Math.floor(ms / 1000) * 1_000_000).padStart(6, '0')}Z`;
}
