import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { Decimal } from '../decimal.js';
import { loadFundFile, loadFundText } from '../load/load-fund.js';
import { formatPath } from '../load/locate.js';
import type { FundPeriod } from '../load/schema.js';
import { calculateBoardReview, DEFAULT_THRESHOLDS, expenseRatioOnBasis, type BoardFigures } from './board-review.js';
import { computeFigures, type Figures } from './compute.js';
import { calculateCoverage, coverageBelowMinimum } from './preferred-coverage.js';

const d = (s: string) => new Decimal(s);
const FILE = 'data/iqm/2011-08-31.yaml';
// The August file with the June meeting's board review appended (test/fixtures/iqm-board-review-block.yaml).
const TEXT = `${readFileSync(FILE, 'utf8')}\n${readFileSync('test/fixtures/iqm-board-review-block.yaml', 'utf8')}`;

interface Reviewed {
  fund: FundPeriod;
  figures: Figures;
  board: BoardFigures;
}

/**
 * The core checks' figures, as a meeting file's review draws on them: this August file's own
 * board_review (June's) is refused by computeFigures as dated before its fund period ends.
 */
const coreFigures = (fund: FundPeriod) => computeFigures({ ...fund, board_review: undefined });

function reviewOf(text: string, file = 'x.yaml'): Reviewed {
  const loaded = loadFundText(text, file);
  expect(loaded.problems).toEqual([]);
  expect(loaded.fund).toBeDefined();
  const fund = loaded.fund!;
  const figures = coreFigures(fund);
  return { fund, figures, board: calculateBoardReview(fund, fund.board_review!, figures) };
}

/** The IQM file with each `from` (which must occur exactly once) replaced by `to`; loads cleanly. */
function mutated(...pairs: [from: string, to: string][]): Reviewed {
  let text = TEXT;
  for (const [from, to] of pairs) {
    expect(text.split(from).length - 1, `"${from}" occurs once`).toBe(1);
    text = text.replace(from, () => to);
    expect(text.includes(to)).toBe(true);
  }
  expect(text).not.toBe(TEXT);
  return reviewOf(text);
}

const byRule = (b: BoardFigures, rule: string) => b.findings.filter((f) => f.rule === rule);
const codes = (b: BoardFigures) => b.findings.map((f) => f.code);

