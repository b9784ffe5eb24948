// The fund's books, kept half-year by half-year in whole dollars. Every flow moves cash or a holding,
// so net assets from the balance sheet always equal net assets from the capital accounts: the
// statements a period prints foot and cross-foot by construction, and the generator checks that they
// do (an Error here is a generator bug, never bad luck).
//
// A semiannual period is one half-year step (January-June). An annual period adds the July-December
// step to it: its operations are the year's, with the expense lines, the advisory fee and the waiver
// computed on the year (so that they are exactly what the calculators recompute from the annual file),
// and the second half's share of them is the year's figure less the first half's.
import { Decimal, round } from '../decimal.js';
import type { ExpenseKey } from '../load/schema.js';
import type { ReportPeriod, Span } from './calendar.js';
import { advisoryFee, capAmount, navPerShare, requiredWaiver, type Tier } from './formulas.js';
import { dec, divRound, moveBp, roundMoney, sumMoney, type Money } from './money.js';
import type { Holding, HoldingFactory } from './portfolio.js';
import type { Rng } from './prng.js';

export interface FundProfile {
  preferred: boolean;
  /** Preferred shares at liquidation value (0 without preferred). */
  prefLiquidation: Money;
  prefShares: bigint;
  liquidationPerShare: bigint;
  /** Average dividend rate on the preferred, in basis points. */
  prefRateBp: number;
  /** Preferred share maintenance (remarketing) fee, in basis points of liquidation value a year. */
  prefMaintenanceBp: number;
  floatingRateNotes: boolean;
  /** Interest, facilities and maintenance fees on the floating rate notes, basis points a year. */
  ifmRateBp: number;
  schedule: Tier[];
  /** The expense cap in basis points of average daily net assets (105 = 1.05%). */
  limitBp: number;
  /** The first period (1-based) whose covered expenses exceed the cap; null: never. */
  waiverStart: number | null;
  /** Declared each month, per common share (four decimals). */
  monthlyDividend: Decimal;
  /** The market price's usual premium (+) or discount (-) to NAV, in basis points. */
  marketMidBp: number;
  /** Dividend reinvestment issues new shares (only for a fund trading at a premium). */
  dripIssuesShares: boolean;
  /** Whether a month's common dividend is still payable at period end. */
  payableCommonDividends: boolean;
}

interface Balances {
  cash: Money;
  receivableInterest: Money;
  otherAssets: Money;
  floatingRateNotes: Money;
  accruedExpenses: Money;
  payablePreferred: Money;
  payableCommon: Money;
}

export interface FundState {
  holdings: Holding[];
  bal: Balances;
  shares: bigint;
  paidIn: Money;
  undistributedNii: Money;
  undistributedRealized: Money;
  marketPrice: Decimal;
}

/** The books at a date, frozen (holdings copied). */
export interface Snapshot {
  date: string;
  holdings: Holding[];
  bal: Balances;
  shares: bigint;
  paidIn: Money;
  undistributedNii: Money;
  undistributedRealized: Money;
  investments: Money;
  cost: Money;
  unrealized: Money;
  totalAssets: Money;
  totalLiabilities: Money;
  netAssets: Money;
  nav: Decimal;
  marketPrice: Decimal;
}

type ExpenseLines = Partial<Record<ExpenseKey, Money>>;

interface ExpenseBlock {
  lines: ExpenseLines;
  total: Money;
  /** Excluded from the cap: interest, facilities and maintenance fees. */
  excluded: Money;
  covered: Money;
  waiver: Money;
  net: Money;
  /** Covered expenses less the cap, exact (negative: headroom). */
  overCap: Decimal;
}

interface HalfStep {
  span: Span;
  adna: Money;
  interest: Money;
  netExpenses: Money;
  ifm: Money;
  prefMaintenance: Money;
  realized: Money;
  unrealizedChange: Money;
  preferredDividends: Money;
  distributions: Money;
  reinvested: Money;
  reinvestedShares: bigint;
  purchases: Money;
  proceeds: Money;
  floatingRateAverage: Money;
  expenses: ExpenseBlock;
  removed: string[];
  added: string[];
  revalued: string[];
}

