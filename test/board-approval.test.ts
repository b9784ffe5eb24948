// The IQM board-approval book of the June 14-15, 2011 renewal meeting as the trustees receive it: built
// from data/iqm/board/2011-06-15.yaml, which draws on the fund period ended February 28, 2011; the real
// PDF of the run's shared build of IQM (test/shared-build.ts), read back with poppler.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfOutlines, pdfText, sha256File } from './pdf-tools.js';
import { runCli } from './run-cli.js';
import { sharedIqmBuild } from './shared-build.js';

const MEETING = 'data/iqm/board/2011-06-15.yaml';
const BOOK = join('iqm', 'board-2011-06-15', 'board-approval.pdf');
let out: string;
let pdf: string;
let flat: string;
let summary: string;
const pageOf = (title: string) => pdfOutlines(pdf).find((o) => o.title === title)!.page;
const pageText = (title: string) => pdfText(pdf, { page: pageOf(title) }).replace(/\s+/g, ' ');

beforeAll(async () => {
  const built = await sharedIqmBuild();
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  out = built.out;
  summary = built.stdout;
  pdf = join(out, BOOK);
  flat = pdfText(pdf).replace(/\s+/g, ' ');
});

describe('the IQM board-approval book, June 14-15, 2011', () => {
  it("is named in the build's summary by its meeting, not by the fund period it draws on", () => {
    expect(summary).toMatch(/^iqm +board 2011-06-15 +built +0 \/ 3 \/ 0 +1 +0 +12 /m);
    expect(summary).toMatch(/^iqm +2011-08-31 +built /m);
    expect(summary).not.toMatch(/^iqm +2011-02-28 /m);
  });

  it('is confidential and dated to the renewal meeting', () => {
    expect(flat).toContain('CONFIDENTIAL — FOR BOARD USE');
    expect(flat).toContain('Contract renewal meeting, June 14–15, 2011');
    expect(pdfInfo(pdf).Title).toBe('Invesco Quality Municipal Securities — Board Approval Book — June 14–15, 2011');
    expect(pdfInfo(pdf).Tagged).toBe('yes');
  });

  it('prints each block\'s as-of date and basis on the cover', () => {
    const cover = pdfText(pdf, { page: 1 }).replace(/\s+/g, ' ');
    expect(cover).toContain('Fund figures: Four months ended February 28, 2011 (expense ratio, net assets, expense cap, asset coverage) February 28, 2011');
    expect(cover).toContain('December 31, 2010 contractual fees at a common asset level of $250,000,000; total expense ratios net of waivers, excluding interest expense');
    expect(cover).toContain('December 31, 2010 total returns at net asset value');
    expect(cover).toContain('Profitability (Invesco Advisers\' profitability analysis (SYNTHETIC)) December 31, 2010 calendar year 2010, pre-tax');
  });

  it('uses the fund\'s figures as of February 28, 2011, and nothing from after the meeting', () => {
    // (361,500 - 126,500 interest) / 183,328,000 x 365 / 120 = 0.3899%: the peers' basis, net, excluding interest.
    expect(flat).toContain('Total expense ratio 0.39% (the Trust\'s, Four months ended February 28, 2011, annualised, net of waivers, excluding interest expense) vs median 1.18%: -79.0 bps; rank 1 of 11.');
    // Coverage 237,074,059 / 55,000,000 = 431.04% at February 28, 2011.
    expect(flat).toContain('preferred 431% ($215,522 per share); binding minimum 200%; compliant');
    for (const later of ['August 31, 2011', 'July 14, 2011', 'June 28, 2011', 'Richard Berry', 'Stephen Turman', '454%', '0.78%']) expect(flat, later).not.toContain(later);
    expect(pageText('Last Shareholder Vote')).toContain('No shareholder meeting in the fund-period data the book draws on (Four months ended February 28, 2011)');
  });

  it('shows the performance with the peer median and its basis, one bps rounding rule throughout', () => {
    // The 1-year median of the 30 returns: (3.02% + 2.95%) / 2 = 2.985% -> 2.99%; 3.10% - 2.985% = +11.5 bps.
    expect(flat).toMatch(/1 year 3\.10% 2\.99% \+11\.5 bps 3\.45% −35\.0 bps 14 of 30/);
    expect(flat).toMatch(/3 years 5\.20% 5\.61%\* −41\.0 bps 5\.20% 0\.0 bps 20 of 28/);
    expect(flat).toContain('Total returns at net asset value, as of December 31, 2010 · SYNTHETIC universe');
    expect(flat).toContain('0.270% vs 0.550% (−28.0 bps; rank 1 of 11, 1 = lowest)');
    expect(flat).not.toMatch(/[−+-]\d+ bps/); // every bps figure has its one decimal place
  });

  it('has profitability and economies of scale with figures and workings', () => {
    const profit = pageText('E. Profitability and Financial Resources');
    expect(profit).toContain('Pre-tax margin (profit ÷ revenue) 28.6%');
    expect(profit).toContain('Margin 229,600 / 802,400 = 28.6%.');
    const scale = pageText('D. Economies of Scale');
    // Net assets applicable to common shares at each fiscal period end (the highlights, in thousands).
    expect(scale).toContain('Year ended October 31, 2006 October 31, 2006 $223,185,000 $602,600 0.270%');
    expect(scale).toContain('Four months ended February 28, 2011 February 28, 2011 $182,074,000 $491,600 0.270%');
    expect(scale).toContain('2011-02-28: annual fee on 182,074,000 = 491,600; effective rate 491,600 / 182,074,000 = 0.270%.');
    expect(flat).toContain('Administrative services fees paid to Invesco Advisers the fund period\'s statement of operations (administrative services fees) $16,800');
  });

  it('puts the trustees\' findings first and the report\'s data checks in an appendix headed as such', () => {
    const summary = pageText('Executive Summary');
    expect(summary).toContain('0 errors 3 warnings');
    expect(summary).toContain('Independent trustees on the roster 5 of 7 (71%); the filing\'s approval of the advisory and sub-advisory contracts states 80%');
    expect(summary).toContain('BOARD_COMPOSITION · board_review.board_composition.independent_share_stated');
    expect(summary).not.toContain('HIGHLIGHTS_LABEL');
    const appendix = pageText('Appendix: Shareholder Report Data Checks');
    expect(appendix).toContain('HIGHLIGHTS_LABEL · financial_highlights.printed_labels.expense_ratio_excluding_ifm (2011-02-28.yaml line 168)');
  });

  it('names every agreement under renewal in the resolution, with a signature line per independent trustee', () => {
    expect(flat).toContain('(1) the Investment advisory agreement between the Trust and Invesco Advisers, Inc.; and (2) the Master Intergroup Sub-Advisory Contract for Mutual Funds with Invesco Asset Management Deutschland GmbH, Invesco Asset Management Limited, Invesco Asset Management (Japan) Limited, Invesco Australia Limited, Invesco Hong Kong Limited, Invesco Senior Secured Management, Inc. and Invesco Canada Ltd.');
    expect(flat).toContain('5 of the 7 trustees on the roster are independent (71%)');
    for (const name of ['Bruce L. Crockett', 'David C. Arch', 'Bob R. Baker', 'Frank S. Bayley', 'Larry Soll']) expect(flat).toContain(`${name} · Date`);
    expect(flat).not.toContain('Philip A. Taylor · Date');
  });

  it('reads the peers from a CSV into the same book as the same rows in YAML, byte for byte', async () => {
    // The YAML form: the CSV's rows as a one-line flow list in place of peers_file, so every line keeps its number.
    const dir = mkdtempSync(join(tmpdir(), 'fundbook-board-yaml-'));
    try {
      const rows = readFileSync('data/iqm/board/2011-06-15-expense-group.csv', 'utf8').trim().split('\n').slice(1).map((l) => {
        const [name, fee, ter] = l.split(',');
        return `{ name: ${name}, contractual_fee: ${fee}, total_expense_ratio: ${ter} }`;
      });
      const text = readFileSync(MEETING, 'utf8')
        .replace('fund_period: ../2011-02-28.yaml', `fund_period: ${resolve('data/iqm/2011-02-28.yaml')}`)
        .replace('peers_file: 2011-06-15-expense-group.csv', `peers: [${rows.join(', ')}]`);
      expect(text).toContain('peers: [{ name: Peer Municipal Trust A (synthetic), contractual_fee: 0.350%, total_expense_ratio: 0.92% }');
      mkdirSync(join(dir, 'board'));
      writeFileSync(join(dir, 'board', '2011-06-15.yaml'), text);
      const run = await runCli(['build', join(dir, 'board', '2011-06-15.yaml'), '--out', join(dir, 'out')]);
      expect(run.status).toBe(0);
      expect(sha256File(join(dir, 'out', BOOK))).toBe(sha256File(pdf));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a meeting file that draws on a fund period ended after the meeting, naming both dates and lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fundbook-board-late-'));
    try {
      mkdirSync(join(dir, 'board'));
      const file = join(dir, 'board', '2011-06-15.yaml');
      writeFileSync(file, readFileSync(MEETING, 'utf8')
        .replace('fund_period: ../2011-02-28.yaml', `fund_period: ${resolve('data/iqm/2011-08-31.yaml')}`)
        .replace('peers_file: 2011-06-15-expense-group.csv', `peers_file: ${resolve('data/iqm/board/2011-06-15-expense-group.csv')}`)
        .replace('    as_of: 2010-12-31\n    synthetic: true\n    # SYNTHETIC like', '    as_of: 2011-06-30\n    synthetic: true\n    # SYNTHETIC like'));
      const run = await runCli(['build', file, '--out', join(dir, 'out')]);
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toContain(`${file}:11:14 fund_period: error DATED_AFTER_MEETING: the fund period ${resolve('data/iqm/2011-08-31.yaml')} is as of 2011-08-31, after the meeting of 2011-06-14 (board_review.meeting.start, ${file}:14): a board book shows only what was known before the meeting`);
      expect(run.stdout + run.stderr).toContain(`${file}:40:12 board_review.expense_group.as_of: error DATED_AFTER_MEETING: the expense group is as of 2011-06-30, after the meeting of 2011-06-14 (board_review.meeting.start, ${file}:14)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
