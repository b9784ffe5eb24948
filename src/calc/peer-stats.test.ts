import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../decimal.js';
import { quantile, quartiles, quintileOf, rankOf } from './peer-stats.js';

const d = (s: string) => new Decimal(s);
const ds = (...values: string[]) => values.map(d);
/** Percent text to a fraction: '0.55' -> 0.0055. */
const pct = (...values: string[]) => values.map((v) => d(v).dividedBy(100));

describe('quartiles: median', () => {
  it('of an odd-sized group is its middle value', () => {
    // sorted: 0.27%, 0.35%, 0.45% -> middle (2nd of 3) = 0.35%; type 7 position 0.5 x (3-1) = 1 exactly
    const q = quartiles(pct('0.45', '0.27', '0.35'));
    expect(q.median.equals(d('0.0035'))).toBe(true);
    expect(q.count).toBe(3);
  });

  it('of an even-sized group is the mean of the two middle values', () => {
    // [0.40%, 0.50%, 0.60%, 0.70%]: position 0.5 x 3 = 1.5 -> 0.50% + 0.5 x (0.60% - 0.50%) = 0.55%
    const q = quartiles(pct('0.60', '0.40', '0.70', '0.50'));
    expect(q.median.equals(d('0.0055'))).toBe(true);
    expect(q.median.toString()).toBe('0.0055');
  });

  it('sorts before it takes the median (input order does not matter)', () => {
    // [5, 1, 4, 2, 3] sorted 1..5 -> median 3
    expect(quartiles(ds('5', '1', '4', '2', '3')).median.toString()).toBe('3');
  });
});

describe('quartiles: type 7 (QUARTILE.INC)', () => {
  it('gives q1 1.75, median 2.5, q3 3.25 for [1, 2, 3, 4]', () => {
    const q = quartiles(ds('1', '2', '3', '4'));
    // q1: position 0.25 x 3 = 0.75 -> 1 + 0.75 x (2 - 1) = 1.75
    expect(q.q1.toString()).toBe('1.75');
    // median: 1.5 -> 2 + 0.5 x 1 = 2.5
    expect(q.median.toString()).toBe('2.5');
    // q3: 2.25 -> 3 + 0.25 x 1 = 3.25
    expect(q.q3.toString()).toBe('3.25');
    expect(q.min.toString()).toBe('1');
    expect(q.max.toString()).toBe('4');
    expect(q.count).toBe(4);
  });

  it('gives 0.475% / 0.55% / 0.675% for the IQM expense group of 11', () => {
    const fees = pct('0.27', '0.35', '0.45', '0.50', '0.55', '0.55', '0.60', '0.65', '0.70', '0.72', '0.80');
    const q = quartiles(fees);
    // q1: 0.25 x 10 = 2.5 -> (0.45% + 0.50%) / 2 = 0.475%
    expect(q.q1.equals(d('0.00475'))).toBe(true);
    // median: 0.5 x 10 = 5 -> 6th value 0.55%
    expect(q.median.equals(d('0.0055'))).toBe(true);
    // q3: 0.75 x 10 = 7.5 -> (0.65% + 0.70%) / 2 = 0.675%
    expect(q.q3.equals(d('0.00675'))).toBe(true);
  });

  it('makes every statistic the value itself for a single-value group', () => {
    const q = quartiles(pct('0.27'));
    for (const v of [q.min, q.q1, q.median, q.q3, q.max]) expect(v.equals(d('0.0027'))).toBe(true);
    expect(q.count).toBe(1);
  });

  it('interpolates exactly in decimal (no binary floating point)', () => {
    // [0.1, 0.2]: median 0.1 + 0.5 x 0.1 = 0.15 exactly (0.1 + 0.2 in binary would not be)
    expect(quartiles(ds('0.1', '0.2')).median.toString()).toBe('0.15');
    // q1 of [0.1, 0.2]: 0.25 x 1 -> 0.1 + 0.25 x 0.1 = 0.125
    expect(quartiles(ds('0.1', '0.2')).q1.toString()).toBe('0.125');
  });

  it('quantile 0 and 1 are the min and the max', () => {
    const sorted = ds('1', '3', '8');
    expect(quantile(sorted, d('0')).toString()).toBe('1');
    expect(quantile(sorted, d('1')).toString()).toBe('8');
  });

  it('throws for an empty group', () => {
    expect(() => quantile([], d('0.5'))).toThrow(/empty/);
    expect(() => quartiles([])).toThrow(/empty/);
  });
});

