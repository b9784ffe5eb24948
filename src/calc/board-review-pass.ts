// The section 15(c) board review as a calculator pass: it runs, last, whenever the fund file has a
// `board_review` section, so `check` and `figures` show the rules that fire, not only the board book.
// The review (board-review.ts) repeats the core findings for the book (rule core-checks); as a pass
// it adds only its own, so each finding is listed once.
import type { Diagnostic } from '../diagnostic.js';
import { calculateBoardReview } from './board-review.js';
import type { Figures } from './compute.js';
import type { CalculatorPass } from './pass.js';

export const boardReviewPass = {
  name: 'board-review',
  codes: { FEE_ABOVE_MEDIAN: 'warning', PERFORMANCE_QUINTILE: 'warning', CAP_ENDING: 'warning', WAIVER_OCCURRED: 'info', COVERAGE_HEADROOM: 'warning' },
  lines: [],
  run(fund, before) {
    if (!fund.board_review) return { figures: { board: undefined }, workings: [], diagnostics: [] };
    // The board review reads every figure before it (it is the last pass).
    const board = calculateBoardReview(fund, fund.board_review, before as Figures);
    const key = (f: Diagnostic) => `${f.code} ${f.path?.join('.')} ${f.message}`;
    const core = new Set((before.findings ?? []).map(key));
    return { figures: { board }, workings: board.workings, diagnostics: board.findings.filter((f) => !core.has(key(f))) };
  },
} satisfies CalculatorPass<'board'>;
