// The IQM shareholder report as a reviewer receives it: the real PDF that `fundbook build` prints (the
// run's shared build of IQM, test/shared-build.ts), read back with poppler and qpdf.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundbook, fundbookProcess, pdfInfo, pdfOutlines, pdfText, sha256File } from './pdf-tools.js';
import { sharedIqmBuild } from './shared-build.js';

const IQM = 'data/iqm/2011-08-31.yaml';
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
let pdf: string;
let text: string;

/** A page's text without the running header's DRAFT: IQM has no review file, so its report is a draft. */
const pageText = (page: number, layout = false) => pdfText(pdf, { page, layout }).replace(/^\s*DRAFT\n/, '');

let work: string;

beforeAll(async () => {
  // The run's one build of IQM (test/shared-build.ts); what a test writes goes into its own folder.
  const built = await sharedIqmBuild();
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  out = built.out;
  work = mkdtempSync(join(tmpdir(), 'fundbook-report-'));
  pdf = join(out, 'iqm', '2011-08-31', 'shareholder-report.pdf');
  text = pdfText(pdf);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the IQM shareholder report', () => {
  it('is a tagged US Letter PDF with title, author and the filing date', () => {
    const info = pdfInfo(pdf);
    expect(info['Page size']).toBe('612 x 792 pts (letter)');
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Invesco Quality Municipal Securities — Semiannual Report to Shareholders — August 31, 2011');
    expect(info.Author).toBe('Invesco Advisers, Inc.');
    expect(info.CreationDate).toMatch(/Nov +7 00:00:00 2011/);
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(20);
    expect(Number(info.Pages)).toBeLessThanOrEqual(32);
  });

  it('prints every section, in the filing order', () => {
    let from = text.indexOf('Contents');
    for (const title of SECTIONS) {
      // After the contents list: the section's own heading.
      const at = text.indexOf(title, from + 1);
      expect(at, title).toBeGreaterThan(from);
      from = at;
    }
  });

  it('has a bookmark for every section, each pointing at the page whose text starts with its title', () => {
    const top = pdfOutlines(pdf).map((o) => o.title);
    for (const title of SECTIONS) expect(top).toContain(title);
    for (const o of pdfOutlines(pdf).filter((x) => SECTIONS.includes(x.title))) {
      expect(pageText(o.page).trimStart().startsWith(o.title), o.title).toBe(true);
    }
    const notes = pdfOutlines(pdf).find((o) => o.title === 'Notes to Financial Statements')!;
    expect(notes.kids.map((k) => k.title)).toContain('NOTE 2 Advisory Fees and Other Fees Paid to Affiliates');
  });

  it('lists real page numbers in the contents: each title is found on the page the contents gives', () => {
    // A draft opens with its open-items page (docs/review.md); the cover follows it.
    expect(pageText(1).trimStart().startsWith('Open items')).toBe(true);
    const cover = pageText(2, true);
    for (const title of SECTIONS) {
      const m = new RegExp(`${title.replace(/[()]/g, '\\$&')}\\s+(\\d+)\\s*$`, 'm').exec(cover);
      expect(m, title).not.toBeNull();
      const page = Number(m![1]);
      expect(pageText(page).trimStart().startsWith(title), `${title} on page ${page}`).toBe(true);
    }
  });

  it.each([
    '282,691,934', // total investments
    '194,748,628', // net assets
    '14.47', // NAV per share
    '227,044', // asset coverage per preferred share
    '11,285,035', // votes for David C. Arch
    '0.27%', // advisory fee rate (Note 2)
    '0.66%', // expense limitation (Note 2)
    '735,719', // total expenses
    '(2,977,286)', // net realized loss
    '13,454,169', // common shares outstanding
    '59,264,898', // dealer-trust collateral, note (m)
    '14,892,903', // capital loss carryforward total (Note 6)
  ])('prints %s', (figure) => {
    expect(text).toContain(figure);
  });

  it('prints every state subtotal of the schedule of investments', () => {
    const layout = pdfText(pdf, { layout: true });
    for (const subtotal of ['1,880,511', '6,295,455', '49,298,351', '2,847,390', '30,347,758', '12,460,000', '7,035,316']) {
      expect(layout).toMatch(new RegExp(`^\\s+${subtotal}\\s*$`, 'm'));
    }
    expect(layout).toMatch(/Alabama—0\.97%/);
    // The footnote mark is a superscript: pdftotext puts it on the line or just above it.
    expect(layout).toMatch(/Total investments \(Cost \$273,096,357\)(?:\(l\))? ?—145\.16%\s+282,691,934/);
    expect(layout).toMatch(/\(l\)\s*\n?\s*Total investments|Total investments \(Cost \$273,096,357\)\(l\)/);
  });

  it('says in Note 2 what the expense-cap calculator found: no waiver', () => {
    expect(text.replace(/\s+/g, ' ')).toContain('to limit the Trust\'s expenses (excluding certain items discussed below) to 0.66%');
    expect(text.replace(/\s+/g, ' ')).toContain('The Adviser did not waive fees and/or reimburse expenses during the period under this expense limitation.');
  });

  it('prints the stated market discount (-2.00%), not the -1.94% fundbook computes (that is a finding)', () => {
    // The draft's open-items pages come before the cover and list the finding with both figures;
    // the report itself, from its cover on, prints only the stated one.
    const cover = text.indexOf('Semiannual Report to Shareholders');
    expect(cover).toBeGreaterThan(0);
    const report = text.slice(cover);
    expect(report).toMatch(/Market Price Discount to NAV as of 8\/31\/11\s+-2\.00%/);
    expect(report).not.toContain('-1.94%');
    expect(text.slice(0, cover).replace(/\s+/g, ' ')).toContain('computed -1.94%');
  });

  it('marks the preferred-only election with its footnote', () => {
    expect(text).toMatch(/Frank S\. Bayley\s*\(P\)/);
    expect(text).toContain('(P) Election of trustee by preferred shareholders only.');
  });

  it('puts negative amounts in parentheses and the fund name and page number in the footer', () => {
    const page14 = pdfText(pdf, { page: 14, layout: true });
    expect(page14).toMatch(/Invesco Quality Municipal Securities\s+Page 14/);
    expect(text).toContain('(17,811,491)');
    expect(text).not.toMatch(/-17,811,491/);
  });

  it('writes figures.json and a manifest with the hashes of input, templates and PDF', () => {
    const dir = join(out, 'iqm', '2011-08-31');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.input.sha256).toBe(sha256File(IQM));
    expect(manifest.documents['shareholder-report'].sha256).toBe(sha256File(pdf));
    expect(manifest.figures.sha256).toBe(sha256File(join(dir, 'figures.json')));
    expect(manifest.chromium).toMatch(/^(Headless)?Chrome\/\d+/);
    expect(Object.keys(manifest.templates)).toContain('shareholder-report/report.hbs');
    expect(manifest.templates['shared/print.css']).toEqual({ sha256: sha256File('templates/shared/print.css'), layer: 'fundbook' });
    expect(JSON.parse(readFileSync(join(dir, 'figures.json'), 'utf8')).preferredCoverage.perShare).toBe('227044');
  });

  it('is byte-identical when built again in another process, with a fresh browser and no previous build: the report and figures.json', () => {
    // (The board book is rebuilt and compared in test/board-approval.test.ts, the period diff in
    // test/period-diff.test.ts, tie-outs.xlsx in src/sheets/tie-outs-xlsx.test.ts.)
    const again = join(work, 'again');
    expect(fundbookProcess(['build', IQM, '--out', again, '--only', 'report', '--no-diff']).code).toBe(0);
    for (const file of ['shareholder-report.pdf', 'figures.json']) {
      expect(sha256File(join(again, 'iqm', '2011-08-31', file)), file).toBe(sha256File(join(out, 'iqm', '2011-08-31', file)));
    }
  });

  it('leaves the previous outputs untouched when a build fails', async () => {
    const snapshot = (dir: string) =>
      readdirSync(dir, { recursive: true }).map(String).sort().map((f) => {
        const path = join(dir, f);
        return statSync(path).isFile() ? `${f} ${sha256File(path)} ${statSync(path).mtimeMs}` : f;
      });
    const previous = join(work, 'previous');
    cpSync(out, previous, { recursive: true, preserveTimestamps: true });
    const before = snapshot(previous);
    const dir = join(work, 'broken');
    mkdirSync(dir);
    const file = join(dir, '2011-08-31.yaml');
    writeFileSync(file, readFileSync(IQM, 'utf8').replace('advisory_fees: 377,455', 'advisory_fees: 37x455'));
    const run = await fundbook(['build', file, '--out', previous]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('statements.operations.expenses.advisory_fees: error INVALID_VALUE: "37x455" is not an amount');
    expect(snapshot(previous)).toEqual(before);
  });
});

