import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal, round } from '../decimal.js';
import { annualFeeOn, baseForAnnualFee, calculateAdvisoryFee, tierLines, type AdvisoryFeeInput, type FeeTier } from './advisory-fee.js';

const d = (s: string) => new Decimal(s);

// 0.50% up to 500,000,000; 0.45% from 500,000,000 to 1,000,000,000; 0.40% above.
const tiered: FeeTier[] = [
  { upTo: d('500000000'), rate: d('0.005') },
  { upTo: d('1000000000'), rate: d('0.0045') },
  { rate: d('0.004') },
];

const fullYear = { periodStart: '2011-01-01', periodEnd: '2011-12-31', days: 365, daysInYear: 365 };

describe('calculateAdvisoryFee: IQM, six months ended 2011-08-31', () => {
  // Flat 0.27% of managed assets; average base 187,753,000 + 55,000,000 + 34,564,000 = 277,317,000, stated to $1,000.
  const r = calculateAdvisoryFee({
    schedule: [{ rate: d('0.0027') }],
    periodStart: '2011-03-01',
    periodEnd: '2011-08-31',
    days: 184,
    daysInYear: 365,
    booked: d('377455'),
    averageBase: d('277317000'),
    baseUnit: d('1000'),
  });

  it('computes the booked fee of 377,455', () => {
    // 277,317,000 x 0.0027 = 748,755.90 a year
    expect(r.annualFee.equals(d('748755.9'))).toBe(true);
    // 748,755.90 x 184 = 137,771,085.6; / 365 = 377,455.0290 -> 377,455
    expect(r.computedExact.toFixed(4)).toBe('377455.0290');
    expect(r.computed.equals(d('377455'))).toBe(true);
  });

  it('agrees within the tolerance', () => {
    // difference 377,455 - 377,455.0290 = -0.0290
    expect(r.difference.toFixed(4)).toBe('-0.0290');
    // tolerance 0.5 + 1,000/2 x 0.0027 x 184/365 = 0.5 + 1.35 x 0.5041096 = 0.5 + 0.6805479 = 1.1805479
    expect(r.tolerance.toFixed(4)).toBe('1.1805');
    expect(r.agrees).toBe(true);
  });

  it('implies an average base of 277,316,979', () => {
    // 377,455 x 365 / 184 = 137,771,075 / 184 = 748,755.8424; / 0.0027 = 277,316,978.66 -> 277,316,979
    // check: 277,316,978.66 x 0.0027 x 184/365 = 748,755.8424 x 0.5041096 = 377,455.00
    expect(round(r.impliedBase, 0).toString()).toBe('277316979');
    expect(r.impliedBase.toFixed(2)).toBe('277316978.66');
  });

  it('reports an effective rate of 0.27% and the whole period covered', () => {
    expect(r.effectiveRate.equals(d('0.0027'))).toBe(true);
    expect(r.daysCovered).toBe(184);
    expect(r.contractualWaiver.isZero()).toBe(true);
  });
});

describe('tiered schedules', () => {
  it('charges each tier its own rate across a breakpoint', () => {
    const lines = tierLines(tiered, d('750000000'));
    // 500,000,000 x 0.50% = 2,500,000; 250,000,000 x 0.45% = 1,125,000; nothing above 1,000,000,000
    expect(lines.map((l) => l.portion.toString())).toEqual(['500000000', '250000000', '0']);
    expect(lines.map((l) => l.annualFee.toString())).toEqual(['2500000', '1125000', '0']);
    expect(annualFeeOn(tiered, d('750000000')).equals(d('3625000'))).toBe(true); // 2,500,000 + 1,125,000
  });

  it("measures each band's width, as the notes print it (\"First $250,000,000\", \"Next $750,000,000\", \"Over ...\")", () => {
    const schedule: FeeTier[] = [{ upTo: d('250000000'), rate: d('0.005') }, { upTo: d('1000000000'), rate: d('0.0045') }, { rate: d('0.004') }];
    // 250,000,000 - 0; 1,000,000,000 - 250,000,000 = 750,000,000; the top band has no width and starts at 1,000,000,000.
    const lines = tierLines(schedule, d('0'));
    expect(lines.map((l) => [l.from.toString(), l.width?.toString()])).toEqual([['0', '250000000'], ['250000000', '750000000'], ['1000000000', undefined]]);
  });

  it('reaches the top tier', () => {
    // 2,500,000 + 500,000,000 x 0.45% (2,250,000) + 200,000,000 x 0.40% (800,000) = 5,550,000
    expect(annualFeeOn(tiered, d('1200000000')).equals(d('5550000'))).toBe(true);
  });

  it('charges nothing on a zero base', () => {
    expect(annualFeeOn(tiered, d('0')).isZero()).toBe(true);
  });

  it('computes the period fee, effective rate and implied base on a tiered schedule', () => {
    const r = calculateAdvisoryFee({ schedule: tiered, ...fullYear, booked: d('3625000'), averageBase: d('750000000') });
    expect(r.computed.equals(d('3625000'))).toBe(true); // 3,625,000 x 365/365
    expect(r.agrees).toBe(true);
    expect(r.impliedBase.equals(d('750000000'))).toBe(true);
    expect(r.effectiveRate.toFixed(6)).toBe('0.004833'); // 3,625,000 / 750,000,000 = 0.0048333
    expect(r.tolerance.equals(d('0.5'))).toBe(true); // no base unit: half a dollar
  });

  it('flags a booked fee that does not agree', () => {
    const r = calculateAdvisoryFee({ schedule: tiered, ...fullYear, booked: d('3625002'), averageBase: d('750000000') });
    expect(r.difference.equals(d('2'))).toBe(true); // 3,625,002 - 3,625,000
    expect(r.agrees).toBe(false);
    // (3,625,002 - 2,500,000) / 0.0045 = 250,000,444.44 over the first breakpoint
    expect(r.impliedBase.toFixed(2)).toBe('750000444.44');
  });
});

