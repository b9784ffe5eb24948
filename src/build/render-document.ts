// Print a paged document whose contents list needs real page numbers: print, read where each section
// landed from the PDF's bookmarks, and print again until the numbers hold (usually two prints; one when
// the previous build's page numbers are still right).
import type { Browser } from 'puppeteer';
import type { CompiledDocument } from '../render/templates.js';
import { sectionPages } from '../render/page-map.js';
import { printPdf } from '../render/print.js';

export interface PagedView {
  sections: { title: string; page?: number }[];
}

export interface RenderedDocument {
  pdf: Uint8Array;
  html: string;
  pages: (number | undefined)[];
  prints: number;
  blocked: string[];
}

const MAX_PRINTS = 3;

export async function renderPaged(
  browser: Browser,
  compiled: CompiledDocument,
  view: PagedView,
  options: { guess?: readonly (number | undefined)[]; timeoutMs?: number } = {},
): Promise<RenderedDocument> {
  let pages: (number | undefined)[] = view.sections.map((_, i) => options.guess?.[i]);
  const blocked: string[] = [];
  for (let prints = 1; ; prints++) {
    const withPages = { ...view, sections: view.sections.map((s, i) => ({ ...s, page: pages[i] })) };
    const html = compiled.render(withPages);
    const printed = await printPdf(browser, html, options.timeoutMs);
    blocked.push(...printed.blocked);
    const found = sectionPages(printed.pdf, view.sections.map((s) => s.title));
    const settled = found.every((p, i) => p === pages[i]);
    if (settled || prints >= MAX_PRINTS) {
      if (!settled) throw new Error(`contents page numbers did not settle after ${prints} prints`);
      return { pdf: printed.pdf, html, pages: found, prints, blocked };
    }
    pages = found;
  }
}