describe('board review of IQM 2011-08-31 (the real file)', () => {
  const loaded = loadFundText(TEXT, FILE);
  const fund = loaded.fund!;
  const figures = coreFigures(fund);
  const board = calculateBoardReview(fund, fund.board_review!, figures);

  it('loads without problems', () => {
    expect(loaded.problems).toEqual([]);
    expect(fund.board_review).toBeDefined();
    expect(board.meetingEnd).toBe('2011-06-15');
  });

  it('puts the fund in its expense group of 11, lowest fee first', () => {
    expect(board.group).toHaveLength(11); // 10 peers + the fund
    expect(board.group.filter((g) => g.isFund).map((g) => g.name)).toEqual(['Invesco Quality Municipal Securities']);
    expect(board.group[0]!.isFund).toBe(true); // 0.27% is the lowest
    expect(board.group.map((g) => g.contractualFee.times(100).toFixed(2))).toEqual(
      ['0.27', '0.35', '0.45', '0.50', '0.55', '0.55', '0.60', '0.65', '0.70', '0.72', '0.80']);
  });

  it('has a fee median of 0.550%, quartiles 0.475% / 0.675%', () => {
    // 11 fees sorted: 0.27, 0.35, 0.45, 0.50, 0.55, [0.55], 0.60, 0.65, 0.70, 0.72, 0.80 -> 6th value 0.55
    expect(board.feeStats.median.equals(d('0.0055'))).toBe(true);
    // q1: 0.25 x 10 = 2.5 -> (0.45 + 0.50) / 2 = 0.475; q3: 7.5 -> (0.65 + 0.70) / 2 = 0.675
    expect(board.feeStats.q1.equals(d('0.00475'))).toBe(true);
    expect(board.feeStats.q3.equals(d('0.00675'))).toBe(true);
    expect(board.feeStats.count).toBe(11);
  });

  it('puts the fee 28 bps below the median, ranked 1st (lowest)', () => {
    expect(board.fundFee.equals(d('0.0027'))).toBe(true);
    // (0.0027 - 0.0055) x 10,000 = -28
    expect(board.feeVsMedianBps.equals(d('-28'))).toBe(true);
    expect(board.feeRank).toBe(1); // nothing lower than 0.27%
  });

  it("uses the computed 0.78% expense ratio, 40.3 bps below the group's 1.18% median", () => {
    // 735,719 / 187,753,000 x 365 / 184 = 268,537,435 / 34,546,552,000 = 0.0077732...
    expect(board.fundExpenseRatio!.toDecimalPlaces(6).toString()).toBe('0.007773');
    // sorted: 0.777, 0.92, 0.99, 1.05, 1.12, [1.18], 1.24, 1.31, 1.38, 1.45, 1.62 -> 1.18%
    expect(board.expenseStats!.median.equals(d('0.0118'))).toBe(true);
    // (0.0077732 - 0.0118) x 10,000 = -40.27
    expect(board.expenseVsMedianBps!.toDecimalPlaces(2).toString()).toBe('-40.27');
    expect(board.expenseRank).toBe(1);
  });

  it('places performance in quintiles 3, 4, 4; the 1-year rank 14 of 30 comes from universe_returns', () => {
    expect(board.performance.map((p) => p.quintile)).toEqual([3, 4, 4]);
    // 1-year: 13 of the 30 returns exceed 3.10% -> rank 14; 13 x 5 / 30 = 2.17 -> 3rd
    // 3-year: rank 20 of 28 stated; 19 x 5 / 28 = 3.39 -> 4th. 5-year: 19 of 27; 18 x 5 / 27 = 3.33 -> 4th
    expect(board.performance.map((p) => [p.years, p.rank, p.size])).toEqual([[1, 14, 30], [3, 20, 28], [5, 19, 27]]);
    // vs index: 3.10 - 3.45 = -35 bps; 5.20 - 5.20 = 0; 3.60 - 4.10 = -50
    expect(board.performance.map((p) => p.vsIndexBps!.toString())).toEqual(['-35', '0', '-50']);
  });

  it("shows the flat 0.27% schedule: no breakpoints, the fund's 277,317,000 level flagged", () => {
    expect(board.breakpoints.hasBreakpoints).toBe(false);
    expect(board.breakpoints.reductionBps.isZero()).toBe(true);
    // 187,753,000 + 55,000,000 + 34,564,000 = 277,317,000
    const fundRow = board.breakpoints.rows.filter((r) => r.isFundLevel);
    expect(fundRow.map((r) => r.assets.toString())).toEqual(['277317000']);
    expect(board.breakpoints.rows).toHaveLength(6); // the 5 default levels + the fund's
  });

  it('has the cap ending 381 days after the meeting, with no waiver', () => {
    const cap = board.cap!;
    expect(cap.limit.equals(d('0.0066'))).toBe(true);
    expect(cap.endsOn).toBe('2012-06-30');
    // 2011-06-15 -> 2012-06-15 = 366 days (29 Feb 2012 included) + 15 days to 2012-06-30 = 381
    expect(cap.daysUntilEnd).toBe(381);
    // covered (735,719 - 247,430) = 488,289 / 187,753,000 x 365 / 184 = 0.0051590 (0.5159%)
    expect(cap.coveredRatio.toDecimalPlaces(6).toString()).toBe('0.005159');
    // (0.0066 - 0.0051590) x 10,000 = 14.41 bps
    expect(cap.headroomBps.toDecimalPlaces(2).toString()).toBe('14.41');
    expect(cap.waiverPeriod.isZero()).toBe(true);
    expect(cap.waiverYearToDate.isZero()).toBe(true);
  });

  it("takes the file's thresholds", () => {
    expect(board.thresholds.feeAboveMedianBps.isZero()).toBe(true);
    expect(board.thresholds.worstAcceptableQuintile).toBe(3);
    expect(board.thresholds.capEndingWithinMonths).toBe(12);
    expect(board.thresholds.coverageHeadroomMinimum.equals(d('0.25'))).toBe(true);
  });

  it('raises exactly two PERFORMANCE_QUINTILE findings, for 3 and 5 years', () => {
    const perf = board.findings.filter((f) => f.code === 'PERFORMANCE_QUINTILE');
    expect(perf).toHaveLength(2);
    expect(perf.every((f) => f.rule === 'performance-quintile' && f.severity === 'warning')).toBe(true);
    expect(perf.map((f) => f.path)).toEqual([
      ['board_review', 'performance_universe', 'periods', 1, 'fund_return'],
      ['board_review', 'performance_universe', 'periods', 2, 'fund_return'],
    ]);
    expect(perf[0]!.message).toContain('3-year performance in the fourth quintile');
    expect(perf[0]!.message).toContain('rank 20 of 28');
    expect(perf[1]!.message).toContain('5-year performance in the fourth quintile');
    expect(perf[1]!.message).toContain('rank 19 of 27');
  });

  it('raises none of FEE_ABOVE_MEDIAN, CAP_ENDING, COVERAGE_*, WAIVER_OCCURRED', () => {
    const c = codes(board);
    for (const code of ['FEE_ABOVE_MEDIAN', 'CAP_ENDING', 'COVERAGE_BELOW_MINIMUM', 'COVERAGE_HEADROOM', 'WAIVER_OCCURRED']) {
      expect(c).not.toContain(code);
    }
  });

  it("keeps the core checks' 9 warnings apart from the board's findings, for the appendix", () => {
    const core = board.dataFindings.filter((f) => f.severity !== 'info');
    expect(core).toHaveLength(9);
    expect(core.map((f) => f.code)).toEqual([
      'QUORUM_NOT_MET',
      'STATED_PERCENT',
      'STATED_PERCENT',
      'STATED_VS_COMPUTED',
      'STATED_VS_COMPUTED',
      'HIGHLIGHTS_LABEL',
      'HIGHLIGHTS_LABEL',
      'STATED_VS_COMPUTED',
      'STATED_INCONSISTENT',
    ]);
    // Each is a finding of the core checks, unchanged.
    expect(board.dataFindings).toEqual(figures.findings.filter((f) => f.code !== 'COVERAGE_BELOW_MINIMUM'));
    expect(board.findings.map((f) => f.code)).toEqual(['PERFORMANCE_QUINTILE', 'PERFORMANCE_QUINTILE']);
  });
});

