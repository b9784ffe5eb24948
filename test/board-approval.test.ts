// The IQM board-approval book as the trustees receive it: the real PDF, read back with poppler and qpdf.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundbook, pdfInfo, pdfOutlines, pdfText, sha256File } from './pdf-tools.js';

const IQM = 'data/iqm/2011-08-31.yaml';
let out: string;
let pdf: string;
let flat: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'fundbook-board-'));
  const run = fundbook(['build', IQM, '--out', out, '--only', 'board']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  pdf = join(out, 'iqm', '2011-08-31', 'board-approval.pdf');
  flat = pdfText(pdf).replace(/\s+/g, ' ');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the IQM board-approval book', () => {
  it('is confidential, dated to the renewal meeting, and built alone with --only board', () => {
    expect(flat).toContain('CONFIDENTIAL — FOR BOARD USE');
    expect(flat).toContain('Contract renewal meeting, June 14–15, 2011');
    expect(pdfInfo(pdf).Title).toBe('Invesco Quality Municipal Securities — Board Approval Book — June 14–15, 2011');
    expect(pdfInfo(pdf).Tagged).toBe('yes');
    expect(pdfText(pdf, { page: 2, layout: true })).toMatch(/Confidential — for board use/);
  });

  it('has the sections A-F of the 15(c) factors, each bookmarked on the page that starts with it', () => {
    const outlines = pdfOutlines(pdf);
    for (const title of ['Executive Summary', 'A. Nature, Extent and Quality of Services', 'B. Fund Performance', 'C. Advisory Fees and Expenses', 'D. Economies of Scale', 'E. Profitability and Financial Resources', 'F. Fall-Out Benefits', 'Leverage and Asset Coverage', 'Last Shareholder Vote', 'Draft Resolution']) {
      const o = outlines.find((x) => x.title === title);
      expect(o, title).toBeDefined();
      expect(pdfText(pdf, { page: o!.page })).toContain(title);
    }
  });

  it('puts the fee comparison with the peer median in front of the board', () => {
    expect(flat).toContain('Contractual advisory fee vs expense-group median 0.270% vs 0.550% (−28 bps; rank 1 of 11, 1 = lowest)');
    expect(flat).toMatch(/Median 0\.550% 1\.180%/);
    expect(flat).toContain('Invesco Quality Municipal Securities 0.270% 0.78%');
  });

  it('shows the performance quintiles 3/4/4 and the two fourth-quintile findings', () => {
    expect(flat).toMatch(/Performance quintiles \(1\/3\/5 years; 1 = best\) 3 ?\/ ?4 ?\/ ?4 /);
    expect(flat).toContain('3-year performance in the fourth quintile of its performance universe (rank 20 of 28)');
    expect(flat).toContain('5-year performance in the fourth quintile of its performance universe (rank 19 of 27)');
    expect(flat).toMatch(/1 year 3\.10% 3\.45% −35 bps 14 of 30/);
  });

  it('shows the 0.66% cap with its headroom and end date, with the calculator\'s workings', () => {
    expect(flat).toContain('0.66% through June 30, 2012; covered ratio 0.52%, headroom +14.4 bps; 381 days after the meeting');
    expect(flat).toContain('Cap for the period 0.66% x 187,753,000 x 184/365 = 624,677.38.');
  });

  it('shows asset coverage of 454% with its workings', () => {
    expect(flat).toContain('454% ($227,044 per share); binding minimum 200%; compliant');
    expect(flat).toContain('Preferred coverage 249,748,628 / 55,000,000 = 454.09%');
  });

  it('carries the core checks\' findings and names each finding\'s rule', () => {
    // 2 performance quintiles and the core checks' 9 warnings.
    for (const count of ['0 errors', '11 warnings', '0 for information']) expect(flat).toContain(count);
    expect(flat).toContain('market price discount to NAV: stated -2.00%, computed -1.94%, difference 0.06% from');
    expect(flat).toMatch(/performance-quintile: quintile worse/);
  });

  it('ends with a draft resolution and a signature line for each independent trustee', () => {
    expect(flat).toContain('RESOLVED, that the Board of Trustees');
    for (const name of ['Bruce L. Crockett', 'David C. Arch', 'Bob R. Baker', 'Frank S. Bayley', 'Larry Soll']) expect(flat).toContain(`${name} · Date`);
    expect(flat).not.toContain('Philip A. Taylor · Date');
  });

  it('is byte-identical when built again', () => {
    const again = mkdtempSync(join(tmpdir(), 'fundbook-board-again-'));
    try {
      expect(fundbook(['build', IQM, '--out', again, '--only', 'board']).code).toBe(0);
      expect(sha256File(join(again, 'iqm', '2011-08-31', 'board-approval.pdf'))).toBe(sha256File(pdf));
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
