import { describe, expect, it } from 'vitest';
import { computeFigures } from '../calc/compute.js';
import { loadFundFile } from '../load/load-fund.js';
import { figuresJson } from './figures-json.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const loaded = loadFundFile(IQM);
const fund = loaded.fund!;
const figures = computeFigures(fund);
const json = figuresJson(fund, figures, loaded.locate);

describe('figures.json assembly', () => {
  it('is the fund, each pass part in pass order, then the findings', () => {
    expect(Object.keys(json)).toEqual(['fund', 'period', 'expenseCap', 'advisoryFee', 'preferredCoverage', 'marketPremiumDiscount', 'ratios', 'proxy', 'tieOuts', 'findings']);
    expect(json.fund).toEqual({ id: 'iqm', name: 'Invesco Quality Municipal Securities', synthetic: false });
    expect(json.period).toEqual({ start: '2011-03-01', end: '2011-08-31', days: 184, daysInYear: 365 });
  });

  it("presents IQM's figures at the filing's precision: money in whole dollars, ratios to 0.01% as fractions", () => {
    // 735,719 / 187,753,000 x 365/184 = 0.7773% -> 0.0078; the cap 0.66% of 187,753,000 x 184/365 = 624,677.38.
    expect(json.expenseCap).toMatchObject({ limit: '0.0066', grossRatio: '0.0078', capAmount: '624677', waiver: '0', netExpenses: '735719' });
    expect(json.ratios.expenses).toBe('0.0078');
    // The statement of operations' advisory fees, 377,455.
    expect(json.advisoryFee.booked).toBe('377455');
  });

  it('lists every tie-out with stated, computed, difference and where the stated figure is', () => {
    expect(json.tieOuts.checked).toBe(159);
    expect(json.tieOuts.list).toHaveLength(159);
    const totalAssets = json.tieOuts.list.find((t) => t.label === 'Total assets foot')!;
    expect(totalAssets).toMatchObject({ path: 'statements.assets_and_liabilities.assets.total_assets', ok: true, difference: '0' });
    expect(totalAssets.location).toMatch(/^data\/iqm\/2011-08-31\.yaml:\d+:\d+$/);
    expect(json.tieOuts.failed).toBe(json.tieOuts.list.filter((t) => !t.ok).length);
  });

  it('carries every finding of the passes, in their order, located', () => {
    expect(json.findings.map((f) => f.code)).toEqual(figures.findings.map((f) => f.code));
    for (const f of json.findings) expect(f.location?.file).toBe(IQM);
    const fromJson = JSON.parse(JSON.stringify(json));
    expect(fromJson.findings[0]).toEqual(json.findings[0]);
  });
});
