import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal, round } from '../decimal.js';
import { calculateCoverage as calculate, type CoverageInput as Input } from './preferred-coverage.js';
import type { SeniorSecurity } from './senior-securities.js';

const d = (s: string) => new Decimal(s);
const CENT = d('0.01');

/** The older way of writing the inputs: debt within total liabilities, preferred outside them. */
interface CoverageInput {
  totalAssets: Decimal;
  totalLiabilities: Decimal;
  seniorDebt?: Decimal;
  preferredLiquidation: Decimal;
  preferredShares: Decimal;
  liquidationPerShare: Decimal;
  covenants?: Input['covenants'];
  /** Preferred carried within total liabilities (add it to totalLiabilities yourself). */
  preferredAsLiability?: boolean;
}

function securities(i: CoverageInput): SeniorSecurity[] {
  const list: SeniorSecurity[] = [];
  if (i.seniorDebt) list.push({ kind: 'notes_payable', label: 'Notes', amount: i.seniorDebt, liability: true, path: [] });
  list.push({ kind: 'preferred_shares', label: 'Preferred', amount: i.preferredLiquidation, shares: i.preferredShares, liquidationPerShare: i.liquidationPerShare, liability: i.preferredAsLiability ?? false, path: [] });
  return list;
}

/** The calculator on a fund that has preferred shares outstanding (so a result is certain). */
function calculateCoverage(i: CoverageInput) {
  const r = calculate({ totalAssets: i.totalAssets, totalLiabilities: i.totalLiabilities, securities: securities(i), covenants: i.covenants });
  if (!r) throw new Error('no coverage');
  return { ...r, ratio: r.ratio!, perShare: r.perShare!, redemptionShares: r.redemptionShares! };
}

/** Preferred at `perShare` liquidation value, `shares` of them. */
function preferred(shares: string, perShare: string) {
  return { preferredShares: d(shares), liquidationPerShare: d(perShare), preferredLiquidation: d(shares).times(d(perShare)) };
}

/** (N - R) / (S - R): the coverage after redeeming R of preferred out of assets. */
function afterRedemption(input: CoverageInput, redeemed: Decimal): Decimal {
  const n = input.totalAssets.minus(input.totalLiabilities.minus(input.seniorDebt ?? 0)).minus(redeemed);
  const s = (input.seniorDebt ?? d('0')).plus(input.preferredLiquidation).minus(redeemed);
  return n.dividedBy(s);
}

describe('calculateCoverage: IQM at 2011-08-31', () => {
  const r = calculateCoverage({ totalAssets: d('286382448'), totalLiabilities: d('36633820'), ...preferred('1100', '50000') });

  it('covers each $50,000 preferred share with $227,044', () => {
    // 286,382,448 - 36,633,820 = 249,748,628
    expect(r.coverageAssets.equals(d('249748628'))).toBe(true);
    // 249,748,628 / 55,000,000 = 4.540884; x 50,000 = 227,044.21 -> 227,044 (the highlights print 227,044)
    expect(round(r.perShare, 0).toString()).toBe('227044');
    expect(r.perShare.toFixed(2)).toBe('227044.21');
  });

  it('has a coverage ratio of 454%', () => {
    expect(r.ratio.toFixed(4)).toBe('4.5409'); // 4.540884 -> 4.5409
  });

  it('is compliant, with nothing blocked and nothing to redeem', () => {
    expect(r.compliant).toBe(true);
    expect(r.commonDividendsBlocked).toBe(false);
    expect(r.redemptionNeeded.isZero()).toBe(true);
    expect(r.redemptionShares.isZero()).toBe(true);
    expect(r.bindingMinimum.equals(2)).toBe(true);
    expect(r.tests.map((t) => t.name)).toEqual(['1940 Act preferred (200%)']);
    expect(r.debtRatio).toBeUndefined();
  });

  it('could lose 139,748,628 of assets before a breach', () => {
    // 249,748,628 - 2 x 55,000,000 = 139,748,628; / 286,382,448 = 48.8%
    expect(r.headroom.equals(d('139748628'))).toBe(true);
    expect(r.headroomFraction.toFixed(3)).toBe('0.488');
  });
});

