// generateFund: one synthetic closed-end municipal fund over N consecutive report periods (semiannual,
// annual, semiannual, ...; fiscal year ending December 31), each a complete fund-period YAML file that
// `fundbook check` passes with no errors and no warnings but the ones planted and recorded (a failed
// quorum). Pure: options in, YAML text and a plain-JSON record out.
import { Decimal, round } from '../decimal.js';
import { boardReview, boardSetup, type Trustee } from './board.js';
import { addDays, iso, lastDayOfMonth, longDate, reportPeriods, yearLabel, yearSpan } from './calendar.js';
import { annualFee, preferredCoverage, ratio, type Tier } from './formulas.js';
import { Ledger, naTargets, netAssetsOf, snapshot, type FundProfile, type FundState, type PeriodResult, type Snapshot } from './ledger.js';
import { bpFraction, dec, divRound, fmtCount, fmtDecimal, fmtMoney, fmtPercent, roundMoney, sumMoney, type Money } from './money.js';
import { FIRST_NAMES, FUND_WORDS, INDEX_NAMES, INITIALS, JURISDICTIONS, LAST_NAMES, PREFERRED_KINDS } from './names.js';
import { LETTER_SECTION, LETTER_SLOT_COUNT, LETTER_VERSIONS, narrative } from './narrative.js';
import { HoldingFactory, type Holding } from './portfolio.js';
import { Rng } from './prng.js';
import {
  assetsAndLiabilities, cashFlows, changesColumn, changesFromResult, highlightColumn, highlightFromResult, operations, performance,
  perShare, scheduleOfInvestments, totalReturn, type ChangesData, type HighlightData,
} from './statements.js';
import { emitYaml, type YamlMap, type YamlValue } from './yaml-emit.js';

export interface GenerateFundOptions {
  seed: number | string;
  fundId: string;
  /** Drawn from the name pools when not given. */
  name?: string;
  /** Holdings at the start: 50 to 600. */
  holdings: number;
  preferred: boolean;
  /** The period (1-based) from which covered expenses exceed the cap and a waiver is booked; null for none. */
  waiverStartPeriod: number | null;
  /** Whether one annual meeting's preferred-only vote (the common vote for a fund without preferred) misses its quorum. */
  failedQuorum: boolean;
  periods: number;
  /** Fiscal year of the first (semiannual) period; default 2023. */
  firstYear?: number;
  /** Whether the fund has floating rate note obligations (tender option bonds); drawn when not given. */
  floatingRateNotes?: boolean;
  /** Says in each file's header which script and seed made it. */
  generatedBy?: string;
}

interface ExpectedWarning {
  code: 'QUORUM_NOT_MET';
  path: string;
}

interface PeriodRecord {
  periodEnd: string;
  kind: 'semiannual' | 'annual';
  file: string;
  holdings: number;
  netAssets: string;
  navPerShare: string;
  expenseCap: { limit: string; coveredRatio: string; waiver: string };
  preferredCoverage?: { ratio: string; perShare: string };
  expectedWarnings: ExpectedWarning[];
}

interface Transition {
  from: string;
  to: string;
  added: string[];
  removed: string[];
  revalued: string[];
  changedParagraph: { section: string; index: number };
}

export interface FundRecord {
  fundId: string;
  name: string;
  seed: string;
  options: {
    holdings: number;
    preferred: boolean;
    floatingRateNotes: boolean;
    waiverStartPeriod: number | null;
    failedQuorum: boolean;
    failedQuorumPeriod: number | null;
    periods: number;
    firstYear: number;
  };
  periods: PeriodRecord[];
  transitions: Transition[];
}

export interface GeneratedFund {
  periods: { periodEnd: string; yaml: string }[];
  record: FundRecord;
}

const person = (rng: Rng, used: Set<string>): string => {
  for (;;) {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(INITIALS)} ${rng.pick(LAST_NAMES)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
};

const roundTo = (v: Money, unit: bigint): Money => divRound(v, unit) * unit;

/** Split `total` (> 0) into `n` positive parts with random weights. */
function splitPositive(rng: Rng, total: Money, n: number): Money[] {
  const weights = Array.from({ length: n }, () => BigInt(rng.int(50, 150)));
  const all = sumMoney(weights);
  const parts = weights.map((w) => (total * w) / all);
  parts[n - 1] = total - sumMoney(parts.slice(0, -1));
  return parts;
}

function validateOptions(o: GenerateFundOptions): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(o.fundId)) throw new Error(`fund id "${o.fundId}": lower-case letters, digits and dashes`);
  if (!Number.isInteger(o.holdings) || o.holdings < 50 || o.holdings > 600) throw new Error(`holdings must be 50 to 600, not ${o.holdings}`);
  if (!Number.isInteger(o.periods) || o.periods < 1 || o.periods > 24) throw new Error(`periods must be 1 to 24, not ${o.periods}`);
  if (o.waiverStartPeriod !== null && (!Number.isInteger(o.waiverStartPeriod) || o.waiverStartPeriod < 1 || o.waiverStartPeriod > o.periods)) {
    throw new Error(`the waiver must start in period 1 to ${o.periods}, not ${o.waiverStartPeriod}`);
  }
}

