// Print a paged document whose contents list needs real page numbers. One print with a placeholder in
// each number cell; the PDF's own bookmarks say where each section landed; the numbers are then written
// into the contents page of that same PDF (render/stamp-contents.ts). Should that ever not apply, the
// document is printed again with the numbers in the HTML, until its bookmarks agree with them.
import type { Browser } from 'puppeteer';
import type { CompiledDocument } from '../render/templates.js';
import { sectionPages } from '../render/page-map.js';
import { printPdf } from '../render/print.js';
import { pdfText } from '../render/pdf-objects.js';
import { contentsPageEdits, PAGE_PLACEHOLDER } from '../render/stamp-contents.js';

export interface PagedView {
  sections: { id: string; title: string; page?: number | string }[];
}

export interface RenderedDocument {
  /** The printed PDF as pdfText gives it (one character per byte). */
  pdf: string;
  /** Edits still to apply to it (the contents page numbers): pass both to finishPdf. */
  edits: Map<number, string>;
  pages: (number | undefined)[];
  prints: number;
  blocked: string[];
}

const MAX_PRINTS = 3;

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

/** Print `html` (a placeholderHtml) whose contents list the sections `titles`, in order. */
export async function renderPaged(browser: Browser, html: string, titles: readonly string[], options: { timeoutMs?: number } = {}): Promise<RenderedDocument> {
  const blocked: string[] = [];
  const first = await printPdf(browser, html, options.timeoutMs);
  blocked.push(...first.blocked);
  const text = pdfText(first.pdf);
  let pages = sectionPages(text, titles);
  const edits = contentsPageEdits(text, pages);
  if (edits) return { pdf: text, edits, pages, prints: 1, blocked };

  for (let prints = 2; ; prints++) {
    const printed = await printPdf(browser, fillContentsPages(html, pages), options.timeoutMs);
    blocked.push(...printed.blocked);
    const found = sectionPages(printed.pdf, titles);
    if (found.every((p, i) => p === pages[i])) return { pdf: pdfText(printed.pdf), edits: new Map(), pages: found, prints, blocked };
    if (prints >= MAX_PRINTS) throw new Error(`contents page numbers did not settle after ${prints} prints`);
    pages = found;
  }
}