describe('calculateCoverage: below 200%', () => {
  // N = 187,654,321.98 - 12,345,678.91 = 175,308,643.07; S = 3,600 x 25,000 = 90,000,000.
  const input: CoverageInput = { totalAssets: d('187654321.98'), totalLiabilities: d('12345678.91'), ...preferred('3600', '25000') };
  const r = calculateCoverage(input);

  it('is not compliant and blocks common dividends', () => {
    // 175,308,643.07 / 90,000,000 = 1.947874 < 2
    expect(r.ratio.toFixed(4)).toBe('1.9479');
    expect(r.compliant).toBe(false);
    expect(r.tests[0]!.passes).toBe(false);
    expect(r.commonDividendsBlocked).toBe(true);
    expect(r.headroom.equals(d('-4691356.93'))).toBe(true); // 175,308,643.07 - 180,000,000
  });

  it('redeems exactly enough preferred to restore 200%', () => {
    // R = (2 x 90,000,000 - 175,308,643.07) / (2 - 1) = 4,691,356.93
    expect(r.redemptionNeeded.equals(d('4691356.93'))).toBe(true);
    // (175,308,643.07 - 4,691,356.93) / (90,000,000 - 4,691,356.93) = 170,617,286.14 / 85,308,643.07 = 2
    const after = afterRedemption(input, r.redemptionNeeded);
    expect(after.minus(2).abs().lte(CENT)).toBe(true);
    expect(after.equals(2)).toBe(true);
    // 4,691,356.93 / 25,000 = 187.65 -> 188 shares
    expect(r.redemptionShares.equals(188)).toBe(true);
  });

  it('a round case: 90M over 50M of preferred', () => {
    const round90: CoverageInput = { totalAssets: d('100000000'), totalLiabilities: d('10000000'), ...preferred('2000', '25000') };
    const q = calculateCoverage(round90);
    expect(q.ratio.equals(d('1.8'))).toBe(true); // 90,000,000 / 50,000,000
    expect(q.redemptionNeeded.equals(d('10000000'))).toBe(true); // (100M - 90M) / 1
    expect(afterRedemption(round90, q.redemptionNeeded).equals(2)).toBe(true); // 80M / 40M
    expect(q.redemptionShares.equals(400)).toBe(true); // 10,000,000 / 25,000
  });
});

describe('calculateCoverage: senior debt', () => {
  // Total assets 500M; liabilities 120M of which 100M borrowings; preferred 4,000 x 25,000 = 100M.
  const r = calculateCoverage({ totalAssets: d('500000000'), totalLiabilities: d('120000000'), seniorDebt: d('100000000'), ...preferred('4000', '25000') });

  it('excludes the debt from the liabilities deducted and adds it to the senior securities', () => {
    expect(r.coverageAssets.equals(d('480000000'))).toBe(true); // 500M - (120M - 100M)
    expect(r.ratio.equals(d('2.4'))).toBe(true); // 480M / (100M + 100M)
    expect(r.perShare.equals(d('60000'))).toBe(true); // 2.4 x 25,000
  });

  it('applies the 300% debt test and states coverage per $1,000 of debt', () => {
    expect(r.debtRatio!.equals(d('4.8'))).toBe(true); // 480M / 100M
    expect(r.perThousandOfDebt!.equals(d('4800'))).toBe(true); // 4.8 x 1,000
    expect(r.tests.map((t) => [t.name, t.passes])).toEqual([
      ['1940 Act senior debt (300%)', true],
      ['1940 Act senior debt, for preferred dividends (200%)', true],
      ['1940 Act preferred (200%)', true],
    ]);
    expect(r.compliant).toBe(true);
  });

  it('takes the smaller headroom of the tests, and states each', () => {
    // preferred: 480M - 2 x 200M = 80M; debt: 480M - 3 x 100M = 180M; debt for preferred dividends 480M - 2 x 100M = 280M -> 80M
    expect(r.tests.map((t) => t.headroom.toString())).toEqual(['180000000', '280000000', '80000000']);
    expect(r.headroom.equals(d('80000000'))).toBe(true);
    expect(r.bindingMinimum.equals(2)).toBe(true);
  });

  it('fails the 300% test while passing the 200% test', () => {
    // assets 250M, all liabilities are 100M of borrowings, preferred 400 x 25,000 = 10M
    const q = calculateCoverage({ totalAssets: d('250000000'), totalLiabilities: d('100000000'), seniorDebt: d('100000000'), ...preferred('400', '25000') });
    expect(q.ratio.toFixed(4)).toBe('2.2727'); // 250M / 110M
    expect(q.debtRatio!.equals(d('2.5'))).toBe(true); // 250M / 100M < 3
    expect(q.perThousandOfDebt!.equals(d('2500'))).toBe(true);
    expect(q.tests[0]!.passes).toBe(false);
    expect(q.compliant).toBe(false);
    expect(q.headroom.equals(d('-50000000'))).toBe(true); // min(250M - 220M, 250M - 300M)
    // Repay R of debt from assets: (250M - R) / (100M - R) = 3 <=> R = (300M - 250M) / 2 = 25M
    expect(q.debtRepaymentNeeded.equals(d('25000000'))).toBe(true);
    expect(q.redemptionNeeded.isZero()).toBe(true);
  });

  // Section 18(a)(1)(B) also bars any
  // dividend on capital stock (common included) unless senior debt has 300% asset coverage, so a fund with
  // debt at 250% coverage cannot pay common dividends even though its preferred coverage is 227%.
  it('blocks common dividends when senior debt coverage is below 300%', () => {
    const q = calculateCoverage({ totalAssets: d('250000000'), totalLiabilities: d('100000000'), seniorDebt: d('100000000'), ...preferred('400', '25000') });
    expect(q.commonDividendsBlocked).toBe(true); // actual: false
  });
});