describe('rankOf: competition ranking ("1224")', () => {
  it('lower is better (fees): two funds tied for the lowest both rank 1, the next ranks 3', () => {
    const fees = pct('0.30', '0.30', '0.40', '0.40', '0.50');
    // 0.30%: nothing lower -> 1 + 0 = 1 (both of them)
    expect(rankOf(d('0.003'), fees, 'lower')).toBe(1);
    // 0.40%: two values lower (0.30, 0.30) -> 1 + 2 = 3; its tie-mate is 3 too
    expect(rankOf(d('0.004'), fees, 'lower')).toBe(3);
    // 0.50%: four lower -> 5
    expect(rankOf(d('0.005'), fees, 'lower')).toBe(5);
  });

  it('higher is better (returns): "1224"', () => {
    const returns = pct('5.0', '4.0', '4.0', '3.0');
    expect(rankOf(d('0.05'), returns, 'higher')).toBe(1); // nothing higher
    expect(rankOf(d('0.04'), returns, 'higher')).toBe(2); // 5.0 higher -> 1 + 1 = 2 (both tied funds)
    expect(rankOf(d('0.03'), returns, 'higher')).toBe(4); // 5.0, 4.0, 4.0 higher -> 1 + 3 = 4
  });

  it('ties for best at the top, for returns: both 1, next 3', () => {
    const returns = pct('6.0', '6.0', '5.0', '4.0');
    expect(rankOf(d('0.06'), returns, 'higher')).toBe(1);
    expect(rankOf(d('0.05'), returns, 'higher')).toBe(3); // two higher -> 3
  });

  it('ranks IQM 14th of 30 in its 1-year universe', () => {
    const universe = pct('5.12', '4.88', '4.71', '4.55', '4.40', '4.26', '4.05', '3.92', '3.81', '3.66', '3.52', '3.38', '3.21', '3.10', '3.02', '2.95', '2.81', '2.70', '2.58', '2.44', '2.31', '2.12', '1.98', '1.85', '1.61', '1.40', '1.12', '0.87', '0.52', '-0.35');
    expect(universe).toHaveLength(30);
    // 13 returns above 3.10% (5.12 .. 3.21) -> rank 1 + 13 = 14
    expect(rankOf(d('0.031'), universe, 'higher')).toBe(14);
  });

  it('compares by value, not by representation (0.5 equals 0.50)', () => {
    expect(rankOf(d('0.50'), ds('0.5', '0.4'), 'lower')).toBe(2);
  });
});

describe('quintileOf: floor((rank - 1) x 5 / size) + 1', () => {
  it('rank 1 of 1 is the first quintile (a fund alone in its group)', () => {
    expect(quintileOf(1, 1)).toBe(1); // 0 x 5 / 1 = 0 -> 1
  });

  it('rank 14 of 30 -> 3', () => {
    expect(quintileOf(14, 30)).toBe(3); // 13 x 5 / 30 = 2.1667 -> 2 + 1 = 3
  });

  it('rank 20 of 28 -> 4', () => {
    expect(quintileOf(20, 28)).toBe(4); // 19 x 5 / 28 = 3.393 -> 3 + 1 = 4
  });

  it('rank 19 of 27 -> 4', () => {
    expect(quintileOf(19, 27)).toBe(4); // 18 x 5 / 27 = 3.333 -> 3 + 1 = 4
  });

  it('rank 30 of 30 -> 5 (last is fifth)', () => {
    expect(quintileOf(30, 30)).toBe(5); // 29 x 5 / 30 = 4.833 -> 4 + 1 = 5
  });

  it('the first/second boundary in 30: rank 6 is first, rank 7 is second', () => {
    expect(quintileOf(6, 30)).toBe(1); // 5 x 5 / 30 = 0.833 < 1 -> 0 + 1 = 1
    expect(quintileOf(7, 30)).toBe(2); // 6 x 5 / 30 = 1 exactly -> 1 + 1 = 2
  });

  it('every boundary in a group of 30 sits after ranks 6, 12, 18, 24', () => {
    // (rank - 1) x 5 / 30 = (rank - 1) / 6: quintile q holds ranks 6q-5 .. 6q
    for (let rank = 1; rank <= 30; rank++) expect(quintileOf(rank, 30)).toBe(Math.ceil(rank / 6));
  });

  it('small groups: rank 2 of 2 -> 3; ranks of 3 -> 1, 2, 4; ranks of 5 -> 1..5', () => {
    expect(quintileOf(1, 2)).toBe(1); // 0 -> 1
    expect(quintileOf(2, 2)).toBe(3); // 1 x 5 / 2 = 2.5 -> 2 + 1 = 3
    expect(quintileOf(2, 3)).toBe(2); // 5 / 3 = 1.667 -> 2
    expect(quintileOf(3, 3)).toBe(4); // 10 / 3 = 3.333 -> 4
    expect([1, 2, 3, 4, 5].map((r) => quintileOf(r, 5))).toEqual([1, 2, 3, 4, 5]); // (r-1) x 5 / 5 = r - 1
  });

  it('throws for rank 0, rank above the size, and non-integers', () => {
    expect(() => quintileOf(0, 30)).toThrow(/not a rank/);
    expect(() => quintileOf(-1, 30)).toThrow(/not a rank/);
    expect(() => quintileOf(31, 30)).toThrow(/not a rank/);
    expect(() => quintileOf(1.5, 30)).toThrow(/not a rank/);
    expect(() => quintileOf(3, 30.5)).toThrow(/not a rank/);
    expect(() => quintileOf(1, 0)).toThrow(/not a rank/);
    expect(() => quintileOf(0, 0)).toThrow(/not a rank/);
    expect(() => quintileOf(Number.NaN, 30)).toThrow(/not a rank/);
    expect(() => quintileOf(1, Number.POSITIVE_INFINITY)).toThrow(/not a rank/);
  });
});

