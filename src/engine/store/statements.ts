/**
 * Prepared statements by SQL text, least recently used evicted past `max`:
 * the list queries vary with their filters and page size, so the set of
 * texts is open-ended.
 */
export class StatementCache<T> {
  private readonly map = new Map<string, T>();

  constructor(
    private readonly max: number,
    private readonly dispose: (stmt: T) => void = () => undefined,
  ) {}

  async get(sql: string, create: (sql: string) => Promise<T>): Promise<T> {
    const hit = this.take(sql);
    return hit !== undefined ? hit : this.put(sql, await create(sql));
  }

  getSync(sql: string, create: (sql: string) => T): T {
    const hit = this.take(sql);
    return hit !== undefined ? hit : this.put(sql, create(sql));
  }

  private take(sql: string): T | undefined {
    const hit = this.map.get(sql);
    if (hit !== undefined) {
      // Most recently used goes last.
      this.map.delete(sql);
      this.map.set(sql, hit);
    }
    return hit;
  }

  private put(sql: string, stmt: T): T {
    this.map.set(sql, stmt);
    if (this.map.size > this.max) {
      const [oldest, old] = this.map.entries().next().value as [string, T];
      this.map.delete(oldest);
      this.dispose(old);
    }
    return stmt;
  }

  clear(): void {
    for (const stmt of this.map.values()) this.dispose(stmt);
    this.map.clear();
  }
}

/**
 * Splits `total` rows into statements of `max` rows, the remainder in
 * descending powers of two: few distinct statement shapes to prepare and cache.
 */
export function statementSizes(total: number, max: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    let n = max;
    if (left < n) {
      n = 1;
      while (n * 2 <= left) n *= 2;
    }
    sizes.push(n);
    left -= n;
  }
  return sizes;
}
