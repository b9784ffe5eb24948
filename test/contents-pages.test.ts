// The contents page numbers written into the one print (render/stamp-contents.ts): the stamped page must
// look exactly like a print that had the numbers in its HTML, for numbers of any width, and anything
// unexpected must fall back to printing again rather than to a wrong number.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculateBoardReview } from '../src/calc/board-review.js';
import { computeFigures } from '../src/calc/compute.js';
import { compiledDocument } from '../src/pipeline/build-fund.js';
import { fillContentsPages, placeholderHtml, renderPaged, type PagedView } from '../src/render/render-document.js';
import { loadFundFile } from '../src/load/load-fund.js';
import { loadMeetingFile } from '../src/load/load-meeting.js';
import { warmBrowser } from './warm-browser.js';
import { sectionPages } from '../src/render/page-map.js';
import { finishPrinted } from '../src/render/finish-printed.js';
import { Preparer } from '../src/pipeline/preparer.js';
import { printPdf } from '../src/render/print.js';
import { PAGE_PLACEHOLDER, stampContentsPages } from '../src/render/stamp-contents.js';
import type { CompiledDocument } from '../src/render/templates.js';
import { boardView } from '../src/view/board-view.js';
import { reportView } from '../src/view/report-view.js';
import { pdfText } from './pdf-tools.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const MEETING = 'data/iqm/board/2011-06-15.yaml';
const META = { title: 'IQM', author: 'Invesco Advisers, Inc.', subject: 'test', date: '2011-11-07', creator: 'fundbook test', producer: 'test' };
let browser: Browser;
let dir: string;
let report: { doc: CompiledDocument; view: PagedView };
let board: { doc: CompiledDocument; view: PagedView };

