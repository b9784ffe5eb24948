import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdingLines, paginateSchedule, SCHEDULE_LAYOUT, type HoldingLine, type ScheduleGroup } from './schedule-pages.js';
import { lineCount, textWidth } from './text-width.js';

const holding = (issue: string, issuer = ''): HoldingLine => ({
  issuer, issue, enhancement: '', notes: '', rate: '5.00%', maturity: '07/01/30', principal: '1,000', value: '1,000,000', dollar: false,
});

describe('text widths from the pinned font', () => {
  it('measures Liberation Sans: "RB" at 10pt is 13.89pt (R 0.722 em + B 0.667 em, the Arial metrics)', () => {
    expect(textWidth('RB', 10)).toBeCloseTo(13.89, 1);
  });

  it('wraps at spaces: "Bonds" at 10pt is 28.35pt, a space 2.78pt; two words fit 59.5pt, not 59pt', () => {
    const run = [{ text: 'Bonds Bonds Bonds', sizePt: 10 }];
    expect(textWidth('Bonds', 10)).toBeCloseTo(28.35, 1);
    expect(lineCount(run, 59.5)).toBe(2);
    expect(lineCount(run, 59)).toBe(3);
    expect(lineCount(run, 100)).toBe(1);
  });

  it('gives the IQM schedule its two-line rows: a long issuer and issue take two lines, a short issue one', () => {
    expect(holdingLines(holding('Series 2009 B, Unlimited Tax CAB GO Bonds (INS AGM)', 'Patterson Joint Unified School District (Election of 2008)'))).toBe(2);
    expect(holdingLines(holding('Series 2003, RB'))).toBe(1);
  });
});

describe('paginateSchedule', () => {
  const group = (name: string, n: number): ScheduleGroup => ({
    name, percent: '1.00%', subtotal: n > 1 ? '9,999' : null, holdings: Array.from({ length: n }, (_, i) => holding(`Series ${i}, RB`)),
  });

  it('continues a group cut by a page under its name, with "$" on each page\'s first holding', () => {
    // 100 one-line rows of 11.9pt cannot fit one 687.6pt page.
    const pages = paginateSchedule({ name: 'Municipal Obligations', percent: '145.16%' }, [group('California', 100)], 0);
    expect(pages.length).toBe(2);
    expect(pages[1]!.breakBefore).toBe(true);
    expect(pages[1]!.rows[0]).toEqual({ kind: 'continued', continued: { name: 'California' } });
    for (const p of pages) {
      const holdings = p.rows.flatMap((r) => (r.kind === 'holding' ? [r.holding] : []));
      expect(holdings[0]!.dollar).toBe(true);
      expect(holdings.slice(1).every((h) => !h.dollar)).toBe(true);
    }
  });

  it('never ends a page on a group heading, and keeps a group\'s last holding with its subtotal', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 200 }), (sizes, bottom) => {
        const groups = sizes.map((n, i) => group(`State ${i}`, n));
        const pages = paginateSchedule({ name: 'Municipal Obligations', percent: '100.00%' }, groups, bottom);
        // Every holding once, in order.
        const printed = pages.flatMap((p) => p.rows.flatMap((r) => (r.kind === 'holding' ? [r.holding.issue] : [])));
        expect(printed).toEqual(groups.flatMap((g) => g.holdings.map((h) => h.issue)));
        for (const p of pages) {
          expect(p.rows.at(-1)!.kind).not.toBe('group');
          expect(p.rows.at(-1)!.kind).not.toBe('continued');
          const subtotalAt = p.rows.findIndex((r) => r.kind === 'subtotal');
          if (subtotalAt === 0) throw new Error('a subtotal opens a page');
        }
        // A page opening inside a group says so.
        pages.slice(1).forEach((p) => expect(['group', 'continued']).toContain(p.rows[0]!.kind));
      }),
      { numRuns: 60 },
    );
  });

  it('fills a page to its capacity and no further', () => {
    const pages = paginateSchedule({ name: 'Municipal Obligations', percent: '100.00%' }, [group('A', 300)], 0);
    const rowsPerFullPage = pages[1]!.rows.filter((r) => r.kind === 'holding').length;
    const row = SCHEDULE_LAYOUT.line + SCHEDULE_LAYOUT.rowPadding;
    const available = SCHEDULE_LAYOUT.pageHeight - SCHEDULE_LAYOUT.slack - SCHEDULE_LAYOUT.head - (SCHEDULE_LAYOUT.line + SCHEDULE_LAYOUT.rowPadding + SCHEDULE_LAYOUT.groupPadding);
    expect(rowsPerFullPage).toBe(Math.floor(available / row));
  });
});
