// Economies of scale: the contractual fee and effective rate a schedule gives at a range of asset levels.
import { Decimal } from '../decimal.js';
import { annualFeeOn, type FeeTier } from './advisory-fee.js';

interface BreakpointRow {
  assets: Decimal;
  annualFee: Decimal;
  effectiveRate: Decimal;
  isFundLevel: boolean;
}

export interface BreakpointResult {
  rows: BreakpointRow[];
  hasBreakpoints: boolean;
  /** Fall in the effective rate from the lowest to the highest asset level shown, in basis points. */
  reductionBps: Decimal;
}

export function feeAtAssetLevels(schedule: readonly FeeTier[], levels: readonly Decimal[], fundAssets: Decimal): BreakpointResult {
  const all = [...levels, fundAssets].filter((v, i, arr) => arr.findIndex((w) => w.equals(v)) === i).sort((a, b) => a.comparedTo(b));
  const rows = all.map((assets) => {
    const annualFee = annualFeeOn(schedule, assets);
    return { assets, annualFee, effectiveRate: assets.isZero() ? new Decimal(0) : annualFee.dividedBy(assets), isFundLevel: assets.equals(fundAssets) };
  });
  const first = rows[0]!.effectiveRate;
  const last = rows[rows.length - 1]!.effectiveRate;
  return { rows, hasBreakpoints: schedule.length > 1, reductionBps: first.minus(last).times(10_000) };
}