describe('a board_review written in a fund-period file', () => {
  it('is refused by computeFigures when the period ends after the meeting (June 14, 2011 against August 31)', () => {
    const figures = computeFigures(loadFundText(TEXT, FILE).fund!);
    expect(figures.board).toBeUndefined();
    const late = figures.findings.filter((f) => f.code === 'DATED_AFTER_MEETING');
    expect(late.map((f) => [f.severity, f.path, f.message])).toEqual([[
      'error',
      ['period', 'end'],
      'the fund period is as of 2011-08-31, after the meeting of 2011-06-14 (board_review.meeting.start): a board book shows only what was known before the meeting',
    ]]);
  });

  it('runs inside computeFigures when the period ends by the meeting: its findings follow the core checks\'', () => {
    const text = TEXT.replace('start: 2011-06-14, end: 2011-06-15, agreement_effective: 2011-07-01', 'start: 2011-09-14, end: 2011-09-15, agreement_effective: 2011-10-01');
    const fund = loadFundText(text, FILE).fund!;
    const figures = computeFigures(fund);
    expect(figures.board?.meetingStart).toBe('2011-09-14');
    expect(figures.findings.filter((f) => f.code === 'PERFORMANCE_QUINTILE')).toHaveLength(2);
    expect(figures.findings.slice(0, coreFigures(fund).findings.length)).toEqual(coreFigures(fund).findings);
  });
});

describe('the mutation helper', () => {
  it('refuses a replacement that does not occur', () => {
    expect(() => mutated(['no such text in the file', 'x'])).toThrow();
  });

  it('an unmutated text loads as the file does', () => {
    const { board } = reviewOf(TEXT);
    expect(board.findings).toHaveLength(2);
    expect(board.dataFindings.filter((f) => f.severity !== 'info')).toHaveLength(9);
  });
});

