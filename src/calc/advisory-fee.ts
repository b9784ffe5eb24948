// Advisory fee: the contractual fee for the period from a flat or tiered schedule and the fee base,
// compared with the fee booked in the Statement of Operations. Pure.
import { Decimal, ZERO, round, sum } from '../decimal.js';
import type { Diagnostic } from '../diagnostic.js';
import type { FundPeriod } from '../load/schema.js';
import { jsonDecimal, jsonMoney, needs, type CalculatorPass } from './pass.js';
import { addDays, daysBetween } from './period-days.js';
import { fmtMoney, fmtPct } from './workings-format.js';

export interface FeeTier {
  /** Cumulative upper bound of this tier; the last tier has none. */
  upTo?: Decimal;
  rate: Decimal;
}

export interface AdvisoryFeeInput {
  schedule: readonly FeeTier[];
  periodStart: string;
  periodEnd: string;
  days: number;
  daysInYear: number;
  booked: Decimal;
  /** Either a stated average base ... */
  averageBase?: Decimal;
  /** ... or the base itself, each value holding from its date until the next. */
  baseValues?: readonly { date: string; value: Decimal }[];
  /** Precision of a stated average base (e.g. 1,000 when stated in thousands): widens the tolerance. */
  baseUnit?: Decimal;
  contractualWaiverRate?: Decimal;
}

interface TierLine {
  from: Decimal;
  upTo?: Decimal;
  /** The band's size, upTo − from, as the notes print it ("Next $500,000,000"); absent for the top band. */
  width?: Decimal;
  rate: Decimal;
  portion: Decimal;
  annualFee: Decimal;
}

export interface AdvisoryFeeResult {
  averageBase: Decimal;
  tiers: TierLine[];
  annualFee: Decimal;
  effectiveRate: Decimal;
  computedExact: Decimal;
  computed: Decimal;
  contractualWaiver: Decimal;
  booked: Decimal;
  difference: Decimal;
  tolerance: Decimal;
  agrees: boolean;
  /** The average base that gives exactly the booked fee under the schedule. */
  impliedBase: Decimal;
  daysCovered: number;
  workings: string[];
}

/** Annual fee on `base` under a tiered schedule, tier by tier. */
export function tierLines(schedule: readonly FeeTier[], base: Decimal): TierLine[] {
  const lines: TierLine[] = [];
  let from = ZERO;
  for (const tier of schedule) {
    const top = tier.upTo ?? null;
    const portion = Decimal.max(ZERO, (top ? Decimal.min(base, top) : base).minus(from));
    lines.push({ from, upTo: tier.upTo, width: top?.minus(from), rate: tier.rate, portion, annualFee: portion.times(tier.rate) });
    if (!top) break;
    from = top;
  }
  return lines;
}

export function annualFeeOn(schedule: readonly FeeTier[], base: Decimal): Decimal {
  return sum(tierLines(schedule, base).map((t) => t.annualFee));
}

/** Invert the schedule: the base whose annual fee is `annualFee`. */
export function baseForAnnualFee(schedule: readonly FeeTier[], annualFee: Decimal): Decimal {
  let from = ZERO;
  let feeSoFar = ZERO;
  for (const tier of schedule) {
    const tierFee = tier.upTo ? tier.upTo.minus(from).times(tier.rate) : undefined;
    if (tierFee === undefined || feeSoFar.plus(tierFee).greaterThanOrEqualTo(annualFee)) {
      return tier.rate.isZero() ? from : from.plus(annualFee.minus(feeSoFar).dividedBy(tier.rate));
    }
    feeSoFar = feeSoFar.plus(tierFee);
    from = tier.upTo!;
  }
  return from;
}

