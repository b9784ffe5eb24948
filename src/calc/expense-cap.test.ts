import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal, ZERO } from '../decimal.js';
import { calculateExpenseCap, type ExpenseCapInput, type PriorWaiver } from './expense-cap.js';

const d = (s: string) => new Decimal(s);

// IQM, six months ended 2011-08-31: the Statement of Operations expense lines.
const iqmExpenses = {
  advisory_fees: d('377455'),
  administrative_services_fees: d('25137'),
  custodian_fees: d('5753'),
  interest_facilities_and_maintenance_fees: d('247430'),
  transfer_agent_fees: d('4189'),
  trustees_and_officers_fees: d('13122'),
  other: d('62633'),
};

const iqm: ExpenseCapInput = {
  expenses: iqmExpenses,
  totalExpenses: d('735719'),
  excludedKeys: ['interest_facilities_and_maintenance_fees', 'taxes', 'dividend_expense_on_short_sales', 'extraordinary_expenses', 'expense_offset'],
  limit: d('0.0066'),
  averageNetAssets: d('187753000'),
  days: 184,
  daysInYear: 365,
  advisoryFee: d('377455'),
  periodEnd: '2011-08-31',
};

/**
 * A round fund: average net assets 100,000,000 for a full 365-day year with a 1.00% cap, so the cap
 * amount is exactly 1,000,000. Interest of 50,000 is excluded from the cap.
 */
function roundFund(covered: string, advisoryFee: string, extra: Partial<ExpenseCapInput> = {}): ExpenseCapInput {
  const interest = d('50000');
  const coveredExpenses = d(covered);
  return {
    expenses: { advisory_fees: d(advisoryFee), interest_facilities_and_maintenance_fees: interest, other: coveredExpenses.minus(d(advisoryFee)) },
    totalExpenses: coveredExpenses.plus(interest),
    excludedKeys: ['interest_facilities_and_maintenance_fees'],
    limit: d('0.01'),
    averageNetAssets: d('100000000'),
    days: 365,
    daysInYear: 365,
    advisoryFee: d(advisoryFee),
    periodEnd: '2011-08-31',
    ...extra,
  };
}

describe('calculateExpenseCap: IQM, six months ended 2011-08-31', () => {
  const r = calculateExpenseCap(iqm);

  it('excludes the interest, facilities and maintenance fees', () => {
    expect(r.excludedExpenses.equals(d('247430'))).toBe(true); // only the IFM line is present among the excluded keys
    expect(r.coveredExpenses.equals(d('488289'))).toBe(true); // 735,719 - 247,430 = 488,289
  });

  it('gives a gross ratio of 0.78%', () => {
    // 735,719 x 365 / (187,753,000 x 184) = 268,537,435 / 34,546,552,000 = 0.0077732 -> 0.0078
    expect(r.grossRatio.toFixed(4)).toBe('0.0078');
    expect(r.grossRatio.toFixed(6)).toBe('0.007773');
  });

  it('gives a covered ratio of 0.52%', () => {
    // 488,289 x 365 / 34,546,552,000 = 178,225,485 / 34,546,552,000 = 0.0051590 -> 0.0052
    expect(r.coveredRatio.toFixed(4)).toBe('0.0052');
    expect(r.coveredRatio.toFixed(6)).toBe('0.005159');
  });

  it('gives a cap amount of 624,677.38', () => {
    // 0.0066 x 187,753,000 = 1,239,169.80; x 184 = 228,007,243.2; / 365 = 624,677.3786 -> 624,677.38
    expect(r.capAmount.toFixed(2)).toBe('624677.38');
  });

  it('owes no waiver and no reimbursement', () => {
    // 488,289 < 624,677.38: no excess
    expect(r.excess.isZero()).toBe(true);
    expect(r.waiver.isZero()).toBe(true);
    expect(r.reimbursement.isZero()).toBe(true);
    expect(r.netExpenses.equals(d('735719'))).toBe(true); // unchanged
    expect(r.netCoveredRatio.equals(r.coveredRatio)).toBe(true);
  });

  it('reports 14.4 bps of headroom', () => {
    // 0.0066 - 0.0051590 = 0.0014410 -> 14.4 bps
    expect(r.headroom.times(10_000).toFixed(1)).toBe('14.4');
  });

  it('has no recoupment ledger', () => {
    expect(r.recoupment.ledger).toEqual([]);
    expect(r.recoupment.recoverable.isZero()).toBe(true);
  });
});

