// Text from a fund file is data, never markup, template or request. A copy of the IQM file whose
// narrative (Markdown) fields, fund name and one issuer hold HTML, Handlebars, CSS and link injections is
// built into a real PDF, read back with poppler: every injection must print as the literal text it is,
// nothing may run or load, and the manifest must record no request at all (escaping and Markdown without
// raw HTML or images stop every URL before the browser). Then printPdf is given raw HTML directly, to
// show the browser-level guards on their own: every request refused and logged, JavaScript off.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { checkEdgarHtml } from '../src/edgar/check-edgar.js';
import { warmBrowser } from './warm-browser.js';
import { printPdf } from '../src/render/print.js';
import { fundbook, pdfInfo, pdfText } from './pdf-tools.js';
import { HANG_MS } from './hang.js';

const IQM = 'data/iqm/2011-08-31.yaml';

const SCRIPT = `<script>document.body.innerHTML='PWNED'</script>`;
const IMG = `<img src="file:///etc/passwd">`;
const MD_IMAGE = `![x](file:///etc/passwd)`;
const LINK = `<link rel="stylesheet" href="http://127.0.0.1:9/x.css">`;
const HB_VARIABLE = `{{fundName}}`;
const HB_BLOCK = `{{#each sections}}X{{/each}}`;
const STYLE_BREAK = `</style><style>body{display:none}</style>`;
const CSS_BREAK = `"; } body { display: none } x { content: "`;
const JS_LINK = `[link](javascript:alert(1))`;
/** Image syntax with a URL that would load: printed literally, neither an image nor a link. */
const MD_HTTP_IMAGE = `![chart](http://127.0.0.1:9/chart.png)`;
/** A scheme markdown-it would link by default but fundbook does not (only http:, https:, mailto:). */
const FTP_LINK = `[archive](ftp://127.0.0.1/x)`;
/** A link fundbook does make. */
const SEC_LINK = `[EDGAR](https://www.sec.gov/)`;
/** One 5,000-character word, with ends that can be found. */
const LONG_WORD = `BEGIN${'abcdefghij'.repeat(499)}FINIS`;

const ALL_MARKDOWN = [SCRIPT, IMG, MD_IMAGE, LINK, HB_VARIABLE, HB_BLOCK, STYLE_BREAK, CSS_BREAK, JS_LINK, MD_HTTP_IMAGE, FTP_LINK];

/** A Markdown body: one paragraph per injection, each labelled so a reader of the PDF can find it. */
function markdownBody(where: string, injections: readonly string[], extra: string[] = []): string {
  return [...injections.map((s, i) => `${where} injection ${i + 1}: ${s}`), ...extra].join('\n\n');
}

/** The fund name: a CSS string break (the name is printed in every page footer by a CSS `content:`), </style>, Handlebars. */
const FUND_NAME = `Hostile ${CSS_BREAK} ${STYLE_BREAK} ${HB_VARIABLE} Trust`;
const ISSUER = `Issuer ${SCRIPT} ${HB_BLOCK} ${IMG}`;

/** Whitespace removed: pdftotext breaks lines (and a long word) wherever the page did. */
const squeeze = (s: string) => s.replace(/\s+/g, '');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
/** `needle` is in the PDF's text (whitespace ignored); on failure, says which without printing the whole text. */
const expectPrinted = (needle: string, printed = true) => expect(squeezed.includes(squeeze(needle)), needle.slice(0, 80)).toBe(printed);

let work: string;
let pdf: string;
let text: string;
let squeezed: string;
let manifest: { documents: Record<string, { pages: number; requestsBlocked: string[] }> };
let buildOutput: { code: number | null; stdout: string; stderr: string };
/** The same hostile file without the 5,000-character word, for comparison. */
let pagesWithoutLongWord: number;

