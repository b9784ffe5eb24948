// PDF stage: one page of the shared browser prints one document's HTML. JavaScript is off in the page
// and every request is refused: fundbook's documents are self-contained (inline CSS, system fonts), so
// an `http:` or `file:` URL that reached the HTML from a data file loads nothing.
import type { Browser } from 'puppeteer';

export interface PrintResult {
  pdf: Uint8Array;
  /** Every request the page tried to make, all refused. */
  blocked: string[];
}

/** Print `html` as a tagged PDF with bookmarks (from the headings). */
export async function printPdf(browser: Browser, html: string, timeoutMs = 60_000): Promise<PrintResult> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      blocked.push(request.url());
      void request.abort('blockedbyclient');
    });
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    const pdf = await page.pdf({
      format: 'Letter',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      timeout: timeoutMs,
    });
    return { pdf, blocked };
  } finally {
    await page.close().catch(() => undefined);
  }
}
