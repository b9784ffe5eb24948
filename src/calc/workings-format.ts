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
