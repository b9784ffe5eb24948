// Figure variances, the fund accountant's "flux analysis": each figure previous vs current, the change
// and the change in percent (ratios in basis points), flagged where it passes the fund's thresholds,
// with the explanation the current period gives or a demand for one. Pure.
import { Decimal, ZERO } from '../decimal.js';
import type { FigureLine, LineUnit } from './figure-lines.js';

export interface Thresholds {
  /** Fraction, e.g. 0.10 for 10%. */
  percent: Decimal;
  /** Money: a move smaller than this is never flagged. */
  materiality: Decimal;
  ratioBps: Decimal;
}

export interface Variance {
  key: string;
  label: string;
  unit: LineUnit;
  previous: Decimal | null;
  current: Decimal | null;
  change: Decimal;
  /** change / |previous|; null where there is no previous figure or it is zero. */
  changePercent: Decimal | null;
  /** For ratios: the change in basis points. */
  changeBps: Decimal | null;
  flagged: boolean;
  explanation: string | null;
}

export function variances(previous: readonly FigureLine[], current: readonly FigureLine[], thresholds: Thresholds, explanations: ReadonlyMap<string, string>): Variance[] {
  const prev = new Map(previous.map((l) => [l.key, l]));
  const curr = new Map(current.map((l) => [l.key, l]));
  const keys = [...current.map((l) => l.key), ...previous.map((l) => l.key).filter((k) => !curr.has(k))];
  return keys.map((key): Variance => {
    const p = prev.get(key);
    const c = curr.get(key);
    const unit = (c ?? p)!.unit;
    const before = p?.value ?? null;
    const after = c?.value ?? null;
    const change = (after ?? ZERO).minus(before ?? ZERO);
    const changePercent = before && !before.isZero() ? change.dividedBy(before.abs()).toDecimalPlaces(6) : null;
    const changeBps = unit === 'ratio' ? change.times(10_000).toDecimalPlaces(2) : null;
    let flagged: boolean;
    if (change.isZero()) flagged = false;
    else if (unit === 'ratio') flagged = changeBps!.abs().gte(thresholds.ratioBps);
    else if (unit === 'money') flagged = change.abs().gte(thresholds.materiality) && (changePercent === null || changePercent.abs().gte(thresholds.percent));
    else flagged = changePercent === null || changePercent.abs().gte(thresholds.percent);
    return {
      key,
      label: (c ?? p)!.label,
      unit,
      previous: before,
      current: after,
      change,
      changePercent,
      changeBps,
      flagged,
      explanation: explanations.get(key) ?? null,
    };
  });
}
