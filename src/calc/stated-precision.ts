// The one rule for comparing a stated figure with the figure fundbook computes: the computed figure is
// rounded half-up to the decimal places the stated one was written with, and the two must be equal.
// A NAV stated 10.1234 is compared to four places, 14.47 to two; a ratio stated 0.78% to 0.0001.
import { placesOf, round, type Decimal } from '../decimal.js';

interface StatedComparison {
  /** The computed figure at the stated precision. */
  computed: Decimal;
  places: number;
  agrees: boolean;
}

export function atStatedPrecision(stated: Decimal, exact: Decimal): StatedComparison {
  const places = placesOf(stated);
  const computed = round(exact, places);
  return { computed, places, agrees: computed.equals(stated) };
}