export function calculateAdvisoryFee(input: AdvisoryFeeInput): AdvisoryFeeResult {
  const { schedule, days, daysInYear } = input;
  const yearFraction = new Decimal(days).dividedBy(daysInYear);
  const workings: string[] = [];

  let averageBase: Decimal;
  let computedExact: Decimal;
  let daysCovered = days;
  if (input.baseValues && input.baseValues.length > 0) {
    const values = [...input.baseValues]
      .filter((v) => v.date >= input.periodStart && v.date <= input.periodEnd)
      .sort((a, b) => a.date.localeCompare(b.date));
    const dayAfterEnd = addDays(input.periodEnd, 1);
    let weighted = ZERO;
    computedExact = ZERO;
    daysCovered = 0;
    values.forEach((v, i) => {
      const until = values[i + 1]?.date ?? dayAfterEnd;
      const span = daysBetween(v.date, until);
      daysCovered += span;
      weighted = weighted.plus(v.value.times(span));
      computedExact = computedExact.plus(annualFeeOn(schedule, v.value).times(span).dividedBy(daysInYear));
    });
    averageBase = daysCovered > 0 ? weighted.dividedBy(daysCovered) : ZERO;
    workings.push(`${values.length} base values cover ${daysCovered} of ${days} days; time-weighted average base ${fmtMoney(averageBase)}.`);
    workings.push(`Fee accrued value by value at the scheduled rates: ${fmtMoney(computedExact, 2)}.`);
  } else {
    averageBase = input.averageBase ?? ZERO;
    computedExact = annualFeeOn(schedule, averageBase).times(yearFraction);
    workings.push(`Average base ${fmtMoney(averageBase)} (stated).`);
  }

  const tiers = tierLines(schedule, averageBase);
  const annualFee = sum(tiers.map((t) => t.annualFee));
  for (const t of tiers) {
    const range = t.upTo ? `${fmtMoney(t.from)} to ${fmtMoney(t.upTo)}` : `over ${fmtMoney(t.from)}`;
    workings.push(`Tier ${range} at ${fmtPct(t.rate, 3)}: ${fmtMoney(t.portion)} -> ${fmtMoney(t.annualFee, 2)} a year.`);
  }
  if (!input.baseValues?.length) {
    workings.push(`Annual fee ${fmtMoney(annualFee, 2)} x ${days}/${daysInYear} = ${fmtMoney(computedExact, 2)}.`);
  }

  const contractualWaiver = input.contractualWaiverRate
    ? averageBase.times(input.contractualWaiverRate).times(yearFraction)
    : ZERO;
  const computed = round(computedExact.minus(contractualWaiver), 0);
  const maxRate = Decimal.max(...schedule.map((t) => t.rate));
  // The booked fee is in whole dollars; a base stated to the nearest `unit` moves the fee by up to
  // half a unit at the highest rate.
  const tolerance = new Decimal('0.5').plus((input.baseUnit ?? ZERO).dividedBy(2).times(maxRate).times(yearFraction));
  const difference = input.booked.minus(computedExact.minus(contractualWaiver));
  const agrees = difference.abs().lessThanOrEqualTo(tolerance);
  // The booked fee is net of any contractual waiver: invert the schedule with the waiver rate taken off.
  const waiverRate = input.contractualWaiverRate ?? ZERO;
  const netSchedule = schedule.map((t) => ({ upTo: t.upTo, rate: t.rate.minus(waiverRate) }));
  const impliedBase = baseForAnnualFee(netSchedule, input.booked.dividedBy(yearFraction));
  if (!contractualWaiver.isZero()) workings.push(`Contractual waiver ${fmtMoney(contractualWaiver, 2)}.`);
  workings.push(
    `Booked ${fmtMoney(input.booked)}; computed ${fmtMoney(computed)}; difference ${fmtMoney(difference, 2)} (tolerance ${fmtMoney(tolerance, 2)}): ${agrees ? 'agrees' : 'DOES NOT AGREE'}.`,
  );
  workings.push(`Implied average base: ${fmtMoney(input.booked)} / (schedule x ${days}/${daysInYear}) = ${fmtMoney(impliedBase)}.`);

  return {
    averageBase,
    tiers,
    annualFee,
    effectiveRate: averageBase.isZero() ? ZERO : annualFee.dividedBy(averageBase),
    computedExact,
    computed,
    contractualWaiver,
    booked: input.booked,
    difference,
    tolerance,
    agrees,
    impliedBase,
    daysCovered,
    workings,
  };
}

/** The advisory fee as a calculator pass: the contractual fee against the fee booked. */
export const advisoryFeePass = {
  name: 'advisory-fee',
  codes: { ADVISORY_FEE_MISMATCH: 'warning', FEE_BASE_GAPS: 'warning' },
  lines: [
    { path: 'advisoryFee.computed', label: 'Advisory fee (computed)', unit: 'flow', sameAs: 'statements.operations.expenses.advisory_fees', value: (f) => f.advisoryFee.computed },
    { path: 'advisoryFee.averageBase', label: 'Average advisory fee base', unit: 'balance', value: (f) => f.advisoryFee.averageBase },
  ],
  json: ({ advisoryFee: fee }) => ({
    advisoryFee: {
      computed: jsonMoney(fee.computed),
      booked: jsonMoney(fee.booked),
      agrees: fee.agrees,
      averageBase: jsonMoney(fee.averageBase),
      impliedBase: jsonMoney(fee.impliedBase),
      effectiveRate: jsonDecimal(round(fee.effectiveRate, 6)),
      workings: fee.workings,
    },
  }),
  run(fund: FundPeriod, before) {
    const { days, daysInYear } = needs('advisory-fee', before, 'days', 'daysInYear');
    const adv = fund.agreements.advisory;
    const base = adv.average_base;
    const booked = fund.statements.operations.expenses.advisory_fees ?? ZERO;
    const advisoryFee = calculateAdvisoryFee({
      schedule: adv.schedule.map((t) => ({ upTo: t.up_to, rate: t.rate })),
      periodStart: fund.period.start,
      periodEnd: fund.period.end,
      days,
      daysInYear,
      booked,
      averageBase: base ? base.net_assets.plus(base.preferred_liquidation ?? ZERO).plus(base.retirement_leverage ?? ZERO).plus(base.other_leverage ?? ZERO) : undefined,
      baseValues: adv.base_values,
      baseUnit: base?.unit,
      contractualWaiverRate: adv.contractual_waiver_rate,
    });
    const diagnostics: Diagnostic[] = [];
    if (!advisoryFee.agrees) {
      diagnostics.push({
        severity: 'warning',
        code: 'ADVISORY_FEE_MISMATCH',
        message: `advisory fee booked ${fmtMoney(advisoryFee.booked)} differs from the contractual fee ${fmtMoney(advisoryFee.computed)} by more than ${fmtMoney(advisoryFee.tolerance, 2)}; the booked fee implies an average base of ${fmtMoney(advisoryFee.impliedBase)}`,
        stated: advisoryFee.booked.toString(),
        computed: advisoryFee.computed.toString(),
        path: ['statements', 'operations', 'expenses', 'advisory_fees'],
      });
    }
    if (adv.base_values?.length && advisoryFee.daysCovered !== days) {
      diagnostics.push({ severity: 'warning', code: 'FEE_BASE_GAPS', message: `the fee base values cover ${advisoryFee.daysCovered} of the period's ${days} days`, path: ['agreements', 'advisory', 'base_values'] });
    }
    return { figures: { advisoryFee }, workings: advisoryFee.workings, diagnostics };
  },
} satisfies CalculatorPass<'advisoryFee'>;