/** Write the hostile copy of IQM (with or without the long word) and build its report; the PDF's path. */
async function buildHostile(name: string, longWord: boolean) {
  const doc = parseDocument(readFileSync(IQM, 'utf8'), { schema: 'failsafe' });
  doc.setIn(['fund', 'name'], FUND_NAME);
  doc.setIn(['schedule_of_investments', 'groups', 0, 'holdings', 0, 'issuer'], ISSUER);
  doc.setIn(['narrative', 'letters', 0, 'body'], markdownBody('Letter', ALL_MARKDOWN, [`A real link: ${SEC_LINK}`, ...(longWord ? [`The long word: ${LONG_WORD}`] : [])]));
  doc.setIn(['narrative', 'notes', 0, 'body', 0], markdownBody('Note', ALL_MARKDOWN));
  doc.setIn(['narrative', 'board_approval', 'body'], markdownBody('Approval', ALL_MARKDOWN));
  doc.setIn(['narrative', 'back_matter', 0, 'body'], markdownBody('Back matter', ALL_MARKDOWN));
  mkdirSync(join(work, name));
  const input = join(work, name, '2011-08-31.yaml');
  writeFileSync(input, doc.toString({ lineWidth: 0 }));
  const run = await fundbook(['build', input, '--out', join(work, `${name}-out`), '--only', 'report', '--no-diff', '--no-progress']);
  return { run, dir: join(work, `${name}-out`, 'iqm', '2011-08-31') };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fundbook-hostile-'));
  const hostile = await buildHostile('hostile', true);
  buildOutput = hostile.run;
  pdf = join(hostile.dir, 'shareholder-report.pdf');
  manifest = JSON.parse(readFileSync(join(hostile.dir, 'manifest.json'), 'utf8')) as typeof manifest;
  text = pdfText(pdf);
  squeezed = squeeze(text);
  const plain = await buildHostile('hostile-short-words', false);
  if (plain.run.code !== 0) throw new Error(`the build without the long word failed:\n${plain.run.stdout}\n${plain.run.stderr}`);
  pagesWithoutLongWord = Number(pdfInfo(join(plain.dir, 'shareholder-report.pdf')).Pages);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a fund file full of injections, built into a shareholder report', () => {
  it('checks and builds like any other fund (exit 0, nothing on stderr)', () => {
    expect(buildOutput.stderr).toBe('');
    expect(buildOutput.code).toBe(0);
  });

  it('prints every injection as literal text', () => {
    for (const s of ALL_MARKDOWN) expectPrinted(s);
    expect(text.includes("<script>document.body.innerHTML='PWNED'</script>")).toBe(true);
    // In each of the four Markdown fields, and in the issuer.
    for (const where of ['Letter', 'Note', 'Approval', 'Back matter']) {
      ALL_MARKDOWN.forEach((s, i) => expectPrinted(`${where} injection ${i + 1}: ${s}`));
    }
    expectPrinted(ISSUER);
  });

  it('never evaluates Handlebars in data: {{fundName}} is not replaced, {{#each}} does not loop', () => {
    // Each Markdown field prints both once; the fund name holds {{fundName}} too and is printed on the
    // cover, in the schedule heading and in every page footer.
    expect(count(squeezed, '{{fundName}}')).toBeGreaterThanOrEqual(4 + Number(pdfInfo(pdf).Pages) - 1);
    expect(count(squeezed, '{{#eachsections}}X{{/each}}')).toBeGreaterThanOrEqual(5);
    // Were it evaluated, {{fundName}} would print the name and the loop an X per section.
    expectPrinted('injection 5: Hostile', false);
    expect(/injection6:X/.test(squeezed)).toBe(false);
  });

  it('runs no script: PWNED appears only inside the literal <script> text', () => {
    const pwned = count(squeezed, 'PWNED');
    expect(pwned).toBeGreaterThanOrEqual(5);
    expect(pwned).toBe(count(squeezed, squeeze(SCRIPT)));
  });

  it('loads no file: nothing of /etc/passwd is in the PDF', () => {
    expect(readFileSync('/etc/passwd', 'utf8')).toMatch(/^root:x:0:0/);
    expect(text.includes('root:x:0:0')).toBe(false);
    expect(/\/bin\/(ba)?sh\b/.test(text)).toBe(false);
  });

  it('makes a link of the https: URL only: none of javascript:, file:, ftp: or an image\'s http: URL', () => {
    const raw = readFileSync(pdf).toString('latin1');
    const uris = [...raw.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]);
    expect(uris.length).toBeGreaterThan(0);
    expect(new Set(uris)).toEqual(new Set(['https://www.sec.gov/']));
    expectPrinted('A real link: EDGAR');
  });

  it('keeps the page whole: </style> and the CSS string break hide nothing, the name is in the footer', () => {
    for (const heading of ['Letters to Shareholders', 'Schedule of Investments', 'Statement of Assets and Liabilities', 'Financial Highlights', 'Proxy Results']) {
      expect(text.includes(heading), heading).toBe(true);
    }
    // The footer (`@bottom-left { content: <fund name as a CSS string> }`) prints the whole name, literally.
    const pages = Number(pdfInfo(pdf).Pages);
    expect(count(squeezed, squeeze(FUND_NAME))).toBeGreaterThanOrEqual(pages - 1);
    expect(pdfInfo(pdf).Title).toBe(`${FUND_NAME} — Semiannual Report to Shareholders — August 31, 2011`);
  });

  it('prints the 5,000-character word (its start at least) and keeps a sane page count', () => {
    expectPrinted(`The long word: BEGINabcdefghij`);
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBe(manifest.documents['shareholder-report']!.pages);
    // The IQM report is 28 pages; the injections replace the long first note and the board approval
    // text with short ones (24 pages without the long word).
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(pages).toBeLessThanOrEqual(45);
    expect(pagesWithoutLongWord).toBeGreaterThanOrEqual(20);
    expect(pagesWithoutLongWord).toBeLessThanOrEqual(32);
  });

  // Words break rather than widen the page (templates/shared/print.css: overflow-wrap). Regression tests:
  // a 5,000-character word once made Chromium shrink every page to about 60% and cut the word off. The
  // word wraps onto about thirty lines of its own, so the report may grow by a page or two, not shrink.
  it('a 5,000-character word does not shrink the rest of the document', () => {
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(pagesWithoutLongWord);
    expect(pages).toBeLessThanOrEqual(pagesWithoutLongWord + 2);
  });
  it('prints the 5,000-character word whole (across a page break, the running footer and header aside)', () => {
    // The footer of one page and, on a draft, the next page's DRAFT running header.
    const footer = new RegExp(`${squeeze(FUND_NAME).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}Page\\d+(DRAFT)?`, 'g');
    expect(squeezed.replace(footer, '').includes(LONG_WORD)).toBe(true);
  });

  it('embeds only the pinned fonts (Liberation, DejaVu: src/render/fontconfig.ts), each one embedded', () => {
    const rows = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''), row).toMatch(/^(Liberation|DejaVu)/);
      expect(/\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(row)?.[1], row).toBe('yes');
    }
  });

  it('records no request at all: every URL was stopped before the browser', () => {
    expect(manifest.documents['shareholder-report']!.requestsBlocked).toEqual([]);
  });
});

