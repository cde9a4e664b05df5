/**
 * Sharded imports: N machines given the same file list each import the files
 * whose archive SHA-256 falls in their shard, without talking to each other.
 * The shard is a function of the bytes alone, so byte-identical copies land
 * on the same shard (and are told apart there as ALREADY_IMPORTED), whatever
 * their names or the order they were listed in.
 */

export interface Shard {
  /** 1-based: shard 1 of 3 is `{ index: 1, count: 3 }`. */
  index: number;
  count: number;
}

/** Far more machines than any league runs, and small enough that `count` stays exact in the modulo below. */
export const maxShards = 1_000_000;

/** Parses `K/N`; returns a sentence saying what is wrong instead of throwing, for the CLI's usage message. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return 'must be K/N, e.g. 2/3 for the second of three shards';
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > maxShards) return `the number of shards must be from 1 to ${maxShards.toLocaleString('en-US')}`;
  if (index < 1 || index > count) return `the shard must be from 1 to ${count}`;
  return { index, count };
}

/**
 * The shard (1-based) of a file, from the first 52 bits of its SHA-256: a
 * whole number JavaScript holds exactly, and uniform since SHA-256 is.
 */
export function shardOf(sha256Hex: string, count: number): number {
  const head = Number.parseInt(sha256Hex.slice(0, 13), 16);
  if (!Number.isFinite(head) || sha256Hex.length < 13) throw new Error(`not a SHA-256: ${sha256Hex}`);
  return (head % count) + 1;
}

export function inShard(sha256Hex: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(sha256Hex, shard.count) === shard.index;
}
