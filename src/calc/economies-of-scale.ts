// Economies of scale (section 15(c) factor D): the fund's net assets at each fiscal period end over
// the last five years, and the advisory fee schedule's effective rate at each. Pure.
import { Decimal } from '../decimal.js';
import { annualFeeOn, type FeeTier } from './advisory-fee.js';
import { fmtMoney, fmtPct } from './workings-format.js';

interface ScalePoint {
  end: string;
  label: string;
  netAssets: Decimal;
}

interface ScaleRow extends ScalePoint {
  annualFee: Decimal;
  effectiveRate: Decimal;
}

export interface ScaleResult {
  rows: ScaleRow[];
  /** Fall in the effective rate from the first period end shown to the last, in basis points. */
  changeBps: Decimal;
  /** The schedule's breakpoints the fund's assets have passed by the last period end. */
  breakpointsReached: Decimal[];
  workings: string[];
}

/** The date five years before an ISO date (February 29 becomes February 28). */
export function fiveYearsBefore(iso: string): string {
  const y = Number(iso.slice(0, 4)) - 5;
  const md = iso.slice(5) === '02-29' ? '02-28' : iso.slice(5);
  return `${y}-${md}`;
}

/** Points ending within five years of `asOf` (after the date five years before it), oldest first. */
export function lastFiveYears(points: readonly ScalePoint[], asOf: string): ScalePoint[] {
  const from = fiveYearsBefore(asOf);
  return points.filter((p) => p.end > from && p.end <= asOf).sort((a, b) => a.end.localeCompare(b.end));
}

export function effectiveRatesOverTime(schedule: readonly FeeTier[], points: readonly ScalePoint[]): ScaleResult {
  const rows = points.map((p) => {
    const annualFee = annualFeeOn(schedule, p.netAssets);
    return { ...p, annualFee, effectiveRate: p.netAssets.isZero() ? new Decimal(0) : annualFee.dividedBy(p.netAssets) };
  });
  const first = rows[0];
  const last = rows.at(-1);
  const changeBps = first && last ? last.effectiveRate.minus(first.effectiveRate).times(10_000) : new Decimal(0);
  const peak = rows.reduce((m, r) => (r.netAssets.greaterThan(m) ? r.netAssets : m), new Decimal(0));
  const breakpointsReached = schedule.filter((t) => t.upTo && peak.greaterThan(t.upTo)).map((t) => t.upTo!);
  const workings = rows.map((r) => `${r.end}: annual fee on ${fmtMoney(r.netAssets)} = ${fmtMoney(r.annualFee)}; effective rate ${fmtMoney(r.annualFee)} / ${fmtMoney(r.netAssets)} = ${fmtPct(r.effectiveRate, 3)}.`);
  return { rows, changeBps, breakpointsReached, workings };
}