describe('calculateCoverage: senior securities written either way', () => {
  it('preferred carried as a liability gives the figures of preferred carried below total liabilities', () => {
    // The same fund: 500M of assets, 20M of other liabilities, 100M of notes, 100M of preferred.
    const outside = calculateCoverage({ totalAssets: d('500000000'), totalLiabilities: d('120000000'), seniorDebt: d('100000000'), ...preferred('4000', '25000') });
    const inside = calculateCoverage({ totalAssets: d('500000000'), totalLiabilities: d('220000000'), seniorDebt: d('100000000'), ...preferred('4000', '25000'), preferredAsLiability: true });
    for (const r of [outside, inside]) {
      expect(r.coverageAssets.toString()).toBe('480000000');
      expect(r.ratio.toString()).toBe('2.4');
      expect(r.perThousandOfDebt!.toString()).toBe('4800');
      expect(r.perShare.toString()).toBe('60000');
    }
  });

  it('a fund with debt and no preferred shares: only the 300% test, no preferred figures', () => {
    const notes: SeniorSecurity = { kind: 'notes_payable', label: 'Notes', amount: d('40000000'), liability: true, path: [] };
    // 200M assets, 45M liabilities of which 40M notes: (200M - 5M) / 40M = 4.875 -> $4,875 per $1,000
    const r = calculate({ totalAssets: d('200000000'), totalLiabilities: d('45000000'), securities: [notes] })!;
    expect(r.debtRatio!.toString()).toBe('4.875');
    expect(r.perThousandOfDebt!.toString()).toBe('4875');
    expect(r.ratio).toBeUndefined();
    expect(r.perShare).toBeUndefined();
    expect(r.tests.map((t) => t.name)).toEqual(['1940 Act senior debt (300%)']);
    expect(r.headroom.toString()).toBe('75000000'); // 195M - 3 x 40M
    expect(r.preferredDividendsBlocked).toBe(false);
  });

  it('no senior security outstanding (none, or all zero): not applicable', () => {
    expect(calculate({ totalAssets: d('100'), totalLiabilities: d('10'), securities: [] })).toBeUndefined();
    const zero = securities({ totalAssets: d('0'), totalLiabilities: d('0'), ...preferred('0', '25000') });
    expect(calculate({ totalAssets: d('100'), totalLiabilities: d('10'), securities: zero })).toBeUndefined();
  });

  it('preferred classes with different liquidation preferences: no single per-share figure', () => {
    const a: SeniorSecurity = { kind: 'preferred_shares', label: 'A', amount: d('25000000'), shares: d('1000'), liquidationPerShare: d('25000'), liability: true, path: [] };
    const b: SeniorSecurity = { kind: 'preferred_shares', label: 'B', amount: d('50000000'), shares: d('500'), liquidationPerShare: d('100000'), liability: true, path: [] };
    // Other liabilities 80M - 75M = 5M; (230M - 5M) / 75M = 3
    const r = calculate({ totalAssets: d('230000000'), totalLiabilities: d('80000000'), securities: [a, b] })!;
    expect(r.ratio!.toString()).toBe('3');
    expect(r.perShare).toBeUndefined();
    expect(r.liquidationPerShare).toBeUndefined();
    expect(r.redemptionShares).toBeUndefined();
  });
});

