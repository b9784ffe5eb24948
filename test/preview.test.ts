// `fundbook preview` driven in a real browser (the Chromium fundbook prints with): the page shows the
// fund and its figures, follows an edit of the YAML, shows the file:line diagnostic of a broken file
// instead of a stale document, and the document again once fixed; "Print PDF" builds the real PDF.
// No request leaves the preview's own server, and no path outside the fund's folder and the template
// folders is served. Every wait is on a condition of the page, never a fixed time.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../src/preview/preview-server.js';
import { warmBrowser, warmPool } from './warm-browser.js';
import { pdfText } from './pdf-tools.js';

let dir: string;
let file: string;
let original: string;
let preview: Preview;
let browser: Browser;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fundbook-preview-'));
  mkdirSync(join(dir, 'fund'));
  for (const name of ['2011-02-28.yaml', '2011-08-31.yaml']) copyFileSync(join('data/iqm', name), join(dir, 'fund', name));
  file = join(dir, 'fund', '2011-08-31.yaml');
  original = readFileSync(file, 'utf8');
  // A link inside the fund's folder to a file outside it: never served.
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'fund', 'link.txt'));
  mkdirSync(join(dir, 'house'));
  preview = await startPreview({ file, templates: [join(dir, 'house')], outDir: join(dir, 'out'), debounceMs: 100, pool: warmPool });
  browser = await warmBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  page.on('request', (r) => requested.push(r.url()));
});
afterAll(async () => {
  await page?.close();
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The text of the document shown in the preview's frame ('' while there is none). */
const frameText = () => page.evaluate(() => (document.getElementById('doc') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText ?? '');
const waitForFrameText = (text: string) =>
  page.waitForFunction((t) => ((document.getElementById('doc') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText ?? '').includes(t), { polling: 100, timeout: 0 }, text);

/** GET `path` exactly as written (no URL normalisation): status and body. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(preview.url);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => ok({ status: res.statusCode!, body }));
    });
    req.on('error', fail).end();
  });
}

describe('fundbook preview', () => {
  it('shows the report with the fund name, a figure and the findings, each linked to its section', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.goto(preview.url);
    await waitForFrameText('Statement of Assets and Liabilities');
    const text = await frameText();
    expect(text).toContain('Invesco Quality Municipal Securities');
    // Net assets applicable to common shares, from the statement of assets and liabilities.
    expect(text).toContain('194,748,628');
    expect(await page.title()).toBe('Invesco Quality Municipal Securities — fundbook preview');
    const findings = await page.$$eval('#findings li', (lis) => lis.map((li) => ({ text: li.textContent ?? '', href: li.querySelector('a')?.getAttribute('href') ?? null })));
    expect(findings).toHaveLength(9);
    const discount = findings.find((f) => f.text.includes('performance.market_discount'))!;
    expect(discount.text).toMatch(/^.*2011-08-31\.yaml:\d+:\d+ performance\.market_discount: warning STATED_VS_COMPUTED: /);
    expect(discount.href).toBe('/?doc=report#performance');
    expect(findings.find((f) => f.text.includes('schedule_of_investments.groups[24]'))!.href).toBe('/?doc=report#schedule');
    // The period diff is there too; the board book is its meeting file's (board/2011-06-15.yaml), not this file's.
    expect(await page.$$eval('nav a.tab', (as) => as.map((a) => a.textContent))).toEqual(['Shareholder report', 'Period diff']);
  });

  it('runs no script in the document, and fetches nothing beyond its own server', async () => {
    const doc = await rawGet('/doc/report');
    expect(doc.status).toBe(200);
    expect(doc.body).toContain('<style>');
    const headers = await fetch(new URL('/doc/report', preview.url)).then((r) => r.headers);
    expect(headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:;/);
    expect(await page.$eval('#doc', (f) => f.getAttribute('sandbox'))).toBe('allow-same-origin');
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => !u.startsWith(preview.url))).toEqual([]);
  });

  it('follows an edit of the YAML, shows a broken file\'s diagnostic instead of the document, and the document once fixed', async () => {
    writeFileSync(file, original.replace('  name: Invesco Quality Municipal Securities\n', '  name: Invesco Quality Municipal Securities Preview Trust\n'));
    await waitForFrameText('Invesco Quality Municipal Securities Preview Trust');
    expect(await page.title()).toBe('Invesco Quality Municipal Securities Preview Trust — fundbook preview');

    // A key indented wrongly: a YAML error, at the line of the mapping it breaks (fund.name).
    const line = original.split('\n').indexOf('  name: Invesco Quality Municipal Securities') + 1;
    writeFileSync(file, original.replace('  ticker: IQM\n', '   ticker: IQM\n'));
    await page.waitForSelector('#problems pre', { timeout: 0 });
    const problems = await page.$eval('#problems pre', (p) => p.textContent ?? '');
    expect(problems).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:${line}:\\d+ .*error `, 'm'));
    expect(await page.$('#doc')).toBeNull();

    writeFileSync(file, original);
    await page.waitForSelector('#doc', { timeout: 0 });
    await waitForFrameText('194,748,628');
    expect(await frameText()).not.toContain('Preview Trust');
    expect(await page.$('#problems')).toBeNull();
  });

  it('follows a new file in a template folder, and shows a template\'s error', async () => {
    mkdirSync(join(dir, 'house', 'shareholder-report', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'house', 'shareholder-report', 'partials', 'cover.hbs'), '<section class="cover" id="cover"><h1>House cover of {{fundName}}</h1></section>\n');
    await waitForFrameText('House cover of Invesco Quality Municipal Securities');
    // A template that fails its check: its file:line:col in place of the document, until fixed.
    const cover = join(dir, 'house', 'shareholder-report', 'partials', 'cover.hbs');
    writeFileSync(cover, '<section class="cover" id="cover">\n<h1>{{{fundName}}}</h1></section>\n');
    await page.waitForSelector('#problems pre', { timeout: 0 });
    expect(await page.$eval('#problems pre', (p) => p.textContent)).toBe(`${cover}:2:5 error TEMPLATE_UNESCAPED: prints without escaping ({{{ }}} or {{& }}); a user's template prints data escaped, use {{ }}`);
    writeFileSync(cover, '<section class="cover" id="cover"><h1>House cover of {{fundName}}</h1></section>\n');
    await page.waitForSelector('#doc', { timeout: 0 });
    await waitForFrameText('House cover of Invesco Quality Municipal Securities');
  });

  it('serves files only from the fund\'s folder and the template folders', async () => {
    expect((await rawGet('/files/2011-08-31.yaml')).body).toBe(original);
    expect((await rawGet('/templates/0/shareholder-report/partials/cover.hbs')).status).toBe(200);
    for (const path of [
      '/files/../secret.txt',
      '/files/../../../etc/passwd',
      '/files/%2e%2e/secret.txt',
      '/files/%2E%2E%2Fsecret.txt',
      '/files/..%5csecret.txt',
      '/files//etc/passwd',
      '/files/%2Fetc%2Fpasswd',
      `/files/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      '/files/link.txt',
      '/files/%00',
      '/templates/0/../../secret.txt',
      '/templates/1/x',
      '/../secret.txt',
    ]) {
      const got = await rawGet(path);
      expect(got.status, path).toBe(404);
      expect(got.body, path).not.toContain('SECRET');
    }
  });

  it('prints the real PDF with "Print PDF"', async () => {
    await page.goto(preview.url);
    await page.click('#print');
    await page.waitForFunction(() => /built |FAILED/.test(document.getElementById('print-status')?.textContent ?? ''), { polling: 200, timeout: 0 });
    expect(await page.$eval('#print-status', (o) => o.className)).toBe('ok');
    const pdf = join(dir, 'out', 'iqm', '2011-08-31', 'shareholder-report.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(pdfText(pdf)).toContain('House cover of Invesco Quality Municipal Securities');
  });
});
