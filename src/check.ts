// `fundbook check`: load and compute each file, and describe every problem and finding as a line
// that names file, line, column and field.
import { computeFigures, type Figures } from './calc/compute.js';
import type { Finding } from './calc/finding.js';
import { formatPath } from './load/locate.js';
import { formatProblem, loadFundFile, type LoadedFund } from './load/load-fund.js';

export interface Checked {
  loaded: LoadedFund;
  figures?: Figures;
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
  return checkLoaded(loadFundFile(file));
}

/** `check` on a fund already loaded (its file named by `loaded.file`). */
export function checkLoaded(loaded: LoadedFund): Checked {
  const file = loaded.file;
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
  for (const f of figures.findings) {
    lines.push(formatFinding(loaded, f));
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  const failed = figures.tieOuts.filter((t) => !t.ok).length;
  lines.push(`${file}: ${figures.tieOuts.length} tie-outs checked, ${failed} failed; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return { loaded, figures, errors, warnings, lines };
}
