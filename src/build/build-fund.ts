// One fund-period through the whole pipeline: load -> calculate -> view model -> HTML -> PDF, then every
// output written atomically once all of them exist in memory.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { computeFigures } from '../calc/compute.js';
import { formatFinding } from '../check.js';
import { figuresJson } from '../figures/figures-json.js';
import { formatProblem, loadFundFile } from '../load/load-fund.js';
import { finishPdf } from '../render/pdf-finish.js';
import { compileDocument, type CompiledDocument, type DocumentKind } from '../render/templates.js';
import { reportView } from '../view/report-view.js';
import { writeAllAtomically } from './atomic-write.js';
import { renderPaged, type PagedView } from './render-document.js';
import { calculateBoardReview } from '../calc/board-review.js';
import { boardView } from '../view/board-view.js';
import { FUNDBOOK_VERSION } from './version.js';

export interface BuildOptions {
  outDir: string;
  only?: 'report' | 'board';
  timeoutMs?: number;
}

export interface DocumentOutcome {
  kind: DocumentKind;
  file: string;
  pages: number;
  bytes: number;
  prints: number;
  sha256: string;
}

export interface BuildOutcome {
  input: string;
  ok: boolean;
  fundId?: string;
  periodEnd?: string;
  outDir?: string;
  documents: DocumentOutcome[];
  problems: string[];
  ms: number;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Templates compiled once per process and shared by every build. */
const compiled = new Map<DocumentKind, CompiledDocument>();

export function compiledDocument(kind: DocumentKind): CompiledDocument {
  let doc = compiled.get(kind);
  if (!doc) compiled.set(kind, (doc = compileDocument(kind)));
  return doc;
}

function countPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

export async function buildFund(browser: Browser, chromiumVersion: string, input: string, options: BuildOptions): Promise<BuildOutcome> {
  const started = performance.now();
  const loaded = loadFundFile(input);
  if (!loaded.fund) {
    return { input, ok: false, documents: [], problems: loaded.problems.map(formatProblem), ms: performance.now() - started };
  }
  const fund = loaded.fund;
  const figures = computeFigures(fund);
  const errors = figures.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const problems = errors.map((f) => formatFinding(loaded, f));
    return { input, ok: false, fundId: fund.fund.id, periodEnd: fund.period.end, documents: [], problems, ms: performance.now() - started };
  }

  const outDir = join(options.outDir, fund.fund.id, fund.period.end);
  const manifestPath = join(outDir, 'manifest.json');
  const figuresText = `${JSON.stringify(figuresJson(fund, figures, loaded.locate), null, 2)}\n`;
  const files: Record<string, Uint8Array | string> = {};
  const documents: DocumentOutcome[] = [];
  const manifestDocuments: Record<string, object> = {};
  const templateHashes: Record<string, string> = {};

  // Each document: its template and its view model (with the PDF's subject line).
  const wanted: { kind: DocumentKind; view: PagedView & { documentTitle: string; author: string }; subject: string }[] = [];
  if (options.only !== 'board') {
    const view = reportView(fund, figures);
    wanted.push({ kind: 'shareholder-report', view, subject: `${view.reportKind}, ${view.asOf}` });
  }
  if (options.only !== 'report' && fund.board_review) {
    const board = calculateBoardReview(fund, fund.board_review, figures);
    const view = boardView(fund, fund.board_review, figures, board, loaded.locate);
    wanted.push({ kind: 'board-approval', view, subject: `Section 15(c) contract renewal, ${view.meeting}` });
  } else if (options.only === 'board') {
    const where = loaded.locate([]);
    return { input, ok: false, fundId: fund.fund.id, periodEnd: fund.period.end, documents: [], problems: [`${where.file}:1:1 board_review: is required to build the board-approval book`], ms: performance.now() - started };
  }
  for (const { kind, view, subject } of wanted) {
    const doc = compiledDocument(kind);
    Object.assign(templateHashes, doc.templateHashes);
    const rendered = await renderPaged(browser, doc, view, { timeoutMs: options.timeoutMs });
    const pdf = finishPdf(rendered.pdf, {
      title: view.documentTitle,
      author: view.author,
      subject,
      date: fund.period.report_date,
      creator: `fundbook ${FUNDBOOK_VERSION}`,
      producer: `Skia/PDF (${chromiumVersion})`,
    });
    const file = `${kind}.pdf`;
    files[join(outDir, file)] = pdf;
    const outcome = { kind, file, pages: countPages(pdf), bytes: pdf.length, prints: rendered.prints, sha256: sha256(pdf) };
    documents.push(outcome);
    manifestDocuments[kind] = {
      file,
      sha256: outcome.sha256,
      bytes: outcome.bytes,
      pages: outcome.pages,
      sections: view.sections.map((s, i) => ({ title: s.title, page: rendered.pages[i] })),
      // Every request the page tried to make; all were refused (fundbook's documents are self-contained).
      requestsBlocked: [...new Set(rendered.blocked)].sort(),
    };
  }

  files[join(outDir, 'figures.json')] = figuresText;
  const manifest = {
    fundbook: FUNDBOOK_VERSION,
    chromium: chromiumVersion,
    fund: fund.fund.id,
    period: { start: fund.period.start, end: fund.period.end },
    input: { file: input, sha256: loaded.sha256 },
    templates: Object.fromEntries(Object.entries(templateHashes).sort(([a], [b]) => a.localeCompare(b))),
    figures: { file: 'figures.json', sha256: sha256(figuresText) },
    documents: manifestDocuments,
  };
  files[manifestPath] = `${JSON.stringify(manifest, null, 2)}\n`;
  writeAllAtomically(files);
  return { input, ok: true, fundId: fund.fund.id, periodEnd: fund.period.end, outDir, documents, problems: [], ms: performance.now() - started };
}
