// The period diff through the pipeline: load both periods, compute, compare, print; period-diff.json and
// period-diff.pdf are written with the fund-period's output set (fund-period-output.ts).
import { isMeetingFile } from '../load/load-meeting.js';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { cannotCompare, diffPeriods, type PeriodDiff } from '../diff/period-diff.js';
import { formatDiagnostic, locateAll, type Diagnostic } from '../diagnostic.js';
import { fillFromPrevious } from '../load/fill-placeholders.js';
import { formatPath } from '../load/locate.js';
import { provenanceOf } from '../load/provenance.js';
import { diffView } from '../view/diff-view.js';
import { commitFundPeriod, previousManifest } from './fund-period-output.js';
import { createHash } from 'node:crypto';
import { compiledDocument } from './build-fund.js';
import { checkTemplateDirs } from '../render/templates.js';
import { DOCUMENT_FORMATS } from './documents.js';
import type { PrintPage } from '../render/print.js';
import { placeholderHtml, renderPaged, type Finisher } from '../render/render-document.js';
import { FUNDBOOK_VERSION } from '../version.js';
import { validateInput, validateText } from './validated.js';
import { withPool } from './with-pool.js';
import type { BrowserPool } from '../render/browser-pool.js';
import { chromiumNumber, diffInputs, type OutputInputs } from './up-to-date.js';
import { debugPhase } from '../debug-log.js';
import { carriedAcknowledgements } from '../review/carried.js';
import { reviewForBuild } from '../review/for-build.js';
import { loadReviewFor } from '../review/review-file.js';
import { carriedView } from '../view/draft-view.js';

export interface DiffOutcome {
  ok: boolean;
  problems: string[];
  /** Located warnings (PERIOD_NOT_LATER, DIFF_INCOMPLETE), printed as `check` prints a diagnostic. */
  warnings: Diagnostic[];
  /** One line saying what changed, for the command line. */
  summary?: string;
  outDir?: string;
}

/** The period diff's data half, ready to print: plain data, so it can cross from a worker thread. */
export interface PreparedDiff {
  html: string;
  sectionTitles: string[];
  title: string;
  author: string;
  subject: string;
  reportDate: string;
  json: string;
  warnings: Diagnostic[];
  summary: string;
  outDir: string;
  /** `<fund> <period end>`, to name the document in a timeout. */
  what: string;
  fundId: string;
  periodEnd: string;
  previousFile: string;
  /** What goes into it, for its manifest entry (pipeline/up-to-date.ts; the printer adds Chromium's version). */
  inputs: OutputInputs;
}

/** The fund-period file beside `file` whose period ends latest before it (files are named by period end). */
export function findPreviousPeriod(file: string): string | undefined {
  if (isMeetingFile(file)) return undefined;
  const name = basename(file);
  if (!/^\d{4}-\d{2}-\d{2}\.ya?ml$/.test(name)) return undefined;
  const earlier = readdirSync(dirname(file)).filter((f) => /^\d{4}-\d{2}-\d{2}\.ya?ml$/.test(f) && f.slice(0, 10) < name.slice(0, 10)).sort();
  const last = earlier.at(-1);
  return last ? join(dirname(file), last) : undefined;
}

