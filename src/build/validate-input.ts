// The validation pass of a batch, for one input: every error of loading and calculating, formatted.
// A file that the quick loader accepts and that calculates without an error finding needs nothing
// more; anything else is loaded again by the full loader, for located messages.
import { computeFigures } from '../calc/compute.js';
import { formatFinding } from '../check.js';
import { formatProblem, loadFundText, readFundSource } from '../load/load-fund.js';
import { quickLoad } from '../load/quick-load.js';
import { loadReviewFor } from '../review/review-file.js';

const hasErrorFinding = (fund: Parameters<typeof computeFigures>[0]) => computeFigures(fund).findings.some((f) => f.severity === 'error');

export function validateInput(input: string): { errors: string[] } {
  const source = readFundSource(input);
  if ('failed' in source) return { errors: source.failed.problems.map(formatProblem) };
  // The review file beside it (docs/review.md) must load too.
  const reviewErrors = loadReviewFor(input).problems.map(formatProblem);
  if (reviewErrors.length > 0) return { errors: reviewErrors };
  const quick = quickLoad(source.text);
  if (quick && !hasErrorFinding(quick)) return { errors: [] };

  const loaded = loadFundText(source.text, input);
  const errors = loaded.problems.filter((p) => p.severity === 'error').map(formatProblem);
  if (loaded.fund) {
    const figures = computeFigures(loaded.fund);
    for (const f of figures.findings.filter((x) => x.severity === 'error')) errors.push(formatFinding(loaded, f));
  }
  return { errors };
}
