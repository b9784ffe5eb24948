// Holdings matched across two periods by a stable key: an explicit id where both periods give one, else
// issuer + issue + coupon + maturity. Added, removed and changed positions, and totals per group. Pure.
import { type Decimal, sum } from '../decimal.js';
import type { FundPeriod, Holding } from '../load/schema.js';

export interface HoldingRef {
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

export interface HoldingChange {
  key: string;
  group: string;
  issuer: string;
  issue: string;
  previous: HoldingRef;
  current: HoldingRef;
  changed: ('principal' | 'value' | 'rate')[];
  valueChange: Decimal;
}

export interface HoldingsDiff {
  added: HoldingRef[];
  removed: HoldingRef[];
  changed: HoldingChange[];
  unchanged: number;
  groups: { name: string; previous: Decimal; current: Decimal; change: Decimal }[];
}

export function holdingKey(h: Holding): string {
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
    else changed.push({ key: keyOf(c), group: c.group, issuer: c.issuer, issue: c.issue, previous: p, current: c, changed: what, valueChange: c.value.minus(p.value) });
  }
  const names = [...new Set([...current.schedule_of_investments.groups.map((g) => g.name), ...previous.schedule_of_investments.groups.map((g) => g.name)])];
  const total = (fund: FundPeriod, name: string) => sum(fund.schedule_of_investments.groups.filter((g) => g.name === name).flatMap((g) => g.holdings.map((h) => h.value)));
  const groups = names.map((name) => {
    const p = total(previous, name);
    const c = total(current, name);
    return { name, previous: p, current: c, change: c.minus(p) };
  }).filter((g) => !(g.previous.isZero() && g.current.isZero()));
  return { added, removed, changed, unchanged, groups };
}
