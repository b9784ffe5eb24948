// The one money formatter: 1234567.891 -> "1,234,568" (places 0), grouped by thousands, negatives in
// accounting parentheses, a figure that rounds to zero without them. The documents (view/format.ts,
// `money`) and the calculators' workings and messages (calc/workings-format.ts, `fmtMoney`) both use it.
import type { Decimal } from './decimal.js';

export function formatMoney(value: Decimal, places = 0): string {
  if (!value.isFinite()) return value.isNaN() ? 'not a number' : `${value.isNegative() ? '-' : ''}infinite`;
  const [whole, frac] = value.abs().toFixed(places).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = frac ? `${grouped}.${frac}` : grouped;
  return value.isNegative() && !value.abs().toDecimalPlaces(places).isZero() ? `(${body})` : body;
}
