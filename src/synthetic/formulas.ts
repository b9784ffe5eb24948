// The period-level formulas a generated file's stated figures come from. Each is written out here (not
// imported from src/calc) so that the generator is an independent second implementation; each follows
// the calculator's formula and operation order in Decimal, with half-up rounding, so that the figure a
// file states is exactly the figure `fundbook check` computes.
import { annualise as annualiseOn } from '../calc/annualise.js';
import { Decimal, ZERO, round, sum } from '../decimal.js';

/** Actual/365: every generated fund's expense limitation says `day_count: actual/365`. */
const DAYS_IN_YEAR = 365;

export interface Tier {
  /** Cumulative upper bound; the last tier has none. */
  upTo?: Decimal;
  rate: Decimal;
}

/** Annual fee on `base` under a flat or tiered schedule, tier by tier. */
export function annualFee(schedule: readonly Tier[], base: Decimal): Decimal {
  const parts: Decimal[] = [];
  let from = ZERO;
  for (const tier of schedule) {
    const top = tier.upTo ?? null;
    const portion = Decimal.max(ZERO, (top ? Decimal.min(base, top) : base).minus(from));
    parts.push(portion.times(tier.rate));
    if (!top) break;
    from = top;
  }
  return sum(parts);
}

/** The contractual fee for `days`, exact and as booked (whole dollars). */
export function advisoryFee(schedule: readonly Tier[], base: Decimal, days: number): { exact: Decimal; booked: Decimal } {
  const exact = annualFee(schedule, base).times(new Decimal(days).dividedBy(DAYS_IN_YEAR));
  return { exact, booked: round(exact, 0) };
}

/** An amount for the period as an annual fraction of average daily net assets (unrounded): fundbook's one annualisation, on 365 days. */
const annualise = (amount: Decimal, adna: Decimal, days: number): Decimal => annualiseOn(amount, adna, days, DAYS_IN_YEAR);

/** A ratio as the financial highlights print it: to 0.01%, i.e. four places of the fraction. */
export const ratio = (amount: Decimal, adna: Decimal, days: number): Decimal => round(annualise(amount, adna, days), 4);

/** The expense cap for the period: limit x ADNA x days / 365. */
export const capAmount = (limit: Decimal, adna: Decimal, days: number): Decimal =>
  limit.times(adna).times(days).dividedBy(DAYS_IN_YEAR);

/** The waiver the cap requires, as booked: covered expenses above the cap, to the dollar (0 if under). */
export function requiredWaiver(covered: Decimal, limit: Decimal, adna: Decimal, days: number): { excess: Decimal; booked: Decimal } {
  const excess = Decimal.max(ZERO, covered.minus(capAmount(limit, adna, days)));
  return { excess, booked: round(excess, 0) };
}

/** A part of net assets as a printed percent: four places of the fraction. */
export const percentOf = (part: Decimal, whole: Decimal): Decimal => round(part.dividedBy(whole), 4);

export const navPerShare = (netAssets: Decimal, shares: Decimal): Decimal => round(netAssets.dividedBy(shares), 2);

/** Market premium (+) or discount (-) to NAV, to 0.01%. */
export const marketDiscount = (price: Decimal, nav: Decimal): Decimal => round(price.minus(nav).dividedBy(nav), 4);

/**
 * Preferred asset coverage without senior debt: (total assets - total liabilities) / preferred at
 * liquidation, and per share that ratio times the liquidation preference (whole dollars).
 */
export function preferredCoverage(totalAssets: Decimal, totalLiabilities: Decimal, preferredLiquidation: Decimal, liquidationPerShare: Decimal): { ratio: Decimal; perShare: Decimal } {
  const ratioExact = totalAssets.minus(totalLiabilities).dividedBy(preferredLiquidation);
  return { ratio: ratioExact, perShare: round(ratioExact.times(liquidationPerShare), 0) };
}

/** Median of a group by linear interpolation (QUARTILE.INC), as the board review computes it. */
export function median(values: readonly Decimal[]): Decimal {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const position = new Decimal(sorted.length - 1).times('0.5');
  const lower = position.floor().toNumber();
  const low = sorted[lower]!;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)]!;
  return low.plus(high.minus(low).times(position.minus(lower)));
}

/** Quintile of a rank (first = best), as the board review computes it. */
export const quintileOf = (rank: number, size: number): number => Math.floor(((rank - 1) * 5) / size) + 1;
