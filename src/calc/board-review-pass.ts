// The section 15(c) board review as a calculator pass: it runs, last, whenever the fund file has a
// `board_review` section, so `check` and `figures` show the rules that fire, not only the board book.
// A meeting file (board/<meeting>.yaml) adds its review to its fund period's figures the same way
// (compute.ts's withBoardReview). The review keeps the core findings apart for the book's appendix; as
// a pass it adds only its own, so each finding is listed once.
import type { Diagnostic } from '../diagnostic.js';
import type { BoardReview, FundPeriod } from '../load/schema.js';
import { calculateBoardReview } from './board-review.js';
import type { Figures } from './compute.js';
import { blocksAfterMeeting } from './meeting-dates.js';
import type { CalculatorPass, FiguresSoFar, PassOutput } from './pass.js';

/** A review's figures, workings and own findings, on the figures of every pass before it. */
export function reviewOutput(fund: FundPeriod, review: BoardReview, before: FiguresSoFar): PassOutput<'board'> {
  const board = calculateBoardReview(fund, review, before as Figures);
  const key = (f: Diagnostic) => `${f.code} ${f.path?.join('.')} ${f.message}`;
  const core = new Set((before.findings ?? []).map(key));
  return { figures: { board }, workings: board.workings, diagnostics: board.findings.filter((f) => !core.has(key(f))) };
}

export const boardReviewPass = {
  name: 'board-review',
  codes: {
    FEE_ABOVE_MEDIAN: 'warning',
    PERFORMANCE_QUINTILE: 'warning',
    CAP_ENDING: 'warning',
    WAIVER_OCCURRED: 'info',
    COVERAGE_HEADROOM: 'warning',
    BOARD_COMPOSITION: 'warning',
    AFFILIATED_REVENUE_LINE: 'error',
    DATED_AFTER_MEETING: 'error',
    PEERS_FILE: 'error',
  },
  lines: [],
  run(fund, before) {
    const review = fund.board_review;
    if (!review) return { figures: { board: undefined }, workings: [], diagnostics: [] };
    // In a fund file the review draws on this very period, which must end by the meeting; and only a
    // meeting file reads its peers from a CSV.
    const refused = blocksAfterMeeting(review, { label: 'fund period', asOf: fund.period.end, path: ['period', 'end'] });
    if (!review.expense_group.peers) {
      refused.push({ severity: 'error', code: 'PEERS_FILE', path: ['board_review', 'expense_group', 'peers_file'], message: 'peers are read from a CSV only in a meeting file (board/<meeting>.yaml); list them under peers here' });
    }
    if (refused.length > 0) return { figures: { board: undefined }, workings: [], diagnostics: refused };
    return reviewOutput(fund, review, before);
  },
} satisfies CalculatorPass<'board'>;
