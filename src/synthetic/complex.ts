// A fund complex: N synthetic funds from one seed, of varied sizes (holdings spread over the range),
// about half with preferred shares, some with expense-cap waivers starting in a later period, some with
// a failed quorum. Pure: the plan and the generated files, no I/O.
import { generateFund, type FundRecord, type GenerateFundOptions, type GeneratedFund } from './generate-fund.js';
import { FUND_WORDS } from './names.js';
import { Rng } from './prng.js';

interface ComplexOptions {
  seed: number | string;
  funds: number;
  periods: number;
  minHoldings?: number;
  maxHoldings?: number;
  firstYear?: number;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The options of each fund of the complex. */
function planComplex(o: ComplexOptions): GenerateFundOptions[] {
  const min = o.minHoldings ?? 50;
  const max = o.maxHoldings ?? 600;
  if (!Number.isInteger(o.funds) || o.funds < 1 || o.funds > 1000) throw new Error(`funds must be 1 to 1000, not ${o.funds}`);
  if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 50 && max <= 600 && min <= max)) {
    throw new Error(`holdings range ${min}..${max} must lie within 50..600`);
  }
  const rng = new Rng(String(o.seed), 'complex');
  const n = o.funds;
  // Sizes spread over the range (more small funds than large), in shuffled order.
  const sizes = rng.shuffle(Array.from({ length: n }, (_, i) => {
    if (n === 1) return rng.int(min, max);
    const q = (i * 1000) / (n - 1);
    return min + Math.round(((max - min) * q * q) / 1_000_000);
  }));
  const withPreferred = new Set(rng.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, Math.ceil(n / 2)));
  const names = new Set<string>();
  return sizes.map((holdings, i) => {
    let prefix = '';
    let middle = '';
    let name = '';
    do {
      prefix = rng.pick(FUND_WORDS.prefix);
      middle = rng.pick(FUND_WORDS.middle);
      name = `${prefix} ${middle} ${rng.pick(FUND_WORDS.suffix)}`;
    } while (names.has(name) && names.size < 200);
    names.add(name);
    const number = String(i + 1).padStart(3, '0');
    const waiver = o.periods >= 2 && rng.chance(2, 5);
    return {
      seed: `${o.seed}-${i + 1}`,
      fundId: `${slug(prefix)}-${slug(middle)}-${number}`,
      name,
      holdings,
      preferred: withPreferred.has(i),
      waiverStartPeriod: waiver ? rng.int(2, o.periods) : null,
      failedQuorum: rng.chance(3, 10),
      periods: o.periods,
      firstYear: o.firstYear,
      generatedBy: `src/synthetic/gen-complex.ts --seed ${o.seed} (fund ${i + 1} of ${n})`,
    };
  });
}

interface ComplexRecord {
  generator: string;
  args: { seed: string; funds: number; periods: number; minHoldings: number; maxHoldings: number; firstYear: number };
  funds: FundRecord[];
}

export function generateComplex(o: ComplexOptions): { funds: { fundId: string; generated: GeneratedFund }[]; record: ComplexRecord } {
  const plan = planComplex(o);
  const funds = plan.map((options) => ({ fundId: options.fundId, generated: generateFund(options) }));
  return {
    funds,
    record: {
      generator: 'src/synthetic/gen-complex.ts',
      args: { seed: String(o.seed), funds: o.funds, periods: o.periods, minHoldings: o.minHoldings ?? 50, maxHoldings: o.maxHoldings ?? 600, firstYear: o.firstYear ?? 2023 },
      funds: funds.map((f) => f.generated.record),
    },
  };
}

/**
 * The showcase fund (`--id`): about 60 holdings, preferred shares and floating rate notes, a waiver
 * starting in period 2 or 3, a failed preferred quorum in one period, coverage falling every period.
 */
export function showcaseOptions(seed: number | string, fundId: string, periods: number, firstYear?: number): GenerateFundOptions {
  const rng = new Rng(String(seed), 'showcase');
  const start = Math.min(periods, rng.int(2, 3));
  return {
    seed,
    fundId,
    holdings: rng.int(56, 64),
    preferred: true,
    floatingRateNotes: true,
    waiverStartPeriod: periods >= 2 ? start : null,
    failedQuorum: true,
    periods,
    firstYear,
    generatedBy: `src/synthetic/gen-complex.ts --id ${fundId} --seed ${seed} --periods ${periods} (npm run gen:synthetic)`,
  };
}