describe('weekly base values', () => {
  // Period 2011-03-01 .. 2011-03-28 (28 days). Rate 0.365% on actual/365: a day's fee is base x 0.00001.
  const weekly = (values: { date: string; value: string }[], schedule: FeeTier[] = [{ rate: d('0.00365') }], booked = '32200'): AdvisoryFeeInput => ({
    schedule,
    periodStart: '2011-03-01',
    periodEnd: '2011-03-28',
    days: 28,
    daysInYear: 365,
    booked: d(booked),
    baseValues: values.map((v) => ({ date: v.date, value: d(v.value) })),
  });
  const fourWeeks = [
    { date: '2011-03-15', value: '120000000' },
    { date: '2011-03-01', value: '100000000' },
    { date: '2011-03-22', value: '130000000' },
    { date: '2011-03-08', value: '110000000' },
  ];

  it('accrues the fee value by value, each holding until the next', () => {
    const r = calculateAdvisoryFee(weekly(fourWeeks));
    // 7 days each x (100 + 110 + 120 + 130) million x 0.00001 = 7 x 4,600 = 32,200
    expect(r.computedExact.equals(d('32200'))).toBe(true);
    expect(r.computed.equals(d('32200'))).toBe(true);
    expect(r.daysCovered).toBe(28); // 4 x 7
    // time-weighted average base: 7 x 460,000,000 / 28 = 115,000,000
    expect(r.averageBase.equals(d('115000000'))).toBe(true);
    expect(r.agrees).toBe(true);
  });

  it('accrues each value at its own tier, not the average at the average tier', () => {
    // 0.365% up to 100,000,000, 0.1825% above; 80M for 14 days then 120M for 14 days.
    const schedule = [{ upTo: d('100000000'), rate: d('0.00365') }, { rate: d('0.001825') }];
    const r = calculateAdvisoryFee(
      weekly(
        [
          { date: '2011-03-01', value: '80000000' },
          { date: '2011-03-15', value: '120000000' },
        ],
        schedule,
        '26600',
      ),
    );
    // 80M: 292,000 a year x 14/365 = 11,200; 120M: 365,000 + 20M x 0.1825% = 401,500 a year x 14/365 = 15,400
    expect(r.computedExact.equals(d('26600'))).toBe(true); // 11,200 + 15,400
    // The average base (100M) would give 365,000 x 28/365 = 28,000: not what the fund accrues.
    expect(r.averageBase.equals(d('100000000'))).toBe(true);
    expect(r.annualFee.equals(d('365000'))).toBe(true);
    expect(r.agrees).toBe(true);
  });

  it('ignores values outside the period and reports the days covered', () => {
    const r = calculateAdvisoryFee(
      weekly([
        { date: '2011-02-22', value: '999000000' }, // before the period
        ...fourWeeks.filter((v) => v.date !== '2011-03-01'),
        { date: '2011-03-29', value: '999000000' }, // after it
      ]),
    );
    // 03-08 .. 03-28: 21 days; (110 + 120 + 130) million x 7 x 0.00001 = 25,200
    expect(r.daysCovered).toBe(21);
    expect(r.computedExact.equals(d('25200'))).toBe(true);
    expect(r.agrees).toBe(false); // booked 32,200
  });
});

describe('contractual waiver', () => {
  // 0.50% flat with 0.10% waived, 100,000,000 for a full year.
  const waived = (booked: string) =>
    calculateAdvisoryFee({ schedule: [{ rate: d('0.005') }], ...fullYear, booked: d(booked), averageBase: d('100000000'), contractualWaiverRate: d('0.001') });

  it('deducts the waiver from the scheduled fee', () => {
    const r = waived('400000');
    expect(r.contractualWaiver.equals(d('100000'))).toBe(true); // 100,000,000 x 0.10%
    expect(r.computed.equals(d('400000'))).toBe(true); // 500,000 - 100,000
    expect(r.agrees).toBe(true);
    expect(r.impliedBase.equals(d('100000000'))).toBe(true); // booked = computed: the stated base
  });

  // The implied base solves fee(B) - B x waiver rate = booked (a regression test: it once added back the
  // waiver computed on the stated base).
  it('implies the base that gives exactly the booked fee net of the waiver', () => {
    const r = waived('480000');
    expect(r.agrees).toBe(false); // 480,000 vs 400,000
    // B x (0.50% - 0.10%) = 480,000 -> B = 120,000,000 (check: 600,000 - 120,000 = 480,000).
    expect(r.impliedBase.equals(d('120000000'))).toBe(true);
  });
});