describe('rule fee-above-median', () => {
  it('does not fire at 0.600%: the fund joins the group and moves the median to 0.600% (+0 bps)', () => {
    const { board } = mutated(['fund_contractual_fee: 0.270%', 'fund_contractual_fee: 0.600%']);
    // sorted: 0.35, 0.45, 0.50, 0.55, 0.55, [0.60], 0.60, 0.65, 0.70, 0.72, 0.80 -> 6th value 0.60
    expect(board.feeStats.median.equals(d('0.006'))).toBe(true);
    expect(board.feeVsMedianBps.isZero()).toBe(true); // 0.60 - 0.60 = 0, not more than 0
    // rank: 0.35, 0.45, 0.50, 0.55, 0.55 lower -> 6 (tied with peer F)
    expect(board.feeRank).toBe(6);
    expect(byRule(board, 'fee-above-median')).toEqual([]);
  });

  it('fires at 0.650%: median 0.600%, +5 bps above it', () => {
    const { board } = mutated(['fund_contractual_fee: 0.270%', 'fund_contractual_fee: 0.650%']);
    // sorted: 0.35, 0.45, 0.50, 0.55, 0.55, [0.60], 0.65, 0.65, 0.70, 0.72, 0.80 -> 0.60
    expect(board.feeStats.median.equals(d('0.006'))).toBe(true);
    // (0.0065 - 0.0060) x 10,000 = 5 > 0
    expect(board.feeVsMedianBps.equals(d('5'))).toBe(true);
    const f = byRule(board, 'fee-above-median');
    expect(f).toHaveLength(1);
    expect(f[0]!.code).toBe('FEE_ABOVE_MEDIAN');
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.path).toEqual(['board_review', 'expense_group', 'fund_contractual_fee']);
    expect(f[0]!.threshold).toBe('more than 0 bps above the expense-group median');
    expect(f[0]!.message).toContain('0.650%');
    expect(f[0]!.message).toContain('+5.0 bps');
    expect(f[0]!.message).toContain('median of 0.600%');
  });

  it('does not fire at +5 bps with a 5 bps threshold (not more than 5), fires with 4', () => {
    const at5 = mutated(['fund_contractual_fee: 0.270%', 'fund_contractual_fee: 0.650%'], ['fee_above_median_bps: 0', 'fee_above_median_bps: 5']);
    expect(at5.board.thresholds.feeAboveMedianBps.equals(d('5'))).toBe(true);
    expect(byRule(at5.board, 'fee-above-median')).toEqual([]); // 5 > 5 is false
    const at4 = mutated(['fund_contractual_fee: 0.270%', 'fund_contractual_fee: 0.650%'], ['fee_above_median_bps: 0', 'fee_above_median_bps: 4']);
    expect(byRule(at4.board, 'fee-above-median')).toHaveLength(1); // 5 > 4
    expect(byRule(at4.board, 'fee-above-median')[0]!.threshold).toBe('more than 4 bps above the expense-group median');
  });

  it('defaults to 0 bps when the threshold is left out', () => {
    const { board } = mutated(['fund_contractual_fee: 0.270%', 'fund_contractual_fee: 0.650%'], ['    fee_above_median_bps: 0\n', '']);
    expect(board.thresholds.feeAboveMedianBps.equals(DEFAULT_THRESHOLDS.feeAboveMedianBps)).toBe(true);
    expect(byRule(board, 'fee-above-median')).toHaveLength(1);
  });

  it('changes no other finding', () => {
    const { board } = mutated(['fund_contractual_fee: 0.270%', 'fund_contractual_fee: 0.650%']);
    expect(codes(board).filter((c) => c !== 'FEE_ABOVE_MEDIAN')).toEqual(codes(reviewOf(TEXT).board));
  });
});

describe('rule performance-quintile', () => {
  it('worst acceptable 4: nothing fires (quintiles 3, 4, 4)', () => {
    const { board } = mutated(['worst_acceptable_quintile: 3', 'worst_acceptable_quintile: 4']);
    expect(board.performance.map((p) => p.quintile)).toEqual([3, 4, 4]);
    expect(byRule(board, 'performance-quintile')).toEqual([]);
  });

  it('worst acceptable 2: all three fire (the 1-year third quintile too)', () => {
    const { board } = mutated(['worst_acceptable_quintile: 3', 'worst_acceptable_quintile: 2']);
    const f = byRule(board, 'performance-quintile');
    expect(f.map((x) => x.path![3])).toEqual([0, 1, 2]);
    expect(f[0]!.message).toContain('1-year performance in the third quintile');
    expect(f[0]!.message).toContain('rank 14 of 30');
    expect(f.every((x) => x.threshold === 'quintile worse than 2')).toBe(true);
  });

  it('worst acceptable 3 (the file): 3- and 5-year fire; the default is also 3', () => {
    expect(byRule(reviewOf(TEXT).board, 'performance-quintile').map((x) => x.path![3])).toEqual([1, 2]);
    const { board } = mutated(['    worst_acceptable_quintile: 3\n', '']);
    expect(board.thresholds.worstAcceptableQuintile).toBe(3);
    expect(byRule(board, 'performance-quintile').map((x) => x.path![3])).toEqual([1, 2]);
  });

  it('a better 1-year return moves the rank: 3.30% ranks 13th -> 12 x 5 / 30 = 2 -> third quintile still', () => {
    // 3.30% is beaten by 5.12 .. 3.38 (12 returns) -> rank 13. The universe must include the fund:
    // replace its 3.10% entry and the fund_return together.
    const { board } = mutated(['fund_return: 3.10%', 'fund_return: 3.30%'], ['3.21%, 3.10%, 3.02%', '3.21%, 3.30%, 3.02%']);
    expect(board.performance[0]!.rank).toBe(13);
    expect(board.performance[0]!.quintile).toBe(3); // floor(12 x 5 / 30) + 1 = 2 + 1 = 3
  });

  it('a 1-year return tied for best ranks 1 and is first quintile', () => {
    const { board } = mutated(['fund_return: 3.10%', 'fund_return: 5.12%'], ['3.21%, 3.10%, 3.02%', '3.21%, 5.12%, 3.02%']);
    expect(board.performance[0]!.rank).toBe(1);
    expect(board.performance[0]!.quintile).toBe(1);
  });

  it('a stated rank beyond the universe is refused when the file is loaded, with its line', () => {
    const loaded = loadFundText(TEXT.replace('rank: 20, universe_size: 28', 'rank: 29, universe_size: 28'), 'x.yaml');
    expect(loaded.fund).toBeUndefined();
    expect(loaded.problems.map((p) => `${formatPath(p.path ?? [])}: ${p.message}`)).toEqual(['board_review.performance_universe.periods[1].rank: 29 is not a rank in a universe of 28']);
  });
});

