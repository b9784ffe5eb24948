// `fundbook check`: load and compute each file, and describe every problem and finding as one located
// diagnostic a line, in source order (file, then line, then column).
import { existsSync } from 'node:fs';
import { computeFigures, type Figures } from './calc/compute.js';
import { bySource, formatDiagnostic, locateAll, type Diagnostic } from './diagnostic.js';
import type { LoadedFund } from './load/load-fund.js';
import { isMeetingFile } from './load/load-meeting.js';
import { diagnosticsOf, validateInput, validateMeeting } from './pipeline/validated.js';
import { loadReviewFor, sha256OfFile } from './review/review-file.js';
import { EMPTY_REVIEW } from './review/schema.js';
import { reviewStatus, signedLine, type ReviewStatus } from './review/status.js';
import { formatPath } from './load/locate.js';

/** A diagnostic as `check --format json` and the library give it: located, its field path as text. */
export interface CheckDiagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Stable, upper-case code (TIE_OUT, UNKNOWN_KEY, TO_BE_FILLED, ...). */
  code: string;
  file: string;
  line: number;
  col: number;
  /** The field path, e.g. statements.operations.expenses.advisory_fees ('' for the file as a whole). */
  path: string;
  message: string;
  stated?: string;
  computed?: string;
  difference?: string;
  rule?: string;
  threshold?: string;
}

interface Checked {
  loaded: LoadedFund;
  figures?: Figures;
  /** Open and acknowledged findings, stale entries, sign-offs (docs/review.md). */
  review?: ReviewStatus;
  errors: number;
  warnings: number;
  lines: string[];
  diagnostics: CheckDiagnostic[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `file` checked through the run's one validation of it (pipeline/validated.ts), which a build then reuses. */
export function checkFile(file: string): Checked {
  if (isMeetingFile(file)) return checkMeeting(file);
  const v = validateInput(file);
  return checkComputed(v.loaded, v.figures);
}

/**
 * A meeting file (board/<meeting>.yaml): its own problems and the board review's findings, located in
 * it, and whatever stops the book (the fund period's load problems and errors). The fund period's own
 * warnings belong to that file's check and review record, and are not repeated here.
 */
function checkMeeting(file: string): Checked {
  const v = validateMeeting(file);
  const fundProblems = v.meeting.fund?.problems ?? [];
  const loaded = { ...v.loaded, problems: [...v.meeting.problems, ...fundProblems] };
  const figures = v.figures && { ...v.figures, findings: v.figures.findings.filter((f) => f.severity === 'error' || f.location?.file === file) };
  const checked = checkComputed(loaded, figures);
  const fundFile = v.meeting.fund?.file;
  if (fundFile && figures) checked.lines.push(`${file}: the board review draws on ${fundFile}; its own findings: fundbook check ${fundFile}`);
  return checked;
}

function plain(d: Diagnostic, file: string): CheckDiagnostic {
  const at = d.location ?? { file, line: 1, col: 1 };
  const extra = Object.fromEntries((['stated', 'computed', 'difference', 'rule', 'threshold'] as const).filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));
  return { severity: d.severity, code: d.code, file: at.file, line: at.line, col: at.col, path: d.path ? formatPath(d.path) : '', message: d.message, ...extra };
}

/** check's work on a file already loaded (from a file or from text). */
export function checkLoaded(loaded: LoadedFund): Checked {
  return checkComputed(loaded, loaded.fund ? computeFigures(loaded.fund) : undefined);
}

function checkComputed(loaded: LoadedFund, figures: Figures | undefined): Checked {
  const file = loaded.file;
  // A file on disk has a review record; text given to the library has none.
  if (figures && existsSync(file)) return checkReviewed(file, loaded, figures);
  const diagnostics = diagnosticsOf(loaded, figures);
  const lines = diagnostics.map(formatDiagnostic);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (!figures) {
    const toFill = diagnostics.filter((d) => d.code === 'TO_BE_FILLED').length;
    const what = toFill > 0 ? `${toFill} to be filled, ${plural(errors - toFill, 'other error')}` : plural(errors, 'error');
    lines.push(`${file}: not checked further (${what})`);
    return { loaded, errors, warnings, lines, diagnostics: diagnostics.map((d) => plain(d, file)) };
  }
  const failed = figures.tieOuts.filter((t) => !t.ok).length;
  lines.push(`${file}: ${figures.tieOuts.length} tie-outs checked, ${failed} failed; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return { loaded, figures, errors, warnings, lines, diagnostics: diagnostics.map((d) => plain(d, file)) };
}

/**
 * A file on disk that loads, with its review file beside it: open findings as diagnostics, acknowledged
 * ones apart (each line `acknowledged: ...` with who, when and why), the review record's own
 * diagnostics, then whether the period is signed (docs/review.md).
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
  return { loaded, figures, review: status, errors, warnings, lines, diagnostics: diagnostics.map((d) => plain(d, file)) };
}

/** One file's result as `check --format json` prints it. */
export function checkJson(file: string, result: Checked) {
  return {
    file,
    errors: result.errors,
    warnings: result.warnings,
    tieOuts: result.figures ? { checked: result.figures.tieOuts.length, failed: result.figures.tieOuts.filter((t) => !t.ok).length } : null,
    diagnostics: result.diagnostics,
  };
}