describe('calculateExpenseCap: waivers and reimbursements', () => {
  it('waives from the advisory fee when the excess is smaller than the fee', () => {
    const r = calculateExpenseCap(roundFund('1200000', '700000'));
    // cap 0.01 x 100,000,000 x 365/365 = 1,000,000; excess 1,200,000 - 1,000,000 = 200,000 <= fee 700,000
    expect(r.capAmount.equals(d('1000000'))).toBe(true);
    expect(r.excess.equals(d('200000'))).toBe(true);
    expect(r.waiver.equals(d('200000'))).toBe(true);
    expect(r.reimbursement.isZero()).toBe(true);
    expect(r.netExpenses.equals(d('1050000'))).toBe(true); // 1,250,000 - 200,000
    expect(r.netRatio.equals(d('0.0105'))).toBe(true); // 1,050,000 / 100,000,000
    expect(r.netCoveredRatio.equals(d('0.01'))).toBe(true); // exactly at the cap
    expect(r.grossRatio.equals(d('0.0125'))).toBe(true); // 1,250,000 / 100,000,000
    expect(r.coveredRatio.equals(d('0.012'))).toBe(true); // 1,200,000 / 100,000,000
    expect(r.headroom.equals(d('-0.002'))).toBe(true); // 0.01 - 0.012
  });

  it('reimburses the rest when the excess is larger than the advisory fee', () => {
    const r = calculateExpenseCap(roundFund('1200000', '150000'));
    // excess 200,000; waiver = the whole fee 150,000; reimbursement 200,000 - 150,000 = 50,000
    expect(r.waiver.equals(d('150000'))).toBe(true);
    expect(r.reimbursement.equals(d('50000'))).toBe(true);
    expect(r.netExpenses.equals(d('1050000'))).toBe(true); // 1,250,000 - 150,000 - 50,000
  });

  it('waives exactly the fee when the excess equals it', () => {
    const r = calculateExpenseCap(roundFund('1200000', '200000'));
    expect(r.waiver.equals(d('200000'))).toBe(true);
    expect(r.reimbursement.isZero()).toBe(true);
  });

  it('annualises a half year on actual/365', () => {
    // 73,000,000 x 0.01 x 146/365 = 730,000 x 0.4 = 292,000; covered 300,000 -> excess 8,000
    const r = calculateExpenseCap(roundFund('300000', '100000', { averageNetAssets: d('73000000'), days: 146 }));
    expect(r.capAmount.equals(d('292000'))).toBe(true);
    expect(r.waiver.equals(d('8000'))).toBe(true);
    // covered ratio 300,000 / 73,000,000 x 365/146 = 300,000 / 29,200,000 = 0.0102739...
    expect(r.coveredRatio.toFixed(6)).toBe('0.010274');
  });

  it('leaves expenses exactly at the cap alone', () => {
    const r = calculateExpenseCap(roundFund('1000000', '400000'));
    expect(r.excess.isZero()).toBe(true);
    expect(r.headroom.isZero()).toBe(true);
  });
});