describe('rule cap-ending (horizon: meeting 2011-06-15 + 12 months = 2012-06-15)', () => {
  it('fires when the agreement ends 2012-05-31', () => {
    const { board } = mutated(['through: 2012-06-30', 'through: 2012-05-31']);
    // 2011-06-15 -> 2012-05-31: the 381 days to 2012-06-30 less the 30 from 2012-05-31 to 2012-06-30 = 351
    expect(board.cap!.daysUntilEnd).toBe(351);
    const f = byRule(board, 'cap-ending');
    expect(f).toHaveLength(1);
    expect(f[0]!.code).toBe('CAP_ENDING');
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.path).toEqual(['agreements', 'expense_limitation', 'through']);
    expect(f[0]!.threshold).toBe('agreement ends within 12 months of the meeting (by 2012-06-15)');
    expect(f[0]!.message).toContain('ends on 2012-05-31, 351 days after the meeting');
  });

  it('does not fire at 2012-06-30 with 12 months (the file)', () => {
    expect(byRule(reviewOf(TEXT).board, 'cap-ending')).toEqual([]);
  });

  it('fires at 2012-06-30 with 13 months (horizon 2012-07-15)', () => {
    const { board } = mutated(['cap_ending_within_months: 12', 'cap_ending_within_months: 13']);
    const f = byRule(board, 'cap-ending');
    expect(f).toHaveLength(1);
    expect(f[0]!.threshold).toBe('agreement ends within 13 months of the meeting (by 2012-07-15)');
  });

  it('the horizon day itself fires (2012-06-15), the day after does not (2012-06-16)', () => {
    expect(byRule(mutated(['through: 2012-06-30', 'through: 2012-06-15']).board, 'cap-ending')).toHaveLength(1);
    expect(byRule(mutated(['through: 2012-06-30', 'through: 2012-06-16']).board, 'cap-ending')).toEqual([]);
  });

  it('a cap already ended before the meeting fires, with negative days', () => {
    const { board } = mutated(['through: 2012-06-30', 'through: 2011-06-14']);
    expect(board.cap!.daysUntilEnd).toBe(-1);
    expect(byRule(board, 'cap-ending')).toHaveLength(1);
  });
});

