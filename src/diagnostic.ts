// One located diagnostic for every stage: a load problem, a calculator's finding, a board-review rule
// that fired, a period diff or roll-forward that cannot go on. Like Beancount's loader errors, each is
// a value (never a thrown error) that names file, line, column and field, with one formatter.
import type { Decimal } from './decimal.js';
import { formatPath, type DataPath, type Location, type Locator } from './load/locate.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable, upper-case code; each code has one severity (e.g. UNKNOWN_KEY, TIE_OUT, PERFORMANCE_QUINTILE). */
  code: string;
  message: string;
  /** The field it is about. */
  path?: DataPath;
  /** Where it stands in the source: set by the loader, or found from `path` by `locateAll`. */
  location?: Location;
  /** A figure as stated in the data, as computed, and how far apart (plain decimal text). */
  stated?: string;
  computed?: string;
  difference?: string;
  /** The board-review rule that raised it (e.g. `performance-quintile`) and the threshold it applied. */
  rule?: string;
  threshold?: string;
}

/** `file:line:col field.path: severity CODE: message`, the one way a diagnostic is printed. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.col} ` : '';
  const path = d.path && d.path.length > 0 ? `${formatPath(d.path)}: ` : '';
  return `${where}${path}${d.severity} ${d.code}: ${d.message}`;
}

/** Each diagnostic with its location, found from its field path where the stage that raised it had none. */
export function locateAll(diagnostics: readonly Diagnostic[], locate: Locator): Diagnostic[] {
  return diagnostics.map((d) => (d.location ? d : { ...d, location: locate(d.path ?? []) }));
}

/** Source order: by file, then line, then column (stable for diagnostics at one place). */
export function bySource(a: Diagnostic, b: Diagnostic): number {
  const x = a.location;
  const y = b.location;
  if (!x || !y) return x ? -1 : y ? 1 : 0;
  return x.file.localeCompare(y.file) || x.line - y.line || x.col - y.col;
}

/**
 * The words of a stated-vs-computed line: `stated 36,633,802, computed 36,633,820, difference 18`,
 * each figure in the caller's format (so the difference reads in the same unit as the figures).
 */
export function statedComputedText(stated: Decimal, computed: Decimal, show: (d: Decimal) => string): string {
  return `stated ${show(stated)}, computed ${show(computed)}, difference ${show(stated.minus(computed).abs())}`;
}