describe('calculateExpenseCap: recoupment of prior waivers', () => {
  // This period covered expenses are 900,000 against a cap of 1,000,000: 100,000 of room.
  const underCap = (priorWaivers: PriorWaiver[]) => calculateExpenseCap(roundFund('900000', '500000', { priorWaivers, recoupmentYears: 3 }));

  it('recovers a waiver in full while under the cap', () => {
    const r = underCap([{ waivedOn: '2009-06-30', amount: d('60000'), capRate: d('0.01') }]);
    // room 1,000,000 - 900,000 = 100,000 >= 60,000 outstanding
    expect(r.recoupment.recoverable.equals(d('60000'))).toBe(true);
    const line = r.recoupment.ledger[0]!;
    expect(line.expiresOn).toBe('2012-06-30'); // 2009-06-30 + 3 years
    expect(line.expired).toBe(false);
    expect(line.recoverableNow.equals(d('60000'))).toBe(true);
  });

  it('limits recovery by the cap in force when waived, if lower than the current cap', () => {
    const r = underCap([{ waivedOn: '2010-03-31', amount: d('80000'), capRate: d('0.0095') }]);
    // min(1,000,000, 0.0095 x 100,000,000 = 950,000) - 900,000 = 50,000 < 80,000
    expect(r.recoupment.recoverable.equals(d('50000'))).toBe(true);
  });

  it('limits recovery by the current cap, if lower than the cap in force when waived', () => {
    const r = underCap([{ waivedOn: '2010-03-31', amount: d('150000'), capRate: d('0.012') }]);
    // min(1,000,000, 1,200,000) - 900,000 = 100,000 < 150,000
    expect(r.recoupment.recoverable.equals(d('100000'))).toBe(true);
  });

  it('recovers only what has not been recovered already', () => {
    const r = underCap([{ waivedOn: '2010-03-31', amount: d('60000'), capRate: d('0.01'), recovered: d('45000') }]);
    expect(r.recoupment.recoverable.equals(d('15000'))).toBe(true); // 60,000 - 45,000
  });

  it('takes the oldest waiver first and shares the room between waivers', () => {
    const r = underCap([
      { waivedOn: '2010-03-31', amount: d('80000'), capRate: d('0.01') },
      { waivedOn: '2009-06-30', amount: d('60000'), capRate: d('0.01') },
    ]);
    // 2009 first: 60,000 (room 100,000); then 2010: min(80,000, 1,000,000 - 960,000 = 40,000) = 40,000
    expect(r.recoupment.ledger.map((l) => l.waivedOn)).toEqual(['2009-06-30', '2010-03-31']);
    expect(r.recoupment.ledger.map((l) => l.recoverableNow.toString())).toEqual(['60000', '40000']);
    expect(r.recoupment.recoverable.equals(d('100000'))).toBe(true); // never more than the room
  });

  it('expires a waiver made more than recoupment_years before the period end', () => {
    const r = underCap([{ waivedOn: '2008-06-30', amount: d('60000'), capRate: d('0.01') }]);
    // 2008-06-30 + 3 years = 2011-06-30 < 2011-08-31
    const line = r.recoupment.ledger[0]!;
    expect(line.expiresOn).toBe('2011-06-30');
    expect(line.expired).toBe(true);
    expect(line.recoverableNow.isZero()).toBe(true);
    expect(r.recoupment.recoverable.isZero()).toBe(true);
  });

  it('still allows recovery on the expiry date itself', () => {
    const r = underCap([{ waivedOn: '2008-08-31', amount: d('10000'), capRate: d('0.01') }]);
    // expires 2011-08-31 = period end: not before it
    expect(r.recoupment.ledger[0]!.expired).toBe(false);
    expect(r.recoupment.recoverable.equals(d('10000'))).toBe(true);
  });

  it('treats every waiver as expired when the agreement allows no recoupment', () => {
    // No recoupment_years: the waiver "expires" on the day it was made.
    const r = calculateExpenseCap(roundFund('900000', '500000', { priorWaivers: [{ waivedOn: '2011-03-31', amount: d('10000'), capRate: d('0.01') }] }));
    expect(r.recoupment.ledger[0]!.expiresOn).toBe('2011-03-31');
    expect(r.recoupment.ledger[0]!.expired).toBe(true);
    expect(r.recoupment.recoverable.isZero()).toBe(true);
  });

  it('recovers nothing while over the cap', () => {
    const r = calculateExpenseCap(
      roundFund('1200000', '700000', { recoupmentYears: 3, priorWaivers: [{ waivedOn: '2010-03-31', amount: d('60000'), capRate: d('0.01') }] }),
    );
    expect(r.waiver.equals(d('200000'))).toBe(true);
    expect(r.recoupment.ledger[0]!.expired).toBe(false);
    expect(r.recoupment.recoverable.isZero()).toBe(true);
  });
});

