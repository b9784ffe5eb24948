// The validation of an input, kept for the rest of the run. Each file is parsed once per run, by the
// one loader (load/load-fund.ts, the `yaml` library): a batch validates every input before its first
// print, and the loaded fund and its figures stay here, keyed by the file's sha256, for the prepare
// step (and a period diff) to use without parsing or calculating again. A file edited since it was
// validated has another sha256 and is loaded afresh, so what prints is always what was validated.
import { createHash } from 'node:crypto';
import { computeFigures, type Figures } from '../calc/compute.js';
import { diagnosticsOf } from '../check.js';
import { formatDiagnostic } from '../diagnostic.js';
import { loadFundText, readFundSource, type LoadedFund } from '../load/load-fund.js';
import { notFinal, reviewForBuild } from '../review/for-build.js';

export interface Validated {
  loaded: LoadedFund;
  /** Present when the file loads (even with error findings: a diff still compares it). */
  figures?: Figures;
  /** Every error, formatted as `fundbook check` prints it; none means the file may be built. */
  errors: string[];
}

const kept = new Map<string, Validated>();

/** Load and calculate `file` (or take the run's earlier validation of the same bytes). */
export function validateInput(file: string): Validated {
  const source = readFundSource(file);
  if ('failed' in source) return { loaded: source.failed, errors: source.failed.problems.map(formatDiagnostic) };
  const sha256 = createHash('sha256').update(source.text).digest('hex');
  const earlier = kept.get(sha256);
  if (earlier && earlier.loaded.file === file) return earlier;

  const validated = validateText(source.text, file);
  if (validated.loaded.fund) kept.set(sha256, validated);
  return validated;
}

/**
 * A build's validation of `file`: validateInput's errors, then the review file beside it (its problems;
 * with `final`, what keeps the period from being signed off, docs/review.md).
 */
export function validateForBuild(file: string, final: boolean): { errors: string[] } {
  const validated = validateInput(file);
  if (validated.errors.length > 0 || !validated.figures) return { errors: validated.errors };
  const review = reviewForBuild(file, validated.figures.findings, validated.loaded.locate);
  if ('problems' in review) return { errors: review.problems };
  return { errors: final ? notFinal(file, review.status) : [] };
}

/** Load and calculate YAML text standing for `file` (a period diff's partly filled period, filled in). */
export function validateText(text: string, file: string): Validated {
  const loaded = loadFundText(text, file);
  const figures = loaded.fund ? computeFigures(loaded.fund) : undefined;
  const errors = diagnosticsOf(loaded, figures).filter((d) => d.severity === 'error').map(formatDiagnostic);
  return { loaded, figures, errors };
}
