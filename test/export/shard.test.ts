import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/engine/pipeline/shard';

const sha = (i: number): string => createHash('sha256').update(`file ${i}`).digest('hex');

describe('shards', () => {
  it('parses K/N and says what is wrong otherwise', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['', '3', '0/3', '4/3', '1/0', '-1/3', '1.5/3', 'a/b', '1/3/5']) expect(typeof parseShard(bad), bad).toBe('string');
  });

  it('puts every file in exactly one shard, spread evenly, the same answer on every machine', () => {
    const count = 3;
    const sizes = [0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const h = sha(i);
      const owners = [1, 2, 3].filter((k) => inShard(h, { index: k, count }));
      expect(owners).toHaveLength(1);
      expect(owners[0]).toBe(shardOf(h, count));
      sizes[owners[0]! - 1]!++;
    }
    // A fair split of 3000 puts 1000 in each; SHA-256 keeps each well within a tenth of that.
    for (const n of sizes) expect(Math.abs(n - 1000)).toBeLessThan(100);
    expect(inShard(sha(1), undefined)).toBe(true);
  });
});
