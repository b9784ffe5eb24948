// One fund-period through the whole pipeline: load -> calculate -> view model -> HTML (prepareFund), then
// PDF (printFund), every output written atomically once all of them exist in memory.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { Figures } from '../calc/compute.js';
import { diffPeriods } from '../diff/period-diff.js';
import type { Variance } from '../diff/variances.js';
import type { Locator } from '../load/locate.js';
import type { FundPeriod } from '../load/schema.js';
import { tieOutsXlsx } from '../sheets/tie-outs-xlsx.js';
import { workbookData, type WorkbookData } from '../sheets/workbook-data.js';
import { findPreviousPeriod } from './build-diff.js';
import { figuresJson } from '../figures/figures-json.js';
import { BUILT_IN_LAYER, compileDocument, templateFiles, type CompiledDocument, type TemplateFormat } from '../render/templates.js';
import { statSync } from 'node:fs';
import { asciiHtml } from '../edgar/ascii-html.js';
import { checkEdgarHtml } from '../edgar/check-edgar.js';
import { FUND_DOCUMENTS, type DocumentKind, type DocumentName, type DocumentView } from './documents.js';
import { formatDiagnostic } from '../diagnostic.js';
import { commitFundPeriod } from './fund-period-output.js';
import type { DiffOutput } from './build-diff.js';
import type { PrintPage } from '../render/print.js';
import { placeholderHtml, renderPaged, type Finisher } from '../render/render-document.js';
import { boardView, whereIn } from '../view/board-view.js';
import { isMeetingFile } from '../load/load-meeting.js';
import { FUNDBOOK_VERSION } from '../version.js';
import { findingsToReview, validateMeeting, validateInput } from './validated.js';
import { previousManifest } from './fund-period-output.js';
import { chromiumNumber, dataInputs, diffInputs, documentInputs, fileRecord, judge, type Manifest, type OutputInputs } from './up-to-date.js';
import { manifestReview, notFinal, reviewForBuild, type ManifestReview } from '../review/for-build.js';

export interface BuildOptions {
  outDir: string;
  /** Build only this document (its `cli` name in pipeline/documents.ts). */
  only?: DocumentName;
  /** Refuse a fund-period that is not signed off (a current preparer and reviewer): no DRAFT is built. */
  final?: boolean;
  timeoutMs?: number;
  /** The previous period to diff against; otherwise found beside the input. */
  previous?: string;
  /** false: no period diff, and no Variances sheet. */
  diff?: boolean;
  /**
   * Keep what is up to date in the output folder (pipeline/up-to-date.ts), judged against this Chromium
   * version; absent, every document is printed.
   */
  incremental?: { chromium: string };
  /** The user's template folders, layered over fundbook's own, the last on top (docs/templates.md). */
  templates?: readonly string[];
}

interface DocumentOutcome {
  kind: DocumentKind;
  file: string;
  /** 'edgar': HTML, no pages and no prints. */
  format: 'pdf' | 'edgar';
  pages: number;
  bytes: number;
  prints: number;
  sha256: string;
  /** Up to date: not printed, the file already in the folder kept (pipeline/up-to-date.ts). */
  kept?: true;
  /** Printed again: why it was not kept. */
  reason?: string;
}

