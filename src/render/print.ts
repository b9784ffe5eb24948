// PDF stage: a page of the shared browser prints a document's HTML. JavaScript is off in the page and
// every request is refused: fundbook's documents are self-contained (inline CSS, system fonts), so an
// `http:` or `file:` URL that reached the HTML from a data file loads nothing. A batch keeps one page
// per document in flight and prints document after document on it: opening and closing a page per
// document cost Chromium about a quarter of its throughput (measured: 4.05 against 5.6 documents a
// second at 2 in flight). The PDF does not depend on which page printed it, once finishPdf has
// renumbered the structure elements' IDs (Chromium takes them from DOM node ids, which run on across
// the documents a page has printed).
import type { Browser, Page } from 'puppeteer-core';

interface PrintResult {
  pdf: Uint8Array;
  /** Every request the page tried to make, all refused. */
  blocked: string[];
}

export interface PrintPage {
  page: Page;
  /** Requests refused since the current print began. */
  blocked: string[];
}

/** A page set up for printing: JavaScript off, every request refused and noted. */
export async function openPrintPage(browser: Browser): Promise<PrintPage> {
  const page = await browser.newPage();
  const printPage: PrintPage = { page, blocked: [] };
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      printPage.blocked.push(request.url());
      void request.abort('blockedbyclient');
    });
    return printPage;
  } catch (err) {
    await page.close().catch(() => undefined);
    throw err;
  }
}

/** Print `html` on `printPage` as a tagged PDF with bookmarks (from the headings). */
export async function printOn(printPage: PrintPage, html: string, timeoutMs = 60_000): Promise<PrintResult> {
  printPage.blocked = [];
  await printPage.page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
  const pdf = await printPage.page.pdf({
    format: 'Letter',
    printBackground: true,
    preferCSSPageSize: true,
    tagged: true,
    outline: true,
    timeout: timeoutMs,
  });
  return { pdf, blocked: printPage.blocked };
}

/** Print `html` on a page of its own, closed afterwards. */
export async function printPdf(browser: Browser, html: string, timeoutMs = 60_000): Promise<PrintResult> {
  const printPage = await openPrintPage(browser);
  try {
    return await printOn(printPage, html, timeoutMs);
  } finally {
    await printPage.page.close().catch(() => undefined);
  }
}
