// Print a paged document whose contents list needs real page numbers: print, read where each section
// landed from the PDF's bookmarks, and print again until the numbers hold (usually two prints; one when
// the previous build's page numbers are still right).
import type { Browser } from 'puppeteer';
import type { CompiledDocument } from '../render/templates.js';
import { destinationPages, sectionPages } from '../render/page-map.js';
import { printPdf } from '../render/print.js';

export interface PagedView {
  sections: { id: string; title: string; page?: number }[];
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
  const withPages = (pages: readonly (number | undefined)[]) => compiled.render({ ...view, sections: view.sections.map((s, i) => ({ ...s, page: pages[i] })) });
  const blocked: string[] = [];
  let prints = 0;
  let pages: (number | undefined)[];
  const guess = options.guess?.length === view.sections.length && options.guess.every((p) => p !== undefined) ? [...options.guess] : undefined;
  if (guess) {
    pages = guess;
  } else {
    // No page numbers to try: a cheaper untagged print shows where each section lands, through the
    // named destinations of the contents' links.
    const probe = await printPdf(browser, withPages([]), options.timeoutMs, false);
    prints++;
    blocked.push(...probe.blocked);
    pages = destinationPages(probe.pdf, view.sections.map((s) => s.id));
  }
  for (;;) {
    const html = withPages(pages);
    const printed = await printPdf(browser, html, options.timeoutMs);
    prints++;
    blocked.push(...printed.blocked);
    // The final print's own bookmarks confirm the numbers it carries.
    const found = sectionPages(printed.pdf, view.sections.map((s) => s.title));
    if (found.every((p, i) => p === pages[i])) return { pdf: printed.pdf, html, pages: found, prints, blocked };
    if (prints >= MAX_PRINTS) throw new Error(`contents page numbers did not settle after ${prints} prints`);
    pages = found;
  }
}
