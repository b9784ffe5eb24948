import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { calculateProfitability } from './profitability.js';

const d = (s: string | number) => new Decimal(s);

describe('the adviser\'s profitability', () => {
  it('IQM\'s synthetic 2010 figures: 802,400 revenue, 572,800 costs, 229,600 profit, a 28.6% margin', () => {
    const r = calculateProfitability(
      [{ label: 'Advisory fees', amount: d(752400) }, { label: 'Administrative services fees', amount: d(50000) }],
      [301000, 98500, 61200, 24800, 87300].map((a, i) => ({ label: `cost ${i}`, amount: d(a) })),
    );
    // 752,400 + 50,000 = 802,400; 301,000 + 98,500 + 61,200 + 24,800 + 87,300 = 572,800; 802,400 - 572,800 = 229,600
    expect(r.totalRevenue.toString()).toBe('802400');
    expect(r.totalCosts.toString()).toBe('572800');
    expect(r.profit.toString()).toBe('229600');
    // 229,600 / 802,400 = 0.28614...
    expect(r.margin!.toDecimalPlaces(5).toString()).toBe('0.28614');
    expect(r.workings).toEqual([
      'Revenue 752,400 + 50,000 = 802,400.',
      'Allocated costs 301,000 + 98,500 + 61,200 + 24,800 + 87,300 = 572,800.',
      'Pre-tax profit 802,400 - 572,800 = 229,600.',
      'Margin 229,600 / 802,400 = 28.6%.',
    ]);
  });

  it('a loss is a negative margin; no revenue, no margin', () => {
    const loss = calculateProfitability([{ label: 'fees', amount: d(100) }], [{ label: 'costs', amount: d(150) }]);
    expect(loss.profit.toString()).toBe('-50');
    expect(loss.margin!.toString()).toBe('-0.5');
    expect(calculateProfitability([{ label: 'fees', amount: d(0) }], [{ label: 'costs', amount: d(10) }]).margin).toBeUndefined();
  });

  it('profit is revenue less costs, and margin x revenue gives the profit back (property)', () => {
    const money = fc.integer({ min: 0, max: 10_000_000_00 }).map((c) => d(c).dividedBy(100));
    fc.assert(fc.property(fc.array(money, { minLength: 1, maxLength: 6 }), fc.array(money, { minLength: 1, maxLength: 6 }), (rev, cost) => {
      const r = calculateProfitability(rev.map((amount) => ({ label: 'r', amount })), cost.map((amount) => ({ label: 'c', amount })));
      expect(r.totalRevenue.minus(r.totalCosts).equals(r.profit)).toBe(true);
      if (r.margin) expect(r.margin.times(r.totalRevenue).toDecimalPlaces(6).equals(r.profit.toDecimalPlaces(6))).toBe(true);
    }));
  });
});