describe('the IQM shareholder report as a reviewer signs it off (issue 14)', () => {
  const pageOf = (title: string) => pdfOutlines(pdf).find((o) => o.title === title)!.page;
  const lines = (page: number) => pdfText(pdf, { page, layout: true }).split('\n').map((l) => l.trim()).filter(Boolean);

  it('opens every schedule page after the first with the column headings, then a group or "<group> (continued)", its first figures with "$"', () => {
    const first = pageOf('Schedule of Investments');
    const last = pageOf('Statement of Assets and Liabilities') - 1;
    let lastGroup = '';
    let continued = 0;
    for (let page = first; page <= last; page++) {
      const l = lines(page);
      const head = l.findIndex((x) => /Rate\s+Date\s+\(000\)\s+Value$/.test(x));
      if (head < 0) break; // past the table: the notes to the schedule
      if (page > first) {
        const top = l[head + 1]!;
        const m = /^(.+) \(continued\)$/.exec(top);
        if (m) {
          continued++;
          expect(m[1], `page ${page}`).toBe(lastGroup);
        } else expect(top, `page ${page}`).toMatch(/^[A-Z][A-Za-z .]+—[\d.]+%$/);
        // The page's first holding carries "$" on its principal and its value.
        const firstHolding = l.slice(head + 2).find((x) => /\d{2}\/\d{2}\/\d{2}/.test(x))!;
        expect(firstHolding, `page ${page}`).toMatch(/\$\s+[\d,]+\s+\$\s+[\d,]+$/);
      }
      for (const x of l) {
        const g = /^([A-Z][A-Za-z .]+)—[\d.]+%$/.exec(x);
        if (g) lastGroup = g[1]!;
      }
    }
    expect(continued).toBeGreaterThanOrEqual(4);
  });

  it('prints the statements footer on every schedule and financial-statement page, and nowhere else', () => {
    const footer = 'See accompanying Notes to Financial Statements which are an integral part of the financial statements.';
    const from = pageOf('Schedule of Investments');
    const to = pageOf('Notes to Financial Statements') - 1;
    const pages = Number(pdfInfo(pdf).Pages);
    for (let page = 1; page <= pages; page++) {
      expect(pdfText(pdf, { page }).includes(footer), `page ${page}`).toBe(page >= from && page <= to);
    }
  });

  it.each([
    'Net asset value per preferred share',
    'Contribution from Morgan Stanley affiliate',
    'MS-CE-QMS-SAR-1 Invesco Distributors, Inc.',
    'Unless otherwise noted, all data provided by Invesco.',
    'Invesco Advisers, Inc. (the Adviser or Invesco).',
    'For the six months ended August 31, 2011, the period November 1, 2010 through February 28, 2011 and the year ended October 31, 2010',
    'El Segundo Unified School District (Election of 2008); Series 2009 A, Unlimited Tax GO Bonds',
  ])('prints the filing\'s words: %s', (words) => {
    expect(text.replace(/\s+/g, ' ')).toContain(words);
  });

  it('prints no fundbook label where the filing has its own', () => {
    expect(text).not.toContain('Rebate from Morgan Stanley affiliate\n');
    expect(text).not.toContain('Asset coverage per preferred share');
    expect(text).not.toMatch(/four months ended February 28, 2011 and/);
  });

  it('keeps the spaces of bookmark titles whose headings wrap', () => {
    const titles: string[] = [];
    const walk = (os: ReturnType<typeof pdfOutlines>) => os.forEach((o) => { titles.push(o.title); walk(o.kids); });
    walk(pdfOutlines(pdf));
    expect(titles).toContain('Factors and Conclusions and Summary of Independent Written Fee Evaluation');
    expect(titles).toContain('A. Nature, Extent and Quality of Services Provided by Invesco Advisers and the Affiliated Sub-Advisers');
    expect(titles).toContain('F. Collateral Benefits to Invesco Advisers and its Affiliates');
    for (const t of titles) expect(t, t).not.toMatch(/[a-z][A-Z][a-z]/);
  });

  it('ends on a full back cover, not a few spilled lines', () => {
    const pages = Number(pdfInfo(pdf).Pages);
    const last = lines(pages).filter((l) => l !== 'DRAFT'); // the draft's running header
    expect(last[0]).toBe('Correspondence information');
    expect(last.length).toBeGreaterThan(20);
  });
});

