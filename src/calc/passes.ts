// The calculators, in the order they run: each pass sees the figures of the passes before it. Adding a
// calculator is its file (with its pass), its test and one entry here.
import { advisoryFeePass } from './advisory-fee.js';
import { boardReviewPass } from './board-review-pass.js';
import { expenseCapPass } from './expense-cap.js';
import type { CalculatorPass, FigureLineDeclaration } from './pass.js';
import { periodPass } from './period.js';
import { preferredCoveragePass } from './preferred-coverage.js';
import { preferredSharesPass } from './preferred-shares.js';
import { proxyPass } from './proxy-tally.js';
import { ratiosPass } from './ratios.js';
import { statedChecksPass } from './stated-checks.js';
import { tieOutsPass } from './tie-outs.js';

// figures.json prints each pass's part in this order, and the period diff lists their lines in it.
export const PASSES = [
  periodPass,
  expenseCapPass,
  advisoryFeePass,
  preferredCoveragePass,
  preferredSharesPass,
  ratiosPass,
  proxyPass,
  tieOutsPass,
  statedChecksPass,
  boardReviewPass,
] as const satisfies readonly CalculatorPass<any>[];

/** Every figure line the passes report, in pass order. */
export const FIGURE_LINES: readonly FigureLineDeclaration[] = PASSES.flatMap((p): readonly FigureLineDeclaration[] => p.lines);
