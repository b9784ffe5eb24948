// fundbook's library API: what `import { ... } from 'fundbook'` gives (documented in docs/library.md).
// Load a fund-period file or text (its diagnostics and, when it has no errors, the fund), compute its
// figures, build its documents to files or to buffers, and compare two periods. The command line is
// built on the same stages.
import { launchBrowser } from './render/browser.js';
import { checkTemplateDirs } from './render/templates.js';
import { DOCUMENT_FORMATS } from './pipeline/documents.js';
import { formatDiagnostic } from './diagnostic.js';
import { prepareFundFiles, renderFund, writeFundPeriod } from './pipeline/build-fund.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeFigures as compute, type Figures } from './calc/compute.js';
import { checkLoaded, type CheckDiagnostic } from './check.js';
import { diffPeriods as diff, type PeriodDiff } from './diff/period-diff.js';
import { figuresJson as toJson, type FiguresJson } from './figures/figures-json.js';
import { loadFundFile, loadFundText } from './load/load-fund.js';
import type { FundPeriod } from './load/schema.js';

export type { CheckDiagnostic as Diagnostic } from './check.js';
export type { Figures } from './calc/compute.js';
export type { FiguresJson } from './figures/figures-json.js';
export type { FundPeriod } from './load/schema.js';
export type { PeriodDiff } from './diff/period-diff.js';
export { ChromiumNotFoundError } from './render/browser.js';

/** A fund-period, loaded and checked as `fundbook check` checks it. */
export interface LoadedFundPeriod {
  /** The file name, or the name given for text. */
  file: string;
  /** Present when the input has no errors. */
  fund?: FundPeriod;
  /** Present when the fund loaded: every calculator's figures, with their findings. */
  figures?: Figures;
  /** Every problem of the input and every finding, located (file, line, column, field path). */
  diagnostics: CheckDiagnostic[];
  errors: number;
  warnings: number;
  /** The figures as figures.json holds them (docs/figures-json.md). */
  figuresJson?: FiguresJson;
}

function loaded(result: ReturnType<typeof checkLoaded>): LoadedFundPeriod {
  const { fund, locate, file } = result.loaded;
  return {
    file,
    ...(fund ? { fund } : {}),
    ...(result.figures ? { figures: result.figures } : {}),
    diagnostics: result.diagnostics,
    errors: result.errors,
    warnings: result.warnings,
    ...(fund && result.figures ? { figuresJson: toJson(fund, result.figures, locate) } : {}),
  };
}

/** Load and check a fund-period YAML file. Never throws for bad input: see `diagnostics`. */
export function loadFund(file: string): LoadedFundPeriod {
  return loaded(checkLoaded(loadFundFile(file)));
}

/** Load and check fund-period YAML text; `name` is the file name diagnostics give. */
export function loadFundFromText(text: string, name = 'fund.yaml'): LoadedFundPeriod {
  return loaded(checkLoaded(loadFundText(text, name)));
}

/** Every calculator's figures for a loaded fund: expense cap, advisory fee, coverage, proxy, tie-outs, findings. */
export function computeFigures(fund: FundPeriod): Figures {
  return compute(fund);
}

/** The figures as figures.json holds them (docs/figures-json.md): decimals as strings, ratios as fractions. */
export function figuresJson(fund: FundPeriod, figures: Figures = compute(fund)): FiguresJson {
  return toJson(fund, figures);
}

export interface BuildDocumentsOptions {
  /** Where `<fund-id>/<period-end>/` goes (default `output`); files are written only with `write`. */
  outDir?: string;
  /** Build only the shareholder report, only the board-approval book or only the EDGAR HTML report. */
  only?: 'report' | 'board' | 'edgar';
  /** Write the outputs (atomically); false returns them as buffers only. Default true. */
  write?: boolean;
  /** The previous period's file, for tie-outs.xlsx's Variances sheet (default: found beside the input). */
  previous?: string;
  /** Per-document print timeout in milliseconds (default 120,000). */
  timeoutMs?: number;
  /** Template folders of your own over fundbook's, a later one over an earlier (docs/templates.md). */
  templates?: string[];
}

export interface BuiltDocuments {
  ok: boolean;
  /** Why nothing was built: the input's errors, located. */
  problems: string[];
  /** The directory the outputs belong in: `<outDir>/<fund-id>/<period-end>`. */
  outDir?: string;
  /**
   * Every output by file name: shareholder-report.pdf, board-approval.pdf (with a board_review section),
   * the EDGAR HTML report (`<fund><yyyymmdd>.htm`, docs/edgar.md), figures.json, tie-outs.xlsx, manifest.json.
   */
  files: Record<string, Uint8Array>;
}

/**
 * Build one fund-period's documents with Chromium (found as docs/library.md says, or a
 * ChromiumNotFoundError): to files under `outDir`, and as buffers.
 */
export async function buildDocuments(input: string, options: BuildDocumentsOptions = {}): Promise<BuiltDocuments> {
  const templateProblems = checkTemplateDirs(options.templates ?? [], DOCUMENT_FORMATS);
  if (templateProblems.length > 0) return { ok: false, problems: templateProblems.map(formatDiagnostic), files: {} };
  const step = await prepareFundFiles(input, { outDir: options.outDir ?? 'output', only: options.only, previous: options.previous, timeoutMs: options.timeoutMs, templates: options.templates });
  if ('failed' in step) return { ok: false, problems: step.failed.problems, files: {} };
  const browser = await launchBrowser();
  try {
    const { output } = await renderFund(browser, await browser.version(), step.prepared, { timeoutMs: options.timeoutMs });
    const outDir = step.prepared.outDir;
    // Written, the set's manifest also lists the files (fund-period-output.ts): return it as written.
    if (options.write !== false) writeFundPeriod(output);
    const manifest = options.write !== false ? readFileSync(join(outDir, 'manifest.json'), 'utf8') : `${JSON.stringify(output.manifest, null, 2)}\n`;
    const files = { ...output.files, 'manifest.json': manifest };
    const byName = Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? new TextEncoder().encode(data) : data]));
    return { ok: true, problems: [], outDir, files: byName };
  } finally {
    await browser.close();
  }
}

/** Two periods of one fund compared: figure variances, findings delta, holdings, blackline. Throws for two different funds. */
export function diffPeriods(previous: LoadedFundPeriod, current: LoadedFundPeriod): PeriodDiff {
  for (const p of [previous, current]) if (!p.fund || !p.figures) throw new Error(`${p.file} has errors: it cannot be compared`);
  return diff({ fund: previous.fund!, figures: previous.figures!, file: previous.file }, { fund: current.fund!, figures: current.figures!, file: current.file });
}
