// Plain formatting for the workings lines calculators return (the lines a reviewer reads to re-perform
// a calculation). The printed documents format figures in the view model, not here.
import type { Decimal } from '../decimal.js';

export function fmtMoney(value: Decimal, places = 0): string {
  if (!value.isFinite()) return value.isNaN() ? 'not a number' : `${value.isNegative() ? '-' : ''}infinite`;
  const fixed = value.abs().toFixed(places);
  const [whole, frac] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = frac ? `${grouped}.${frac}` : grouped;
  return value.isNegative() && !value.abs().toDecimalPlaces(places).isZero() ? `(${body})` : body;
}

export function fmtPct(fraction: Decimal, places = 2): string {
  if (!fraction.isFinite()) return fmtMoney(fraction);
  return `${fraction.times(100).toFixed(places)}%`;
}
