/**
 * Values as the two drivers hand them back, made plain: DuckDB returns
 * BIGINT as bigint and BOOLEAN as boolean, SQLite returns numbers for both.
 */
export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export const num = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const bool = (v: unknown): boolean => v === true || v === 1 || v === 1n;

/** A JSON column, or `fallback` when it is absent or not JSON. */
export function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