/** The diff as JSON: Decimals serialise as strings (decimal.js's toJSON). */
export function diffJson(diff: PeriodDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

function incompleteWarning(i: NonNullable<PeriodDiff['incomplete']>): Diagnostic {
  return { severity: 'warning', code: 'DIFF_INCOMPLETE', location: { file: i.file, line: 1, col: 1 }, message: `${i.file} is not complete: ${i.total} field${i.total === 1 ? '' : 's'} still to be filled (${i.bySection.map((s) => `${s.section} ${s.count}`).join(', ')}); the diff covers what is filled` };
}

function summarise(d: PeriodDiff): string {
  if (d.empty) return d.incomplete ? `no differences in what is filled; ${d.incomplete.total} fields still to be filled` : 'no differences';
  const flagged = d.variances.filter((v) => v.flagged);
  return `${d.variances.filter((v) => !v.change.isZero()).length} figures changed, ${flagged.length} flagged (${flagged.filter((v) => !v.explanation).length} without explanation); holdings ${d.holdings.added.length} added, ${d.holdings.removed.length} removed, ${d.holdings.changed.length} changed; ${d.blackline.filter((s) => s.changed).length} narrative sections changed`;
}

/** Load both periods, compute, compare; the diff's HTML and JSON. No browser, no files written. */
export function prepareDiff(previousFile: string, currentFile: string, outDir?: string, templates: readonly string[] = []): { prepared: PreparedDiff } | { failed: DiffOutcome } {
  // A period that does not load cannot be compared; one with calculator errors still can.
  const previous = validateInput(previousFile);
  let current = validateInput(currentFile);
  // A current period still being filled in (only placeholders wrong): diffed for what is filled, each
  // placeholder taking the previous period's value (and left out of the comparison).
  let unfilled: string[] = [];
  const currentErrors = current.loaded.problems.filter((p) => p.severity === 'error');
  if (previous.loaded.fund && !current.loaded.fund && currentErrors.length > 0 && currentErrors.every((p) => p.code === 'TO_BE_FILLED' && p.path)) {
    const paths = currentErrors.map((p) => p.path!);
    unfilled = paths.map((p) => formatPath(p));
    const filled = fillFromPrevious(readFileSync(currentFile, 'utf8'), readFileSync(previousFile, 'utf8'), paths);
    if (filled.missing.length === 0) current = validateText(filled.text, currentFile);
  }
  if (!previous.figures || !current.figures || !previous.loaded.fund || !current.loaded.fund) {
    const problems = [...previous.loaded.problems, ...current.loaded.problems].map(formatDiagnostic);
    return { failed: { ok: false, problems, warnings: [] } };
  }
  const currentFund = current.loaded.fund;
  const periods = [
    { fund: previous.loaded.fund, figures: previous.figures, file: previousFile, provenance: provenanceOf(readFileSync(previousFile, 'utf8'), previous.loaded.fund) },
    { fund: currentFund, figures: current.figures, file: currentFile, provenance: provenanceOf(readFileSync(currentFile, 'utf8'), currentFund), unfilled },
  ] as const;
  const refused = cannotCompare(...periods);
  if (refused) return { failed: { ok: false, problems: locateAll([refused], current.loaded.locate).map(formatDiagnostic), warnings: [] } };
  const diff = diffPeriods(...periods);
  // The current period's review: the DRAFT mark, and the previous period's acknowledgements that recur.
  const review = reviewForBuild(currentFile, current.figures.findings, current.loaded.locate);
  const previousReview = loadReviewFor(previousFile);
  const reviewProblems = [...('problems' in review ? review.problems : []), ...previousReview.problems.map(formatDiagnostic)];
  if ('problems' in review || !previousReview.data) return { failed: { ok: false, problems: reviewProblems, warnings: [] } };
  const view = { ...diffView(diff), draft: review.draft, carried: carriedView(carriedAcknowledgements(previousReview.data, review.status)) };
  return {
    prepared: {
      html: placeholderHtml(compiledDocument('period-diff', 'pdf', templates), view),
      sectionTitles: view.sections.map((s) => s.title),
      title: view.documentTitle,
      author: currentFund.fund.administrator ?? currentFund.fund.adviser,
      subject: `Period diff, ${diff.previous.end} to ${diff.current.end}`,
      reportDate: currentFund.period.report_date,
      json: diffJson(diff),
      warnings: locateAll([...diff.warnings, ...(diff.incomplete ? [incompleteWarning(diff.incomplete)] : [])], current.loaded.locate),
      summary: summarise(diff),
      outDir: outDir ?? join('output', currentFund.fund.id, currentFund.period.end),
      what: `${currentFund.fund.id} ${currentFund.period.end}`,
      fundId: currentFund.fund.id,
      periodEnd: currentFund.period.end,
      previousFile,
      inputs: diffInputs(previousFile, currentFile, compiledDocument('period-diff', 'pdf', templates).templateHashes),
    },
  };
}

/** A printed period diff, not yet written: its two files and its entry in the manifest. */
export interface DiffOutput {
  files: { 'period-diff.pdf': Uint8Array; 'period-diff.json': string };
  entry: Record<string, unknown>;
}

/** Print a prepared diff; the files are returned, to be written with the fund-period's set. */
export async function printDiff(browser: Browser, chromiumVersion: string, prepared: PreparedDiff, options: { timeoutMs?: number; finish?: Finisher; page?: PrintPage } = {}): Promise<DiffOutcome & { output: DiffOutput }> {
  const meta = {
    title: prepared.title,
    author: prepared.author,
    subject: prepared.subject,
    date: prepared.reportDate,
    creator: `fundbook ${FUNDBOOK_VERSION}`,
    producer: `Skia/PDF (${chromiumVersion})`,
  };
  const rendered = await renderPaged(browser, prepared.html, prepared.sectionTitles, meta, { ...options, what: `${prepared.what} period-diff.pdf` });
  const entry = {
    file: 'period-diff.pdf',
    sha256: rendered.sha256,
    bytes: rendered.pdf.length,
    pages: rendered.pageCount,
    json: { file: 'period-diff.json', sha256: createHash('sha256').update(prepared.json).digest('hex') },
    previous: { file: prepared.previousFile },
    requestsBlocked: [...new Set(rendered.blocked)].sort(),
    inputs: { ...prepared.inputs, chromium: chromiumNumber(chromiumVersion) },
  };
  const output: DiffOutput = { files: { 'period-diff.pdf': rendered.pdf, 'period-diff.json': prepared.json }, entry };
  return { ok: true, problems: [], warnings: prepared.warnings, summary: prepared.summary, outDir: prepared.outDir, output };
}

/**
 * `fundbook diff` on its own: print a prepared diff and write it into its folder as a set with the
 * manifest there, which keeps listing the folder's other outputs (carried); a folder without one gets one.
 */
async function writeDiff(browser: Browser, chromiumVersion: string, prepared: PreparedDiff): Promise<DiffOutcome> {
  const { output, ...outcome } = await printDiff(browser, chromiumVersion, prepared);
  const dir = prepared.outDir;
  const { files: _files, documents: _documents, periodDiff: _periodDiff, ...kept } = previousManifest(dir) ?? {};
  const base = { fund: prepared.fundId, period: { end: prepared.periodEnd }, ...kept, fundbook: FUNDBOOK_VERSION, chromium: chromiumVersion };
  commitFundPeriod(dir, output.files, { ...base, periodDiff: output.entry });
  return outcome;
}

/** `fundbook diff`: build the period diff of two files with a browser of its own; the exit code. */
export async function runDiff(previous: string, current: string, outDir?: string, options: { launchTimeoutMs?: number; templates?: readonly string[]; pool?: BrowserPool } = {}, log = (line: string) => console.log(line)): Promise<number> {
  const templateProblems = checkTemplateDirs(options.templates ?? [], DOCUMENT_FORMATS);
  for (const p of templateProblems) console.error(`fundbook diff: ${formatDiagnostic(p)}`);
  if (templateProblems.length > 0) return 1;
  // Both files are read and compared before Chromium starts: a diff that cannot be made starts no browser.
  const step = prepareDiff(previous, current, outDir, options.templates);
  if ('failed' in step) {
    for (const p of step.failed.problems) console.error(`fundbook diff: ${p}`);
    return 1;
  }
  return withPool(async (pool) => {
    const { browser } = await pool.acquire();
    debugPhase(`printing the diff of ${previous} and ${current}`);
    const outcome = await writeDiff(browser, pool.version, step.prepared);
    for (const w of outcome.warnings) console.error(`fundbook diff: ${formatDiagnostic(w)}`);
    log(outcome.summary === 'no differences' ? `no differences between ${previous} and ${current}` : outcome.summary!);
    log(`wrote ${outcome.outDir}/period-diff.pdf, period-diff.json`);
    return 0;
  }, options.launchTimeoutMs, options.pool);
}