describe('properties', () => {
  const rankAndSize = fc.integer({ min: 1, max: 2000 }).chain((size) => fc.tuple(fc.integer({ min: 1, max: size }), fc.constant(size)));
  /** Decimals with up to 4 places, from integers: exact, and ties are common. */
  const decimalArb = fc.integer({ min: -20_000, max: 20_000 }).map((n) => new Decimal(n).dividedBy(10_000));
  const groupArb = fc.array(decimalArb, { minLength: 1, maxLength: 60 });

  it('the quintile is always 1..5', () => {
    fc.assert(fc.property(rankAndSize, ([rank, size]) => {
      const q = quintileOf(rank, size);
      return Number.isInteger(q) && q >= 1 && q <= 5;
    }));
  });

  it('the quintile is monotone non-decreasing in rank for a fixed size', () => {
    fc.assert(fc.property(rankAndSize, ([rank, size]) => rank === size || quintileOf(rank, size) <= quintileOf(rank + 1, size)));
  });

  it('rank 1 is always first; the last rank is fifth when the group has five or more', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), (size) => quintileOf(1, size) === 1 && (size < 5 || quintileOf(size, size) === 5)));
  });

  it('the quintile agrees with the percentile (rank - 1) / size in exact arithmetic', () => {
    fc.assert(fc.property(rankAndSize, ([rank, size]) => {
      const exact = new Decimal(rank - 1).times(5).dividedBy(size).floor().toNumber() + 1;
      return quintileOf(rank, size) === exact;
    }));
  });

  it('min <= q1 <= median <= q3 <= max, and the median lies between min and max', () => {
    fc.assert(fc.property(groupArb, (values) => {
      const q = quartiles(values);
      const lo = Decimal.min(...values);
      const hi = Decimal.max(...values);
      return q.min.equals(lo) && q.max.equals(hi)
        && q.min.lte(q.q1) && q.q1.lte(q.median) && q.median.lte(q.q3) && q.q3.lte(q.max)
        && q.median.gte(lo) && q.median.lte(hi) && q.count === values.length;
    }));
  });

  it('quartiles do not depend on the order of the input', () => {
    fc.assert(fc.property(groupArb, (values) => {
      const a = quartiles(values);
      const b = quartiles([...values].reverse());
      return a.q1.equals(b.q1) && a.median.equals(b.median) && a.q3.equals(b.q3);
    }));
  });

  it('the median of an odd group is a member; of an even group the mean of the two middle values', () => {
    fc.assert(fc.property(groupArb, (values) => {
      const sorted = [...values].sort((a, b) => a.comparedTo(b));
      const n = sorted.length;
      const m = quartiles(values).median;
      return n % 2 === 1 ? m.equals(sorted[(n - 1) / 2]!) : m.equals(sorted[n / 2 - 1]!.plus(sorted[n / 2]!).dividedBy(2));
    }));
  });

  it('rankOf of a member is between 1 and n, for both directions', () => {
    fc.assert(fc.property(groupArb, fc.nat(), (values, pick) => {
      const value = values[pick % values.length]!;
      const n = values.length;
      const low = rankOf(value, values, 'lower');
      const high = rankOf(value, values, 'higher');
      return low >= 1 && low <= n && high >= 1 && high <= n;
    }));
  });

  it('rankOf: tied values share a rank, and lower + higher ranks add up to n + 2 - (number of ties)', () => {
    fc.assert(fc.property(groupArb, fc.nat(), (values, pick) => {
      const value = values[pick % values.length]!;
      const ties = values.filter((v) => v.equals(value)).length;
      // (1 + #below) + (1 + #above) = 2 + n - ties
      return rankOf(value, values, 'lower') + rankOf(value, values, 'higher') === values.length + 2 - ties;
    }));
  });

  it('rank of a member of a group is always a valid quintileOf input', () => {
    fc.assert(fc.property(groupArb, fc.nat(), (values, pick) => {
      const q = quintileOf(rankOf(values[pick % values.length]!, values, 'higher'), values.length);
      return q >= 1 && q <= 5;
    }));
  });
});
