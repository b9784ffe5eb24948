// Print a paged document whose contents list needs real page numbers. One print with a placeholder in
// each number cell; the PDF's own bookmarks say where each section landed; the numbers are then written
// into the contents page of that same PDF (render/stamp-contents.ts). Should that ever not apply, the
// document is printed again with the numbers in the HTML, until its bookmarks agree with them.
import type { Browser } from 'puppeteer-core';
import type { CompiledDocument } from './templates.js';
import { finishPrinted, type FinishJob, type FinishResult } from './finish-printed.js';
import type { PdfMetadata } from './pdf-finish.js';
import { printOn, printPdf, type PrintPage } from './print.js';
import { printTimeoutMs } from './print-timeout.js';
import { PAGE_PLACEHOLDER } from './stamp-contents.js';

export interface PagedView {
  sections: { id: string; title: string; page?: number | string }[];
  /** Set while the period is not signed off: the DRAFT mark and open items (view/draft-view.ts). */
  draft?: object;
}

interface RenderedDocument {
  /** The final PDF: numbers written in, metadata and /ID set. */
  pdf: Uint8Array;
  pages: (number | undefined)[];
  prints: number;
  blocked: string[];
  sha256: string;
  pageCount: number;
}

/** Where printed PDFs are finished: on this thread by default, on a batch's worker thread otherwise. */
export type Finisher = (job: FinishJob) => Promise<FinishResult>;
const finishHere: Finisher = async (job) => finishPrinted(job);

const MAX_PRINTS = 3;
/** --timeout's default: seconds per megabyte of HTML (print-timeout.ts). */
export const DEFAULT_PRINT_TIMEOUT_MS = 120_000;

/** The HTML of the one print: the placeholder in every contents number cell. */
export function placeholderHtml(compiled: CompiledDocument, view: PagedView): string {
  return compiled.render({ ...view, sections: view.sections.map((s) => ({ ...s, page: PAGE_PLACEHOLDER })) });
}

// The templates wrap each contents number in this span; data can never produce it (it is escaped).
const CONTENTS_PAGE = new RegExp(`<span class="contents-page">${PAGE_PLACEHOLDER}</span>`, 'g');

/** `placeholderHtml` with the real numbers (blank where a section's page is unknown), in order. */
export function fillContentsPages(html: string, pages: readonly (number | undefined)[]): string {
  let i = 0;
  return html.replace(CONTENTS_PAGE, () => `<span class="contents-page">${pages[i++] ?? ''}</span>`);
}

/**
 * Print `html` (a placeholderHtml) whose contents list the sections `titles`, in order, and finish it.
 * `page`: a batch's page, reused from document to document; otherwise the print gets a page of its own.
 */
export async function renderPaged(
  browser: Browser,
  html: string,
  titles: string[],
  meta: PdfMetadata,
  options: { timeoutMs?: number; finish?: Finisher; page?: PrintPage; what?: string } = {},
): Promise<RenderedDocument> {
  const finish = options.finish ?? finishHere;
  // The timeout scales with the document's size; one that runs out names the document.
  const timeoutMs = printTimeoutMs(options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS, Buffer.byteLength(html));
  const print = async (toPrint: string) => {
    try {
      return options.page ? await printOn(options.page, toPrint, timeoutMs) : await printPdf(browser, toPrint, timeoutMs);
    } catch (err) {
      if ((err as Error).name !== 'TimeoutError') throw err;
      const size = (Buffer.byteLength(html) / 1048576).toFixed(1);
      throw new Error(`${options.what ?? 'a document'}: printing timed out after ${timeoutMs / 1000} s (the limit for ${size} MB of HTML at --timeout ${(options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS) / 1000} s per MB)`, { cause: err });
    }
  };
  const blocked: string[] = [];
  let expectPages: (number | undefined)[] | undefined;
  for (let prints = 1; ; prints++) {
    const toPrint = expectPages ? fillContentsPages(html, expectPages) : html;
    const printed = await print(toPrint);
    blocked.push(...printed.blocked);
    const done = await finish({ pdf: printed.pdf, titles, meta, expectPages });
    if (done.ok) return { pdf: done.pdf, pages: done.pages, prints, blocked, sha256: done.sha256, pageCount: done.pageCount };
    if (prints >= MAX_PRINTS) throw new Error(`contents page numbers did not settle after ${prints} prints`);
    expectPages = done.pages;
  }
}