describe('rule waiver-occurred', () => {
  it('does not fire under the 0.66% cap (the file)', () => {
    expect(byRule(reviewOf(TEXT).board, 'waiver-occurred')).toEqual([]);
  });

  it('fires at a 0.40% cap (covered 0.5159% > 0.40%), severity info, waiver 109,696.65', () => {
    const { board, figures } = mutated(['limit: 0.66%', 'limit: 0.40%']);
    const cap = figures.expenseCap!;
    // cap for the period: 0.004 x 187,753,000 x 184 / 365 = 751,012 x 184 / 365 = 138,186,208 / 365
    //   = 378,592.350684...  (365 x 378,592 = 138,186,080; remainder 128; 128 / 365 = 0.350684...)
    expect(cap.capAmount.toDecimalPlaces(2).toString()).toBe('378592.35');
    // excess: 488,289 - 378,592.350684... = 109,696.649315... -> 109,696.65; all of it out of the
    // advisory fee (377,455 is more), nothing reimbursed
    expect(cap.waiver.toDecimalPlaces(2).toString()).toBe('109696.65');
    expect(cap.reimbursement.isZero()).toBe(true);
    expect(board.cap!.waiverPeriod.toDecimalPlaces(2).toString()).toBe('109696.65');
    expect(board.cap!.waiverYearToDate.toDecimalPlaces(2).toString()).toBe('109696.65'); // no earlier waivers this year
    // headroom: (0.0040 - 0.0051590) x 10,000 = -11.59 bps
    expect(board.cap!.headroomBps.toDecimalPlaces(2).toString()).toBe('-11.59');
    const f = byRule(board, 'waiver-occurred');
    expect(f).toHaveLength(1);
    expect(f[0]!.code).toBe('WAIVER_OCCURRED');
    expect(f[0]!.severity).toBe('info');
    expect(f[0]!.path).toEqual(['agreements', 'expense_limitation', 'limit']);
    expect(f[0]!.message).toBe('the adviser waived $109,697 and reimbursed $0 under the expense limitation this period');
    // The statement of operations books no waiver, so the core checks add WAIVER_MISMATCH (109,697 required).
    expect(board.dataFindings.map((x) => x.code)).toContain('WAIVER_MISMATCH');
  });

  it('at a 0.05% cap the excess outruns the advisory fee: waiver 377,455 + reimbursement 63,509.96', () => {
    const { board, figures } = mutated(['limit: 0.66%', 'limit: 0.05%']);
    const cap = figures.expenseCap!;
    // cap: 0.0005 x 187,753,000 x 184 / 365 = 17,273,276 / 365 = 47,324.043835... (365 x 47,324 = 17,273,260; 16 / 365)
    expect(cap.capAmount.toDecimalPlaces(2).toString()).toBe('47324.04');
    // excess: 488,289 - 47,324.043835... = 440,964.956164...; waiver capped at the advisory fee 377,455
    expect(cap.waiver.toString()).toBe('377455');
    // reimbursement: 440,964.956164... - 377,455 = 63,509.956164... -> 63,509.96
    expect(cap.reimbursement.toDecimalPlaces(2).toString()).toBe('63509.96');
    expect(board.cap!.waiverPeriod.toDecimalPlaces(2).toString()).toBe('440964.96');
    const f = byRule(board, 'waiver-occurred');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toBe('the adviser waived $377,455 and reimbursed $63,510 under the expense limitation this period');
  });
});

describe('rule coverage-headroom', () => {
  // coverage assets 286,382,448 - 36,633,820 = 249,748,628; minimum 200% x 55,000,000 = 110,000,000;
  // headroom 139,748,628 / total assets 286,382,448 = 0.487979... (48.8%)
  it("IQM's headroom is 48.8% of total assets", () => {
    const cov = reviewOf(TEXT).figures.preferredCoverage!;
    expect(cov.headroom.toString()).toBe('139748628');
    expect(cov.headroomFraction.toDecimalPlaces(6).toString()).toBe('0.487979'); // 139,748,628 / 286,382,448 = 0.4879790...
  });

  it('fires with a 50% minimum', () => {
    const { board } = mutated(['coverage_headroom_minimum: 25%', 'coverage_headroom_minimum: 50%']);
    const f = byRule(board, 'coverage-headroom');
    expect(f).toHaveLength(1);
    expect(f[0]!.code).toBe('COVERAGE_HEADROOM');
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.path).toEqual(['preferred_shares', 'outstanding']);
    expect(f[0]!.threshold).toBe('total assets may fall at least 50% before a breach');
    expect(f[0]!.message).toBe('asset coverage 454%: total assets may fall only 48.8% ($139,748,628) before coverage breaches 200%');
    expect(byRule(board, 'coverage-minimum')).toEqual([]);
  });

  it('does not fire at 25% (the file) nor at the 10% default', () => {
    expect(byRule(reviewOf(TEXT).board, 'coverage-headroom')).toEqual([]);
    const { board } = mutated(['    coverage_headroom_minimum: 25%\n', '']);
    expect(board.thresholds.coverageHeadroomMinimum.equals(d('0.10'))).toBe(true);
    expect(byRule(board, 'coverage-headroom')).toEqual([]);
  });

  it('boundary: 48.79% does not fire (0.487979 is not less), 48.80% does', () => {
    expect(byRule(mutated(['coverage_headroom_minimum: 25%', 'coverage_headroom_minimum: 48.79%']).board, 'coverage-headroom')).toEqual([]);
    expect(byRule(mutated(['coverage_headroom_minimum: 25%', 'coverage_headroom_minimum: 48.80%']).board, 'coverage-headroom')).toHaveLength(1);
  });
});