describe('calculateCoverage: a stricter covenant', () => {
  const covenant = { name: 'Rating agency (225%)', minimum: d('2.25') };

  it('binds at 225%: 200% passes the Act but fails the covenant', () => {
    const input: CoverageInput = { totalAssets: d('110000000'), totalLiabilities: d('10000000'), ...preferred('2000', '25000'), covenants: [covenant] };
    const r = calculateCoverage(input);
    expect(r.ratio.equals(2)).toBe(true); // 100M / 50M
    expect(r.tests.map((t) => t.passes)).toEqual([true, false]);
    expect(r.compliant).toBe(false);
    expect(r.commonDividendsBlocked).toBe(false); // the Act's 200% is met
    expect(r.bindingMinimum.equals(d('2.25'))).toBe(true);
    expect(r.headroom.equals(d('-12500000'))).toBe(true); // 100M - 2.25 x 50M
    // R = (2.25 x 50M - 100M) / 1.25 = 12.5M / 1.25 = 10M; (100M - 10M) / (50M - 10M) = 90M / 40M = 2.25
    expect(r.redemptionNeeded.equals(d('10000000'))).toBe(true);
    expect(afterRedemption(input, r.redemptionNeeded).equals(d('2.25'))).toBe(true);
    expect(r.redemptionShares.equals(400)).toBe(true);
  });

  it('restores 225% within a cent on uneven figures', () => {
    const input: CoverageInput = { totalAssets: d('187654321.98'), totalLiabilities: d('12345678.91'), ...preferred('3600', '25000'), covenants: [covenant] };
    const r = calculateCoverage(input);
    // R = (2.25 x 90,000,000 - 175,308,643.07) / 1.25 = 27,191,356.93 / 1.25 = 21,753,085.544
    expect(r.redemptionNeeded.equals(d('21753085.544'))).toBe(true);
    // (N - R) - 2.25 (S - R) = 153,555,557.526 - 2.25 x 68,246,914.456 = 153,555,557.526 - 153,555,557.526 = 0
    const n = d('175308643.07').minus(r.redemptionNeeded);
    const s = d('90000000').minus(r.redemptionNeeded);
    expect(n.minus(s.times(d('2.25'))).abs().lte(CENT)).toBe(true);
    expect(r.redemptionShares.equals(871)).toBe(true); // 21,753,085.544 / 25,000 = 870.12 -> 871
  });
});

describe('preferred coverage properties', () => {
  const money = (min: bigint, max: bigint) => fc.bigInt({ min, max }).map((c) => new Decimal(c.toString()).dividedBy(100));

  it('the coverage ratio rises strictly with total assets', () => {
    fc.assert(
      fc.property(money(0n, 10n ** 13n), money(1n, 10n ** 12n), money(0n, 10n ** 12n), fc.integer({ min: 1, max: 100_000 }), (assets, more, liabilities, shares) => {
        const base = { totalLiabilities: liabilities, ...preferred(String(shares), '25000') };
        const lower = calculateCoverage({ ...base, totalAssets: assets });
        const higher = calculateCoverage({ ...base, totalAssets: assets.plus(more) });
        expect(higher.ratio.greaterThan(lower.ratio)).toBe(true);
        expect(higher.perShare.greaterThan(lower.perShare)).toBe(true);
      }),
    );
  });

  it('with no debt, headroom >= 0 exactly when compliant with the binding minimum', () => {
    fc.assert(
      fc.property(
        money(0n, 10n ** 13n),
        money(0n, 10n ** 12n),
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 100, max: 400 }), { maxLength: 3 }),
        (assets, liabilities, shares, minimumsPct) => {
          const covenants = minimumsPct.map((pct, i) => ({ name: `covenant ${i}`, minimum: new Decimal(pct).dividedBy(100) }));
          const r = calculateCoverage({ totalAssets: assets, totalLiabilities: liabilities, ...preferred(String(shares), '25000'), covenants });
          expect(r.headroom.gte(0)).toBe(r.compliant);
          expect(r.ratio.gte(r.bindingMinimum)).toBe(r.compliant);
          // Not compliant <=> something to redeem (when the binding minimum is above 100%).
          expect(r.redemptionNeeded.greaterThan(0)).toBe(!r.compliant);
        },
      ),
    );
  });

  it('redeeming redemptionNeeded restores the binding minimum (within a cent)', () => {
    fc.assert(
      fc.property(money(0n, 10n ** 13n), money(0n, 10n ** 12n), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 200, max: 400 }), (assets, liabilities, shares, pct) => {
        const input: CoverageInput = { totalAssets: assets, totalLiabilities: liabilities, ...preferred(String(shares), '25000'), covenants: [{ name: 'c', minimum: new Decimal(pct).dividedBy(100) }] };
        const r = calculateCoverage(input);
        fc.pre(r.redemptionNeeded.greaterThan(0) && r.redemptionNeeded.lessThan(input.preferredLiquidation));
        // (N - R) - c (S - R) = 0 to within a cent
        const n = r.coverageAssets.minus(r.redemptionNeeded);
        const s = input.preferredLiquidation.minus(r.redemptionNeeded);
        expect(n.minus(s.times(r.bindingMinimum)).abs().lte(CENT)).toBe(true);
      }),
    );
  });
});
