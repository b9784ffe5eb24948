// Formatting Decimals and dates for print. No arithmetic beyond rounding for display.
import type { Decimal } from '../decimal.js';
import { formatMoney } from '../money-format.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 1234567.891 -> "1,234,568" (places 0); negatives in accounting parentheses (the one money formatter). */
export const money = formatMoney;

/** A fraction as a percent: 0.0027 -> "0.27%"; negatives in parentheses: "(6.78)%". */
export function percent(fraction: Decimal, places = 2): string {
  const text = money(fraction.times(100), places);
  return `${text}%`;
}

/** 2011-08-31 -> "August 31, 2011". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${MONTHS[Number(m) - 1]} ${Number(d)}, ${y}`;
}

/** 2030-07-01 -> "07/01/30", as schedules of investments print maturities. */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y!.slice(2)}`;
}

/** 2011-09-03 -> "09/03/2011". */
export function numericDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

/** Footnote marks [a, d] -> "(a)(d)". */
export function marks(list: readonly string[] | undefined): string {
  return (list ?? []).map((m) => `(${m})`).join('');
}

/** 2011-08-31 -> "8/31/11", as performance pages print dates. */
export function slashDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(m)}/${Number(d)}/${y!.slice(2)}`;
}

/** A fraction as a percent with a leading minus (performance tables): -0.0194 -> "-1.94%". */
export function signedPercent(fraction: Decimal, places = 2): string {
  return `${fraction.isNegative() ? '-' : ''}${money(fraction.abs().times(100), places)}%`;
}