describe('calculateExpenseCap: properties', () => {
  // Amounts from integer cents; rates from integer basis points.
  const cents = (max: bigint) => fc.bigInt({ min: 0n, max }).map((c) => new Decimal(c.toString()).dividedBy(100));
  const scenario = fc.record({
    adna: fc.bigInt({ min: 100_000n, max: 10n ** 12n }).map((c) => new Decimal(c.toString()).dividedBy(100)),
    covered: cents(10n ** 10n),
    excluded: cents(10n ** 9n),
    advisoryFee: cents(10n ** 9n),
    limitBp: fc.integer({ min: 0, max: 300 }),
    days: fc.integer({ min: 1, max: 366 }),
    daysInYear: fc.constantFrom(365, 366),
  });
  type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
  const run = (s: Scenario) =>
    calculateExpenseCap({
      expenses: { interest_facilities_and_maintenance_fees: s.excluded },
      totalExpenses: s.covered.plus(s.excluded),
      excludedKeys: ['interest_facilities_and_maintenance_fees'],
      limit: new Decimal(s.limitBp).dividedBy(10_000),
      averageNetAssets: s.adna,
      days: s.days,
      daysInYear: s.daysInYear,
      advisoryFee: s.advisoryFee,
      periodEnd: '2011-08-31',
    });

  it('waiver and reimbursement are never negative, and the waiver never exceeds the advisory fee', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s);
        expect(r.waiver.gte(0)).toBe(true);
        expect(r.reimbursement.gte(0)).toBe(true);
        expect(r.waiver.lte(s.advisoryFee)).toBe(true);
      }),
    );
  });

  it('waiver + reimbursement is exactly the covered excess over the cap', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s);
        // The cap amount is limit x ADNA x days / days-in-year (to 40 significant digits).
        const exactCap = new Decimal(s.limitBp).dividedBy(10_000).times(s.adna).times(s.days).dividedBy(s.daysInYear);
        expect(r.capAmount.equals(exactCap)).toBe(true);
        const expectedExcess = Decimal.max(ZERO, s.covered.minus(r.capAmount));
        expect(r.waiver.plus(r.reimbursement).equals(expectedExcess)).toBe(true);
        expect(r.excess.equals(expectedExcess)).toBe(true);
      }),
    );
  });

  it('is never more than needed: net covered expenses land on the cap when over it, and are unchanged otherwise', () => {
    // The cap amount carries ~34 decimal places (e.g. 624,677.3780821917...); `total - excess` is rounded to
    // 40 significant digits, so net covered expenses can sit ~1e-33 above the cap. 1e-20 is far below a cent.
    const epsilon = new Decimal('1e-20');
    fc.assert(
      fc.property(scenario, (s) => {
        const r = run(s);
        const netCovered = r.netExpenses.minus(r.excludedExpenses);
        if (r.excess.greaterThan(0)) {
          expect(netCovered.lte(r.capAmount.plus(epsilon))).toBe(true);
          expect(netCovered.minus(r.capAmount).abs().lte(epsilon)).toBe(true);
        } else {
          expect(r.netExpenses.equals(r.coveredExpenses.plus(r.excludedExpenses))).toBe(true);
          expect(r.waiver.isZero() && r.reimbursement.isZero()).toBe(true);
          expect(r.coveredExpenses.lte(r.capAmount)).toBe(true);
        }
      }),
    );
  });

  it('recoupment never takes covered expenses above either cap', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.record({ amount: cents(10n ** 8n), capBp: fc.integer({ min: 0, max: 300 }), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 4 }),
        (s, waivers) => {
          const r = calculateExpenseCap({
            expenses: {},
            totalExpenses: s.covered,
            excludedKeys: [],
            limit: new Decimal(s.limitBp).dividedBy(10_000),
            averageNetAssets: s.adna,
            days: s.days,
            daysInYear: s.daysInYear,
            advisoryFee: s.advisoryFee,
            periodEnd: '2011-08-31',
            recoupmentYears: 3,
            priorWaivers: waivers.map((w) => ({ waivedOn: `2010-01-${String(w.day).padStart(2, '0')}`, amount: w.amount, capRate: new Decimal(w.capBp).dividedBy(10_000) })),
          });
          const recoverable = r.recoupment.recoverable;
          const epsilon = new Decimal('1e-20'); // far below a cent; see the note on the property above
          expect(recoverable.gte(0)).toBe(true);
          const outstanding = waivers.reduce((acc, w) => acc.plus(w.amount), ZERO);
          expect(recoverable.lte(outstanding)).toBe(true);
          // Only while under the cap: over it, nothing beyond 40-digit dust (seen: 9e-41) is recoverable.
          if (r.excess.greaterThan(0)) expect(recoverable.lte(epsilon)).toBe(true);
          // Never above the current cap, nor above the cap in force when each waiver was made.
          const netCovered = r.coveredExpenses.minus(r.excess);
          expect(netCovered.plus(recoverable).lte(r.capAmount.plus(epsilon))).toBe(true);
          let after = netCovered;
          for (const line of r.recoupment.ledger) {
            after = after.plus(line.recoverableNow);
            if (line.recoverableNow.greaterThan(epsilon)) {
              expect(after.lte(line.capRate.times(s.adna).times(s.days).dividedBy(s.daysInYear).plus(epsilon))).toBe(true);
            }
          }
        },
      ),
    );
  });
});
