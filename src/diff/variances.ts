// Figure variances, the fund accountant's "flux analysis": each figure previous vs current, compared in
// its own unit, flagged by that unit's rule, with the explanation the current period gives or a demand
// for one. The rules (each stated on the diff's summary page in these terms):
//   balance   |change| >= materiality and |change / previous| >= percent
//   flow      compared per day when the periods differ in length: the previous amount restated to the
//             current period's days; |comparable change| >= flow materiality and |per-day change| >= percent
//   ratio     |change in basis points| >= ratio threshold (never a percent change)
//   perShare  |change| >= the per-share threshold (per-share income and distributions compared per day)
//   count     |change / previous| >= percent
// A figure with no previous (or a zero one) has no percent change: only its amount test applies. Pure.
import { Decimal, ZERO } from '../decimal.js';
import type { FigureUnit } from './figure-catalog.js';
import { statementOf } from './figure-catalog.js';
import type { FigureLine } from './figure-lines.js';

export interface Thresholds {
  /** Fraction, e.g. 0.10 for 10%: balances, flows and counts. */
  percent: Decimal;
  /** Balances: a move smaller than this is never flagged. */
  materiality: Decimal;
  /** Flows: a comparable move smaller than this is never flagged. */
  flowMateriality: Decimal;
  /** How the flow materiality was set: stated in the file, or derived from the ratio threshold. */
  flowMaterialityFrom: 'file' | { averageNetAssets: Decimal; days: number };
  ratioBps: Decimal;
  /** Per-share amounts, in dollars (0.05 is five cents). */
  perShare: Decimal;
  previousDays: number;
  currentDays: number;
}

interface Comparable {
  /** `perDay`: the periods differ in length and the figure accrues over the period. */
  basis: 'perDay' | 'asIs';
  previousPerDay: Decimal | null;
  currentPerDay: Decimal | null;
  /** The change the rule tests: for perDay, current less the previous restated to the current days. */
  change: Decimal;
  /** change / |previous (restated)|; null for ratios, and where there is no previous or it is zero. */
  percent: Decimal | null;
}

export interface Variance {
  key: string;
  label: string;
  unit: FigureUnit;
  /** The statement (or part of the report) the figure belongs to. */
  statement: string;
  points: boolean;
  previous: Decimal | null;
  current: Decimal | null;
  /** The raw change, current less previous. */
  change: Decimal;
  /** The raw change in percent of |previous|; null for ratios, and where there is no previous or it is zero. */
  changePercent: Decimal | null;
  /** For ratios: the change in basis points. */
  changeBps: Decimal | null;
  comparable: Comparable;
  flagged: boolean;
  explanation: string | null;
  /** Other places the same figure is printed, folded into this line because they agree. */
  alsoAt: { key: string; label: string; statement: string }[];
}

const ratioOf = (change: Decimal, base: Decimal | null) => (base && !base.isZero() ? change.dividedBy(base.abs()) : null);

/** The figure's comparison in its unit: restated per day where it accrues and the periods differ. Exact:
 *  the rule is applied to these, and they are rounded only for the JSON and the page. */
function comparable(line: Pick<FigureLine, 'unit' | 'perDay'>, previous: Decimal | null, current: Decimal | null, t: Pick<Thresholds, 'previousDays' | 'currentDays'>): Comparable {
  const accrues = line.unit === 'flow' || (line.unit === 'perShare' && line.perDay === true);
  if (accrues && t.previousDays !== t.currentDays && previous !== null && current !== null) {
    const restated = previous.times(t.currentDays).dividedBy(t.previousDays);
    const change = current.minus(restated);
    return {
      basis: 'perDay',
      previousPerDay: previous.dividedBy(t.previousDays),
      currentPerDay: current.dividedBy(t.currentDays),
      change,
      percent: ratioOf(change, restated),
    };
  }
  const change = (current ?? ZERO).minus(previous ?? ZERO);
  return { basis: 'asIs', previousPerDay: null, currentPerDay: null, change, percent: line.unit === 'ratio' ? null : ratioOf(change, previous) };
}

/** The unit's rule, applied to the comparable change (and, for ratios, the change in basis points). */
function flag(unit: FigureUnit, c: Comparable, changeBps: Decimal | null, t: Thresholds): boolean {
  if (c.change.isZero()) return false;
  const pct = (limit: Decimal) => c.percent === null || c.percent.abs().gte(limit);
  switch (unit) {
    case 'balance':
      return c.change.abs().gte(t.materiality) && pct(t.percent);
    case 'flow':
      return c.change.abs().gte(t.flowMateriality) && pct(t.percent);
    case 'ratio':
      return changeBps!.abs().gte(t.ratioBps);
    case 'perShare':
      return c.change.abs().gte(t.perShare);
    case 'count':
      return pct(t.percent);
  }
}

const round = (v: Decimal | null, places: number) => (v === null ? null : v.toDecimalPlaces(places));

export function variances(previous: readonly FigureLine[], current: readonly FigureLine[], thresholds: Thresholds, explanations: ReadonlyMap<string, string>, alsoAt: ReadonlyMap<string, readonly FigureLine[]> = new Map()): Variance[] {
  const prev = new Map(previous.map((l) => [l.key, l]));
  const curr = new Map(current.map((l) => [l.key, l]));
  const keys = [...current.map((l) => l.key), ...previous.map((l) => l.key).filter((k) => !curr.has(k))];
  return keys.map((key): Variance => {
    const line = (curr.get(key) ?? prev.get(key))!;
    const before = prev.get(key)?.value ?? null;
    const after = curr.get(key)?.value ?? null;
    const change = (after ?? ZERO).minus(before ?? ZERO);
    const changeBps = line.unit === 'ratio' ? change.times(10_000) : null;
    const c = comparable(line, before, after, thresholds);
    const flagged = flag(line.unit, c, changeBps, thresholds);
    const perDayPlaces = line.unit === 'flow' ? 2 : 6;
    return {
      key,
      label: line.label,
      unit: line.unit,
      statement: statementOf(key),
      points: line.points === true,
      previous: before,
      current: after,
      change,
      changePercent: line.unit === 'ratio' ? null : round(ratioOf(change, before), 6),
      changeBps: round(changeBps, 2),
      comparable: {
        basis: c.basis,
        previousPerDay: round(c.previousPerDay, perDayPlaces),
        currentPerDay: round(c.currentPerDay, perDayPlaces),
        change: c.basis === 'perDay' ? c.change.toDecimalPlaces(line.unit === 'flow' ? 0 : 4) : c.change,
        percent: round(c.percent, 6),
      },
      flagged,
      explanation: explanations.get(key) ?? null,
      alsoAt: (alsoAt.get(key) ?? []).map((l) => ({ key: l.key, label: l.label, statement: statementOf(l.key) })),
    };
  });
}
