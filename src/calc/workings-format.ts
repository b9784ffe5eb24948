// Plain formatting for the workings lines calculators return (the lines a reviewer reads to re-perform
// a calculation). The printed documents format figures in the view model, not here.
import type { Decimal } from '../decimal.js';
import { formatMoney } from '../money-format.js';

/** Money as the workings print it: the one money formatter (src/money-format.ts). */
export const fmtMoney = formatMoney;

export function fmtPct(fraction: Decimal, places = 2): string {
  if (!fraction.isFinite()) return fmtMoney(fraction);
  return `${fraction.times(100).toFixed(places)}%`;
}

/**
 * Basis points, the one rounding rule for every bps figure fundbook prints: one decimal place, half up,
 * signed unless zero. `minus` is the sign printed for a negative value (documents use U+2212).
 */
export function fmtBps(fractionInBps: Decimal, minus = '-'): string {
  const v = fractionInBps.toDecimalPlaces(1, 4 /* ROUND_HALF_UP */);
  return `${v.isZero() ? '' : v.isNegative() ? minus : '+'}${v.abs().toFixed(1)} bps`;
}
