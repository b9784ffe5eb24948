// IQM's shareholder report as EDGAR HTML, as `fundbook build` writes it: it passes the EDGAR check, opens
// in Chromium with every section, and its text holds every figure of the printed report's text.
// `--only edgar` builds it alone; `--only report` afterwards keeps it, listed as carried.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEdgarHtml } from '../src/edgar/check-edgar.js';
import { prepareFund } from '../src/pipeline/build-fund.js';
import { warmBrowser } from './warm-browser.js';
import { printPdf } from '../src/render/print.js';
import { fundbook, pdfInfo, pdfText, sha256File } from './pdf-tools.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const HTM = 'iqm20110831.htm';
const SECTIONS = [
  'Letters to Shareholders',
  'Trust Performance',
  'Dividend Reinvestment Plan',
  'Schedule of Investments',
  'Statement of Assets and Liabilities',
  'Statement of Operations',
  'Statement of Changes in Net Assets',
  'Statement of Cash Flows',
  'Notes to Financial Statements',
  'Financial Highlights',
  'Approval of Investment Advisory and Sub-Advisory Contracts',
  'Proxy Results',
];

let out: string;
let dir: string;
let html: Buffer;
let afterEdgarOnly: string[];
let manifestAfterEdgar: { files: Record<string, { sha256: string; carried?: true }>; documents: Record<string, { file: string; sha256: string; carried?: true }> };

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'fundbook-edgar-'));
  dir = join(out, 'iqm', '2011-08-31');
  const edgar = await fundbook(['build', IQM, '--out', out, '--only', 'edgar', '--no-diff', '--no-progress']);
  expect(edgar.stderr).toBe('');
  expect(edgar.code).toBe(0);
  afterEdgarOnly = readdirSync(dir).sort();
  manifestAfterEdgar = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  html = readFileSync(join(dir, HTM));
  // The printed report beside it, for the figures; the EDGAR HTML stays as it was.
  const report = await fundbook(['build', IQM, '--out', out, '--only', 'report', '--no-diff', '--no-progress']);
  expect(report.stderr).toBe('');
  expect(report.code).toBe(0);
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The document's text as a reader gets it: every text node of the body, references decoded, nodes apart. */
function htmlText(bytes: Buffer): string {
  const parts: string[] = [];
  const walk = (node: T.ParentNode) => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#text') parts.push((child as T.TextNode).value);
      else if ('childNodes' in child) walk(child);
    }
  };
  const document = parse(bytes.toString('latin1'));
  const html = document.childNodes.find((n) => n.nodeName === 'html') as T.Element;
  walk(html.childNodes.find((n) => n.nodeName === 'body') as T.Element);
  return parts.join(' ');
}

/**
 * The figure strings of a text: digits with their grouping commas and decimals, and an opening
 * parenthesis or minus sign when they have one ("(6.78" of "(6.78)%"; the "$" stands apart in both).
 */
