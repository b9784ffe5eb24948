// Money for the synthetic-fund generator: whole dollars as bigint, anything that needs a division or a
// rounding as Decimal (the project's configured decimal.js, half-up), and the scalar syntax the loader
// reads (`1,234`, `(2,977,286)`, `5.25%`). No amount ever passes through a JS double.
import { Decimal, round } from '../decimal.js';
import { formatMoney } from '../money-format.js';

export type Money = bigint;

export const dec = (v: bigint | number | string): Decimal => new Decimal(typeof v === 'bigint' ? v.toString() : v);

/** A Decimal that must be whole, as bigint (throws otherwise: a rounding was forgotten). */
function toMoney(d: Decimal): Money {
  if (!d.isInteger()) throw new Error(`${d.toString()} is not a whole amount`);
  return BigInt(d.toFixed(0));
}

/** Round a Decimal half-up to whole dollars, as bigint. */
export const roundMoney = (d: Decimal): Money => toMoney(round(d, 0));

export const sumMoney = (values: readonly Money[]): Money => values.reduce((a, b) => a + b, 0n);

/** n / d rounded half-up (away from zero on a tie), like round(Decimal, 0). */
export function divRound(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new Error('divRound: the divisor must be positive');
  return n >= 0n ? (2n * n + d) / (2n * d) : -((2n * -n + d) / (2n * d));
}

/** `value` scaled by (10,000 + bp) / 10,000, rounded half-up: a move of `bp` basis points. */
export const moveBp = (value: Money, bp: number): Money => divRound(value * BigInt(10_000 + bp), 10_000n);

/** `1,234.50`, negative in accounting parentheses: `(1,234.50)` (the one money formatter's, rounded half-up). */
export function fmtDecimal(value: Decimal, places: number): string {
  return formatMoney(round(value, places), places);
}

/** A whole-dollar amount: `1,234`, `(1,234)`. */
export function fmtMoney(value: Money): string {
  return formatMoney(dec(value));
}

/** A count (never negative). */
export function fmtCount(value: Money): string {
  if (value < 0n) throw new Error(`negative count ${value}`);
  return formatMoney(dec(value));
}

/**
 * A fraction printed as a percent with `places` decimals: 0.0525 -> `5.25%`. The fraction is rounded
 * half-up to places + 2 decimals first (the precision the checks compare at); a negative is written
 * `(2.00)%`, or `-2.00%` with `minus`.
 */
export function fmtPercent(fraction: Decimal, places = 2, negative: 'paren' | 'minus' = 'paren'): string {
  const rounded = round(fraction, places + 2);
  const body = rounded.abs().times(100).toFixed(places);
  if (!rounded.isNegative() || rounded.isZero()) return `${body}%`;
  return negative === 'paren' ? `(${body})%` : `-${body}%`;
}

/** A fraction from basis points: 525 -> 0.0525. */
export const bpFraction = (bp: number): Decimal => dec(bp).dividedBy(10_000);
