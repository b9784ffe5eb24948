// Peer statistics for the board's fee and expense comparison: median and quartiles of a group, and
// where the fund stands in it. Pure.
import { Decimal } from '../decimal.js';

export interface Quartiles {
  min: Decimal;
  q1: Decimal;
  median: Decimal;
  q3: Decimal;
  max: Decimal;
  count: number;
}

/**
 * Quantile by linear interpolation between closest ranks (Excel's QUARTILE.INC, type 7): the median of
 * an even-sized group is the mean of its two middle values.
 */
export function quantile(sortedAscending: readonly Decimal[], q: Decimal): Decimal {
  const n = sortedAscending.length;
  if (n === 0) throw new Error('quantile of an empty group');
  const position = q.times(n - 1);
  const lower = position.floor().toNumber();
  const fraction = position.minus(lower);
  const low = sortedAscending[lower]!;
  const high = sortedAscending[Math.min(lower + 1, n - 1)]!;
  return low.plus(high.minus(low).times(fraction));
}

export function quartiles(values: readonly Decimal[]): Quartiles {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return {
    min: sorted[0]!,
    q1: quantile(sorted, new Decimal('0.25')),
    median: quantile(sorted, new Decimal('0.5')),
    q3: quantile(sorted, new Decimal('0.75')),
    max: sorted[sorted.length - 1]!,
    count: sorted.length,
  };
}

/**
 * Competition rank ("1224"): 1 + the number of values strictly better. For fees lower is better; for
 * returns higher is better. Tied values share the better rank.
 */
export function rankOf(value: Decimal, group: readonly Decimal[], better: 'lower' | 'higher'): number {
  return 1 + group.filter((v) => (better === 'lower' ? v.lessThan(value) : v.greaterThan(value))).length;
}

/**
 * Quintile of a rank in a group of `size` (first = best): the rank's percentile (rank - 1) / size, in
 * fifths. Rank 1 is always the first quintile (a fund alone in its group included); rank `size` is the
 * fifth when the group has five or more.
 */
export function quintileOf(rank: number, size: number): number {
  if (!Number.isInteger(rank) || !Number.isInteger(size) || rank < 1 || size < 1 || rank > size) {
    throw new Error(`rank ${rank} of ${size} is not a rank in the group`);
  }
  return Math.floor(((rank - 1) * 5) / size) + 1;
}
