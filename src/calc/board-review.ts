// The board's section 15(c) review: fees and expenses against the peer group, performance quintiles,
// economies of scale, the expense cap's status, preferred coverage, the last shareholder vote — and the
// findings the board asked to be warned about, each with the rule and threshold that raised it. Pure.
import { Decimal, ZERO } from '../decimal.js';
import type { BoardReview, FundPeriod } from '../load/schema.js';
import type { Figures } from './compute.js';
import { feeAtAssetLevels, type BreakpointResult } from './fee-breakpoints.js';
import type { Diagnostic } from '../diagnostic.js';
import { daysBetween } from './period-days.js';
import { fiscalYearStartFor } from './fiscal-year.js';
import { utcDate } from './utc-date.js';
import { quartiles, quintileOf, rankOf, type Quartiles } from './peer-stats.js';
import { fmtBps, fmtMoney, fmtPct } from './workings-format.js';
import { effectiveRatesOverTime, lastFiveYears, type ScaleResult } from './economies-of-scale.js';
import { calculateProfitability, type Line, type ProfitabilityResult } from './profitability.js';
import { seniorSecurities } from './senior-securities.js';
import type { ExpenseBasis, Peer } from '../load/schema.js';

/** The codes this review raises itself (the rest of a fund's findings are the core checks'). */
const BOARD_CODES = new Set(['FEE_ABOVE_MEDIAN', 'PERFORMANCE_QUINTILE', 'CAP_ENDING', 'WAIVER_OCCURRED', 'COVERAGE_HEADROOM', 'BOARD_COMPOSITION']);

interface BoardThresholds {
  feeAboveMedianBps: Decimal;
  worstAcceptableQuintile: number;
  capEndingWithinMonths: number;
  coverageHeadroomMinimum: Decimal;
}

export const DEFAULT_THRESHOLDS: BoardThresholds = {
  feeAboveMedianBps: ZERO,
  worstAcceptableQuintile: 3,
  capEndingWithinMonths: 12,
  coverageHeadroomMinimum: new Decimal('0.10'),
};


interface GroupRow {
  name: string;
  contractualFee: Decimal;
  totalExpenseRatio?: Decimal;
  isFund: boolean;
}

interface PerformanceRow {
  years: number;
  fundReturn: Decimal;
  /** The universe's median return: computed from every return given, or as stated. */
  medianReturn?: Decimal;
  medianComputed: boolean;
  /** Fund less median, in basis points. */
  vsMedianBps?: Decimal;
  indexReturn?: Decimal;
  /** Fund less index, in basis points. */
  vsIndexBps?: Decimal;
  rank: number;
  size: number;
  quintile: number;
}

/** An agreement the board is asked to continue. */
interface Agreement {
  kind: 'advisory' | 'sub-advisory';
  name: string;
  parties: string;
}

/** A trustee whose successor's election failed for want of a quorum: the trustee holds over. */
export interface Holdover {
  name: string;
  group: string;
  meetingDate: string;
}

