import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../decimal.js';
import type { FeeTier } from './advisory-fee.js';
import { feeAtAssetLevels } from './fee-breakpoints.js';

const d = (s: string) => new Decimal(s);
const M = (millions: string) => d(millions).times(1_000_000);

const DEFAULT_LEVELS = ['100', '250', '500', '1000', '2000'].map(M);
const FLAT: FeeTier[] = [{ rate: d('0.0027') }];
/** 0.50% to $500M, 0.45% to $1B, 0.40% above. */
const TIERED: FeeTier[] = [
  { upTo: M('500'), rate: d('0.0050') },
  { upTo: M('1000'), rate: d('0.0045') },
  { rate: d('0.0040') },
];

const rowAt = (r: ReturnType<typeof feeAtAssetLevels>, assets: Decimal) => {
  const row = r.rows.find((x) => x.assets.equals(assets));
  if (!row) throw new Error(`no row at ${assets.toString()}`);
  return row;
};

describe('feeAtAssetLevels: a flat schedule', () => {
  // IQM's level: 187,753,000 + 55,000,000 + 34,564,000 = 277,317,000
  const fundAssets = d('277317000');
  const r = feeAtAssetLevels(FLAT, DEFAULT_LEVELS, fundAssets);

  it('gives 0.27% effective at every level and has no breakpoints', () => {
    expect(r.rows).toHaveLength(6); // 5 levels + the fund's
    for (const row of r.rows) expect(row.effectiveRate.equals(d('0.0027'))).toBe(true);
    expect(r.hasBreakpoints).toBe(false);
    expect(r.reductionBps.isZero()).toBe(true); // 0.27% - 0.27% = 0
  });

  it('gives the annual fee at each level', () => {
    expect(rowAt(r, M('100')).annualFee.toString()).toBe('270000'); // 100,000,000 x 0.27%
    expect(rowAt(r, M('2000')).annualFee.toString()).toBe('5400000'); // 2,000,000,000 x 0.27%
    expect(rowAt(r, fundAssets).annualFee.toString()).toBe('748755.9'); // 277,317,000 x 0.0027 = 748,755.9
  });

  it("includes and flags the fund's level, in ascending order", () => {
    expect(r.rows.map((x) => x.assets.toString())).toEqual(['100000000', '250000000', '277317000', '500000000', '1000000000', '2000000000']);
    expect(r.rows.filter((x) => x.isFundLevel).map((x) => x.assets.toString())).toEqual(['277317000']);
  });
});

