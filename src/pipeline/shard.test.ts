import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardInputs } from './shard.js';

const files = (funds: string[], periods = ['2023-06-30', '2023-12-31']) => funds.flatMap((f) => periods.map((p) => `data/${f}/${p}.yaml`));

describe('shardInputs', () => {
  it('deals sorted funds round-robin and keeps every period of a fund together', () => {
    const all = files(['c', 'a', 'b', 'd', 'e']);
    // Sorted funds a b c d e: shard 1 takes a, c, e; inputs keep their order.
    expect(shardInputs(all, { index: 1, count: 2 })).toEqual(['data/c/2023-06-30.yaml', 'data/c/2023-12-31.yaml', 'data/a/2023-06-30.yaml', 'data/a/2023-12-31.yaml', 'data/e/2023-06-30.yaml', 'data/e/2023-12-31.yaml']);
    expect(shardInputs(all, { index: 2, count: 2 })).toEqual(['data/b/2023-06-30.yaml', 'data/b/2023-12-31.yaml', 'data/d/2023-06-30.yaml', 'data/d/2023-12-31.yaml']);
  });

  it('property: shards 1..n are disjoint, their union is the whole, and fund counts differ by at most one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 0, maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (funds, n) => {
        const all = files(funds);
        const shards = Array.from({ length: n }, (_, i) => shardInputs(all, { index: i + 1, count: n }));
        const union = shards.flat();
        expect(union.length).toBe(all.length);
        expect(new Set(union)).toEqual(new Set(all));
        const sizes = shards.map((s) => new Set(s.map((f) => f.split('/')[1])).size);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is stable: the same inputs in another order give the same shard', () => {
    const all = files(['x', 'y', 'z', 'w']);
    expect(new Set(shardInputs([...all].reverse(), { index: 2, count: 3 }))).toEqual(new Set(shardInputs(all, { index: 2, count: 3 })));
  });
});

describe('parseShard', () => {
  it('reads i/n and refuses the rest', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toBe('--shard 0/4: i must be between 1 and n');
    expect(parseShard('5/4')).toBe('--shard 5/4: i must be between 1 and n');
    expect(parseShard('two')).toBe('--shard takes i/n, e.g. 2/4, not "two"');
    expect(parseShard('1/99999999999999999999')).toBe('--shard 1/99999999999999999999: n is at most 10000');
    expect(parseShard('10000/10000')).toEqual({ index: 10000, count: 10000 });
  });
});