describe('rule coverage-minimum', () => {
  const covenant = (minimum: string): [string, string] => [
    '  subsequent_dividends: {',
    `  coverage_covenants:\n    - { name: Rating agency guideline (synthetic), minimum: ${minimum} }\n  subsequent_dividends: {`,
  ];

  it('fires as a warning (one severity for the code, wherever it is raised) under a 500% covenant (coverage 454%)', () => {
    const { board, figures } = mutated(covenant('500%'));
    const cov = figures.preferredCoverage!;
    // 249,748,628 / 55,000,000 = 4.5409 < 5.00
    expect(cov.compliant).toBe(false);
    expect(cov.bindingMinimum.equals(d('5'))).toBe(true);
    // redeem (5 x 55,000,000 - 249,748,628) / (5 - 1) = 25,251,372 / 4 = 6,312,843
    expect(cov.redemptionNeeded.toString()).toBe('6312843');
    const f = byRule(board, 'coverage-minimum');
    expect(f).toHaveLength(1);
    expect(f[0]!.code).toBe('COVERAGE_BELOW_MINIMUM');
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.path).toEqual(['preferred_shares', 'outstanding']);
    expect(f[0]!.threshold).toBe('Rating agency guideline (synthetic): at least 500%');
    expect(f[0]!.message).toBe('asset coverage fails Rating agency guideline (synthetic) (454% against 500%); common dividends are not blocked; restoring coverage needs $6,312,843 of preferred redeemed (127 shares)');
    // Not a headroom warning as well, and the core checks' warning of the same code is not repeated.
    expect(byRule(board, 'coverage-headroom')).toEqual([]);
    expect(figures.findings.map((x) => x.code)).toContain('COVERAGE_BELOW_MINIMUM');
    expect(board.findings.filter((x) => x.code === 'COVERAGE_BELOW_MINIMUM')).toHaveLength(1);
    expect(board.dataFindings.filter((f) => f.severity !== 'info')).toHaveLength(9);
  });

  it('boundary: a 455% covenant fails (4.5409 < 4.55); 454% passes, leaving a headroom of $48,628', () => {
    expect(byRule(mutated(covenant('455%')).board, 'coverage-minimum')).toHaveLength(1);
    const { board, figures } = mutated(covenant('454%'));
    expect(byRule(board, 'coverage-minimum')).toEqual([]);
    // 249,748,628 - 4.54 x 55,000,000 = 249,748,628 - 249,700,000 = 48,628 (0.017% of total assets < 25%)
    expect(figures.preferredCoverage!.headroom.toString()).toBe('48628');
    expect(byRule(board, 'coverage-headroom')).toHaveLength(1);
  });

  it('does not fire for IQM as filed (454% >= 200%)', () => {
    expect(byRule(reviewOf(TEXT).board, 'coverage-minimum')).toEqual([]);
  });

  // When only the 300% senior-debt test fails, the finding names that test (a regression test: it once
  // said the preferred coverage was "below" the preferred minimum, though it was above it). Example: coverage assets 249,748,628; debt 90,000,000 (249,748,628 / 90,000,000 =
  // 277% < 300%, fails); preferred 10,000,000 (249,748,628 / 100,000,000 = 250% >= 200%, passes). The
  // message reads "asset coverage of the preferred shares is 250%, below 200%; ... needs $0 of preferred
  // redeemed". It should name the failed debt test (300%).
  it('names the failed test when only the 300% debt test fails (not "250%, below 200%")', () => {
    const { fund, figures } = reviewOf(TEXT);
    const debt = d('90000000');
    const preferredCoverage = calculateCoverage({
      totalAssets: d('286382448'),
      totalLiabilities: d('36633820').plus(debt),
      securities: [
        { kind: 'credit_facility', label: 'Borrowings', amount: debt, liability: true, path: [] },
        { kind: 'preferred_shares', label: 'Preferred', amount: d('10000000'), shares: d('200'), liquidationPerShare: d('50000'), liability: false, path: [] },
      ],
    })!;
    expect(preferredCoverage.compliant).toBe(false);
    expect(preferredCoverage.ratio!.toFixed(4)).toBe('2.4975'); // passes 200%
    expect(preferredCoverage.debtRatio!.toFixed(4)).toBe('2.7750'); // fails 300%
    // Only the 300% debt test fails: it is the one the coverage finding names.
    expect(preferredCoverage.tests.filter((t) => !t.passes).map((t) => t.minimum.toString())).toEqual(['3']);
  });
});