export interface PeriodResult {
  period: ReportPeriod;
  begin: Snapshot;
  end: Snapshot;
  adna: Money;
  expenses: ExpenseBlock;
  interest: Money;
  nii: Money;
  realized: Money;
  unrealizedChange: Money;
  /** Magnitudes: printed negative. */
  preferredDividends: Money;
  distributions: Money;
  reinvested: Money;
  reinvestedShares: bigint;
  purchases: Money;
  proceeds: Money;
  floatingRateAverage: Money;
  waiverOn: boolean;
  /** The last half-year's portfolio changes (what changed since the previous period's file). */
  removed: string[];
  added: string[];
  revalued: string[];
}

const NON_ADVISORY_LINES: readonly { key: ExpenseKey; weight: number }[] = [
  { key: 'administrative_services_fees', weight: 10 },
  { key: 'custodian_fees', weight: 6 },
  { key: 'professional_fees', weight: 22 },
  { key: 'reports_to_shareholders', weight: 12 },
  { key: 'transfer_agent_fees', weight: 8 },
  { key: 'trustees_and_officers_fees', weight: 7 },
  { key: 'other', weight: 35 },
];

const roundTo = (v: Money, unit: bigint): Money => divRound(v, unit) * unit;

export const netAssetsOf = (s: FundState, p: FundProfile): Money =>
  sumMoney(s.holdings.map((h) => h.value)) + s.bal.cash + s.bal.receivableInterest + s.bal.otherAssets
  - s.bal.floatingRateNotes - s.bal.accruedExpenses - s.bal.payablePreferred - s.bal.payableCommon - p.prefLiquidation;

export function snapshot(s: FundState, p: FundProfile, date: string): Snapshot {
  const investments = sumMoney(s.holdings.map((h) => h.value));
  const cost = sumMoney(s.holdings.map((h) => h.cost));
  const b = s.bal;
  const totalAssets = investments + b.cash + b.receivableInterest + b.otherAssets;
  const totalLiabilities = b.floatingRateNotes + b.accruedExpenses + b.payablePreferred + b.payableCommon;
  const netAssets = totalAssets - totalLiabilities - p.prefLiquidation;
  const unrealized = investments - cost;
  if (s.paidIn + s.undistributedNii + s.undistributedRealized + unrealized !== netAssets) {
    throw new Error(`${date}: capital accounts ${s.paidIn + s.undistributedNii + s.undistributedRealized + unrealized} do not equal net assets ${netAssets}`);
  }
  return {
    date,
    holdings: s.holdings.map((h) => ({ ...h, marks: [...h.marks] })),
    bal: { ...b },
    shares: s.shares,
    paidIn: s.paidIn,
    undistributedNii: s.undistributedNii,
    undistributedRealized: s.undistributedRealized,
    investments,
    cost,
    unrealized,
    totalAssets,
    totalLiabilities,
    netAssets,
    nav: navPerShare(dec(netAssets), dec(s.shares)),
    marketPrice: s.marketPrice,
  };
}

/** Split `total` (> 0) into positive whole parts in proportion to `weights` (jittered); the last takes the remainder. */
function split(rng: Rng, total: Money, weights: readonly number[]): Money[] {
  const jittered = weights.map((w) => BigInt(w * rng.int(80, 120)));
  const all = sumMoney(jittered);
  const parts = jittered.map((w) => (total * w) / all);
  parts[parts.length - 1] = total - sumMoney(parts.slice(0, -1));
  if (parts.some((x) => x <= 0n)) throw new Error(`cannot split ${total} into ${weights.length} positive parts`);
  return parts;
}

export class Ledger {
  readonly state: FundState;
  private firstHalf?: HalfStep;
  private beginOfYear?: Snapshot;

