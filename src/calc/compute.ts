// Calculate stage: runs the calculator passes (passes.ts) in order on a loaded fund-period, each on the
// figures of the passes before it, and gathers their figures, workings and findings.
// Pure: the fund data in, figures (with workings) and findings out.
import type { Decimal } from '../decimal.js';
import type { Diagnostic } from '../diagnostic.js';
import type { FundPeriod } from '../load/schema.js';
import type { AdvisoryFeeResult } from './advisory-fee.js';
import type { BoardFigures } from './board-review.js';
import type { ExpenseCapResult } from './expense-cap.js';
import type { FiguresSoFar } from './pass.js';
import { PASSES } from './passes.js';
import type { CoverageResult } from './preferred-coverage.js';
import type { PreferredShareActivity } from './preferred-shares.js';
import type { ProposalTally } from './proxy-tally.js';
import type { Ratios } from './ratios.js';
import type { TieOut } from './tie-outs.js';

export type { ProposalTally };

export interface Figures {
  days: number;
  daysInYear: number;
  daysInFiscalYear: number;
  expenseCap?: ExpenseCapResult;
  advisoryFee: AdvisoryFeeResult;
  preferredCoverage?: CoverageResult;
  proxy: ProposalTally[];
  marketPremiumDiscount?: Decimal;
  /** Annualised ratios to average daily net assets, as the financial highlights print them. */
  ratios: Ratios;
  tieOuts: TieOut[];
  /** The preferred shares outstanding at the beginning, retired and at the end, at liquidation value. */
  preferredShareActivity?: PreferredShareActivity;
  /** The section 15(c) review, whenever the file has a `board_review` section. */
  board?: BoardFigures;
  /** Each pass's workings, by pass name. */
  workings: Record<string, string[]>;
  /** Every pass's diagnostics, in pass order. */
  findings: Diagnostic[];
}

export function computeFigures(fund: FundPeriod): Figures {
  const figures: Partial<Figures> & { findings: Diagnostic[]; workings: Record<string, string[]> } = { findings: [], workings: {} };
  for (const pass of PASSES) {
    const out = pass.run(fund, figures as FiguresSoFar);
    Object.assign(figures, out.figures);
    figures.workings[pass.name] = out.workings;
    figures.findings.push(...out.diagnostics);
  }
  return figures as Figures;
}
