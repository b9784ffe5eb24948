// The worked example of docs/templates.md: examples/house-style/ replaces the report's cover and the
// shared stylesheet. Built with it, the IQM report differs from the default build on its cover and in
// its styling (fonts, colour) and nowhere else: every other page's text is the default build's. And a
// hostile template folder cannot turn on what the renderer keeps off: scripts stay off, requests refused.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFund } from '../src/pipeline/build-fund.js';
import { warmBrowser } from './warm-browser.js';
import { printPdf } from '../src/render/print.js';
import { pdfInfo, pdfText, sha256File } from './pdf-tools.js';
import { runCli } from './run-cli.js';
import { sharedIqmBuild } from './shared-build.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const HOUSE = 'examples/house-style';
let out: string;
let shared: string;
/** The report in fundbook's own templates (the run's shared build of IQM, test/shared-build.ts) or in the house style. */
const report = (name: 'default' | 'house') => join(name === 'default' ? shared : join(out, name), 'iqm', '2011-08-31', 'shareholder-report.pdf');

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'fundbook-house-'));
  const built = await sharedIqmBuild();
  expect(built.code).toBe(0);
  shared = built.out;
  const run = await runCli(['build', IQM, '--out', join(out, 'house'), '--only', 'report', '--no-diff', '--templates', HOUSE]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Pixels of page `page` (at 40 dpi) within a small distance of the colour `rgb`. */
function pixelsOf(pdf: string, page: number, rgb: [number, number, number]): number {
  const png = PNG.sync.read(execFileSync('pdftoppm', ['-png', '-r', '40', '-f', String(page), '-l', String(page), pdf]));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - rgb[0]) + Math.abs(png.data[i + 1]! - rgb[1]) + Math.abs(png.data[i + 2]! - rgb[2]) < 30) n++;
  }
  return n;
}
const fonts = (pdf: string) => execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
const NAVY: [number, number, number] = [0x1d, 0x3c, 0x6e];
const BURGUNDY: [number, number, number] = [0x7a, 0x1f, 0x2b];

describe('IQM built with examples/house-style', () => {
  it('has the same pages, and every page but the cover has the same text as the default build', () => {
    const pages = Number(pdfInfo(report('default')).Pages);
    expect(Number(pdfInfo(report('house')).Pages)).toBe(pages);
    const differ: number[] = [];
    for (let p = 1; p <= pages; p++) if (pdfText(report('default'), { page: p }) !== pdfText(report('house'), { page: p })) differ.push(p);
    // A draft's first page is its open-items page; the cover is the second.
    expect(pdfText(report('house'), { page: 2 })).toContain('Invesco Quality Municipal Securities');
    expect(differ).toEqual([2]);
  });

  it("prints the house cover: its own headings around the same contents list", () => {
    const cover = pdfText(report('house'), { page: 2, layout: true });
    expect(cover).toMatch(/CLOSED-END FUNDS · SEMIANNUAL REPORT TO SHAREHOLDERS/);
    expect(cover).toContain('For the period ended August 31, 2011');
    expect(cover).toContain('In this report');
    expect(cover).toMatch(/Statement of Assets and Liabilities\s+14\n/);
    expect(pdfText(report('default'), { page: 2 })).not.toContain('In this report');
  });

  it('styles every document page in the house font and colour', () => {
    // Headings in Liberation Serif, which the default report does not use at all.
    expect(fonts(report('house'))).toMatch(/LiberationSerif-Bold/);
    expect(fonts(report('default'))).not.toMatch(/LiberationSerif/);
    // The statement of assets and liabilities (page 14): its heading and rules burgundy, not navy.
    expect(pixelsOf(report('default'), 14, NAVY)).toBeGreaterThan(50);
    expect(pixelsOf(report('default'), 14, BURGUNDY)).toBe(0);
    expect(pixelsOf(report('house'), 14, BURGUNDY)).toBeGreaterThan(50);
    expect(pixelsOf(report('house'), 14, NAVY)).toBe(0);
  });

  it('records in the manifest which folder each template came from, with its hash', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'house', 'iqm', '2011-08-31', 'manifest.json'), 'utf8'));
    expect(manifest.templates['shareholder-report/partials/cover.hbs']).toEqual({ sha256: sha256File(`${HOUSE}/shareholder-report/partials/cover.hbs`), layer: HOUSE });
    expect(manifest.templates['shared/print.css']).toEqual({ sha256: sha256File(`${HOUSE}/shared/print.css`), layer: HOUSE });
    expect(manifest.templates['shareholder-report/report.css']).toEqual({ sha256: sha256File('templates/shareholder-report/report.css'), layer: 'fundbook' });
    const fromHouse = Object.entries(manifest.templates as Record<string, { layer: string }>).filter(([, t]) => t.layer !== 'fundbook').map(([name]) => name);
    expect(fromHouse.sort()).toEqual(['shared/print.css', 'shareholder-report/partials/cover.hbs']);
    expect(manifest.documents['shareholder-report'].requestsBlocked).toEqual([]);
  });
});

describe('a hostile template folder', () => {
  it('is refused when it prints unescaped, before anything is built', async () => {
    const dir = join(out, 'unescaped');
    mkdirSync(join(dir, 'shareholder-report', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'shareholder-report', 'partials', 'cover.hbs'), '<h1>{{{fundName}}}</h1>\n');
    const run = await runCli(['build', IQM, '--out', join(out, 'refused'), '--templates', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`fundbook build: ${join(dir, 'shareholder-report/partials/cover.hbs')}:1:5 error TEMPLATE_UNESCAPED: prints without escaping ({{{ }}} or {{& }}); a user's template prints data escaped, use {{ }}\n`);
    expect(() => readFileSync(join(out, 'refused', 'iqm', '2011-08-31', 'manifest.json'))).toThrow();
  });

  it('cannot run a script or fetch anything: the page prints with JavaScript off and every request refused', async () => {
    const dir = join(out, 'hostile');
    const cover = join(dir, 'shareholder-report', 'partials', 'cover.hbs');
    mkdirSync(dirname(cover), { recursive: true });
    writeFileSync(cover, [
      '<section class="cover" id="cover"><p>{{fundName}}</p>',
      '<script>document.body.append("SCRIPT RAN")</script><noscript>NO SCRIPT</noscript>',
      '<img src="http://127.0.0.1:9/logo.png"><link rel="stylesheet" href="https://fonts.example.com/house.css">',
      '<iframe src="http://127.0.0.1:9/frame"></iframe></section>',
    ].join('\n'));
    mkdirSync(join(dir, 'shared'), { recursive: true });
    writeFileSync(join(dir, 'shared', 'draft.css'), '@import url("http://127.0.0.1:9/import.css");\nbody { background: url("http://127.0.0.1:9/bg.png"); }\n');
    const step = prepareFund(IQM, { outDir: out, only: 'report', templates: [dir] });
    if ('failed' in step) throw new Error(step.failed.problems.join('\n'));
    const html = step.prepared.documents[0]!.html;
    const printed = await printPdf(await warmBrowser(), html);
    const file = join(out, 'hostile.pdf');
    writeFileSync(file, printed.pdf);
    const text = pdfText(file);
    expect(text).not.toContain('SCRIPT RAN');
    expect(text).toContain('NO SCRIPT');
    expect(text).toContain('Invesco Quality Municipal Securities');
    for (const url of ['http://127.0.0.1:9/logo.png', 'https://fonts.example.com/house.css', 'http://127.0.0.1:9/frame', 'http://127.0.0.1:9/import.css']) {
      expect(printed.blocked).toContain(url);
    }
  });
});
