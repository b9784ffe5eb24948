import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadFundFile, loadFundText } from '../load/load-fund.js';
import type { FundPeriod } from '../load/schema.js';
import { tieOuts } from './tie-outs.js';

const FILE = 'data/iqm/2011-08-31.yaml';

function load(text?: string): FundPeriod {
  const loaded = text === undefined ? loadFundFile(FILE) : loadFundText(text, FILE);
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(loaded.fund).toBeDefined();
  return loaded.fund!;
}

describe('tie-outs on the IQM 2011-08-31 file', () => {
  const checks = tieOuts(load());
  const failing = checks.filter((c) => !c.ok);

  it('runs the whole set of checks', () => {
    expect(checks.length).toBeGreaterThan(100);
    const labels = checks.map((c) => c.label);
    expect(labels).toContain('Total assets foot');
    expect(labels).toContain('Total expenses foot');
    expect(labels).toContain('Net assets = total assets - total liabilities - preferred shares');
    expect(labels).toContain('Schedule: total investments = statement of assets and liabilities');
  });

  it('every footing and cross-check (severity error) passes', () => {
    expect(checks.filter((c) => c.severity === 'error' && !c.ok)).toEqual([]);
  });

  it('fails exactly the New Mexico and Rhode Island printed percentages', () => {
    expect(failing.map((c) => [c.label, c.path])).toEqual([
      ['New Mexico: percent of net assets', ['schedule_of_investments', 'groups', 24, 'percent_of_net_assets']],
      ['Rhode Island: percent of net assets', ['schedule_of_investments', 'groups', 30, 'percent_of_net_assets']],
    ]);
    const [nm, ri] = failing;
    // New Mexico: 1,702,635 / 194,748,628 = 0.0087427 -> 0.87%, printed 0.88%
    expect(nm!.stated.toString()).toBe('0.0088');
    expect(nm!.computed.toString()).toBe('0.0087');
    // Rhode Island: 1,547,640 / 194,748,628 = 0.0079469 -> 0.79%, printed 0.80%
    expect(ri!.stated.toString()).toBe('0.008');
    expect(ri!.computed.toString()).toBe('0.0079');
    for (const c of failing) {
      expect(c.severity).toBe('warning');
      expect(c.unit).toBe('percent');
      expect(c.tolerance.isZero()).toBe(true);
    }
  });

  it('foots total assets and total expenses to the dollar', () => {
    const assets = checks.find((c) => c.label === 'Total assets foot')!;
    // 282,691,934 + 685,354 + 2,983,346 + 2,528 + 19,286 = 286,382,448
    expect(assets.computed.toString()).toBe('286382448');
    const expenses = checks.find((c) => c.label === 'Total expenses foot')!;
    // 377,455 + 25,137 + 5,753 + 247,430 + 4,189 + 13,122 + 62,633 = 735,719
    expect(expenses.computed.toString()).toBe('735719');
  });
});

describe('tie-outs on a mutated copy', () => {
  const source = readFileSync(FILE, 'utf8');

  it('reports the footing that no longer foots, with its label and path', () => {
    // "Other" expenses 62,633 -> 62,634: the expense lines now add to 735,720, one more than the total.
    const line = '      other: 62,633\n';
    expect(source.split(line).length).toBe(2); // the line occurs exactly once
    const checks = tieOuts(load(source.replace(line, '      other: 62,634\n')));
    const errors = checks.filter((c) => !c.ok && c.severity === 'error');
    expect(errors.map((c) => [c.label, c.path])).toEqual([['Total expenses foot', ['statements', 'operations', 'expenses', 'total']]]);
    expect(errors[0]!.stated.toString()).toBe('735719');
    expect(errors[0]!.computed.toString()).toBe('735720'); // 735,719 + 1
    // The two printed-percent warnings are unchanged.
    expect(checks.filter((c) => !c.ok && c.severity === 'warning').map((c) => c.label)).toEqual([
      'New Mexico: percent of net assets',
      'Rhode Island: percent of net assets',
    ]);
  });

  it('reports a schedule subtotal that no longer matches its holdings', () => {
    // New Mexico subtotal 1,702,635 -> 1,702,636: its holdings still add to 1,702,635, and the groups no
    // longer add to total investments.
    const line = '      subtotal: 1,702,635\n';
    expect(source.split(line).length).toBe(2);
    const checks = tieOuts(load(source.replace(line, '      subtotal: 1,702,636\n')));
    const errors = checks.filter((c) => !c.ok && c.severity === 'error');
    expect(errors.map((c) => [c.label, c.path])).toEqual([
      ['New Mexico: holdings sum to the subtotal', ['schedule_of_investments', 'groups', 24, 'subtotal']],
      ['Schedule: groups sum to total investments', ['schedule_of_investments', 'total_investments']],
    ]);
  });
});

describe("each tie-out's parts", () => {
  const files = ['data/iqm/2011-02-28.yaml', 'data/iqm/2011-08-31.yaml', 'data/synthetic-levered/2024-06-30.yaml', 'data/synthetic-muni/2024-06-30.yaml'];
  it.each(files)('are the lines the computed figure sums, or the operands of its formula: %s', (file) => {
    for (const t of tieOuts(loadFundFile(file).fund!)) {
      expect(t.parts.length, t.label).toBeGreaterThan(0);
      if (t.formula === undefined) expect(t.parts.reduce((s, x) => s.plus(x.amount), t.computed.minus(t.computed)).toString(), t.label).toBe(t.computed.toString());
    }
  });

  it("name IQM's lines with their amounts and paths", () => {
    const checks = tieOuts(load());
    const nii = checks.find((t) => t.label === 'Net investment income = income - net expenses')!;
    // The filing's statement of operations: interest 6,921,458 less total expenses 735,719 = 6,185,739.
    expect(nii.parts.map((x) => [x.label, x.amount.toString(), x.path.join('.')])).toEqual([
      ['interest', '6921458', 'statements.operations.investment_income.interest'],
      ['less total expenses', '-735719', 'statements.operations.expenses.total'],
    ]);
    const nm = checks.find((t) => t.label === 'New Mexico: percent of net assets')!;
    expect(nm.formula).toBe('New Mexico holdings / net assets');
    expect(nm.parts.map((x) => x.amount.toString())).toEqual(['1702635', '194748628']);
  });
});