describe('feeAtAssetLevels: a tiered schedule (0.50% to $500M, 0.45% to $1B, 0.40% above)', () => {
  const fundAssets = M('750');
  const r = feeAtAssetLevels(TIERED, DEFAULT_LEVELS, fundAssets);

  it('is 0.50% effective at $250M (all in the first tier)', () => {
    const row = rowAt(r, M('250'));
    expect(row.annualFee.toString()).toBe('1250000'); // 250,000,000 x 0.50%
    expect(row.effectiveRate.equals(d('0.005'))).toBe(true);
  });

  it('is 0.50% effective at $500M (the top of the first tier)', () => {
    expect(rowAt(r, M('500')).annualFee.toString()).toBe('2500000'); // 500,000,000 x 0.50%
    expect(rowAt(r, M('500')).effectiveRate.equals(d('0.005'))).toBe(true);
  });

  it('is 0.475% effective at $1B', () => {
    const row = rowAt(r, M('1000'));
    // 500M x 0.50% = 2,500,000 + 500M x 0.45% = 2,250,000 -> 4,750,000
    expect(row.annualFee.toString()).toBe('4750000');
    // 4,750,000 / 1,000,000,000 = 0.00475
    expect(row.effectiveRate.equals(d('0.00475'))).toBe(true);
  });

  it('is 0.4375% effective at $2B', () => {
    const row = rowAt(r, M('2000'));
    // 2,500,000 + 2,250,000 + 1,000M x 0.40% = 4,000,000 -> 8,750,000
    expect(row.annualFee.toString()).toBe('8750000');
    // 8,750,000 / 2,000,000,000 = 0.004375
    expect(row.effectiveRate.equals(d('0.004375'))).toBe(true);
  });

  it("includes and flags the fund's level ($750M), between $500M and $1B", () => {
    const row = rowAt(r, fundAssets);
    expect(row.isFundLevel).toBe(true);
    // 2,500,000 + 250M x 0.45% = 1,125,000 -> 3,625,000
    expect(row.annualFee.toString()).toBe('3625000');
    // 3,625,000 / 750,000,000 = 0.0048333...
    expect(row.effectiveRate.toDecimalPlaces(8).toString()).toBe('0.00483333');
    expect(r.rows.map((x) => x.assets.dividedBy(1_000_000).toString())).toEqual(['100', '250', '500', '750', '1000', '2000']);
    expect(r.rows.filter((x) => x.isFundLevel)).toHaveLength(1);
  });

  it('has breakpoints and a reduction of 6.25 bps from $100M to $2B', () => {
    expect(r.hasBreakpoints).toBe(true);
    // (0.50% - 0.4375%) x 10,000 = 0.000625 x 10,000 = 6.25
    expect(r.reductionBps.equals(d('6.25'))).toBe(true);
  });

  it('a fund level equal to a shown level is one row, flagged', () => {
    const same = feeAtAssetLevels(TIERED, DEFAULT_LEVELS, M('1000'));
    expect(same.rows).toHaveLength(5);
    expect(same.rows.filter((x) => x.isFundLevel).map((x) => x.assets.toString())).toEqual(['1000000000']);
  });

  it('a fund level below every shown level becomes the first row, and the reduction runs from it', () => {
    const small = feeAtAssetLevels(TIERED, [M('1000'), M('2000')], M('50'));
    expect(small.rows[0]!.isFundLevel).toBe(true);
    // 0.50% at $50M to 0.4375% at $2B: 6.25 bps
    expect(small.reductionBps.equals(d('6.25'))).toBe(true);
  });

  it('sorts and deduplicates levels given out of order (by value: 1e9 equals 1000000000.00)', () => {
    const r2 = feeAtAssetLevels(TIERED, [M('2000'), d('1000000000.00'), M('250'), M('1000')], M('250'));
    expect(r2.rows.map((x) => x.assets.dividedBy(1_000_000).toString())).toEqual(['250', '1000', '2000']);
    expect(r2.rows[0]!.isFundLevel).toBe(true);
  });

  it('with no levels shows only the fund, with no reduction', () => {
    const only = feeAtAssetLevels(TIERED, [], M('750'));
    expect(only.rows).toHaveLength(1);
    expect(only.rows[0]!.isFundLevel).toBe(true);
    expect(only.reductionBps.isZero()).toBe(true);
  });
});

describe('feeAtAssetLevels: properties', () => {
  const assetsArb = fc.integer({ min: 1, max: 5_000_000 }).map((n) => new Decimal(n).times(1000));
  const levelsArb = fc.array(assetsArb, { minLength: 0, maxLength: 8 });

  it('a flat schedule is its rate at every positive level', () => {
    fc.assert(fc.property(levelsArb, assetsArb, fc.integer({ min: 1, max: 150 }), (levels, fund, bp) => {
      const rate = new Decimal(bp).dividedBy(10_000);
      const r = feeAtAssetLevels([{ rate }], levels, fund);
      return r.rows.every((x) => x.effectiveRate.equals(rate)) && r.reductionBps.isZero() && !r.hasBreakpoints;
    }));
  });

  it('with falling tier rates, the annual fee rises and the effective rate falls as assets grow', () => {
    fc.assert(fc.property(levelsArb, assetsArb, (levels, fund) => {
      const r = feeAtAssetLevels(TIERED, levels, fund);
      for (let i = 1; i < r.rows.length; i++) {
        const [a, b] = [r.rows[i - 1]!, r.rows[i]!];
        if (!a.assets.lessThan(b.assets) || b.annualFee.lessThan(a.annualFee) || b.effectiveRate.greaterThan(a.effectiveRate)) return false;
      }
      // effective rates stay between the lowest and the highest tier rate
      return r.rows.every((x) => x.effectiveRate.lte(d('0.005')) && x.effectiveRate.gte(d('0.004'))) && r.reductionBps.gte(0);
    }));
  });

  it('exactly one row is the fund level, and every level appears once', () => {
    fc.assert(fc.property(levelsArb, assetsArb, (levels, fund) => {
      const r = feeAtAssetLevels(TIERED, levels, fund);
      const distinct = new Set([...levels, fund].map((v) => v.toString())).size;
      return r.rows.filter((x) => x.isFundLevel).length === 1 && r.rows.length === distinct;
    }));
  });
});
