// `fundbook check`: load and compute each file, and describe every problem and finding as one located
// diagnostic a line, in source order (file, then line, then column).
import { computeFigures, type Figures } from './calc/compute.js';
import { bySource, formatDiagnostic, locateAll, type Diagnostic } from './diagnostic.js';
import { loadFundFile, type LoadedFund } from './load/load-fund.js';

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

/** Every diagnostic of a loaded file (its load problems, then its figures' findings), located and in source order. */
export function diagnosticsOf(loaded: LoadedFund, figures?: Figures): Diagnostic[] {
  return [...loaded.problems, ...locateAll(figures?.findings ?? [], loaded.locate)].sort(bySource);
}

export function checkFile(file: string): Checked {
  const loaded = loadFundFile(file);
  const figures = loaded.fund ? computeFigures(loaded.fund) : undefined;
  const diagnostics = diagnosticsOf(loaded, figures);
  const lines = diagnostics.map(formatDiagnostic);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (!figures) {
    const toFill = diagnostics.filter((d) => d.code === 'TO_BE_FILLED').length;
    const what = toFill > 0 ? `${toFill} to be filled, ${plural(errors - toFill, 'other error')}` : plural(errors, 'error');
    lines.push(`${file}: not checked further (${what})`);
    return { loaded, errors, warnings, lines };
  }
  const failed = figures.tieOuts.filter((t) => !t.ok).length;
  lines.push(`${file}: ${figures.tieOuts.length} tie-outs checked, ${failed} failed; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return { loaded, figures, errors, warnings, lines };
}
