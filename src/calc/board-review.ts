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
import { quartiles, quintileOf, rankOf, type Quartiles } from './peer-stats.js';
import { seniorSecurities } from './senior-securities.js';
import { fmtMoney, fmtPct } from './workings-format.js';

export interface BoardThresholds {
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

/** The codes the board review raises itself. */
const BOARD_CODES = new Set(['FEE_ABOVE_MEDIAN', 'PERFORMANCE_QUINTILE', 'CAP_ENDING', 'WAIVER_OCCURRED', 'COVERAGE_HEADROOM']);

export interface GroupRow {
  name: string;
  contractualFee: Decimal;
  totalExpenseRatio?: Decimal;
  isFund: boolean;
}

export interface PerformanceRow {
  years: number;
  fundReturn: Decimal;
  indexReturn?: Decimal;
  /** Fund less index, in basis points. */
  vsIndexBps?: Decimal;
  rank: number;
  size: number;
  quintile: number;
}

export interface BoardFigures {
  meetingEnd: string;
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
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const bps = (fraction: Decimal) => fraction.times(10_000);
const showBps = (v: Decimal) => `${v.isNegative() ? '' : '+'}${v.toDecimalPlaces(1).toString()} bps`;

export function thresholdsOf(review: BoardReview): BoardThresholds {
  const t = review.thresholds;
  return {
    feeAboveMedianBps: t?.fee_above_median_bps ?? DEFAULT_THRESHOLDS.feeAboveMedianBps,
    worstAcceptableQuintile: t?.worst_acceptable_quintile ?? DEFAULT_THRESHOLDS.worstAcceptableQuintile,
    capEndingWithinMonths: t?.cap_ending_within_months ?? DEFAULT_THRESHOLDS.capEndingWithinMonths,
    coverageHeadroomMinimum: t?.coverage_headroom_minimum ?? DEFAULT_THRESHOLDS.coverageHeadroomMinimum,
  };
}

export function calculateBoardReview(fund: FundPeriod, review: BoardReview, figures: Figures): BoardFigures {
  const thresholds = thresholdsOf(review);
  const findings: Diagnostic[] = [];
  const workings: string[] = [];
  const eg = review.expense_group;
  const fundName = fund.fund.name;

  // Fees and expenses: the expense group includes the fund (Lipper's convention).
  const fundExpenseRatio = eg.fund_total_expense_ratio ?? figures.ratios.expenses;
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
    `Total expense ratio ${fmtPct(fundExpenseRatio, 2)} vs median ${fmtPct(expenseStats.median, 2)}: ${showBps(expenseVsMedianBps)}; rank ${expenseRank} of ${group.length}.`,
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
    workings.push(`${p.years}-year: return ${fmtPct(p.fund_return)}, rank ${rank} of ${size} -> percentile ${fmtPct(new Decimal(rank - 1).dividedBy(size), 0)} -> quintile ${quintile}${vsIndexBps ? `; vs index ${showBps(vsIndexBps)}` : ''}.`);
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
    return { years: p.years, fundReturn: p.fund_return, indexReturn: p.index_return, vsIndexBps, rank, size, quintile };
  });

  // Economies of scale.
  const levels = review.breakpoint_levels ?? ['100000000', '250000000', '500000000', '1000000000', '2000000000'].map((v) => new Decimal(v));
  const breakpoints = feeAtAssetLevels(fund.agreements.advisory.schedule.map((t) => ({ upTo: t.up_to, rate: t.rate })), levels, figures.advisoryFee.averageBase);

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

  // Mismatches the core checks found in the data stay in front of the board, under their own rule
  // where they have one. (`figures` may already hold this review's own findings: computeFigures runs it.)
  for (const f of figures.findings.filter((x) => x.severity !== 'info' && !BOARD_CODES.has(x.code))) {
    findings.push({ ...f, rule: f.rule ?? 'core-checks' });
  }

  return {
    meetingEnd: review.meeting.end,
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