  constructor(
    private readonly rng: Rng,
    readonly profile: FundProfile,
    initial: FundState,
    private readonly factory: HoldingFactory,
    /** Net assets the fund aims at after each period, computed up front (see `naTargets`). */
    private readonly targets: readonly Money[],
  ) {
    this.state = initial;
  }

  /** The expense block for a report period: lines, total, the waiver the cap requires, net. */
  private expenseBlock(adna: Money, days: number, ifm: Money, prefMaintenance: Money, waiverOn: boolean, ytd: ExpenseBlock | undefined): ExpenseBlock {
    const p = this.profile;
    const rng = this.rng;
    const A = dec(adna);
    const base = p.preferred ? A.plus(dec(p.prefLiquidation)) : A;
    const advisory = roundMoney(advisoryFee(p.schedule, base, days).booked);
    // Covered expenses aim a few basis points under the cap, or over it once the waiver has started.
    const targetBp = waiverOn ? p.limitBp + rng.int(2, 6) : p.limitBp - rng.int(3, 8);
    const coveredTarget = roundMoney(dec(targetBp).dividedBy(10_000).times(A).times(days).dividedBy(365));
    const nonAdvisory = coveredTarget - advisory - prefMaintenance;
    const keys = NON_ADVISORY_LINES.map((l) => l.key);
    let parts: Money[];
    if (ytd) {
      // The year's lines are the first half's plus a positive second-half amount each.
      const soFar = keys.map((k) => ytd.lines[k] ?? 0n);
      const increment = nonAdvisory - sumMoney(soFar);
      const add = split(rng, increment, NON_ADVISORY_LINES.map((l) => l.weight));
      parts = soFar.map((x, i) => x + add[i]!);
    } else {
      parts = split(rng, nonAdvisory, NON_ADVISORY_LINES.map((l) => l.weight));
    }
    const lines: ExpenseLines = { advisory_fees: advisory };
    lines.administrative_services_fees = parts[0]!;
    lines.custodian_fees = parts[1]!;
    if (p.floatingRateNotes) lines.interest_facilities_and_maintenance_fees = ifm;
    if (p.preferred) lines.preferred_share_maintenance = prefMaintenance;
    lines.professional_fees = parts[2]!;
    lines.reports_to_shareholders = parts[3]!;
    lines.transfer_agent_fees = parts[4]!;
    lines.trustees_and_officers_fees = parts[5]!;
    lines.other = parts[6]!;
    const total = sumMoney(Object.values(lines) as Money[]);
    const excluded = ifm;
    const covered = total - excluded;
    const limit = dec(p.limitBp).dividedBy(10_000);
    const { excess, booked } = requiredWaiver(dec(covered), limit, A, days);
    const waiver = roundMoney(booked);
    if (waiverOn !== waiver > 0n) throw new Error(`waiver ${waiver} where the plan says ${waiverOn ? 'a waiver' : 'none'}`);
    if (waiver > advisory) throw new Error('the waiver exceeds the advisory fee');
    return { lines, total, excluded, covered, waiver, net: total - waiver, overCap: waiverOn ? excess : dec(covered).minus(capAmount(limit, A, days)) };
  }