export function generateFund(options: GenerateFundOptions): GeneratedFund {
  validateOptions(options);
  const seed = String(options.seed);
  const root = new Rng(seed, 'fund');
  const firstYear = options.firstYear ?? 2023;
  const periods = reportPeriods(firstYear, options.periods);
  const lastYear = periods[periods.length - 1]!.fiscalYear;

  // ---- identity ------------------------------------------------------------------------------
  const idRng = root.fork('identity');
  const prefix = idRng.pick(FUND_WORDS.prefix);
  const name = options.name ?? `${prefix} ${idRng.pick(FUND_WORDS.middle)} ${idRng.pick(FUND_WORDS.suffix)}`;
  const adviser = `${options.name ? options.name.split(' ')[0] : prefix} ${idRng.pick(FUND_WORDS.adviser)}`;
  const people = new Set<string>();
  const trusteeCount = idRng.int(6, 9);
  const trustees: Trustee[] = Array.from({ length: trusteeCount }, (_, i) => ({ name: person(idRng, people), independent: i < trusteeCount - idRng.int(1, 2), chair: i === 0 }));
  const president = person(idRng, people);
  const managers = [person(idRng, people), person(idRng, people), ...(idRng.chance(1, 2) ? [person(idRng, people)] : [])];
  const ticker = name.split(' ').filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('').slice(0, 3) + idRng.pick(['', 'X', 'M', 'Q']);
  const indexName = idRng.pick(INDEX_NAMES);
  const fileNumber = `811-${idRng.int(20_000, 29_999)}`;

  // ---- the portfolio at the start ------------------------------------------------------------
  const pRng = root.fork('profile');
  const stateCount = Math.min(JURISDICTIONS.length, Math.max(8, Math.round(options.holdings / 7)));
  const states = pRng.sample(JURISDICTIONS, stateCount).map((jurisdiction) => ({ jurisdiction, weight: pRng.int(1, 6) }));
  const factory = new HoldingFactory(root.fork('holdings'), states, firstYear);
  const averagePrincipal = pRng.int(6, 30) * 100;
  const holdings: Holding[] = Array.from({ length: options.holdings }, () => {
    // In thousands, in $5,000 lots: the average times 20% to 250%.
    const principal = divRound(BigInt(averagePrincipal * pRng.int(20, 250)), 500n) * 5n;
    return factory.make({ principal000: principal > 5n ? principal : 5n });
  });
  const ti = sumMoney(holdings.map((h) => h.value));

  const preferred = options.preferred;
  const liquidationPerShare = preferred ? pRng.pick([25_000n, 50_000n]) : 0n;
  const prefShares = preferred ? (ti * BigInt(pRng.int(2600, 3300))) / 10_000n / liquidationPerShare : 0n;
  if (preferred && prefShares < 40n) throw new Error('too few preferred shares for a separate vote');
  const prefLiquidation = prefShares * liquidationPerShare;
  const floatingRateNotes = options.floatingRateNotes ?? pRng.chance(1, 2);
  const frn = floatingRateNotes ? roundTo((ti * BigInt(pRng.int(400, 1100))) / 10_000n, 5000n) : 0n;
  if (floatingRateNotes) {
    let collateral = 0n;
    for (const h of [...holdings].sort((a, b) => (a.value === b.value ? (a.id < b.id ? -1 : 1) : a.value > b.value ? -1 : 1))) {
      if (collateral >= (frn * 16n) / 10n) break;
      h.dealerTrust = true;
      collateral += h.value;
    }
  }
  const prefRateBp = pRng.int(280, 420);
  const premium = pRng.chance(1, 5);
  const profileBase = {
    preferred,
    prefLiquidation,
    prefShares,
    liquidationPerShare,
    prefRateBp,
    prefMaintenanceBp: pRng.int(5, 15),
    floatingRateNotes,
    ifmRateBp: pRng.int(60, 140),
    marketMidBp: premium ? pRng.int(100, 500) : pRng.int(-1200, -200),
    dripIssuesShares: premium,
    payableCommonDividends: pRng.chance(1, 2),
    waiverStart: options.waiverStartPeriod,
  };

  const bal = {
    cash: divRound(ti * BigInt(pRng.int(10, 50)), 10_000n),
    receivableInterest: divRound(sumMoney(holdings.map((h) => h.principal000 * 1000n * BigInt(h.rateBp))) * BigInt(pRng.int(35, 75)), 10_000n * 365n),
    otherAssets: BigInt(pRng.int(5_000, 60_000)),
    floatingRateNotes: frn,
    accruedExpenses: divRound(ti * BigInt(pRng.int(3, 8)), 10_000n),
    payablePreferred: preferred ? divRound(prefLiquidation * BigInt(prefRateBp) * 7n, 10_000n * 365n) : 0n,
    payableCommon: 0n,
  };
  const naBeforePayable = ti + bal.cash + bal.receivableInterest + bal.otherAssets - frn - bal.accruedExpenses - bal.payablePreferred - prefLiquidation;
  const shares = (naBeforePayable * 100n) / BigInt(pRng.int(1100, 1600));

  // The advisory fee: flat, or tiered with breakpoints near the fund's size so the tiers matter.
  const managed0 = naBeforePayable + prefLiquidation;
  let schedule: Tier[];
  if (pRng.chance(3, 5)) {
    schedule = [{ rate: bpFraction(pRng.pick([50, 55, 60, 65, 70])) }];
  } else {
    const first = pRng.pick([65, 70, 75]);
    const bp1 = roundTo((managed0 * BigInt(pRng.int(40, 80))) / 100n, 10_000_000n);
    const bp1Safe = bp1 > 0n ? bp1 : 10_000_000n;
    schedule = [
      { upTo: dec(bp1Safe), rate: bpFraction(first) },
      { upTo: dec(bp1Safe * 2n), rate: bpFraction(first - 5) },
      { rate: bpFraction(first - 10) },
    ];
  }

  // The dividend: about what the portfolio earns after expenses and preferred dividends.
  const annualInterest = divRound(sumMoney(holdings.map((h) => h.principal000 * 1000n * BigInt(h.rateBp))), 10_000n);
  const estExpenses = divRound(naBeforePayable * 110n, 10_000n) + divRound(frn * BigInt(profileBase.ifmRateBp), 10_000n);
  const estPref = divRound(prefLiquidation * BigInt(prefRateBp), 10_000n);
  const monthlyRaw = dec(annualInterest - estExpenses - estPref).times(pRng.int(9000, 10300)).dividedBy(10_000).dividedBy(dec(shares)).dividedBy(12);
  const monthlyDividend = Decimal.max(round(monthlyRaw, 4), new Decimal('0.0150'));
  if (profileBase.payableCommonDividends) bal.payableCommon = roundMoney(monthlyDividend.times(dec(shares)));

  const na0 = naBeforePayable - bal.payableCommon;
  const targets = naTargets(root.fork('targets'), na0, options.periods, prefLiquidation);
  const naMin = targets.reduce((m, x) => (x < m ? x : m), na0);
  // The cap sits 25-35 basis points above the highest advisory (plus preferred maintenance) ratio the run can reach.
  const advisoryRatio = (na: Money) => annualFee(schedule, dec(na + prefLiquidation)).dividedBy(dec(na));
  const maxRatio = Decimal.max(advisoryRatio(na0), advisoryRatio(naMin)).plus(dec(prefLiquidation * BigInt(profileBase.prefMaintenanceBp)).dividedBy(10_000).dividedBy(dec(naMin)));
  const limitBp = maxRatio.times(10_000).ceil().toNumber() + 25 + pRng.int(0, 10);
  const profile: FundProfile = { ...profileBase, schedule, limitBp, monthlyDividend };

  const undistributedNii = divRound(na0 * BigInt(pRng.int(20, 120)), 10_000n);
  const undistributedRealized = divRound(na0 * BigInt(pRng.int(-600, 100)), 10_000n);
  const unrealized = ti - sumMoney(holdings.map((h) => h.cost));
  const state: FundState = {
    holdings,
    bal,
    shares,
    paidIn: na0 - undistributedNii - undistributedRealized - unrealized,
    undistributedNii,
    undistributedRealized,
    marketPrice: new Decimal(0),
  };
  if (netAssetsOf(state, profile) !== na0) throw new Error('opening net assets do not agree');
  const nav0 = round(dec(na0).dividedBy(dec(shares)), 2);
  state.marketPrice = round(nav0.times(10_000 + profile.marketMidBp + pRng.int(-150, 150)).dividedBy(10_000), 2);
  const opening = snapshot(state, profile, iso(firstYear - 1, 12, 31));

  // ---- the invented years before the first period -----------------------------------------------
  const history = inventHistory(root.fork('history'), opening, profile, firstYear, annualInterest);

  // ---- run the books ----------------------------------------------------------------------------
  const ledger = new Ledger(root.fork('ledger'), profile, state, factory, targets);
  const results = periods.map((p) => ledger.run(p));

  // ---- the texts, proxy and board review that vary by period -----------------------------------------
  const nRng = root.fork('narrative');
  const versions = Array.from({ length: LETTER_SLOT_COUNT }, (_, i) => nRng.int(0, LETTER_VERSIONS[i]! - 1));
  const letterVersions: number[][] = [[...versions]];
  const changed: number[] = [];
  for (let k = 1; k < periods.length; k++) {
    const slot = nRng.int(0, LETTER_SLOT_COUNT - 1);
    versions[slot] = (versions[slot]! + nRng.int(1, LETTER_VERSIONS[slot]! - 1)) % LETTER_VERSIONS[slot]!;
    letterVersions.push([...versions]);
    changed.push(slot);
  }

  const vRng = root.fork('proxy');
  const meetingMonthDay = [vRng.int(4, 6), vRng.int(5, 25)] as const;
  const semis = periods.filter((p) => p.kind === 'semiannual').map((p) => p.index);
  const failedQuorumPeriod = options.failedQuorum ? vRng.pick(semis) : null;
  const preferredNominee = trustees.filter((t) => t.independent && !t.chair).map((t) => t.name)[0] ?? trustees[0]!.name;
  const setup = boardSetup(root.fork('board-setup'), trustees, indexName);
  const bRng = root.fork('board');
  const capThrough = iso(lastYear + 2, 6, 30);
  const seriesRng = root.fork('preferred-series');
  const seriesCount = preferred ? Math.min(5, Math.max(1, Number(prefShares / 200n))) : 0;
  const seriesShares = preferred ? splitPositive(seriesRng, prefShares, seriesCount) : [];
  const preferredKind = preferred ? seriesRng.pick(PREFERRED_KINDS) : undefined;

  const context = {
    options, name, adviser, ticker, fileNumber, trustees, president, managers, indexName, profile, firstYear,
    history, results, capThrough, failedQuorumPeriod, preferredNominee, meetingMonthDay, setup, preferredKind, seriesShares, seed,
  };

  const out: GeneratedFund['periods'] = [];
  const periodRecords: PeriodRecord[] = [];
  results.forEach((r, i) => {
    const doc = periodDocument(context, r, letterVersions[i]!, vRng, bRng, seriesRng);
    out.push({ periodEnd: r.period.end, yaml: emitYaml(doc.yaml, header(options, seed, name)) });
    periodRecords.push(doc.record);
  });

  const transitions: Transition[] = results.slice(1).map((r, i) => ({
    from: results[i]!.period.end,
    to: r.period.end,
    added: [...r.added].sort(),
    removed: [...r.removed].sort(),
    revalued: [...r.revalued].sort(),
    changedParagraph: { section: LETTER_SECTION, index: changed[i]! },
  }));

  return {
    periods: out,
    record: {
      fundId: options.fundId,
      name,
      seed,
      options: {
        holdings: options.holdings,
        preferred,
        floatingRateNotes,
        waiverStartPeriod: options.waiverStartPeriod,
        failedQuorum: options.failedQuorum,
        failedQuorumPeriod,
        periods: options.periods,
        firstYear,
      },
      periods: periodRecords,
      transitions,
    },
  };
}