beforeAll(async () => {
  browser = await warmBrowser();
  dir = mkdtempSync(join(tmpdir(), 'fundbook-contents-'));
  const loaded = loadFundFile(IQM);
  const fund = loaded.fund!;
  const figures = computeFigures(fund);
  report = { doc: compiledDocument('shareholder-report'), view: reportView(fund, figures) };
  const meeting = loadMeetingFile(MEETING);
  const drawnOn = meeting.fund!.fund!;
  const drawnFigures = computeFigures(drawnOn);
  board = { doc: compiledDocument('board-approval'), view: boardView(drawnOn, meeting.review!, drawnFigures, calculateBoardReview(drawnOn, meeting.review!, drawnFigures), (path) => path.join('.')) };
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

const withPages = (d: { doc: CompiledDocument; view: PagedView }, pages: readonly (number | string)[]) =>
  d.doc.render({ ...d.view, sections: d.view.sections.map((s, i) => ({ ...s, page: pages[i] })) });

/** The report's one print as a build makes it, a placeholder in every contents number cell, unfinished (printed once, read by several tests). */
let placeholderPrinted: ReturnType<typeof printPdf> | undefined;
const placeholderPrint = () => (placeholderPrinted ??= printPdf(browser, placeholderHtml(report.doc, report.view)));

/** Contents numbers of one, two and three digits, and the report printed with them in its HTML (printed once, read by two tests). */
const widthPages = () => report.view.sections.map((_, i) => [7, 48, 123, 9, 100, 10][i % 6]!);
let numberedPrinted: ReturnType<typeof printPdf> | undefined;
const numberedPrint = () => (numberedPrinted ??= printPdf(browser, withPages(report, widthPages())));

/** Page `page` of a PDF as grey pixels (pdftoppm, 100 dpi). */
function raster(pdf: Uint8Array, name: string, page = 1): Buffer {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '100', '-gray', '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, name)]);
  return readFileSync(join(dir, `${name}.pgm`));
}

describe('contents page numbers written into the one print', () => {
  it.each([
    ['shareholder report', () => report, [2, 3, 4, 5, 13, 14, 15, 16, 17, 24, 25, 29]],
    ['board-approval book', () => board, undefined],
  ] as const)('the %s takes one print, and its contents page is pixel-identical to a print with the numbers in the HTML', async (_, get, expected) => {
    const d = get();
    const rendered = await renderPaged(browser, placeholderHtml(d.doc, d.view), d.view.sections.map((s) => s.title), META);
    expect(rendered.prints).toBe(1);
    if (expected) expect(rendered.pages).toEqual(expected);
    expect(rendered.pages.every((p) => typeof p === 'number' && p > 1)).toBe(true);
    const reference = await printPdf(browser, fillContentsPages(placeholderHtml(d.doc, d.view), rendered.pages));
    // The reference print's own bookmarks agree with the numbers: the placeholder moved nothing.
    expect(sectionPages(reference.pdf, d.view.sections.map((s) => s.title))).toEqual(rendered.pages);
    expect(raster(rendered.pdf, 'stamped').equals(raster(reference.pdf, 'reference'))).toBe(true);
  });

  it('right-aligns numbers of one, two and three digits exactly as Chromium does', async () => {
    const pages = widthPages();
    expect(placeholderHtml(report.doc, report.view)).toBe(withPages(report, report.view.sections.map(() => PAGE_PLACEHOLDER)));
    const stamped = stampContentsPages((await placeholderPrint()).pdf, pages);
    expect(stamped).toBeDefined();
    const reference = await numberedPrint();
    expect(raster(stamped!, 'widths').equals(raster(reference.pdf, 'widths-reference'))).toBe(true);

    // poppler reads the stamped numbers back as text, each on its section's line.
    const file = join(dir, 'widths.pdf');
    const lines = pdfText(file, { layout: true, page: 1 }).split('\n');
    report.view.sections.forEach((s, i) => expect(lines.find((l) => l.includes(s.title))).toMatch(new RegExp(`\\s${pages[i]}$`)));
    // The rest of the document is untouched, and qpdf finds the file sound.
    expect(pdfText(file, { page: 5 })).toBe(execFileSync('pdftotext', ['-f', '5', '-l', '5', join(dir, 'widths-reference.pdf'), '-'], { encoding: 'utf8' }));
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  });

  it('refuses, rather than guesses, when the placeholders are not there once per section', async () => {
    // A print with the numbers in its HTML: no placeholder to write into.
    const numbered = await numberedPrint();
    const pages = report.view.sections.map(() => 5);
    expect(stampContentsPages(numbered.pdf, pages)).toBeUndefined();
    const placeholders = await placeholderPrint();
    expect(stampContentsPages(placeholders.pdf, [...pages, 6])).toBeUndefined(); // one section more than placeholders
    expect(stampContentsPages(placeholders.pdf, pages.slice(1))).toBeUndefined(); // one placeholder left over
    expect(stampContentsPages(placeholders.pdf, pages.map((p, i) => (i === 3 ? undefined : p)))).toBeUndefined(); // a section without a page
  });

  it('falls back to printing again, with the numbers in the HTML, when the stamp refuses', async () => {
    // One "000" too many on the cover: the placeholders no longer match the sections one to one.
    const html = placeholderHtml(report.doc, report.view).replace('<h2>Contents</h2>', `<h2>Contents</h2><p>${PAGE_PLACEHOLDER}</p>`);
    expect(html).toContain(`<p>${PAGE_PLACEHOLDER}</p>`);
    const rendered = await renderPaged(browser, html, report.view.sections.map((s) => s.title), META);
    expect(rendered.prints).toBe(2);
    expect(rendered.pages).toEqual([2, 3, 4, 5, 13, 14, 15, 16, 17, 24, 25, 29]);
    const file = join(dir, 'fallback.pdf');
    writeFileSync(file, rendered.pdf);
    expect(pdfText(file, { layout: true, page: 1 })).toMatch(/Proxy Results\s+29\n/);
  });

  it('a batch finishes a print on its worker thread to the very bytes it would have here', async () => {
    const titles = report.view.sections.map((s) => s.title);
    const printed = await placeholderPrint();
    const here = finishPrinted({ pdf: printed.pdf, titles, meta: META });
    const preparer = new Preparer(1);
    try {
      const there = await preparer.finish({ pdf: printed.pdf, titles, meta: META });
      expect(here.ok && there.ok).toBe(true);
      if (here.ok && there.ok) {
        expect(Buffer.from(there.pdf).equals(Buffer.from(here.pdf))).toBe(true);
        expect(there.sha256).toBe(here.sha256);
        expect(there.pages).toEqual([2, 3, 4, 5, 13, 14, 15, 16, 17, 24, 25, 29]);
        expect(there.pageCount).toBe(30);
      }
    } finally {
      await preparer.close();
    }
  });
});
