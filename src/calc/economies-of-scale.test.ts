import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { effectiveRatesOverTime, fiveYearsBefore, lastFiveYears } from './economies-of-scale.js';

const d = (s: string | number) => new Decimal(s);
const point = (end: string, netAssets: number) => ({ end, label: end, netAssets: d(netAssets) });

describe('economies of scale over five years', () => {
  it('keeps the period ends within five years of the as-of date, oldest first', () => {
    expect(fiveYearsBefore('2011-02-28')).toBe('2006-02-28');
    expect(fiveYearsBefore('2012-02-29')).toBe('2007-02-28');
    const pts = [point('2011-02-28', 1), point('2006-02-28', 2), point('2006-10-31', 3), point('2010-10-31', 4), point('2011-08-31', 5)];
    expect(lastFiveYears(pts, '2011-02-28').map((p) => p.end)).toEqual(['2006-10-31', '2010-10-31', '2011-02-28']);
  });

  it('IQM\'s flat 0.27%: the same effective rate at every period end, a 0.0 bps change', () => {
    const r = effectiveRatesOverTime([{ rate: d('0.0027') }], [point('2006-10-31', 223185000), point('2011-02-28', 182074000)]);
    // 223,185,000 x 0.0027 = 602,599.5; 182,074,000 x 0.0027 = 491,599.8
    expect(r.rows.map((x) => x.annualFee.toString())).toEqual(['602599.5', '491599.8']);
    expect(r.rows.every((x) => x.effectiveRate.equals(d('0.0027')))).toBe(true);
    expect(r.changeBps.isZero()).toBe(true);
    expect(r.breakpointsReached).toEqual([]);
  });

  it('a breakpoint schedule: the rate falls once assets pass the breakpoint', () => {
    // 0.60% on the first 500m, 0.50% above. At 400m: 2,400,000 (0.600%). At 800m: 3,000,000 + 1,500,000 = 4,500,000 -> 0.5625%.
    const r = effectiveRatesOverTime([{ upTo: d(500_000_000), rate: d('0.006') }, { rate: d('0.005') }], [point('2009-12-31', 400_000_000), point('2010-12-31', 800_000_000)]);
    expect(r.rows.map((x) => x.annualFee.toString())).toEqual(['2400000', '4500000']);
    expect(r.rows[1]!.effectiveRate.toString()).toBe('0.005625');
    // (0.005625 - 0.006) x 10,000 = -3.75 bps
    expect(r.changeBps.toString()).toBe('-3.75');
    expect(r.breakpointsReached.map(String)).toEqual(['500000000']);
    expect(r.workings[1]).toBe('2010-12-31: annual fee on 800,000,000 = 4,500,000; effective rate 4,500,000 / 800,000,000 = 0.563%.');
  });

  it('the effective rate never rises with assets under a falling schedule (property)', () => {
    const schedule = [{ upTo: d(250_000_000), rate: d('0.0065') }, { upTo: d(750_000_000), rate: d('0.0055') }, { rate: d('0.0045') }];
    fc.assert(fc.property(fc.integer({ min: 1, max: 5_000_000_000 }), fc.integer({ min: 1, max: 5_000_000_000 }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const r = effectiveRatesOverTime(schedule, [point('2010-01-01', lo), point('2011-01-01', hi)]);
      expect(r.rows[1]!.effectiveRate.lessThanOrEqualTo(r.rows[0]!.effectiveRate)).toBe(true);
    }));
  });
});
