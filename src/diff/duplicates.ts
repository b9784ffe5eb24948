// Each figure once: a figure the report prints in more than one place (net investment income in the
// statements of operations and of changes in net assets, net assets in the highlights in thousands, the
// calculators' advisory fee) is compared where it belongs and referenced from the others. A line is
// folded into the place it repeats only when the two agree in both periods; where they disagree both
// stay, since that is a difference a reviewer must see. Pure.
import type { Decimal } from '../decimal.js';
import type { FigureLine } from './figure-lines.js';

/** Whether `value` is `target / scale` as printed: both rounded to the coarser of their precisions. */
function agrees(value: Decimal, target: Decimal, scale = 1, ignoreSign = false): boolean {
  const t = target.dividedBy(scale);
  const places = Math.min(value.decimalPlaces(), t.decimalPlaces());
  const a = value.toDecimalPlaces(places);
  const b = t.toDecimalPlaces(places);
  return ignoreSign ? a.abs().equals(b.abs()) : a.equals(b);
}

const CASH_FLOW_LINE = /^statements\.cash_flows\.(adjustments|financing|supplemental)\[/;
const FLOW_STATEMENTS = /^statements\.(operations|changes_in_net_assets\.current)\./;

interface Folded {
  previous: FigureLine[];
  current: FigureLine[];
  /** The keys folded into each figure key, in order. */
  alsoAt: Map<string, FigureLine[]>;
}

export function foldDuplicates(previous: readonly FigureLine[], current: readonly FigureLine[]): Folded {
  const prev = new Map(previous.map((l) => [l.key, l]));
  const curr = new Map(current.map((l) => [l.key, l]));
  const all = [...current, ...previous.filter((l) => !curr.has(l.key))];
  // A labelled cash-flow line is the statement figure it equals (sign aside) in both periods.
  const flows = all.filter((l) => FLOW_STATEMENTS.test(l.key) && !l.sameAs);
  const targetOf = (l: FigureLine): { key: string; ignoreSign: boolean } | undefined => {
    if (l.sameAs) return { key: l.sameAs, ignoreSign: false };
    if (!CASH_FLOW_LINE.test(l.key)) return undefined;
    const match = flows.find((f) => [prev, curr].every((m) => {
      const a = m.get(l.key);
      const b = m.get(f.key);
      return a === undefined ? true : b !== undefined && !a.value.isZero() && agrees(a.value, b.value, 1, true);
    }) && (prev.has(l.key) || curr.has(l.key)));
    return match ? { key: match.key, ignoreSign: true } : undefined;
  };
  const folded = new Set<string>();
  const alsoAt = new Map<string, FigureLine[]>();
  for (const l of all) {
    const target = targetOf(l);
    if (!target) continue;
    const same = [prev, curr].every((m) => {
      const a = m.get(l.key);
      if (!a) return true;
      const b = m.get(target.key);
      return b !== undefined && agrees(a.value, b.value, l.scale ?? 1, target.ignoreSign);
    });
    // The target itself must be compared (present in a period), else nothing would carry the figure.
    if (!same || !(prev.has(target.key) || curr.has(target.key))) continue;
    folded.add(l.key);
    alsoAt.set(target.key, [...(alsoAt.get(target.key) ?? []), l]);
  }
  return { previous: previous.filter((l) => !folded.has(l.key)), current: current.filter((l) => !folded.has(l.key)), alsoAt };
}