  /** Run one report period: one half-year step, and for an annual period the year's figures. */
  run(period: ReportPeriod): PeriodResult {
    const p = this.profile;
    const rng = this.rng;
    const s = this.state;
    const half = period.half;
    const annual = period.kind === 'annual';
    const ytd = annual ? this.firstHalf : undefined;
    if (annual && !ytd) throw new Error('an annual period needs its first half-year');
    const beginHalf = snapshot(s, p, period.kind === 'semiannual' ? addDayBefore(period.start) : addDayBefore(half.start));
    if (!annual) this.beginOfYear = beginHalf;
    const naBegin = beginHalf.netAssets;
    const naTarget = this.targets[period.index - 1]!;
    const waiverOn = p.waiverStart !== null && period.index >= p.waiverStart;

    // 1. Sales: a few holdings (never one that underlies a dealer trust), at about their value.
    const sellable = s.holdings.filter((h) => !h.dealerTrust);
    const removeCount = Math.max(1, Math.round((s.holdings.length * rng.int(400, 1000)) / 10_000));
    const sold = new Set(rng.sample(sellable, removeCount).map((h) => h.id));
    let proceeds = 0n;
    let realized = 0n;
    const sell = (h: Holding) => {
      const price = moveBp(h.value, rng.int(-200, 200));
      proceeds += price;
      realized += price - h.cost;
    };
    for (const h of s.holdings) if (sold.has(h.id)) sell(h);

    // 2. Income: coupon interest on the holdings at the start of the half-year.
    const interestNumerator = sumMoney(s.holdings.map((h) => h.principal000 * 1000n * BigInt(h.rateBp) * BigInt(half.days)));
    const interest = divRound(interestNumerator, 10_000n * 365n);

    // 3. Average daily net assets (stated to the $1,000), and the expenses the period books.
    const adnaHalf = roundTo((naBegin + naTarget) / 2n, 1000n);
    const frnBegin = s.bal.floatingRateNotes;
    let frnEnd = frnBegin;
    if (p.floatingRateNotes && rng.chance(45, 100)) frnEnd = frnBegin + roundTo((frnBegin * BigInt(rng.int(-800, 900))) / 10_000n, 5000n);
    const floatingRateAverage = (frnBegin + frnEnd) / 2n;
    const ifmHalf = p.floatingRateNotes ? divRound(floatingRateAverage * BigInt(p.ifmRateBp) * BigInt(half.days), 10_000n * 365n) : 0n;
    const pmHalf = p.preferred ? divRound(p.prefLiquidation * BigInt(p.prefMaintenanceBp) * BigInt(half.days), 10_000n * 365n) : 0n;
    const adnaPeriod = ytd ? roundTo((ytd.adna * BigInt(ytd.span.days) + adnaHalf * BigInt(half.days)) / BigInt(period.days), 1000n) : adnaHalf;
    const expenses = this.expenseBlock(adnaPeriod, period.days, (ytd?.ifm ?? 0n) + ifmHalf, (ytd?.prefMaintenance ?? 0n) + pmHalf, waiverOn, ytd?.expenses);
    const netHalf = expenses.net - (ytd?.expenses.net ?? 0n);

    // 4. Distributions: preferred dividends at their rate; the common dividend declared monthly.
    const preferredDividends = p.preferred ? divRound(p.prefLiquidation * BigInt(p.prefRateBp) * BigInt(half.days), 10_000n * 365n) : 0n;
    const distributions = roundMoney(p.monthlyDividend.times(6).times(dec(s.shares)));
    let reinvestedShares = 0n;
    let reinvested = 0n;
    if (p.dripIssuesShares && s.marketPrice.greaterThan(beginHalf.nav)) {
      const issuePrice = Decimal.max(beginHalf.nav, round(s.marketPrice.times('0.95'), 2));
      reinvestedShares = BigInt(dec(distributions).times(rng.int(400, 1200)).dividedBy(10_000).dividedBy(issuePrice).floor().toFixed(0));
      reinvested = roundMoney(dec(reinvestedShares).times(issuePrice));
    }

    // 5. Balances at the end other than cash and investments.
    const b0 = s.bal;
    const accrualDays = BigInt(rng.int(35, 75));
    const b1: Balances = {
      cash: 0n,
      receivableInterest: divRound(sumMoney(s.holdings.map((h) => h.principal000 * 1000n * BigInt(h.rateBp))) * accrualDays, 10_000n * 365n),
      otherAssets: moveBp(b0.otherAssets, rng.int(-1500, 1500)),
      floatingRateNotes: frnEnd,
      accruedExpenses: divRound(netHalf * BigInt(rng.int(8, 16)), BigInt(half.days)),
      payablePreferred: p.preferred ? divRound(p.prefLiquidation * BigInt(p.prefRateBp) * BigInt(rng.int(3, 10)), 10_000n * 365n) : 0n,
      payableCommon: p.payableCommonDividends ? roundMoney(p.monthlyDividend.times(dec(s.shares + reinvestedShares))) : 0n,
    };
    if (b1.accruedExpenses <= 0n) b1.accruedExpenses = 1n;

    // 6. Cash before purchases; buy new holdings with what is above the target cash balance, selling
    //    more first when there is not enough to buy one.
    const tiBegin = beginHalf.investments;
    const cashTarget = divRound(tiBegin * BigInt(rng.int(10, 50)), 10_000n);
    const minimumPurchase = divRound(tiBegin, BigInt(Math.max(20, s.holdings.length)));
    const cashBeforePurchases = () =>
      b0.cash + interest - (b1.receivableInterest - b0.receivableInterest) - (b1.otherAssets - b0.otherAssets)
      - netHalf + (b1.accruedExpenses - b0.accruedExpenses)
      + proceeds - preferredDividends + (b1.payablePreferred - b0.payablePreferred)
      - distributions + reinvested + (b1.payableCommon - b0.payableCommon)
      + (b1.floatingRateNotes - b0.floatingRateNotes);
    let purchases = cashBeforePurchases() - cashTarget;
    while (purchases < minimumPurchase) {
      const more = rng.shuffle(sellable.filter((h) => !sold.has(h.id)))[0];
      if (!more) throw new Error('nothing left to sell to raise cash');
      sold.add(more.id);
      sell(more);
      purchases = cashBeforePurchases() - cashTarget;
    }
    const kept = s.holdings.filter((h) => !sold.has(h.id));
    const averagePosition = tiBegin / BigInt(s.holdings.length);
    let newCount = Number(divRound(purchases, averagePosition > 0n ? averagePosition : 1n));
    newCount = Math.max(1, sold.size - 1, Math.min(newCount, sold.size + 4));
    const costs = split(rng, purchases, Array.from({ length: newCount }, () => rng.int(50, 150)));
    const bought = costs.map((cost) => {
      const h = this.factory.make({ cost });
      h.value = moveBp(cost, rng.int(-150, 150));
      return h;
    });

    // 7. Revaluation: a share of the holdings kept move (with some noise) so that net assets land on
    //    the period's target; this is what makes net assets, and asset coverage, fall when they must.
    b1.cash = cashBeforePurchases() - purchases;
    const naNatural = sumMoney(kept.map((h) => h.value)) + sumMoney(bought.map((h) => h.value)) + b1.cash + b1.receivableInterest + b1.otherAssets
      - b1.floatingRateNotes - b1.accruedExpenses - b1.payablePreferred - b1.payableCommon - p.prefLiquidation;
    const delta = naTarget - naNatural;
    const moving = rng.sample(kept, Math.max(1, Math.round((kept.length * rng.int(55, 90)) / 100)));
    const noise = moving.map((h) => moveBp(h.value, rng.int(-120, 120)) - h.value);
    const residual = delta - sumMoney(noise);
    const weight = sumMoney(moving.map((h) => h.value));
    const changes = moving.map((h, i) => noise[i]! + (residual * h.value) / weight);
    changes[changes.length - 1]! += delta - sumMoney(changes);
    // Every holding listed as revalued must really change: move a dollar from the largest change.
    for (let i = 0; i < changes.length; i++) {
      if (changes[i] !== 0n) continue;
      let largest = 0;
      changes.forEach((c, j) => { if ((c < 0n ? -c : c) > (changes[largest]! < 0n ? -changes[largest]! : changes[largest]!)) largest = j; });
      changes[i] = changes[largest]! > 0n ? 1n : -1n;
      changes[largest]! -= changes[i]!;
    }
    if (sumMoney(changes) !== delta || changes.some((c) => c === 0n)) throw new Error('revaluation does not reach the target');
    moving.forEach((h, i) => {
      h.value += changes[i]!;
      if (h.value <= 0n) throw new Error(`${h.id} revalued to ${h.value}`);
    });

    // 8. Book the half-year.
    const unrealizedBegin = beginHalf.unrealized;
    s.holdings = [...kept, ...bought];
    s.bal = b1;
    const nii = interest - netHalf;
    s.undistributedNii += nii - preferredDividends - distributions;
    s.undistributedRealized += realized;
    s.paidIn += reinvested;
    s.shares += reinvestedShares;
    const nav = navPerShare(dec(netAssetsOf(s, p)), dec(s.shares));
    s.marketPrice = round(nav.times(10_000 + p.marketMidBp + rng.int(-150, 150)).dividedBy(10_000), 2);
    const endHalf = snapshot(s, p, half.end);
    if (endHalf.netAssets !== naTarget) throw new Error(`net assets ${endHalf.netAssets} missed the target ${naTarget}`);

    const step: HalfStep = {
      span: half,
      adna: adnaHalf,
      interest,
      netExpenses: netHalf,
      ifm: ifmHalf,
      prefMaintenance: pmHalf,
      realized,
      unrealizedChange: endHalf.unrealized - unrealizedBegin,
      preferredDividends,
      distributions,
      reinvested,
      reinvestedShares,
      purchases,
      proceeds,
      floatingRateAverage,
      expenses,
      removed: [...sold].sort(),
      added: bought.map((h) => h.id),
      revalued: moving.map((h) => h.id).sort(),
    };
    if (!annual) this.firstHalf = step;
    const begin = annual ? this.beginOfYear! : beginHalf;
    const steps = annual ? [ytd!, step] : [step];
    const total = (f: (x: HalfStep) => Money) => sumMoney(steps.map(f));
    const result: PeriodResult = {
      period,
      begin,
      end: endHalf,
      adna: adnaPeriod,
      expenses,
      interest: total((x) => x.interest),
      nii: total((x) => x.interest) - expenses.net,
      realized: total((x) => x.realized),
      unrealizedChange: total((x) => x.unrealizedChange),
      preferredDividends: total((x) => x.preferredDividends),
      distributions: total((x) => x.distributions),
      reinvested: total((x) => x.reinvested),
      reinvestedShares: steps.reduce((a, x) => a + x.reinvestedShares, 0n),
      purchases: total((x) => x.purchases),
      proceeds: total((x) => x.proceeds),
      floatingRateAverage: divRound(total((x) => x.floatingRateAverage * BigInt(x.span.days)), BigInt(period.days)),
      waiverOn,
      removed: step.removed,
      added: step.added,
      revalued: step.revalued,
    };
    // The period's own identities, which the statements print.
    const increase = result.nii + result.realized + result.unrealizedChange - result.preferredDividends - result.distributions + result.reinvested;
    if (begin.netAssets + increase !== result.end.netAssets) throw new Error(`${period.end}: net assets do not roll forward`);
    return result;
  }
}

function addDayBefore(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * Net assets after each period, decided before the books are run. With preferred shares they fall
 * every period, a few percent of the way towards 130% of the preferred's liquidation value (so asset
 * coverage falls every period and stays above 230%); without, they drift a little either way.
 */
export function naTargets(rng: Rng, start: Money, count: number, preferredLiquidation: Money): Money[] {
  const out: Money[] = [];
  let na = start;
  for (let i = 0; i < count; i++) {
    if (preferredLiquidation > 0n) {
      const floor = (preferredLiquidation * 13n) / 10n;
      na -= divRound((na - floor) * BigInt(rng.int(300, 800)), 10_000n);
    } else {
      na = moveBp(na, rng.int(-250, 250));
    }
    out.push(na);
  }
  return out;
}