export interface BuildOutcome {
  input: string;
  ok: boolean;
  fundId?: string;
  periodEnd?: string;
  /** A board book's meeting (its last day); the run's summary names the book by it, not by the period it draws on. */
  meeting?: string;
  outDir?: string;
  documents: DocumentOutcome[];
  problems: string[];
  ms: number;
  /** The period's findings by severity (a fund that built has no error finding), and the warnings the review file acknowledges. */
  findings?: { errors: number; warnings: number; acknowledged: number };
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/**
 * Templates compiled once per process and shared by every build; compiled again when a file of the
 * user's template folders is added, removed or changed (the preview watches them: preview/).
 */
const compiled = new Map<string, CompiledDocument>();

export function compiledDocument(kind: DocumentKind, format: TemplateFormat = 'pdf', templates: readonly string[] = []): CompiledDocument {
  const users = templates.length === 0 ? [] : templateFiles(kind, templates, format).filter((f) => f.layer !== BUILT_IN_LAYER);
  const key = JSON.stringify([kind, format, ...templates, ...users.map((f) => [f.path, statSync(f.path).mtimeMs, statSync(f.path).size])]);
  let doc = compiled.get(key);
  if (!doc) compiled.set(key, (doc = compileDocument(kind, templates, format)));
  return doc;
}

/** One document of a fund, ready to print. Plain data, so it can cross from a worker thread. */
interface PreparedDocument {
  kind: DocumentKind;
  format: 'pdf' | 'edgar';
  /** The output's file name. */
  file: string;
  /** A PDF's HTML with a placeholder in each contents number cell (render-document.ts); an EDGAR document's final HTML. */
  html: string;
  sectionTitles: string[];
  title: string;
  author: string;
  subject: string;
  templateHashes: CompiledDocument['templateHashes'];
  /** What goes into it, for its manifest entry (the printer adds the Chromium version). */
  inputs: OutputInputs;
  /** Why it is printed again, when an earlier build's output was there (pipeline/up-to-date.ts). */
  reason?: string;
}

/** What an incremental build keeps from the earlier build in the folder: manifest entries by document kind. */
interface KeptOutputs {
  documents: Record<string, Record<string, unknown>>;
  /** The period diff, kept when both periods (and all else that goes into it) are unchanged. */
  periodDiff?: Record<string, unknown>;
}

/** Everything a fund's build needs from its data, computed before any printing; plain data. */
export interface PreparedFund {
  input: string;
  fundId: string;
  periodEnd: string;
  /** A board book's meeting (its last day). */
  meeting?: string;
  periodStart: string;
  reportDate: string;
  inputSha256: string;
  outDir: string;
  figuresText: string;
  /** The review record as manifest.json carries it. */
  review: ManifestReview;
  /** tie-outs.xlsx's rows (made into the file by prepareFundFiles). */
  workbook: WorkbookData;
  /** The documents to print (all of them, unless an incremental build keeps some). */
  documents: PreparedDocument[];
  /** What goes into figures.json and tie-outs.xlsx, for their manifest entries. */
  dataInputs: OutputInputs;
  /** Kept from the earlier build in the folder (an incremental build). */
  kept: KeptOutputs;
  /** Why the period diff prints again, when an earlier build's output was there. */
  diffReason?: string;
  /** Time spent preparing, for the summary. */
  ms: number;
  findings: { errors: number; warnings: number; acknowledged: number };
}

/**
 * The figure variances against the previous period, for the workbook's Variances sheet; none when
 * there is no previous period or it does not load (the period diff reports why).
 */
function previousVariances(input: string, fund: FundPeriod, figures: Figures, options: BuildOptions): Variance[] | undefined {
  const previousFile = options.diff === false ? undefined : options.previous ?? findPreviousPeriod(input);
  if (!previousFile) return undefined;
  const previous = validateInput(previousFile);
  const prior = previous.loaded.fund;
  if (!prior || !previous.figures || prior.fund.id !== fund.fund.id) return undefined;
  return diffPeriods({ fund: prior, figures: previous.figures, file: previousFile }, { fund, figures, file: input }).variances;
}

/** A prepared fund with its tie-outs.xlsx made: all a print and the write after it need. */
export type ReadyFund = PreparedFund & { tieOutsXlsx: Uint8Array };

/**
 * prepareFund, then the workbook's bytes (exceljs: about as much CPU as the rest of the data half), so
 * that a batch makes them on its worker thread and a single fund while Chromium starts, not between prints.
 */
export async function prepareFundFiles(input: string, options: BuildOptions & { incremental?: undefined }): Promise<{ prepared: ReadyFund } | { failed: BuildOutcome }>;
export async function prepareFundFiles(input: string, options: BuildOptions): Promise<{ prepared: ReadyFund } | { failed: BuildOutcome } | { kept: KeptFund }>;
export async function prepareFundFiles(input: string, options: BuildOptions): Promise<{ prepared: ReadyFund } | { failed: BuildOutcome } | { kept: KeptFund }> {
  const step = prepareFund(input, options);
  if (!('prepared' in step)) return step;
  return { prepared: { ...step.prepared, tieOutsXlsx: await tieOutsXlsx(step.prepared.workbook) } };
}

/**
 * The data half of a build: load, calculate, view models, HTML and figures.json. Synchronous and
 * browser-free, so a batch runs it on a worker thread while the browser prints (pipeline/preparer.ts).
 */
export function prepareFund(input: string, options: BuildOptions & { incremental?: undefined }): { prepared: PreparedFund } | { failed: BuildOutcome };
export function prepareFund(input: string, options: BuildOptions): { prepared: PreparedFund } | { failed: BuildOutcome } | { kept: KeptFund };
export function prepareFund(input: string, options: BuildOptions): { prepared: PreparedFund } | { failed: BuildOutcome } | { kept: KeptFund } {
  if (isMeetingFile(input)) return prepareMeeting(input, options);
  const started = performance.now();
  const failed = (problems: string[], fund?: { fund: { id: string }; period: { end: string } }) => ({
    failed: { input, ok: false, fundId: fund?.fund.id, periodEnd: fund?.period.end, documents: [], problems, ms: performance.now() - started },
  });
  const validated = validateInput(input);
  const { loaded, figures, errors } = validated;
  if (!loaded.fund || !figures) return failed(errors);
  const fund = loaded.fund;
  if (errors.length > 0) return failed(errors, fund);
  const review = reviewForBuild(input, findingsToReview(input, validated), loaded.locate);
  if ('problems' in review) return failed(review.problems, fund);
  if (options.final && review.draft) return failed(notFinal(input, review.status), fund);

  // An incremental build judges each output against the manifest of the earlier build in the folder.
  const outDir = join(options.outDir, fund.fund.id, fund.period.end);
  const inputRecord = fileRecord(input);
  const previousFile = options.diff === false ? undefined : options.previous ?? findPreviousPeriod(input);
  const before = options.incremental ? (previousManifest(outDir) as Manifest & { documents?: Record<string, Record<string, unknown>>; periodDiff?: Record<string, unknown> }) : undefined;
  const chromium = options.incremental?.chromium;
  const kept: KeptOutputs = { documents: {} };

  // Each document to print: its template and its view model (with the PDF's subject line).
  const documents: PreparedDocument[] = [];
  const refused: string[] = [];
  const add = (kind: DocumentKind, format: TemplateFormat, file: string, view: DocumentView, subject: string, inputs: OutputInputs, reason?: string) => {
    const compiled = compiledDocument(kind, format, options.templates);
    const draft = { ...view, draft: review.draft };
    // An EDGAR document has no page numbers to fill in; its characters beyond ASCII become references.
    const html = format === 'edgar' ? asciiHtml(compiled.render(draft)) : placeholderHtml(compiled, draft);
    // Checked before anything prints: HTML EDGAR would refuse (from a --templates override, or a fundbook
    // bug: data is escaped) is never written.
    if (format === 'edgar') {
      const violations = checkEdgarHtml(file, html);
      if (violations.length > 0) {
        const listed = violations.slice(0, 10).map((v) => `${v.rule}${v.line ? ` (line ${v.line})` : ''}: ${v.message}`);
        refused.push(`${input}: ${file} is not EDGAR HTML (docs/edgar.md): ${listed.join('; ')}${violations.length > 10 ? `; and ${violations.length - 10} more` : ''}`);
      }
    }
    documents.push({
      kind,
      format,
      file,
      html,
      sectionTitles: view.sections.map((s) => s.title),
      title: view.documentTitle,
      author: view.author,
      subject,
      templateHashes: compiled.templateHashes,
      inputs,
      reason,
    });
  };
  for (const doc of FUND_DOCUMENTS) {
    if (options.only && doc.cli !== options.only) continue;
    const needs = 'needs' in doc ? doc.needs : undefined;
    if (needs && fund[needs] === undefined) {
      // Asked for by name, a document whose data is missing is an error; otherwise it is just not printed.
      if (options.only) return failed([formatDiagnostic({ severity: 'error', code: 'REQUIRED', path: [needs], location: { file: loaded.file, line: 1, col: 1 }, message: `is required to build the ${doc.title}` })], fund);
      continue;
    }
    const format = 'format' in doc ? doc.format : 'pdf';
    const file = 'file' in doc ? doc.file(fund) : `${doc.kind}.pdf`;
    // What goes into it: an EDGAR document is written as rendered, so neither fonts nor Chromium do.
    const inputs = documentInputs(inputRecord, compiledDocument(doc.kind, format, options.templates).templateHashes, format === 'pdf');
    let reason: string | undefined;
    if (options.incremental) {
      const verdict = judge(format === 'pdf' ? { ...inputs, chromium } : inputs, before, before?.documents?.[doc.kind], outDir);
      if (verdict.keep) {
        kept.documents[doc.kind] = before!.documents![doc.kind]!;
        continue;
      }
      reason = verdict.reason;
    }
    const view = doc.view({ fund, figures, locate: loaded.locate });
    add(doc.kind, format, file, view, doc.subject(view), inputs, reason);
  }
  let diffReason: string | undefined;
  if (options.incremental && previousFile) {
    const verdict = judge({ ...diffInputs(previousFile, input, compiledDocument('period-diff', 'pdf', options.templates).templateHashes), chromium }, before, before?.periodDiff, outDir);
    if (verdict.keep) kept.periodDiff = before!.periodDiff!;
    else diffReason = verdict.reason;
  }
  const data = dataInputs(inputRecord, previousFile);
  const findings = { errors: figures.findings.filter((f) => f.severity === 'error').length, warnings: figures.findings.filter((f) => f.severity === 'warning').length, acknowledged: review.status.acknowledged.length };
  // Nothing to print and figures.json and tie-outs.xlsx up to date too: the folder is left as it is.
  if (options.incremental && documents.length === 0 && (!previousFile || kept.periodDiff) && judge(data, before, before?.figures, outDir).keep && judge(data, before, before?.tieOuts, outDir).keep) {
    const keptDocuments = Object.entries(kept.documents).map(([kind, e]) => keptOutcome(kind as DocumentKind, e));
    return { kept: { input, ok: true, fundId: fund.fund.id, periodEnd: fund.period.end, outDir, documents: keptDocuments, problems: [], ms: performance.now() - started, findings, diffKept: kept.periodDiff !== undefined } };
  }
  if (refused.length > 0) return failed(refused, fund);
  return {
    prepared: {
      input,
      fundId: fund.fund.id,
      periodEnd: fund.period.end,
      periodStart: fund.period.start,
      reportDate: fund.period.report_date,
      inputSha256: loaded.sha256,
      outDir,
      ...dataFiles(fund, figures, loaded.locate, previousVariances(input, fund, figures, options)),
      review: manifestReview(review),
      documents,
      dataInputs: data,
      kept,
      diffReason,
      ms: performance.now() - started,
      findings,
    },
  };
}

/** figures.json's text and tie-outs.xlsx's rows, which every prepared fund-period writes beside its documents. */
function dataFiles(fund: FundPeriod, figures: Figures, locate: Locator, variances: Variance[] | undefined): Pick<PreparedFund, 'figuresText' | 'workbook'> {
  return { figuresText: `${JSON.stringify(figuresJson(fund, figures, locate), null, 2)}\n`, workbook: workbookData(fund, figures, locate, variances) };
}

/**
 * A board meeting's file: its book, drawing on the fund-period file it names (the latest ending before
 * the meeting). Written to <out>/<fund id>/board-<meeting end>/.
 */
function prepareMeeting(input: string, options: BuildOptions): { prepared: PreparedFund } | { failed: BuildOutcome } {
  const started = performance.now();
  const failed = (problems: string[], fund?: { fund: { id: string }; period: { end: string } }) => ({
    failed: { input, ok: false, fundId: fund?.fund.id, periodEnd: fund?.period.end, documents: [], problems, ms: performance.now() - started },
  });
  if (options.only === 'report') return failed([`${input}: a meeting file builds the board-approval book only; build the fund-period file for the report`]);
  const validated = validateMeeting(input);
  const { meeting, loaded, figures, errors, locate } = validated;
  const fund = loaded.fund;
  if (!fund || !figures?.board || !meeting.review) return failed(errors);
  if (errors.length > 0) return failed(errors, fund);
  // The meeting's own findings (the board rules), as its check and review record count them.
  const own = findingsToReview(input, validated);
  const review = reviewForBuild(input, own, locate);
  if ('problems' in review) return failed(review.problems, fund);
  if (options.final && review.draft) return failed(notFinal(input, review.status), fund);
  const view = boardView(fund, meeting.review, figures, figures.board, whereIn(locate));
  const compiled = compiledDocument('board-approval', 'pdf', options.templates);
  // Always printed (a meeting's book is not judged up to date): the record says what went into it.
  const drawsOn = meeting.inputs.slice(1).map(fileRecord);
  const inputs = { ...documentInputs(fileRecord(input), compiled.templateHashes), drawsOn };
  return {
    prepared: {
      input,
      fundId: fund.fund.id,
      periodEnd: fund.period.end,
      meeting: meeting.review.meeting.end,
      periodStart: fund.period.start,
      // The book is dated for its meeting.
      reportDate: meeting.review.meeting.start,
      inputSha256: meeting.sha256,
      outDir: join(options.outDir, fund.fund.id, `board-${meeting.review.meeting.end}`),
      ...dataFiles(fund, figures, locate, []),
      review: manifestReview(review),
      findings: { errors: 0, warnings: own.filter((f) => f.severity === 'warning').length, acknowledged: review.status.acknowledged.length },
      documents: [{
        kind: 'board-approval',
        format: 'pdf',
        file: 'board-approval.pdf',
        html: placeholderHtml(compiled, { ...view, draft: review.draft }),
        sectionTitles: view.sections.map((s) => s.title),
        title: view.documentTitle,
        author: view.author,
        subject: `Section 15(c) contract renewal, ${view.meeting}`,
        templateHashes: compiled.templateHashes,
        inputs,
      }],
      dataInputs: { ...dataInputs(fileRecord(input), undefined), drawsOn },
      kept: { documents: {} },
      ms: performance.now() - started,
    },
  };
}

/** A fund-period left as it is: every output up to date. */
export type KeptFund = BuildOutcome & { diffKept: boolean };

/** A kept document as the run reports it, from its manifest entry. */
function keptOutcome(kind: DocumentKind, entry: Record<string, unknown>): DocumentOutcome {
  const doc = FUND_DOCUMENTS.find((d) => d.kind === kind);
  const format = doc && 'format' in doc ? doc.format : 'pdf';
  return { kind, file: String(entry.file), format, pages: Number(entry.pages ?? 0), bytes: Number(entry.bytes), prints: 0, sha256: String(entry.sha256), kept: true };
}

/** A fund-period's outputs, printed and not yet written: file name -> bytes, and the manifest's fields. */
interface FundPeriodOutput {
  dir: string;
  files: Record<string, Uint8Array | string>;
  manifest: Record<string, unknown>;
  /** The period diff's entry in the earlier manifest, when an incremental build keeps it. */
  keptDiff?: Record<string, unknown>;
}

/**
 * The browser half of a build: print each prepared document. The outputs are returned, not written: the
 * caller adds the period diff and writes the whole set at once (writeFundPeriod).
 */
export async function printFund(browser: Browser | undefined, chromiumVersion: string, prepared: ReadyFund, options: Pick<BuildOptions, 'timeoutMs'> & { finish?: Finisher; page?: PrintPage }): Promise<BuildOutcome & { output: FundPeriodOutput }> {
  const { outcome, output } = await renderFund(browser, chromiumVersion, prepared, options);
  return { ...outcome, output };
}

/** Print each prepared document: every output's bytes by name, and the manifest's fields; nothing written. */
export async function renderFund(
  browser: Browser | undefined,
  chromiumVersion: string,
  prepared: ReadyFund,
  options: Pick<BuildOptions, 'timeoutMs'> & { finish?: Finisher; page?: PrintPage },
): Promise<{ outcome: BuildOutcome; output: FundPeriodOutput }> {
  const started = performance.now();
  const { outDir, figuresText } = prepared;
  const files: Record<string, Uint8Array | string> = {};
  const documents: DocumentOutcome[] = [];
  const manifestDocuments: Record<string, object> = {};
  const templateHashes: CompiledDocument['templateHashes'] = {};
  for (const { kind, format, file, html, sectionTitles, title, author, subject, ...doc } of prepared.documents) {
    Object.assign(templateHashes, doc.templateHashes);
    if (format === 'edgar') {
      // Written as prepared (and checked there).
      files[file] = html;
      const outcome = { kind, file, format, pages: 0, bytes: Buffer.byteLength(html), prints: 0, sha256: sha256(html), reason: doc.reason };
      documents.push(outcome);
      manifestDocuments[kind] = { file, format: 'EDGAR HTML', sha256: outcome.sha256, bytes: outcome.bytes, sections: sectionTitles.map((t) => ({ title: t })), edgarCheck: 'passed', inputs: doc.inputs };
      continue;
    }
    if (!browser) throw new Error('no browser to print with');
    const meta = { title, author, subject, date: prepared.reportDate, creator: `fundbook ${FUNDBOOK_VERSION}`, producer: `Skia/PDF (${chromiumVersion})` };
    const rendered = await renderPaged(browser, html, sectionTitles, meta, { ...options, what: `${prepared.fundId} ${prepared.periodEnd} ${file}` });
    files[file] = rendered.pdf;
    const outcome = { kind, file, format, pages: rendered.pageCount, bytes: rendered.pdf.length, prints: rendered.prints, sha256: rendered.sha256, reason: doc.reason };
    documents.push(outcome);
    manifestDocuments[kind] = {
      file,
      sha256: outcome.sha256,
      bytes: outcome.bytes,
      pages: outcome.pages,
      sections: sectionTitles.map((t, i) => ({ title: t, page: rendered.pages[i] })),
      // Every request the page tried to make; all were refused (fundbook's documents are self-contained).
      requestsBlocked: [...new Set(rendered.blocked)].sort(),
      inputs: { ...doc.inputs, chromium: chromiumNumber(chromiumVersion) },
    };
  }
  // Documents kept from the earlier build: their entries as they were, marked kept, in the table's order.
  for (const [kind, entry] of Object.entries(prepared.kept.documents)) {
    const { carried: _carried, ...rest } = entry;
    manifestDocuments[kind] = { ...rest, kept: true };
    documents.push(keptOutcome(kind as DocumentKind, entry));
    Object.assign(templateHashes, (entry.inputs as OutputInputs | undefined)?.templates);
  }
  const order = FUND_DOCUMENTS.map((d) => d.kind as string);
  documents.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));

  files['figures.json'] = figuresText;
  const workbook = prepared.tieOutsXlsx;
  files['tie-outs.xlsx'] = workbook;
  const manifest = {
    fundbook: FUNDBOOK_VERSION,
    chromium: chromiumVersion,
    fund: prepared.fundId,
    period: { start: prepared.periodStart, end: prepared.periodEnd },
    input: { file: prepared.input, sha256: prepared.inputSha256 },
    templates: Object.fromEntries(Object.entries(templateHashes).sort(([a], [b]) => a.localeCompare(b))),
    figures: { file: 'figures.json', sha256: sha256(figuresText), inputs: prepared.dataInputs },
    tieOuts: { file: 'tie-outs.xlsx', sha256: sha256(workbook), inputs: prepared.dataInputs },
    documents: Object.fromEntries(Object.entries(manifestDocuments).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))),
    review: prepared.review,
  };
  return {
    outcome: { input: prepared.input, ok: true, fundId: prepared.fundId, periodEnd: prepared.periodEnd, meeting: prepared.meeting, outDir, documents, problems: [], ms: prepared.ms + performance.now() - started, findings: prepared.findings },
    output: { dir: outDir, files, manifest, keptDiff: prepared.kept.periodDiff },
  };
}

/**
 * Write a fund-period's outputs as one set (pipeline/output-set.ts), with its period diff when there is
 * one: every file, then the manifest, or nothing.
 */
export function writeFundPeriod(output: FundPeriodOutput, diff?: DiffOutput): void {
  const files = { ...output.files, ...diff?.files };
  const keptDiff = !diff && output.keptDiff ? { ...output.keptDiff, kept: true } : undefined;
  const periodDiff = diff?.entry ?? keptDiff;
  const manifest = periodDiff ? { ...output.manifest, periodDiff } : output.manifest;
  commitFundPeriod(output.dir, files, manifest);
}

/** One fund-period, prepared and printed. */
export async function buildFund(browser: Browser, chromiumVersion: string, input: string, options: BuildOptions): Promise<BuildOutcome> {
  const step = await prepareFundFiles(input, options);
  if ('failed' in step) return step.failed;
  if ('kept' in step) return step.kept;
  const { output, ...outcome } = await printFund(browser, chromiumVersion, step.prepared, options);
  writeFundPeriod(output);
  return outcome;
}