describe('printPdf on raw HTML: the browser-level guards on their own', () => {
  let browser: Browser;
  let result: { pdf: Uint8Array; blocked: string[] };
  let rawText: string;

  const HTML = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>',
    '<p>Visible paragraph before the requests.</p>',
    '<img src="file:///etc/passwd"><link rel="stylesheet" href="http://127.0.0.1:9/x.css"><iframe src="http://127.0.0.1:9/"></iframe>',
    "<script>document.body.appendChild(document.createElement('p')).textContent = 'SCRIPT' + 'RAN';</script>",
    "<script>document.write('WRITTEN' + 'BYSCRIPT');</script>",
    '<noscript><p>NOSCRIPT-SHOWN</p></noscript>',
    '<p>Visible paragraph after the requests.</p>',
    '</body></html>',
  ].join('\n');

  beforeAll(async () => {
    browser = await warmBrowser();
    result = await printPdf(browser, HTML, HANG_MS);
    const file = join(work, 'raw.pdf');
    writeFileSync(file, result.pdf);
    rawText = pdfText(file);
  });

  it('produces a PDF', () => {
    expect(Buffer.from(result.pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(rawText).toContain('Visible paragraph before the requests.');
    expect(rawText).toContain('Visible paragraph after the requests.');
  });

  it('refuses and logs the http: requests (the stylesheet and the iframe)', () => {
    const urls = [...new Set(result.blocked)];
    expect(urls.filter((u) => !u.startsWith('data:')).sort()).toEqual(['http://127.0.0.1:9/', 'http://127.0.0.1:9/x.css']);
    // The rest are the images of Chromium's own error page for the refused iframe (chrome-error://chromewebdata/),
    // refused too.
    for (const u of urls.filter((x) => x.startsWith('data:'))) expect(u).toMatch(/^data:image\/png;base64,/);
    expect(rawText).not.toContain('root:x:0:0');
  });

  // KNOWN BUG (a gap in the log, not in the refusal): a page set with setContent() is about:blank, and
  // Chromium itself refuses file: URLs from it ("Not allowed to load local resource: file:///etc/passwd"
  // on the console) before request interception sees them, so printPdf's `blocked` list, and the
  // manifest's requestsBlocked, never show a file: URL that the HTML tried to load.
  it.fails('logs the file: URL it refused as well', () => {
    expect(result.blocked).toContain('file:///etc/passwd');
  });

  it('runs no JavaScript: nothing the scripts would write is printed, <noscript> is', () => {
    expect(rawText).not.toContain('SCRIPTRAN');
    expect(rawText).not.toContain('WRITTENBYSCRIPT');
    expect(rawText).toContain('NOSCRIPT-SHOWN');
  });
});

describe('the same hostile file as EDGAR HTML (--only edgar)', () => {
  let run: { code: number | null; stdout: string; stderr: string };
  let html: Buffer;
  beforeAll(async () => {
    const out = join(work, 'hostile-edgar-out');
    run = await fundbook(['build', join(work, 'hostile', '2011-08-31.yaml'), '--out', out, '--only', 'edgar', '--no-diff', '--no-progress']);
    html = readFileSync(join(out, 'iqm', '2011-08-31', 'iqm20110831.htm'));
  });

  it('builds, and passes the EDGAR check: no injection became an element, an attribute or a link', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(checkEdgarHtml('iqm20110831.htm', html)).toEqual([]);
  });

  it('prints every injection as its literal text, and a link outside the SEC archive as text and address', () => {
    const source = html.toString('latin1');
    expect(source).not.toMatch(/<script|<img|<link|<style|href="javascript|href="ftp|href="http/i);
    expect(source).toContain('&lt;script&gt;document.body.innerHTML=');
    expect(source).toContain('Letter injection 11: [archive](ftp://127.0.0.1/x)');
    expect(source).toContain('A real link: EDGAR (https://www.sec.gov/)');
    expect(source).toContain(`BEGIN${'abcdefghij'.repeat(499)}FINIS`);
  });
});