describe('baseForAnnualFee', () => {
  it('inverts a tiered schedule', () => {
    expect(baseForAnnualFee(tiered, d('3625000')).equals(d('750000000'))).toBe(true); // 500M + 1,125,000 / 0.0045
    expect(baseForAnnualFee(tiered, d('2500000')).equals(d('500000000'))).toBe(true); // exactly the first breakpoint
    expect(baseForAnnualFee(tiered, d('5550000')).equals(d('1200000000'))).toBe(true); // 1B + 800,000 / 0.004
    expect(baseForAnnualFee(tiered, d('0')).isZero()).toBe(true);
  });

  it('inverts a flat schedule', () => {
    expect(baseForAnnualFee([{ rate: d('0.0027') }], d('748755.9')).equals(d('277317000'))).toBe(true); // 748,755.90 / 0.0027
  });
});

describe('advisory fee properties', () => {
  const money = (max: bigint) => fc.bigInt({ min: 0n, max }).map((c) => new Decimal(c.toString()).dividedBy(100));
  // A schedule: 0-3 breakpoints (whole dollars, increasing) and a rate per tier in basis points (1-150).
  const schedule = fc
    .uniqueArray(fc.bigInt({ min: 1n, max: 5_000_000_000n }), { maxLength: 3 })
    .chain((points) => fc.tuple(fc.constant([...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))), fc.array(fc.integer({ min: 1, max: 150 }), { minLength: points.length + 1, maxLength: points.length + 1 })))
    .map(([points, bps]): FeeTier[] => bps.map((bp, i) => ({ ...(i < points.length ? { upTo: new Decimal(points[i]!.toString()) } : {}), rate: new Decimal(bp).dividedBy(10_000) })));

  it('the fee is monotone non-decreasing in the base', () => {
    fc.assert(
      fc.property(schedule, money(10n ** 12n), money(10n ** 12n), (s, a, b) => {
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        expect(annualFeeOn(s, lo).lte(annualFeeOn(s, hi))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(money(10n ** 12n), money(10n ** 12n), (a, b) => {
        const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
        expect(annualFeeOn(tiered, lo).lte(annualFeeOn(tiered, hi))).toBe(true);
      }),
    );
  });

  it('the fee is continuous at each breakpoint: one cent either side moves it by that tier rate x 1 cent', () => {
    const cent = d('0.01');
    fc.assert(
      fc.property(schedule, (s) => {
        s.forEach((tier, i) => {
          if (!tier.upTo) return;
          const at = annualFeeOn(s, tier.upTo);
          const below = annualFeeOn(s, tier.upTo.minus(cent));
          const above = annualFeeOn(s, tier.upTo.plus(cent));
          // Below the breakpoint the cent is charged at this tier's rate, above it at the next tier's.
          expect(at.minus(below).equals(tier.rate.times(cent))).toBe(true);
          expect(above.minus(at).equals(s[i + 1]!.rate.times(cent))).toBe(true);
          const maxRate = Decimal.max(...s.map((t) => t.rate));
          expect(above.minus(below).lte(maxRate.times(cent).times(2))).toBe(true);
        });
      }),
    );
  });

  it('baseForAnnualFee(annualFeeOn(b)) == b for positive rates', () => {
    fc.assert(
      fc.property(schedule, money(10n ** 12n), (s, b) => {
        expect(baseForAnnualFee(s, annualFeeOn(s, b)).equals(b)).toBe(true);
      }),
    );
    // ... including exactly at the breakpoints.
    fc.assert(
      fc.property(schedule, (s) => {
        for (const t of s) if (t.upTo) expect(baseForAnnualFee(s, annualFeeOn(s, t.upTo)).equals(t.upTo)).toBe(true);
      }),
    );
  });

  it('a stated average base and its own computed fee always agree, and imply that base back', () => {
    fc.assert(
      fc.property(schedule, fc.bigInt({ min: 1n, max: 10n ** 10n }), fc.integer({ min: 1, max: 366 }), (s, dollars, days) => {
        const base = new Decimal(dollars.toString());
        const exact = annualFeeOn(s, base).times(days).dividedBy(365);
        const r = calculateAdvisoryFee({ schedule: s, periodStart: '2011-01-01', periodEnd: '2011-12-31', days, daysInYear: 365, booked: round(exact, 0), averageBase: base });
        expect(r.computed.equals(round(exact, 0))).toBe(true);
        expect(r.agrees).toBe(true); // |booked - exact| <= 0.5
      }),
    );
  });
});
