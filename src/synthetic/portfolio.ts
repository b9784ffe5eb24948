// Holdings of a synthetic municipal fund: how one is made (a unique issuer + issue + rate + maturity,
// with a stable id), and how a set of them is grouped into the schedule of investments. Amounts are
// whole dollars (bigint); principal is in thousands.
import { iso } from './calendar.js';
import { divRound, moveBp, type Money } from './money.js';
import { COUPONS_BP, INSURERS, ISSUER_PATTERNS, SERIES_LETTERS, type Jurisdiction, type Sector } from './names.js';
import type { Rng } from './prng.js';

export interface Holding {
  /** Stable for the life of the holding: `H0001`. */
  id: string;
  state: string;
  issuer: string;
  issue: string;
  enhancement?: string;
  insurer?: string;
  rateBp: number;
  maturity: string;
  principal000: bigint;
  value: Money;
  /** Book (and tax) cost: never printed per holding, summed into the schedule's cost. */
  cost: Money;
  sector: Sector;
  /** Footnote marks other than the dealer-trust mark, which follows `dealerTrust`. */
  marks: string[];
  /** Underlying a dealer trust (the fund's floating rate note obligations): never sold. */
  dealerTrust: boolean;
}

/** The identity of a holding across periods: issuer + issue + rate + maturity. */
const holdingKey = (h: Pick<Holding, 'issuer' | 'issue' | 'rateBp' | 'maturity'>): string =>
  `${h.issuer} | ${h.issue} | ${h.rateBp}bp | ${h.maturity}`;

const MATURITY_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Price as parts per million of par for a coupon: capital appreciation bonds trade deep below par. */
function pricePpm(rng: Rng, rateBp: number): number {
  if (rateBp === 0) return rng.int(330_000, 720_000);
  if (rateBp < 400) return rng.int(820_000, 985_000);
  return rng.int(935_000, 1_160_000);
}

export class HoldingFactory {
  private readonly keys = new Set<string>();
  private next = 1;

  constructor(
    private readonly rng: Rng,
    private readonly states: readonly { jurisdiction: Jurisdiction; weight: number }[],
    /** The first fiscal year reported: series years come before it, maturities well after. */
    private readonly firstYear: number,
  ) {}

  private pickState(): Jurisdiction {
    const total = this.states.reduce((s, x) => s + x.weight, 0);
    let draw = this.rng.int(0, total - 1);
    for (const s of this.states) {
      if (draw < s.weight) return s.jurisdiction;
      draw -= s.weight;
    }
    return this.states[this.states.length - 1]!.jurisdiction;
  }

  /** A new holding with a key never used before in this fund, worth `cost` when bought (its value is `cost` too). */
  make(opts: { principal000?: bigint; cost?: Money }): Holding {
    const rng = this.rng;
    for (let attempt = 0; attempt < 200; attempt++) {
      const jurisdiction = this.pickState();
      const pattern = rng.pick(ISSUER_PATTERNS);
      const issuer = pattern.issuer
        .replace('{place}', rng.pick(jurisdiction.places))
        .replace('{state}', jurisdiction.name)
        .replace('{org}', pattern.org ? rng.pick(pattern.org) : '');
      const rateBp = rng.pick(COUPONS_BP);
      const purpose = rng.pick(pattern.purposes);
      const issue = `Series ${rng.int(this.firstYear - 14, this.firstYear - 1)}${rng.pick(SERIES_LETTERS)}, ${rateBp === 0 ? `CAB ${purpose}` : purpose}`;
      const maturity = iso(rng.int(this.firstYear + 7, this.firstYear + 33), rng.pick(MATURITY_MONTHS), rng.pick([1, 15]));
      const key = holdingKey({ issuer, issue, rateBp, maturity });
      if (this.keys.has(key)) continue;
      this.keys.add(key);

      const ppm = pricePpm(rng, rateBp);
      let principal000: bigint;
      let value: Money;
      if (opts.cost !== undefined) {
        // Bought for `cost`: the principal is what that buys at the price, in $5,000 lots.
        principal000 = divRound(opts.cost * 1000n, BigInt(ppm) * 5n) * 5n;
        if (principal000 < 5n) principal000 = 5n;
        value = opts.cost;
      } else {
        principal000 = opts.principal000 ?? 1000n;
        value = divRound(principal000 * BigInt(ppm), 1000n);
      }
      const marks: string[] = [];
      let enhancement: string | undefined;
      let insurer: string | undefined;
      let sector = pattern.sector;
      if (rng.chance(18, 100)) {
        const ins = rng.pick(INSURERS);
        enhancement = `INS ${ins.code}`;
        insurer = ins.meaning;
        marks.push('a');
      }
      if (rng.chance(5, 100)) {
        sector = 'pre_refunded';
        marks.push('e');
      }
      if (rateBp === 0) marks.push('f');
      if (pattern.sector === 'revenue' && rng.chance(6, 100)) marks.push('i');
      const cost = opts.cost ?? moveBp(value, rng.int(-700, 900));
      const id = `H${String(this.next++).padStart(4, '0')}`;
      return { id, state: jurisdiction.name, issuer, issue, enhancement, insurer, rateBp, maturity, principal000, value, cost, sector, marks, dealerTrust: false };
    }
    throw new Error('could not find an unused holding key after 200 attempts');
  }
}

/** Holding marks in print order, the dealer-trust mark included. */
export function marksOf(h: Holding): string[] {
  const marks = h.dealerTrust ? [...h.marks, 'd'] : [...h.marks];
  return marks.sort();
}

interface ScheduleGroup {
  name: string;
  holdings: Holding[];
  total: Money;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Holdings by state (groups in name order), each group by issuer, maturity and issue: code-point order, so it is the same everywhere. */
export function groupByState(holdings: readonly Holding[]): ScheduleGroup[] {
  const groups = new Map<string, Holding[]>();
  for (const h of holdings) {
    const list = groups.get(h.state) ?? [];
    list.push(h);
    groups.set(h.state, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([name, list]) => {
      const sorted = [...list].sort((x, y) => byText(x.issuer, y.issuer) || byText(x.maturity, y.maturity) || byText(x.issue, y.issue) || x.rateBp - y.rateBp);
      return { name, holdings: sorted, total: sorted.reduce((s, h) => s + h.value, 0n) };
    });
}
