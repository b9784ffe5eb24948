// Print a paged document whose contents list needs real page numbers. One print with a placeholder in
// each number cell; the PDF's own bookmarks say where each section landed; the numbers are then written
// into the contents page of that same PDF (render/stamp-contents.ts). Should that ever not apply, the
// document is printed again with the numbers in the HTML, until its bookmarks agree with them.
import type { Browser } from 'puppeteer';
import type { CompiledDocument } from '../render/templates.js';
import { sectionPages } from '../render/page-map.js';
import { printPdf } from '../render/print.js';
import { PAGE_PLACEHOLDER, stampContentsPages } from '../render/stamp-contents.js';

export interface PagedView {
  sections: { id: string; title: string; page?: number | string }[];
}

export interface RenderedDocument {
  pdf: Uint8Array;
  /** The document's HTML with the real page numbers. */
  html: string;
  pages: (number | undefined)[];
  prints: number;
  blocked: string[];
}

const MAX_PRINTS = 3;

export async function renderPaged(browser: Browser, compiled: CompiledDocument, view: PagedView, options: { timeoutMs?: number } = {}): Promise<RenderedDocument> {
  const withPages = (pages: readonly (number | string | undefined)[]) => compiled.render({ ...view, sections: view.sections.map((s, i) => ({ ...s, page: pages[i] })) });
  const titles = view.sections.map((s) => s.title);
  const blocked: string[] = [];
  const first = await printPdf(browser, withPages(titles.map(() => PAGE_PLACEHOLDER)), options.timeoutMs);
  blocked.push(...first.blocked);
  let pages = sectionPages(first.pdf, titles);
  const stamped = stampContentsPages(first.pdf, pages);
  if (stamped) return { pdf: stamped, html: withPages(pages), pages, prints: 1, blocked };

  for (let prints = 2; ; prints++) {
    const html = withPages(pages);
    const printed = await printPdf(browser, html, options.timeoutMs);
    blocked.push(...printed.blocked);
    const found = sectionPages(printed.pdf, titles);
    if (found.every((p, i) => p === pages[i])) return { pdf: printed.pdf, html, pages: found, prints, blocked };
    if (prints >= MAX_PRINTS) throw new Error(`contents page numbers did not settle after ${prints} prints`);
    pages = found;
  }
}