const figures = (text: string) => new Set(text.replace(/\$/g, ' ').match(/\(?-?\d(?:[\d,]*\d)?(?:\.\d+)?/g) ?? []);

describe("IQM's EDGAR HTML", () => {
  it('--only edgar writes it alone: no PDF, and the manifest lists it with its hash', () => {
    expect(afterEdgarOnly).toEqual(['figures.json', HTM, 'manifest.json', 'tie-outs.xlsx']);
    expect(manifestAfterEdgar.documents.edgar).toMatchObject({ file: HTM, sha256: manifestAfterEdgar.files[HTM]!.sha256 });
    expect(Object.keys(manifestAfterEdgar.documents)).toEqual(['edgar']);
    expect(manifestAfterEdgar.files[HTM]!.carried).toBeUndefined();
  });

  it('--only report afterwards leaves it as it was, listed as carried', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as typeof manifestAfterEdgar;
    expect(existsSync(join(dir, 'shareholder-report.pdf'))).toBe(true);
    expect(manifest.files[HTM]).toEqual({ sha256: sha256File(join(dir, HTM)), bytes: html.length, carried: true });
    expect(manifest.files[HTM]!.sha256).toBe(manifestAfterEdgar.files[HTM]!.sha256);
    expect(manifest.documents.edgar).toMatchObject({ file: HTM, carried: true });
  });

  it('passes the EDGAR check', () => {
    expect(checkEdgarHtml(HTM, html, [])).toEqual([]);
  });

  it('is ASCII with no raw smart quote or dash, the text still has them as references', () => {
    expect(html.every((b) => b === 0x0a || (b >= 0x20 && b <= 0x7e))).toBe(true);
    // The letters' em dashes, as references in the bytes and as dashes in the text.
    expect(html.toString('latin1')).toContain('long-term financial goals&#8212;a secure retirement');
    expect(htmlText(html)).toContain('long-term financial goals\u2014a secure retirement');
  });

  it('links every section from its contents, and marks the draft as the PDF does', () => {
    const text = html.toString('latin1');
    for (const id of ['letters', 'performance', 'drip', 'schedule', 'assets-and-liabilities', 'operations', 'changes', 'cash-flows', 'notes', 'highlights', 'approval', 'proxy']) {
      expect(text, id).toContain(`<a href="#${id}">`);
      expect(text, id).toContain(`<a name="${id}"></a>`);
    }
    // IQM has no review file: a draft, with its open items first, as in the PDF.
    expect(htmlText(html)).toMatch(/^\s*DRAFT\s+Open items/);
  });

  it('holds every figure of the printed report', () => {
    const pdf = join(dir, 'shareholder-report.pdf');
    const pages = Number(pdfInfo(pdf).Pages);
    const inHtml = figures(htmlText(html));
    const missing: string[] = [];
    for (let page = 1; page <= pages; page++) {
      // Not figures of the report: the running footer's page number and the contents' page numbers.
      let text = pdfText(pdf, { page, layout: true }).replace(/Page \d+/g, '');
      if (/^\s*Contents\s*$/m.test(text)) text = text.replace(/^(.*\S)\s{2,}\d+\s*$/gm, '$1');
      for (const f of figures(text)) if (!inHtml.has(f)) missing.push(`${f} (page ${page})`);
    }
    expect(figures(pdfText(pdf)).size).toBeGreaterThan(700);
    expect(missing).toEqual([]);
  });
});

describe("IQM's EDGAR HTML in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await warmBrowser();
  }, 60_000);

  it('opens with every section, in order, and asks for nothing outside itself', async () => {
    const printed = await printPdf(browser, html.toString('latin1'));
    expect(printed.blocked).toEqual([]);
    const file = join(out, 'edgar-print.pdf');
    writeFileSync(file, printed.pdf);
    const text = pdfText(file);
    // After the contents list (which ends with the proxy results): each section's own heading.
    let from = text.indexOf('Proxy Results', text.indexOf('Contents'));
    expect(from).toBeGreaterThan(0);
    for (const title of SECTIONS) {
      const at = text.indexOf(title, from + 1);
      expect(at, title).toBeGreaterThan(from);
      from = at;
    }
  }, 120_000);
});

describe('the EDGAR check in build', () => {
  it('gives the same bytes for the same input, and the file build wrote is those bytes', () => {
    const once = prepareFund(IQM, { outDir: join(out, 'again'), only: 'edgar', diff: false });
    const twice = prepareFund(IQM, { outDir: join(out, 'again'), only: 'edgar', diff: false });
    if (!('prepared' in once) || !('prepared' in twice)) throw new Error('IQM did not prepare');
    expect(once.prepared.documents.map((d) => d.file)).toEqual([HTM]);
    expect(twice.prepared.documents[0]!.html).toBe(once.prepared.documents[0]!.html);
    expect(Buffer.from(once.prepared.documents[0]!.html, 'latin1').equals(html)).toBe(true);
  });

  it('refuses, before anything prints, the HTML of a template override EDGAR would not take', () => {
    const dir = join(out, 'bad-templates');
    mkdirSync(join(dir, 'edgar', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'edgar', 'partials', 'cover.hbs'), '<a name="cover"></a>\n<p><span>{{fundName}}</span> <a href="https://example.com/">our site</a></p>\n');
    const step = prepareFund(IQM, { outDir: join(out, 'bad'), only: 'edgar', diff: false, templates: [dir] });
    if (!('failed' in step)) throw new Error('the override was not refused');
    expect(step.failed.problems).toHaveLength(1);
    expect(step.failed.problems[0]).toMatch(/^data\/iqm\/2011-08-31\.yaml: iqm20110831\.htm is not EDGAR HTML \(docs\/edgar\.md\): element \(line \d+\): <span> is not an element EDGAR accepts; external-reference \(line \d+\): link to "https:\/\/example\.com\/": EDGAR accepts links only to filings in the SEC's archive$/);
    expect(existsSync(join(out, 'bad'))).toBe(false);
  });
});
