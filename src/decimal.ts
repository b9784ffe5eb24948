// One configured Decimal for all of fundbook: money and rates never pass through a JS number.
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

/** Round half-up to `places` decimal places (the convention of financial statements). */
export function round(value: Decimal, places: number): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

// decimal.js forgets trailing zeros (14.50 becomes 14.5), so the places a figure was written with are
// kept beside it: a stated figure is compared at the precision it was stated (see calc/stated-precision).
const statedPlaces = new WeakMap<Decimal, number>();

/** Record that `value` was written with `places` decimal places; returns `value`. */
export function withStatedPlaces(value: Decimal, places: number): Decimal {
  statedPlaces.set(value, places);
  return value;
}

/** The decimal places `value` was written with, or for a figure not read from a file, its own. */
export function placesOf(value: Decimal): number {
  return statedPlaces.get(value) ?? value.decimalPlaces();
}
