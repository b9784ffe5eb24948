// `fundbook check`: load and compute each file, and describe every problem and finding as a line
// that names file, line, column and field.
import { computeFigures, type Figures } from './calc/compute.js';
import type { Finding } from './calc/finding.js';
import { formatPath } from './load/locate.js';
import { formatProblem, loadFundFile, type LoadedFund } from './load/load-fund.js';
import { loadReviewFor, sha256OfFile } from './review/review-file.js';
import { EMPTY_REVIEW } from './review/schema.js';
import { needsReview, reviewStatus, signedLine, type ReviewStatus } from './review/status.js';

export interface Checked {
  loaded: LoadedFund;
  figures?: Figures;
  review?: ReviewStatus;
  errors: number;
  warnings: number;
  lines: string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatFinding(loaded: LoadedFund, f: Finding): string {
  const where = f.path ? loaded.locate(f.path) : { file: loaded.file, line: 1, col: 1 };
  const path = f.path ? ` ${formatPath(f.path)}:` : '';
  return `${where.file}:${where.line}:${where.col}${path} ${f.severity} ${f.code}: ${f.message}`;
}

export function checkFile(file: string): Checked {
  const loaded = loadFundFile(file);
  const lines = loaded.problems.map(formatProblem);
  let errors = loaded.problems.filter((p) => p.severity === 'error').length;
  let warnings = loaded.problems.length - errors;
  const toFill = loaded.problems.filter((p) => p.kind === 'to-be-filled').length;
  if (!loaded.fund) {
    const what = toFill > 0 ? `${toFill} to be filled, ${plural(errors - toFill, 'other error')}` : plural(errors, 'error');
    lines.push(`${file}: not checked further (${what})`);
    return { loaded, errors, warnings, lines };
  }
  const figures = computeFigures(loaded.fund);
  const review = loadReviewFor(file);
  if (!review.data) {
    // A review file that does not load: its problems, and the findings as if nothing were settled.
    for (const p of review.problems) lines.push(formatProblem(p));
    errors += review.problems.filter((p) => p.severity === 'error').length;
    warnings += review.problems.filter((p) => p.severity === 'warning').length;
  }
  const status = reviewStatus(figures.findings, review.data ?? EMPTY_REVIEW, sha256OfFile(file));
  const open = new Set(status.open);
  for (const f of figures.findings) {
    if (open.has(f) || !needsReview(f)) lines.push(formatFinding(loaded, f));
    if (!open.has(f)) continue;
    if (f.severity === 'error') errors++;
    else warnings++;
  }
  for (const { finding, ack } of status.acknowledged) {
    lines.push(`acknowledged: ${formatFinding(loaded, finding)} [${ack.by}, ${ack.on}: ${ack.reason}]`);
  }
  for (const issue of status.issues) {
    const where = review.locate(issue.path);
    lines.push(`${where.file}:${where.line}:${where.col} ${formatPath(issue.path)}: ${issue.severity} ${issue.code}: ${issue.message}`);
    if (issue.severity === 'error') errors++;
    else warnings++;
  }
  if (review.data) lines.push(signedLine(status));
  const failed = figures.tieOuts.filter((t) => !t.ok).length;
  const settled = status.acknowledged.length > 0 ? `, ${status.acknowledged.length} acknowledged` : '';
  lines.push(`${file}: ${figures.tieOuts.length} tie-outs checked, ${failed} failed; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${settled}`);
  return { loaded, figures, review: status, errors, warnings, lines };
}
