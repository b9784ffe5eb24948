// `fundbook check`: load and compute each file, and describe every problem and finding as one located
// diagnostic a line, in source order (file, then line, then column).
import { computeFigures, type Figures } from './calc/compute.js';
import { bySource, formatDiagnostic, locateAll, type Diagnostic } from './diagnostic.js';
import { loadFundFile, type LoadedFund } from './load/load-fund.js';
import { loadReviewFor, sha256OfFile } from './review/review-file.js';
import { EMPTY_REVIEW } from './review/schema.js';
import { reviewStatus, signedLine, type ReviewStatus } from './review/status.js';

export interface Checked {
  loaded: LoadedFund;
  figures?: Figures;
  /** Open and acknowledged findings, stale entries, sign-offs (docs/review.md). */
  review?: ReviewStatus;
  errors: number;
  warnings: number;
  lines: string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Every diagnostic of a loaded file (its load problems, then its figures' findings), located and in source order. */
export function diagnosticsOf(loaded: LoadedFund, figures?: Figures): Diagnostic[] {
  return [...loaded.problems, ...locateAll(figures?.findings ?? [], loaded.locate)].sort(bySource);
}

export function checkFile(file: string): Checked {
  const loaded = loadFundFile(file);
  const figures = loaded.fund ? computeFigures(loaded.fund) : undefined;
  if (figures) return checkReviewed(file, loaded, figures);
  const diagnostics = diagnosticsOf(loaded, figures);
  const lines = diagnostics.map(formatDiagnostic);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const toFill = diagnostics.filter((d) => d.code === 'TO_BE_FILLED').length;
  const what = toFill > 0 ? `${toFill} to be filled, ${plural(errors - toFill, 'other error')}` : plural(errors, 'error');
  lines.push(`${file}: not checked further (${what})`);
  return { loaded, errors, warnings, lines };
}

/**
 * A file that loads, with its review file: open findings as diagnostics, acknowledged ones apart (each
 * line `acknowledged: ...` with who, when and why), the review record's own diagnostics, then whether
 * the period is signed.
 */
function checkReviewed(file: string, loaded: LoadedFund, figures: Figures): Checked {
  const review = loadReviewFor(file);
  const findings = locateAll(figures.findings, loaded.locate);
  const status = reviewStatus(findings, review.data ?? EMPTY_REVIEW, sha256OfFile(file));
  const settled = new Set(status.acknowledged.map((a) => a.finding));
  const diagnostics = [
    ...[...loaded.problems, ...findings.filter((f) => !settled.has(f))].sort(bySource),
    // A review file that does not load: its problems, and every finding counted open.
    ...review.problems,
    ...locateAll(status.issues, review.locate),
  ];
  const lines = diagnostics.map(formatDiagnostic);
  for (const { finding, ack } of status.acknowledged) lines.push(`acknowledged: ${formatDiagnostic(finding)} [${ack.by}, ${ack.on}: ${ack.reason}]`);
  if (review.data) lines.push(signedLine(status));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const failed = figures.tieOuts.filter((t) => !t.ok).length;
  const acknowledged = status.acknowledged.length > 0 ? `, ${status.acknowledged.length} acknowledged` : '';
  lines.push(`${file}: ${figures.tieOuts.length} tie-outs checked, ${failed} failed; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${acknowledged}`);
  return { loaded, figures, review: status, errors, warnings, lines };
}
