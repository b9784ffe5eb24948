// Holdings matched across two periods by a stable key: an explicit id where both periods give one, else
// issuer + issue + coupon + maturity. Added, removed and changed positions (par changes apart from
// price-only moves, which are also summed per group), and totals per group. Pure.
import { type Decimal, sum, ZERO } from '../decimal.js';
import type { FundPeriod, Holding } from '../load/schema.js';

interface HoldingRef {
  key: string;
  id?: string;
  group: string;
  issuer: string;
  issue: string;
  rate: Decimal;
  maturity: string;
  principal_000: Decimal;
  value: Decimal;
}

interface HoldingChange {
  key: string;
  group: string;
  issuer: string;
  issue: string;
  previous: HoldingRef;
  current: HoldingRef;
  changed: ('principal' | 'value' | 'rate')[];
  /** `par`: principal (or rate) changed, a trade or a call; `price`: only the value moved. */
  kind: 'par' | 'price';
  valueChange: Decimal;
}

/** Price-only changes of one group, summarised: how many and by how much. */
interface PriceOnlyGroup {
  group: string;
  count: number;
  valueChange: Decimal;
}

export interface HoldingsDiff {
  added: HoldingRef[];
  removed: HoldingRef[];
  /** Every changed position (par changes and price-only), by absolute value change, largest first. */
  changed: HoldingChange[];
  priceOnlyByGroup: PriceOnlyGroup[];
  unchanged: number;
  groups: { name: string; previous: Decimal; current: Decimal; change: Decimal }[];
}

function holdingKey(h: Holding): string {
  return `${h.issuer} | ${h.issue} | ${h.rate.toString()} | ${h.maturity}`;
}

function refs(fund: FundPeriod): HoldingRef[] {
  return fund.schedule_of_investments.groups.flatMap((g) =>
    g.holdings.map((h) => ({ key: holdingKey(h), id: h.id, group: g.name, issuer: h.issuer, issue: h.issue, rate: h.rate, maturity: h.maturity, principal_000: h.principal_000, value: h.value })),
  );
}

export function diffHoldings(previous: FundPeriod, current: FundPeriod): HoldingsDiff {
  const before = refs(previous);
  const after = refs(current);
  // Ids only when every holding of both periods has one; otherwise the descriptive key for all.
  const useIds = [...before, ...after].every((h) => h.id);
  const keyOf = (h: HoldingRef) => (useIds ? `id:${h.id}` : h.key);
  // The same key can stand twice (two lots of one bond): number repeats so each is matched once.
  const index = (list: HoldingRef[]) => {
    const seen = new Map<string, number>();
    return new Map(list.map((h) => {
      const k = keyOf(h);
      const n = (seen.get(k) ?? 0) + 1;
      seen.set(k, n);
      return [n === 1 ? k : `${k} #${n}`, h] as const;
    }));
  };
  const prev = index(before);
  const curr = index(after);
  const added = [...curr].filter(([k]) => !prev.has(k)).map(([, h]) => h);
  const removed = [...prev].filter(([k]) => !curr.has(k)).map(([, h]) => h);
  const changed: HoldingChange[] = [];
  let unchanged = 0;
  for (const [k, c] of curr) {
    const p = prev.get(k);
    if (!p) continue;
    const what: HoldingChange['changed'] = [];
    if (!p.principal_000.equals(c.principal_000)) what.push('principal');
    if (!p.value.equals(c.value)) what.push('value');
    if (!p.rate.equals(c.rate)) what.push('rate');
    if (what.length === 0) unchanged++;
    else changed.push({ key: keyOf(c), group: c.group, issuer: c.issuer, issue: c.issue, previous: p, current: c, changed: what, kind: what.some((w) => w !== 'value') ? 'par' : 'price', valueChange: c.value.minus(p.value) });
  }
  const names = [...new Set([...current.schedule_of_investments.groups.map((g) => g.name), ...previous.schedule_of_investments.groups.map((g) => g.name)])];
  const total = (fund: FundPeriod, name: string) => sum(fund.schedule_of_investments.groups.filter((g) => g.name === name).flatMap((g) => g.holdings.map((h) => h.value)));
  const groups = names.map((name) => {
    const p = total(previous, name);
    const c = total(current, name);
    return { name, previous: p, current: c, change: c.minus(p) };
  }).filter((g) => !(g.previous.isZero() && g.current.isZero()));
  // Material first: within each list, the largest moves (or positions) first; ties keep schedule order.
  const byAbs = <T>(of: (x: T) => Decimal) => (a: T, b: T) => of(b).abs().comparedTo(of(a).abs());
  added.sort(byAbs((h) => h.value));
  removed.sort(byAbs((h) => h.value));
  changed.sort(byAbs((h) => h.valueChange));
  const priceOnly = new Map<string, PriceOnlyGroup>();
  for (const h of changed.filter((x) => x.kind === 'price')) {
    const g = priceOnly.get(h.group) ?? { group: h.group, count: 0, valueChange: ZERO };
    priceOnly.set(h.group, { group: h.group, count: g.count + 1, valueChange: g.valueChange.plus(h.valueChange) });
  }
  const priceOnlyByGroup = [...priceOnly.values()].sort(byAbs((g) => g.valueChange));
  return { added, removed, changed, priceOnlyByGroup, unchanged, groups };
}
