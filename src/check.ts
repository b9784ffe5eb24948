// `fundbook check`: load and compute each file, and describe every problem and finding as a line
// that names file, line, column and field.
import { computeFigures, type Figures } from './calc/compute.js';
import type { Finding } from './calc/finding.js';
import { formatPath } from './load/locate.js';
import { formatProblem, loadFundFile, type LoadedFund } from './load/load-fund.js';

/** One problem or finding, located: what `check --format json` prints. */
export interface CheckDiagnostic {
  severity: 'error' | 'warning' | 'info';
  /** A finding's code; for a problem of the input, INVALID or TO_BE_FILLED. */
  code: string;
  file: string;
  line: number;
  col: number;
  /** The field path, e.g. statements.operations.expenses.advisory_fees ('' for the file as a whole). */
  path: string;
  message: string;
  stated?: string;
  computed?: string;
}

export interface Checked {
  loaded: LoadedFund;
  figures?: Figures;
  errors: number;
  warnings: number;
  lines: string[];
  diagnostics: CheckDiagnostic[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatFinding(loaded: LoadedFund, f: Finding): string {
  const where = f.path ? loaded.locate(f.path) : { file: loaded.file, line: 1, col: 1 };
  const path = f.path ? ` ${formatPath(f.path)}:` : '';
  return `${where.file}:${where.line}:${where.col}${path} ${f.severity} ${f.code}: ${f.message}`;
}

function findingDiagnostic(loaded: LoadedFund, f: Finding): CheckDiagnostic {
  const where = f.path ? loaded.locate(f.path) : { file: loaded.file, line: 1, col: 1 };
  return {
    severity: f.severity,
    code: f.code,
    ...where,
    path: f.path ? formatPath(f.path) : '',
    message: f.message,
    ...(f.stated !== undefined ? { stated: f.stated } : {}),
    ...(f.computed !== undefined ? { computed: f.computed } : {}),
  };
}

export function checkFile(file: string): Checked {
  return checkLoaded(loadFundFile(file));
}

/** check's work on a file already loaded (from a file or from text). */
export function checkLoaded(loaded: LoadedFund): Checked {
  const file = loaded.file;
  const lines = loaded.problems.map(formatProblem);
  const diagnostics: CheckDiagnostic[] = loaded.problems.map((p) => ({
    severity: p.severity,
    code: p.kind === 'to-be-filled' ? 'TO_BE_FILLED' : 'INVALID',
    ...p.location,
    path: p.path,
    message: p.message,
  }));
  let errors = loaded.problems.filter((p) => p.severity === 'error').length;
  let warnings = loaded.problems.length - errors;
  const toFill = loaded.problems.filter((p) => p.kind === 'to-be-filled').length;
  if (!loaded.fund) {
    const what = toFill > 0 ? `${toFill} to be filled, ${plural(errors - toFill, 'other error')}` : plural(errors, 'error');
    lines.push(`${file}: not checked further (${what})`);
    return { loaded, errors, warnings, lines, diagnostics };
  }
  const figures = computeFigures(loaded.fund);
  for (const f of figures.findings) {
    lines.push(formatFinding(loaded, f));
    diagnostics.push(findingDiagnostic(loaded, f));
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  const failed = figures.tieOuts.filter((t) => !t.ok).length;
  lines.push(`${file}: ${figures.tieOuts.length} tie-outs checked, ${failed} failed; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return { loaded, figures, errors, warnings, lines, diagnostics };
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