function header(options: GenerateFundOptions, seed: string, name: string): string[] {
  return [
    `SYNTHETIC fund-period file: ${name} is not a real fund, and every figure below is invented.`,
    `Generated by ${options.generatedBy ?? 'src/synthetic/generate-fund.ts'}; fund seed ${seed}.`,
    'Do not edit by hand: regenerate it (the same seed gives the same bytes).',
  ];
}

// ---- history ----------------------------------------------------------------------------------

interface History {
  /** The year before the first period, as the Statement of Changes in Net Assets prints it. */
  previousYear: ChangesData;
  /** Highlights columns for the five years before the first period, most recent first. */
  highlights: HighlightData[];
}

function inventHistory(rng: Rng, opening: Snapshot, p: FundProfile, firstYear: number, annualInterest: Money): History {
  const na = opening.netAssets;
  const shares = opening.shares;
  const expenses = divRound(na * BigInt(p.limitBp - rng.int(5, 15)), 10_000n) + divRound(opening.bal.floatingRateNotes * BigInt(p.ifmRateBp), 10_000n);
  const nii = annualInterest - expenses;
  const preferredDividends = divRound(p.prefLiquidation * BigInt(p.prefRateBp), 10_000n);
  const distributions = roundMoney(p.monthlyDividend.times(12).times(dec(shares)));
  const realized = divRound(na * BigInt(rng.int(-150, 80)), 10_000n);
  const unrealizedChange = divRound(na * BigInt(rng.int(-500, 500)), 10_000n);
  const naBegin = na - (nii + realized + unrealizedChange - preferredDividends - distributions);
  const y = firstYear - 1;
  const previousYear: ChangesData = {
    label: yearLabel(y),
    ...yearSpan(y),
    nii,
    realized,
    unrealizedChange,
    preferredDividends,
    distributions,
    reinvested: 0n,
    netAssetsBegin: naBegin,
    netAssetsEnd: na,
    undistributedNiiEnd: opening.undistributedNii,
  };

  const S = dec(shares);
  const adna = dec(na + naBegin).dividedBy(2);
  const marketAt = (nav: Decimal) => round(nav.times(10_000 + p.marketMidBp + rng.int(-200, 200)).dividedBy(10_000), 2);
  const coverageAt = (netAssets: Decimal) => p.preferred
    ? preferredCoverage(netAssets.plus(dec(p.prefLiquidation)), new Decimal(0), dec(p.prefLiquidation), dec(p.liquidationPerShare)).perShare
    : undefined;
  const highlights: HighlightData[] = [];
  // The year before the first period: per-share figures from its flows.
  let navEnd = opening.nav;
  let marketEnd = opening.marketPrice;
  let niiPs = round(dec(nii).dividedBy(S), 2);
  let prefPs = round(dec(-preferredDividends).dividedBy(S), 2);
  let divPs = round(dec(-distributions).dividedBy(S), 2);
  let navBegin = round(dec(naBegin).dividedBy(S), 2);
  let expenseRatio = round(dec(expenses).dividedBy(adna), 4);
  const ifmRatio = round(dec(opening.bal.floatingRateNotes * BigInt(p.ifmRateBp)).dividedBy(10_000).dividedBy(adna), 4);
  for (let year = y; year > y - 5; year--) {
    if (year !== y) {
      // Earlier years: plausible figures that roll forward into the next year's beginning NAV.
      navEnd = navBegin;
      marketEnd = marketAt(navEnd);
      niiPs = niiPs.plus(dec(rng.int(-4, 4)).dividedBy(100));
      prefPs = p.preferred ? Decimal.min(prefPs.plus(dec(rng.int(-2, 2)).dividedBy(100)), new Decimal(0)) : prefPs;
      divPs = divPs.plus(dec(rng.int(-2, 2)).dividedBy(100));
      const gains = dec(rng.int(-90, 70)).dividedBy(100);
      navBegin = navEnd.minus(niiPs.plus(gains).plus(prefPs)).minus(divPs);
      if (navBegin.lessThan(8)) navBegin = navBegin.plus(1);
      expenseRatio = expenseRatio.plus(dec(rng.int(-5, 5)).dividedBy(10_000));
    }
    const marketBegin = marketAt(navBegin);
    const { gains } = perShare(navBegin, navEnd, niiPs, p.preferred ? prefPs : new Decimal(0), divPs);
    const netAssetsEnd = navEnd.times(S);
    const niiRatio = round(niiPs.times(S).dividedBy(netAssetsEnd), 4);
    const prefRatio = p.preferred ? round(prefPs.abs().times(S).dividedBy(netAssetsEnd), 4) : undefined;
    highlights.push({
      label: String(year),
      group: 'Year ended December 31,',
      end: iso(year, 12, 31),
      navBegin,
      nii: niiPs,
      gains,
      preferredDividends: p.preferred ? prefPs : undefined,
      dividends: divPs,
      navEnd,
      marketEnd,
      returnNav: totalReturn(navBegin, navEnd, divPs),
      returnMarket: totalReturn(marketBegin, marketEnd, divPs),
      netAssets000: year === y ? roundMoney(dec(na).dividedBy(1000)) : roundMoney(netAssetsEnd.dividedBy(1000)),
      turnover: dec(rng.int(4, 25)).dividedBy(100),
      expenseRatio,
      expenseRatioExIfm: p.floatingRateNotes ? expenseRatio.minus(ifmRatio) : undefined,
      niiRatio,
      preferredRatio: prefRatio,
      niiAfterPreferredRatio: prefRatio ? niiRatio.minus(prefRatio) : undefined,
      preferred000: p.preferred ? p.prefLiquidation / 1000n : undefined,
      coveragePerShare: year === y
        ? (p.preferred ? preferredCoverage(dec(opening.totalAssets), dec(opening.totalLiabilities), dec(p.prefLiquidation), dec(p.liquidationPerShare)).perShare : undefined)
        : coverageAt(netAssetsEnd),
      liquidationPerShare: p.preferred ? p.liquidationPerShare : undefined,
    });
  }
  return { previousYear, highlights };
}