describe('defaults', () => {
  it('without a thresholds section the defaults apply (0 bps, 3rd quintile, 12 months, 10%)', () => {
    const start = TEXT.indexOf('  thresholds:\n');
    const end = TEXT.indexOf('\n\n', start);
    expect(start).toBeGreaterThan(0);
    const block = TEXT.slice(start, end + 1);
    expect(block).toBe('  thresholds:\n    fee_above_median_bps: 0\n    worst_acceptable_quintile: 3\n    cap_ending_within_months: 12\n    coverage_headroom_minimum: 25%\n');
    const { board } = mutated([block, '\n']);
    expect(board.thresholds.feeAboveMedianBps.equals(DEFAULT_THRESHOLDS.feeAboveMedianBps)).toBe(true);
    expect(board.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(codes(board)).toEqual(codes(reviewOf(TEXT).board));
  });
});

describe('the June 2011 meeting drawn on the February 28, 2011 fund period', () => {
  const feb = loadFundFile('data/iqm/2011-02-28.yaml').fund!;
  const febFigures = computeFigures(feb);

  it('computes the fund\'s expense ratio on the peers\' basis', () => {
    // 120 days, actual/365. Net = gross (no waivers): 361,500 / 183,328,000 = 0.00197187; x 365 / 120 = 0.0059978.
    expect(expenseRatioOnBasis(feb, febFigures, { waivers: 'gross', interest_expense: 'included' }).toDecimalPlaces(7).toString()).toBe('0.0059978');
    // Excluding the 126,500 of interest, facilities and maintenance fees: 235,000 / 183,328,000 = 0.00128186; x 365 / 120 = 0.0038990.
    expect(expenseRatioOnBasis(feb, febFigures, { waivers: 'net', interest_expense: 'excluded' }).toFixed(7)).toBe('0.0038990');
  });
});

describe('the board: roster, holdovers, agreements, the factors without data', () => {
  const { board } = reviewOf(TEXT);

  it('takes the independent share from the roster: 5 of 7, no finding without a stated share', () => {
    expect(board.composition).toMatchObject({ trustees: 7, independent: 5, agrees: true });
    expect(board.composition.share.toDecimalPlaces(4).toString()).toBe('0.7143');
    expect(codes(board)).not.toContain('BOARD_COMPOSITION');
  });

  it('reports a stated 80% the roster does not give (5 of 7 = 71%)', () => {
    const { board: b } = mutated(['  expense_group:\n    source: Lipper', '  board_composition: { independent_share_stated: 80%, source: the filing }\n  expense_group:\n    source: Lipper']);
    const f = byRule(b, 'board-composition');
    expect(f.map((x) => [x.code, x.severity, x.stated, x.computed])).toEqual([['BOARD_COMPOSITION', 'warning', '80%', '71.4%']]);
    expect(f[0]!.message).toBe('the roster lists 7 trustees, 5 of them independent (71%); the filing states 80%: the roster is incomplete or the statement is wrong');
    // 4 of 5 = 80% agrees.
    const { board: agreeing } = mutated(
      ['  expense_group:\n    source: Lipper', '  board_composition: { independent_share_stated: 80%, source: the filing }\n  expense_group:\n    source: Lipper'],
      ['    - { name: Philip A. Taylor, independent: false }\n', ''],
      ['    - { name: Larry Soll, independent: true }\n', ''],
    );
    expect(agreeing.composition.agrees).toBe(true);
  });

  it('holds over the preferred-only nominee whose election of July 14, 2011 failed for want of a quorum', () => {
    expect(board.holdovers).toEqual([{ name: 'Frank S. Bayley', group: 'preferred', meetingDate: '2011-07-14' }]);
  });

  it('renews the advisory agreement alone when the data names no agreements', () => {
    expect(board.agreements).toEqual([{ kind: 'advisory', name: 'Investment advisory agreement', parties: 'Invesco Advisers, Inc.' }]);
  });

  it('names the fields that would fill profitability and affiliates\' revenues when the data gives none', () => {
    expect(board.profitability).toBeUndefined();
    expect(board.missing.profitability).toContain('board_review.profitability.allocated_costs[] (label, amount)');
    expect(board.missing.affiliatedRevenues).toContain('board_review.affiliated_revenues.source');
  });

  it('computes the 1-year peer median from every return, and takes the stated one otherwise', () => {
    // 30 returns: the 15th and 16th are 3.02% and 2.95% -> 2.985%; 3.10% - 2.985% = +11.5 bps.
    expect(board.performance[0]!.medianReturn!.toString()).toBe('0.02985');
    expect(board.performance[0]!.vsMedianBps!.toString()).toBe('11.5');
    expect(board.performance[1]!.medianReturn).toBeUndefined();
    const { board: b } = mutated(['rank: 20, universe_size: 28 }', 'rank: 20, universe_size: 28, median_return: 5.61% }']);
    expect(b.performance[1]!.medianComputed).toBe(false);
    expect(b.performance[1]!.vsMedianBps!.toString()).toBe('-41');
  });
});