describe('the IQM shareholder report looks as approved (page images)', () => {
  // Each page at 30 pixels per inch against test/page-images/iqm-2011-08-31/ (npm run approve-pages).
  // pixelmatch's per-pixel threshold absorbs anti-aliasing; a page may differ in at most 0.1% of its
  // pixels. Where a page changed, its diff image (changes in red) is written to test/page-images/diff/.
  const MAX_CHANGED = 0.001;

  it('renders every page as the approved image', async () => {
    const { renderPages, APPROVED_DIR, DIFF_DIR } = await import('../scripts/page-images.mjs');
    const { PNG } = await import('pngjs');
    const pixelmatch = (await import('pixelmatch')).default;
    const dir = join(work, 'page-images');
    const pages: string[] = renderPages(pdf, dir);
    const approved = readdirSync(APPROVED_DIR).filter((f) => f.endsWith('.png')).sort();
    const changed: string[] = [];
    rmSync(DIFF_DIR, { recursive: true, force: true });
    for (const page of pages.filter((p) => approved.includes(p))) {
      const a = PNG.sync.read(readFileSync(join(APPROVED_DIR, page)));
      const b = PNG.sync.read(readFileSync(join(dir, page)));
      if (a.width !== b.width || a.height !== b.height) {
        changed.push(`${page}: ${b.width}x${b.height}, approved ${a.width}x${a.height}`);
        continue;
      }
      const diff = new PNG({ width: a.width, height: a.height });
      const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
      if (n > MAX_CHANGED * a.width * a.height) {
        mkdirSync(DIFF_DIR, { recursive: true });
        writeFileSync(join(DIFF_DIR, page), PNG.sync.write(diff));
        changed.push(`${page}: ${n} pixels differ (diff image in test/page-images/diff/${page})`);
      }
    }
    expect(pages, 'the page count changed: review, then npm run approve-pages').toEqual(approved);
    expect(changed, 'pages look different: review the diff images, then npm run approve-pages').toEqual([]);
  });
});

describe('README on the report\'s conventions', () => {
  it('shows page images that exist and names a command that exists', () => {
    const readme = readFileSync('README.md', 'utf8');
    const images = [...readme.matchAll(/\]\((docs\/images\/[^)]+\.png)\)/g)].map((m) => m[1]!);
    expect(images).toEqual(expect.arrayContaining(['docs/images/financial-highlights.png', 'docs/images/statement-of-assets-and-liabilities.png', 'docs/images/schedule-continued-california.png', 'docs/images/schedule-continued-iowa.png']));
    for (const image of images) expect(statSync(image).size, image).toBeGreaterThan(10_000);
    expect(readme).toContain('npm run approve-pages');
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts['approve-pages']).toContain('scripts/page-images.mjs');
  });
});
