// The stated-vs-computed checks on IQM as filed (each finding hand-checked against the filing) and on
// IQM with one stated figure changed at a time.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { loadFundFile } from '../load/load-fund.js';
import type { FundPeriod } from '../load/schema.js';
import { formatPath } from '../load/locate.js';
import { computeFigures } from './compute.js';
import { statedChecksPass, statedVsComputed } from './stated-checks.js';

const fund = loadFundFile('data/iqm/2011-08-31.yaml').fund!;

function checks(f: FundPeriod) {
  const figures = computeFigures(f);
  return statedVsComputed(f, { ...figures, fiscalDays: figures.daysInFiscalYear, adna: f.period.average_daily_net_assets });
}

/** IQM with the first highlights column's values changed. */
function withHighlights(values: Record<string, Decimal | undefined>): FundPeriod {
  const hl = fund.financial_highlights;
  const [first, ...rest] = hl.columns;
  return { ...fund, financial_highlights: { ...hl, columns: [{ ...first!, values: { ...first!.values, ...values } }, ...rest] } };
}

describe('stated-vs-computed checks', () => {
  it("find IQM's six, in order, each at the stated figure", () => {
    expect(checks(fund).map((f) => [f.code, formatPath(f.path ?? []), f.stated, f.computed])).toEqual([
      // 6,185,739 / 187,753,000 x 365/184 = 6.5355% -> 6.54%; printed 6.55% (x 366/184 gives 6.5534%).
      ['STATED_VS_COMPUTED', 'financial_highlights.columns[0].values.nii_ratio_before_preferred', '0.0655', '0.0654'],
      // (6,185,739 - 85,110) / 187,753,000 x 365/184 = 6.45%; printed 6.46% = 6.55% - 0.09%.
      ['STATED_VS_COMPUTED', 'financial_highlights.columns[0].values.nii_ratio_after_preferred', '0.0646', '0.0645'],
      ['HIGHLIGHTS_LABEL', 'financial_highlights.printed_labels.expense_ratio_excluding_ifm', 'Ratio of expenses, including interest, facilities and maintenance expenses', 'excluding'],
      ['HIGHLIGHTS_LABEL', 'financial_highlights.printed_labels.asset_coverage_per_preferred_share', 'Net asset value per preferred share', 'asset coverage per preferred share'],
      // (14.19 - 14.47) / 14.47 = -1.94%; the performance page prints -2.00%.
      ['STATED_VS_COMPUTED', 'performance.market_discount', '-0.02', '-0.0194'],
      // The performance page's 10.45% against the highlights' 10.37%.
      ['STATED_INCONSISTENT', 'performance.rows[0].value', '0.1045', '0.1037'],
    ]);
    const [nii, after] = checks(fund);
    expect(nii!.message).toContain("annualising on the fiscal year's 366 days instead of 365 gives the stated figure");
    expect(nii!.difference).toBe('0.0001');
    expect(after!.message).toContain('the stated figure is the stated 6.55% less the stated 0.09%');
  });

  it('say nothing of a stated ratio that agrees at its stated precision', () => {
    const codes = checks(withHighlights({ nii_ratio_before_preferred: new Decimal('0.0654') })).map((f) => formatPath(f.path ?? []));
    expect(codes).not.toContain('financial_highlights.columns[0].values.nii_ratio_before_preferred');
    expect(codes).toHaveLength(5);
  });

  it('report a senior-securities row stated for a security the fund does not have', () => {
    // IQM has preferred shares and no debt: coverage per $1,000 of indebtedness cannot be computed.
    const found = checks(withHighlights({ asset_coverage_per_1000_of_debt: new Decimal('5000') })).find((f) => f.code === 'STATED_NOT_COMPUTED')!;
    expect(found.message).toBe('financial highlights asset coverage per $1,000 of indebtedness: stated 5,000, but the fund has no such senior security outstanding');
    expect(formatPath(found.path!)).toBe('financial_highlights.columns[0].values.asset_coverage_per_1000_of_debt');
  });

  it('report a waiver the expense cap requires but the statement of operations does not show', () => {
    // A 0.40% cap: 0.40% x 187,753,000 x 184/365 = 378,592.35; covered expenses 735,719 - 247,430 = 488,289;
    // the adviser owes 109,696.65, which is 109,697 in whole dollars.
    const lim = fund.agreements.expense_limitation!;
    const capped = { ...fund, agreements: { ...fund.agreements, expense_limitation: { ...lim, limit: new Decimal('0.004') } } };
    const found = checks(capped).find((f) => f.code === 'WAIVER_MISMATCH')!;
    expect(found).toMatchObject({ severity: 'warning', stated: '0', computed: '109697' });
    expect(found.message).toBe('expense limitation requires 109,697 waived or reimbursed; the statement of operations shows 0');
    expect(formatPath(found.path!)).toBe('statements.operations.expenses.total');
  });

  it('as a pass, raise only its declared codes, at their severities', () => {
    for (const f of checks(fund)) expect(statedChecksPass.codes[f.code as keyof typeof statedChecksPass.codes]).toBe(f.severity);
  });
});