// ---- one period's document ----------------------------------------------------------------------

interface Context {
  options: GenerateFundOptions;
  name: string;
  adviser: string;
  ticker: string;
  fileNumber: string;
  trustees: Trustee[];
  president: string;
  managers: string[];
  indexName: string;
  profile: FundProfile;
  firstYear: number;
  history: History;
  results: PeriodResult[];
  capThrough: string;
  failedQuorumPeriod: number | null;
  preferredNominee: string;
  meetingMonthDay: readonly [number, number];
  setup: ReturnType<typeof boardSetup>;
  preferredKind?: string;
  seriesShares: Money[];
  seed: string;
}

function annualResult(ctx: Context, year: number): PeriodResult | undefined {
  return ctx.results.find((r) => r.period.kind === 'annual' && r.period.fiscalYear === year);
}

function previousYearChanges(ctx: Context, year: number): ChangesData {
  const r = annualResult(ctx, year);
  return r ? changesFromResult(r) : ctx.history.previousYear;
}

function yearHighlights(ctx: Context, year: number): HighlightData | undefined {
  const r = annualResult(ctx, year);
  if (r) return { ...highlightFromResult(r, ctx.profile), marks: undefined };
  return ctx.history.highlights.find((h) => h.end === iso(year, 12, 31));
}