export interface BoardFigures {
  meetingStart: string;
  meetingEnd: string;
  /** The as-of date of every block the book shows. */
  asOf: { fundPeriodEnd: string; fundPeriodLabel: string; expenseGroup: string; performanceUniverse: string; profitability?: string };
  /** The basis of the expense comparison; the fund's ratio is computed on it (undefined: not stated). */
  expenseBasis?: ExpenseBasis;
  /** Whether the fund's expense ratio is the data's stated figure rather than computed from the fund period. */
  fundExpenseRatioStated: boolean;
  scale: ScaleResult;
  profitability?: ProfitabilityResult & { asOf: string; period: string; source: string; synthetic: boolean; note?: string };
  /** The fields that would fill an empty factor, by factor. */
  missing: { profitability?: string[]; affiliatedRevenues?: string[] };
  affiliatedRevenues?: { rows: (Line & { fromFund?: string })[]; total: Decimal; source: string; synthetic: boolean; period: string };
  composition: { trustees: number; independent: number; share: Decimal; stated?: Decimal; statedSource?: string; agrees: boolean };
  holdovers: Holdover[];
  agreements: Agreement[];
  /** The core checks' findings on the fund-period data (the shareholder report's tie-outs): the appendix. */
  dataFindings: Diagnostic[];
  group: GroupRow[];
  feeStats: Quartiles;
  expenseStats?: Quartiles;
  fundFee: Decimal;
  fundExpenseRatio?: Decimal;
  feeVsMedianBps: Decimal;
  expenseVsMedianBps?: Decimal;
  feeRank: number;
  expenseRank?: number;
  performance: PerformanceRow[];
  breakpoints: BreakpointResult;
  cap?: { limit: Decimal; coveredRatio: Decimal; headroomBps: Decimal; waiverPeriod: Decimal; waiverYearToDate: Decimal; endsOn: string; daysUntilEnd: number };
  thresholds: BoardThresholds;
  findings: Diagnostic[];
  workings: string[];
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = utcDate(year, month + 1, 0).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const bps = (fraction: Decimal) => fraction.times(10_000);
const showBps = (v: Decimal) => fmtBps(v);

/** The fund's annualised expense ratio on a stated basis: gross or net of waivers, with or without interest expense. */
export function expenseRatioOnBasis(fund: FundPeriod, figures: Figures, basis: ExpenseBasis): Decimal {
  const e = fund.statements.operations.expenses;
  const expenses = (basis.waivers === 'net' ? e.net ?? e.total : e.total).minus(basis.interest_expense === 'excluded' ? e.interest_facilities_and_maintenance_fees ?? ZERO : ZERO);
  return expenses.dividedBy(fund.period.average_daily_net_assets).times(figures.daysInYear).dividedBy(figures.days);
}

export const basisText = (b: ExpenseBasis) => `${b.waivers} of waivers, ${b.interest_expense === 'included' ? 'including' : 'excluding'} interest expense`;

const PROFITABILITY_FIELDS = ['board_review.profitability.as_of', 'board_review.profitability.period', 'board_review.profitability.source', 'board_review.profitability.revenue[] (label, amount)', 'board_review.profitability.allocated_costs[] (label, amount)'];
const AFFILIATED_FIELDS = ['board_review.affiliated_revenues.source', 'board_review.affiliated_revenues.rows[] (label, and amount or fund_expense: a statements.operations.expenses key)'];

function thresholdsOf(review: BoardReview): BoardThresholds {
  const t = review.thresholds;
  return {
    feeAboveMedianBps: t?.fee_above_median_bps ?? DEFAULT_THRESHOLDS.feeAboveMedianBps,
    worstAcceptableQuintile: t?.worst_acceptable_quintile ?? DEFAULT_THRESHOLDS.worstAcceptableQuintile,
    capEndingWithinMonths: t?.cap_ending_within_months ?? DEFAULT_THRESHOLDS.capEndingWithinMonths,
    coverageHeadroomMinimum: t?.coverage_headroom_minimum ?? DEFAULT_THRESHOLDS.coverageHeadroomMinimum,
  };
}

/**
 * The board's review of a fund for a meeting. `fund` and `figures` are the fund period the book draws
 * on (the latest ending before the meeting); `review.expense_group.peers` must be present (the loader
 * reads them from YAML or from the peers' CSV).
 */
export function calculateBoardReview(fund: FundPeriod, review: BoardReview, figures: Figures): BoardFigures {
  const thresholds = thresholdsOf(review);
  const findings: Diagnostic[] = [];
  const workings: string[] = [];
  const eg = { ...review.expense_group, peers: review.expense_group.peers as Peer[] };
  // A fund file's own board_review cannot read a peers_file (the build refuses it); no peers here.
  eg.peers ??= [];
  const fundName = fund.fund.name;

  // Fees and expenses: the expense group includes the fund (Lipper's convention). The fund's ratio is
  // computed on the peers' basis where the data states it.
  const fundExpenseRatio = eg.fund_total_expense_ratio ?? (eg.basis ? expenseRatioOnBasis(fund, figures, eg.basis) : figures.ratios.expenses);
  const group: GroupRow[] = [
    { name: fundName, contractualFee: eg.fund_contractual_fee, totalExpenseRatio: fundExpenseRatio, isFund: true },
    ...eg.peers.map((p) => ({ name: p.name, contractualFee: p.contractual_fee, totalExpenseRatio: p.total_expense_ratio, isFund: false })),
  ].sort((a, b) => a.contractualFee.comparedTo(b.contractualFee) || a.name.localeCompare(b.name));
  const fees = group.map((g) => g.contractualFee);
  const feeStats = quartiles(fees);
  const feeVsMedianBps = bps(eg.fund_contractual_fee.minus(feeStats.median));
  const feeRank = rankOf(eg.fund_contractual_fee, fees, 'lower');
  const ratios = group.map((g) => g.totalExpenseRatio!);
  const expenseStats = quartiles(ratios);
  const expenseVsMedianBps = bps(fundExpenseRatio.minus(expenseStats.median));
  const expenseRank = rankOf(fundExpenseRatio, ratios, 'lower');
  workings.push(
    `Expense group: ${group.length} funds including the Fund (${eg.source}, as of ${eg.as_of}), contractual fees at a common asset level of $${fmtMoney(eg.common_asset_level)}.`,
    `Contractual fee ${fmtPct(eg.fund_contractual_fee, 3)} vs median ${fmtPct(feeStats.median, 3)} (quartiles ${fmtPct(feeStats.q1, 3)} / ${fmtPct(feeStats.q3, 3)}): ${showBps(feeVsMedianBps)}; rank ${feeRank} of ${group.length} (1 = lowest).`,
    `Total expense ratio ${fmtPct(fundExpenseRatio, 2)} (${eg.fund_total_expense_ratio ? 'as stated' : `the Trust's, ${fund.period.label}, annualised${eg.basis ? `, ${basisText(eg.basis)}` : ''}`}) vs median ${fmtPct(expenseStats.median, 2)}: ${showBps(expenseVsMedianBps)}; rank ${expenseRank} of ${group.length}.`,
  );
  if (feeVsMedianBps.greaterThan(thresholds.feeAboveMedianBps)) {
    findings.push({
      severity: 'warning',
      code: 'FEE_ABOVE_MEDIAN',
      rule: 'fee-above-median',
      threshold: `more than ${thresholds.feeAboveMedianBps.toString()} bps above the expense-group median`,
      message: `contractual advisory fee ${fmtPct(eg.fund_contractual_fee, 3)} is ${showBps(feeVsMedianBps)} above the expense-group median of ${fmtPct(feeStats.median, 3)}`,
      path: ['board_review', 'expense_group', 'fund_contractual_fee'],
    });
  }

  // Performance: rank and quintile by period, first quintile = best.
  const pu = review.performance_universe;
  const performance = pu.periods.map((p, i): PerformanceRow => {
    let rank: number;
    let size: number;
    if (p.universe_returns?.length) {
      size = p.universe_returns.length;
      rank = rankOf(p.fund_return, p.universe_returns, 'higher');
    } else {
      rank = p.rank ?? 0;
      size = p.universe_size ?? 0;
    }
    const quintile = quintileOf(rank, size);
    const vsIndexBps = p.index_return ? bps(p.fund_return.minus(p.index_return)) : undefined;
    const medianReturn = p.universe_returns?.length ? quartiles(p.universe_returns).median : p.median_return;
    const vsMedianBps = medianReturn ? bps(p.fund_return.minus(medianReturn)) : undefined;
    workings.push(`${p.years}-year: return ${fmtPct(p.fund_return)}, rank ${rank} of ${size} -> percentile ${fmtPct(new Decimal(rank - 1).dividedBy(size), 0)} -> quintile ${quintile}${vsIndexBps ? `; vs index ${showBps(vsIndexBps)}` : ''}${medianReturn ? `; vs ${p.universe_returns?.length ? 'computed' : 'stated'} universe median ${fmtPct(medianReturn)} ${showBps(vsMedianBps!)}` : ''}.`);
    if (quintile > thresholds.worstAcceptableQuintile) {
      findings.push({
        severity: 'warning',
        code: 'PERFORMANCE_QUINTILE',
        rule: 'performance-quintile',
        threshold: `quintile worse than ${thresholds.worstAcceptableQuintile}`,
        message: `${p.years}-year performance in the ${ordinalWord(quintile)} quintile of its performance universe (rank ${rank} of ${size})`,
        path: ['board_review', 'performance_universe', 'periods', i, 'fund_return'],
      });
    }
    return { years: p.years, fundReturn: p.fund_return, medianReturn, medianComputed: Boolean(p.universe_returns?.length), vsMedianBps, indexReturn: p.index_return, vsIndexBps, rank, size, quintile };
  });

  // Economies of scale.
  const levels = review.breakpoint_levels ?? ['100000000', '250000000', '500000000', '1000000000', '2000000000'].map((v) => new Decimal(v));
  const feeSchedule = fund.agreements.advisory.schedule.map((t) => ({ upTo: t.up_to, rate: t.rate }));
  const breakpoints = feeAtAssetLevels(feeSchedule, levels, figures.advisoryFee.averageBase);
  // Net assets at each fiscal period end of the last five years (the financial highlights, in thousands).
  const scale = effectiveRatesOverTime(feeSchedule, lastFiveYears(
    fund.financial_highlights.columns.flatMap((c) => (c.values.net_assets_end_000 ? [{ end: c.end, label: c.group ? `${c.group} ${c.label}` : c.label, netAssets: c.values.net_assets_end_000.times(1000) }] : [])),
    fund.period.end,
  ));

  // Profitability and the affiliates' other revenues (factors E and F), where the data gives them.
  const missing: BoardFigures['missing'] = {};
  const pr = review.profitability;
  const profitability = pr && {
    ...calculateProfitability(pr.revenue, pr.allocated_costs),
    asOf: pr.as_of, period: pr.period, source: pr.source, synthetic: Boolean(pr.synthetic), note: pr.note,
  };
  if (!pr) missing.profitability = PROFITABILITY_FIELDS;
  const ar = review.affiliated_revenues;
  let affiliatedRevenues: BoardFigures['affiliatedRevenues'];
  if (ar) {
    const expenses = fund.statements.operations.expenses as Record<string, Decimal | undefined>;
    const rows = ar.rows.flatMap((r, i) => {
      const amount = r.amount ?? expenses[r.fund_expense!];
      if (amount === undefined) {
        findings.push({ severity: 'error', code: 'AFFILIATED_REVENUE_LINE', path: ['board_review', 'affiliated_revenues', 'rows', i, 'fund_expense'], message: `the fund period (${fund.period.label}) has no expense line ${r.fund_expense} in its statement of operations` });
        return [];
      }
      return [{ label: r.label, amount, fromFund: r.fund_expense }];
    });
    affiliatedRevenues = { rows, total: rows.reduce((s, r) => s.plus(r.amount), ZERO), source: ar.source, synthetic: Boolean(ar.synthetic), period: fund.period.label };
  } else {
    missing.affiliatedRevenues = AFFILIATED_FIELDS;
  }

  // The board: its independent share, checked against what the data says it should be.
  const independent = review.trustees.filter((t) => t.independent).length;
  const composition = {
    trustees: review.trustees.length,
    independent,
    share: new Decimal(independent).dividedBy(review.trustees.length),
    stated: review.board_composition?.independent_share_stated,
    statedSource: review.board_composition?.source,
    agrees: true,
  };
  workings.push(`Board: ${independent} of ${review.trustees.length} trustees on the roster are independent = ${fmtPct(composition.share, 1)}.`);
  // Whole percents, as filings state the share.
  if (composition.stated && !composition.share.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).equals(composition.stated.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))) {
    composition.agrees = false;
    findings.push({
      severity: 'warning',
      code: 'BOARD_COMPOSITION',
      rule: 'board-composition',
      threshold: 'the roster\'s independent share equals the stated share',
      message: `the roster lists ${review.trustees.length} trustees, ${independent} of them independent (${fmtPct(composition.share, 0)}); ${composition.statedSource} states ${fmtPct(composition.stated, 0)}: the roster is incomplete or the statement is wrong`,
      stated: fmtPct(composition.stated, 0),
      computed: fmtPct(composition.share, 1),
      path: ['board_review', 'board_composition', 'independent_share_stated'],
    });
  }

  // Holdovers: a nominee whose election failed for want of a quorum; the incumbent serves on.
  const holdovers: Holdover[] = figures.proxy.flatMap((p) => p.groups.flatMap((g) => g.nominees.filter((n) => n.outcome === 'no quorum').map((n) => ({ name: n.name, group: g.group, meetingDate: p.meetingDate }))));

  // The agreements under renewal; by default the fund's advisory agreement alone.
  const agreements: Agreement[] = review.agreements_under_renewal ?? [{ kind: 'advisory', name: 'Investment advisory agreement', parties: fund.agreements.advisory.adviser }];

  // The expense cap: where the fund stands against it and when the agreement ends.
  let cap: BoardFigures['cap'];
  const lim = fund.agreements.expense_limitation;
  if (lim && figures.expenseCap) {
    const c = figures.expenseCap;
    const yearStart = fiscalYearStartFor(fund.period.end, fund.fund.fiscal_year_end);
    const earlierThisYear = (lim.prior_waivers ?? []).filter((w) => w.waived_on >= yearStart && w.waived_on < fund.period.start);
    const waiverPeriod = c.waiver.plus(c.reimbursement);
    const waiverYearToDate = waiverPeriod.plus(earlierThisYear.reduce((s, w) => s.plus(w.amount), ZERO));
    const daysUntilEnd = daysBetween(review.meeting.end, lim.through);
    cap = { limit: lim.limit, coveredRatio: c.coveredRatio, headroomBps: bps(c.headroom), waiverPeriod, waiverYearToDate, endsOn: lim.through, daysUntilEnd };
    workings.push(`Expense cap ${fmtPct(lim.limit)} through ${lim.through}: covered ratio ${fmtPct(c.coveredRatio, 4)}, headroom ${showBps(bps(c.headroom))}; ${daysUntilEnd} days from the meeting to the agreement's end.`);
    const horizon = addMonths(review.meeting.end, thresholds.capEndingWithinMonths);
    if (lim.through <= horizon) {
      findings.push({
        severity: 'warning',
        code: 'CAP_ENDING',
        rule: 'cap-ending',
        threshold: `agreement ends within ${thresholds.capEndingWithinMonths} months of the meeting (by ${horizon})`,
        message: `the expense limitation agreement (${fmtPct(lim.limit)}) ends on ${lim.through}, ${daysUntilEnd} days after the meeting`,
        path: ['agreements', 'expense_limitation', 'through'],
      });
    }
    if (waiverPeriod.greaterThan(0)) {
      findings.push({
        severity: 'info',
        code: 'WAIVER_OCCURRED',
        rule: 'waiver-occurred',
        message: `the adviser waived $${fmtMoney(c.waiver)} and reimbursed $${fmtMoney(c.reimbursement)} under the expense limitation this period`,
        path: ['agreements', 'expense_limitation', 'limit'],
      });
    }
  }

  // Preferred coverage.
  const cov = figures.preferredCoverage;
  if (cov) {
    // Below the minimum is the coverage calculation's own finding (rule coverage-minimum), carried below.
    if (cov.compliant && cov.headroomFraction.lessThan(thresholds.coverageHeadroomMinimum)) {
      findings.push({
        severity: 'warning',
        code: 'COVERAGE_HEADROOM',
        rule: 'coverage-headroom',
        threshold: `total assets may fall at least ${fmtPct(thresholds.coverageHeadroomMinimum, 0)} before a breach`,
        message: `asset coverage ${fmtPct(cov.ratio ?? cov.debtRatio ?? ZERO, 0)}: total assets may fall only ${fmtPct(cov.headroomFraction, 1)} ($${fmtMoney(cov.headroom)}) before coverage breaches ${fmtPct(cov.bindingMinimum, 0)}`,
        path: seniorSecurities(fund)[0]?.path ?? ['statements', 'assets_and_liabilities'],
      });
    }
  }

  // The core checks' findings on the fund-period data (the shareholder report's tie-outs) go to the
  // book's appendix, apart from the board's rules; coverage below its minimum stays before the board.
  // (computeFigures adds this review's own findings to its list when the fund file has board_review.)
  const core = figures.findings.filter((x) => !BOARD_CODES.has(x.code));
  findings.push(...core.filter((x) => x.code === 'COVERAGE_BELOW_MINIMUM'));
  const dataFindings = core.filter((x) => x.code !== 'COVERAGE_BELOW_MINIMUM');

  return {
    meetingStart: review.meeting.start,
    meetingEnd: review.meeting.end,
    asOf: {
      fundPeriodEnd: fund.period.end,
      fundPeriodLabel: fund.period.label,
      expenseGroup: eg.as_of,
      performanceUniverse: review.performance_universe.as_of,
      profitability: pr?.as_of,
    },
    expenseBasis: eg.basis,
    fundExpenseRatioStated: Boolean(eg.fund_total_expense_ratio),
    scale,
    profitability,
    missing,
    affiliatedRevenues,
    composition,
    holdovers,
    agreements,
    dataFindings,
    group,
    feeStats,
    expenseStats,
    fundFee: eg.fund_contractual_fee,
    fundExpenseRatio,
    feeVsMedianBps,
    expenseVsMedianBps,
    feeRank,
    expenseRank,
    performance,
    breakpoints,
    cap,
    thresholds,
    findings,
    workings,
  };
}

function ordinalWord(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`;
}