function periodDocument(ctx: Context, r: PeriodResult, letterVersions: number[], vRng: Rng, bRng: Rng, seriesRng: Rng): { yaml: YamlMap; record: PeriodRecord } {
  const p = ctx.profile;
  const period = r.period;
  const year = period.fiscalYear;
  const end = r.end;
  const A = dec(r.adna);

  // Statements and highlights.
  const current = highlightFromResult(r, p);
  const earlier: HighlightData[] = [];
  for (let y = year - 1; earlier.length < (period.kind === 'semiannual' ? 5 : 4); y--) {
    const h = yearHighlights(ctx, y);
    if (!h) break;
    earlier.push(h);
  }
  const previous = previousYearChanges(ctx, year - 1);
  const prevResult = annualResult(ctx, year - 1);

  // Proxy: the annual meeting is held in the first half of each fiscal year and reported in the semiannual report.
  let proxy: YamlValue[] | undefined;
  let meeting: { dateLong: string; proposal: string } | undefined;
  const expectedWarnings: ExpectedWarning[] = [];
  const meetingDate = iso(year, ctx.meetingMonthDay[0], ctx.meetingMonthDay[1]);
  const pool = ctx.trustees.filter((t) => t.name !== ctx.preferredNominee);
  if (period.kind === 'semiannual') {
    const fails = ctx.failedQuorumPeriod === period.index;
    const nominees = vRng.sample(pool, vRng.int(2, 3));
    const together = p.preferred ? 'common_and_preferred' : 'common';
    const outstanding = r.begin.shares + p.prefShares;
    const present = (out: bigint, fail: boolean) => {
      const bp = fail ? vRng.int(1000, 4500) : vRng.int(6000, 9400);
      const n = (out * BigInt(bp)) / 10_000n;
      return n > 0n ? n : 1n;
    };
    const vote = (presentCount: bigint) => {
      const withheld = (presentCount * BigInt(vRng.int(50, 600))) / 10_000n;
      return { for: fmtCount(presentCount - withheld), withheld: fmtCount(withheld) };
    };
    const commonFails = fails && !p.preferred;
    const togetherPresent = present(outstanding, commonFails);
    // Every nominee of one voting group has the same shares present (fundbook warns when they differ);
    // the draw that once varied them is kept so the rest of the random stream is unchanged.
    const nomineePresent = (i: number) => {
      if (i > 0) vRng.int(0, 5000);
      return togetherPresent;
    };
    const groups: YamlValue[] = [{
      group: together,
      seats: String(nominees.length),
      nominees: nominees.map((t, i) => ({ name: t.name, ...vote(nomineePresent(i)) })),
    }];
    if (commonFails && togetherPresent * 2n >= outstanding) throw new Error('the planted quorum failure would not fail');
    if (p.preferred) {
      const prefPresent = present(p.prefShares, fails);
      groups.push({ group: 'preferred', seats: '1', nominees: [{ name: ctx.preferredNominee, ...vote(prefPresent), note: { $flow: ['P'] } }] });
      if (fails && prefPresent * 2n >= p.prefShares) throw new Error('the planted quorum failure would not fail');
    }
    const title = p.preferred
      ? `Elect ${nominees.length} Trustees by the holders of Common Shares and Preferred Shares voting together, and one Trustee by the holders of Preferred Shares voting separately, each of whom will serve for a three-year term or until a successor has been duly elected and qualified.`
      : `Elect ${nominees.length} Trustees by the holders of Common Shares, each of whom will serve for a three-year term or until a successor has been duly elected and qualified.`;
    proxy = [{
      date: meetingDate,
      kind: 'Annual Meeting',
      shares_outstanding: { common: fmtCount(r.begin.shares), preferred: p.preferred ? fmtCount(p.prefShares) : undefined },
      quorum: p.preferred ? { common_and_preferred: '50%', preferred: '50%' } : { common: '50%' },
      proposals: [{ number: '1', title, standard: 'plurality', groups }],
    }];
    meeting = { dateLong: longDate(meetingDate), proposal: title };
    if (fails) expectedWarnings.push({ code: 'QUORUM_NOT_MET', path: `proxy[0].proposals[0].groups[${p.preferred ? 1 : 0}].group` });
  }

  // Board review for this fiscal year's renewal.
  const commonAssetLevel = roundTo(end.netAssets, 50_000_000n) > 0n ? roundTo(end.netAssets, 50_000_000n) : 50_000_000n;
  const board = boardReview(bRng, ctx.setup, {
    periodEnd: period.end,
    schedule: p.schedule,
    commonAssetLevel,
    limitPercent: fmtPercent(bpFraction(p.limitBp)),
    capThrough: ctx.capThrough,
    waiverInPlay: r.waiverOn,
    services: `Its affiliates provide back-office support, fixed income trading, internal audit, legal and compliance services to the ${ctx.name}.`,
  });

  // The capital loss carryforward at the last fiscal year end, when realized losses exceed gains.
  const fiscalYearEnd = period.kind === 'annual' ? end : r.begin;
  const carryforward = fiscalYearEnd.undistributedRealized < 0n ? -fiscalYearEnd.undistributedRealized : 0n;
  const indexReturn = current.returnNav.plus(dec(bRng.int(-150, 150)).dividedBy(10_000));
  const niiFacts = narrative({
    fundName: ctx.name,
    adviser: ctx.adviser,
    chair: ctx.trustees.find((t) => t.chair)!.name,
    president: ctx.president,
    managers: ctx.managers,
    periodLabel: period.label,
    periodEnd: period.end,
    periodEndLong: longDate(period.end),
    kind: period.kind,
    navReturn: fmtPercent(current.returnNav),
    marketReturn: fmtPercent(current.returnMarket),
    indexName: ctx.indexName,
    indexReturn: fmtPercent(indexReturn),
    preferred: p.preferred,
    preferredKind: ctx.preferredKind,
    liquidationPerShare: p.preferred ? fmtMoney(p.liquidationPerShare) : undefined,
    floatingRateNotes: p.floatingRateNotes,
    letterVersions,
    meeting,
    lastMeetingLong: period.kind === 'annual' ? longDate(meetingDate) : undefined,
    board: board.facts,
    hasCarryforward: carryforward > 0n,
    lastFiscalYearEndLong: longDate(fiscalYearEnd.date),
  });

  // Notes data.
  const appreciation = sumMoney(end.holdings.map((h) => (h.value > h.cost ? h.value - h.cost : 0n)));
  const depreciation = sumMoney(end.holdings.map((h) => (h.value < h.cost ? h.value - h.cost : 0n)));
  const ifm = r.expenses.lines.interest_facilities_and_maintenance_fees ?? 0n;
  const notesData: YamlMap = {
    floating_rate_average: p.floatingRateNotes && r.floatingRateAverage > 0n
      ? { amount: fmtMoney(r.floatingRateAverage), rate: fmtPercent(ratio(dec(ifm), dec(r.floatingRateAverage), period.days)) }
      : undefined,
    fair_value_levels: [{ label: 'Municipal Obligations', level_1: '0', level_2: fmtMoney(end.investments), level_3: '0', total: fmtMoney(end.investments) }],
    capital_loss_carryforward: carryforward > 0n
      ? {
          as_of: fiscalYearEnd.date,
          rows: splitPositive(seriesRng, carryforward, carryforward > 3n ? 3 : 1).map((amount, i) => ({ expires: iso(Number(fiscalYearEnd.date.slice(0, 4)) + 4 + i, 12, 31), amount: fmtMoney(amount) })),
          total: fmtMoney(carryforward),
        }
      : undefined,
    purchases_and_sales: { purchases: fmtMoney(r.purchases), sales: fmtMoney(r.proceeds) },
    tax_basis: { appreciation: fmtMoney(appreciation), depreciation: fmtMoney(depreciation), net: fmtMoney(appreciation + depreciation), cost: fmtMoney(end.cost) },
  };

  // Preferred shares.
  const preferredSection: YamlMap | undefined = p.preferred
    ? {
        kind: ctx.preferredKind!,
        par_value: '0.01',
        authorized: '1,000,000',
        outstanding: fmtCount(p.prefShares),
        liquidation_preference_per_share: fmtMoney(p.liquidationPerShare),
        series: ctx.seriesShares.map((n, i) => {
          const rate = p.prefRateBp * 10 + seriesRng.int(-150, 150);
          return {
            series: String(i + 1),
            shares: fmtCount(n),
            amount_000: fmtMoney((n * p.liquidationPerShare) / 1000n),
            rate: fmtPercent(dec(rate).dividedBy(100_000), 3),
            reset_date: addDays(period.end, seriesRng.int(2, 9)),
            rate_low: fmtPercent(dec(rate - seriesRng.int(300, 900)).dividedBy(100_000), 3),
            rate_high: fmtPercent(dec(rate + seriesRng.int(100, 600)).dividedBy(100_000), 3),
          };
        }),
        shares_retired: '0',
        outstanding_beginning: fmtCount(p.prefShares),
      }
    : undefined;

  // Common shares, current period and the year before.
  const commonColumn = (label: string, begin: bigint, issued: bigint, endShares: bigint): YamlMap => ({
    label,
    beginning: fmtCount(begin),
    issued_through_reinvestment: issued > 0n ? fmtCount(issued) : undefined,
    ending: fmtCount(endShares),
  });
  // Before the first period no shares were issued (the invented year).
  const openingShares = ctx.results[0]!.begin.shares;
  const prevCommon = prevResult
    ? commonColumn(prevResult.period.label, prevResult.begin.shares, prevResult.reinvestedShares, prevResult.end.shares)
    : commonColumn(yearLabel(year - 1), openingShares, 0n, openingShares);

  // Dividends declared after the period.
  const [ey, em] = period.end.split('-').map(Number) as [number, number];
  const dividends = [1, 2].map((k) => {
    const month = ((em - 1 + k) % 12) + 1;
    const y2 = ey + Math.floor((em - 1 + k) / 12);
    return { declared: iso(y2, month, 1), per_share: fmtDecimal(p.monthlyDividend, 4), record: iso(y2, month, 15), payable: lastDayOfMonth(y2, month) };
  });

  // Agreements.
  const advisory: YamlMap = {
    adviser: ctx.adviser,
    base: p.preferred ? 'managed_assets' : 'average_daily_net_assets',
    base_description: p.preferred
      ? 'average daily managed assets (net assets applicable to common shares plus the liquidation preference of the preferred shares)'
      : 'average daily net assets',
    averaging: 'daily',
    schedule: p.schedule.map((t) => ({ up_to: t.upTo ? fmtMoney(BigInt(t.upTo.toFixed(0))) : undefined, rate: fmtPercent(t.rate) })),
    average_base: { net_assets: fmtMoney(r.adna), preferred_liquidation: p.preferred ? fmtMoney(p.prefLiquidation) : undefined },
  };
  const priorWaivers = ctx.results
    .filter((x) => x.period.kind === 'annual' && x.period.index < period.index && x.expenses.waiver > 0n)
    .map((x) => ({ waived_on: x.period.end, amount: fmtMoney(x.expenses.waiver), cap_rate: fmtPercent(bpFraction(p.limitBp)) }));
  const expenseLimitation: YamlMap = {
    limit: fmtPercent(bpFraction(p.limitBp)),
    through: ctx.capThrough,
    excluded: [
      { key: 'interest_facilities_and_maintenance_fees', description: 'interest, facilities and maintenance fees' },
      { key: 'taxes', description: 'taxes' },
      { key: 'dividend_expense_on_short_sales', description: 'dividend expense on short sales' },
      { key: 'extraordinary_expenses', description: 'extraordinary or non-routine items' },
      { key: 'expense_offset', description: 'expenses that the Trust has incurred but did not actually pay because of an expense offset arrangement' },
    ],
    day_count: 'actual/365',
    recoupment_years: '3',
    prior_waivers: priorWaivers.length > 0 ? priorWaivers : undefined,
  };

  // Highlights footnotes.
  const footnotes: YamlValue[] = [
    { mark: 'a', text: 'Calculated using average shares outstanding.' },
    { mark: 'b', text: 'Net asset value return measures the change in common share net asset value over the period, taking dividends as reinvested. Market value return is based on the closing market price of the common shares. Not annualized for periods less than one year.' },
    { mark: 'c', text: 'Portfolio turnover is not annualized for periods less than one year.' },
    { mark: 'd', text: 'Ratios do not reflect the effect of dividend payments to preferred shareholders.' },
    { mark: 'e', text: `Ratios are ${period.kind === 'semiannual' ? 'annualized and ' : ''}based on average daily net assets applicable to common shares (000's omitted) of $${fmtMoney(r.adna / 1000n)}.` },
  ];
  if (r.expenses.waiver > 0n) {
    footnotes.push({ mark: 'f', text: `Ratio of expenses after fee waivers and/or expense reimbursements was ${fmtPercent(ratio(dec(r.expenses.net), A, period.days))}.` });
  }
  if (p.floatingRateNotes) footnotes.push({ mark: 'i', text: 'Ratio excludes interest, facilities and maintenance fees on the floating rate note obligations.' });
  if (p.preferred) footnotes.push({ mark: 'k', text: "Calculated by subtracting the Trust's total liabilities (not including the preferred shares) from its total assets and dividing by the number of preferred shares outstanding." });

  const yaml: YamlMap = {
    fundbook: '1',
    fund: {
      id: ctx.options.fundId,
      name: ctx.name,
      ticker: ctx.ticker,
      exchange: 'NYSE',
      file_number: ctx.fileNumber,
      legal_form: 'Delaware statutory trust',
      address: '1 Example Plaza, Suite 100, Anytown, USA 00000',
      telephone: '(800) 555-0100',
      fiscal_year_end: '12-31',
      adviser: ctx.adviser,
      administrator: ctx.adviser,
      custodian: 'Example Custody Bank, N.A.',
      transfer_agent: 'Example Shareholder Services, LLC',
      synthetic: 'true',
    },
    period: {
      start: period.start,
      end: period.end,
      kind: period.kind,
      label: period.label,
      report_date: period.reportDate,
      average_daily_net_assets: fmtMoney(r.adna),
    },
    statements: {
      assets_and_liabilities: assetsAndLiabilities(end, p),
      operations: operations(r, p),
      changes_in_net_assets: [changesColumn(changesFromResult(r), p.preferred), changesColumn(previous, p.preferred)],
      cash_flows: cashFlows(r, p),
    },
    schedule_of_investments: scheduleOfInvestments(end, p),
    preferred_shares: preferredSection,
    common_shares: [commonColumn(period.label, r.begin.shares, r.reinvestedShares, end.shares), prevCommon],
    dividends_declared: dividends,
    financial_highlights: { columns: [current, ...earlier].map(highlightColumn), footnotes },
    agreements: { advisory, expense_limitation: expenseLimitation },
    proxy,
    performance: performance(r, current, ctx.indexName, indexReturn),
    notes_data: notesData,
    narrative: niiFacts,
    board_review: board.yaml,
  };

  const coverage = p.preferred ? preferredCoverage(dec(end.totalAssets), dec(end.totalLiabilities), dec(p.prefLiquidation), dec(p.liquidationPerShare)) : undefined;
  const record: PeriodRecord = {
    periodEnd: period.end,
    kind: period.kind,
    file: `${period.end}.yaml`,
    holdings: end.holdings.length,
    netAssets: end.netAssets.toString(),
    navPerShare: end.nav.toFixed(2),
    expenseCap: {
      limit: fmtPercent(bpFraction(p.limitBp)),
      coveredRatio: fmtPercent(ratio(dec(r.expenses.covered), A, period.days)),
      waiver: r.expenses.waiver.toString(),
    },
    preferredCoverage: coverage ? { ratio: fmtPercent(round(coverage.ratio, 4)), perShare: coverage.perShare.toFixed(0) } : undefined,
    expectedWarnings,
  };
  return { yaml, record };
}
