import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declarationOf } from '../diff/figure-catalog.js';
import { loadFundFile } from '../load/load-fund.js';
import { computeFigures } from './compute.js';
import type { CalculatorPass } from './pass.js';
import { FIGURE_LINES, PASSES } from './passes.js';
import { statedChecksPass } from './stated-checks.js';

const IQM = 'data/iqm/2011-08-31.yaml';
// Every fund-period file in the repository (a fund's folder holds one YAML file per period end).
const FILES = readdirSync('data').flatMap((fund) =>
  readdirSync(`data/${fund}`).filter((f) => /^\d{4}-\d{2}-\d{2}\.yaml$/.test(f)).map((f) => `data/${fund}/${f}`));
const passes = PASSES as readonly CalculatorPass<never>[];

describe('the calculator passes', () => {
  it('give each code one severity, across every pass', () => {
    const seen = new Map<string, string>();
    for (const p of passes) {
      for (const [code, severity] of Object.entries(p.codes)) {
        expect(seen.get(code) ?? severity, code).toBe(severity);
        seen.set(code, severity);
      }
    }
    expect(seen.get('TIE_OUT')).toBe('error');
    expect(seen.get('COVERAGE_BELOW_MINIMUM')).toBe('warning');
  });

  it.each(FILES)('raise only declared codes, each at its declared severity: %s', (file) => {
    const declared = new Map(passes.flatMap((p) => Object.entries(p.codes)));
    const findings = computeFigures(loadFundFile(file).fund!).findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(`${f.code} ${declared.get(f.code)}`).toBe(`${f.code} ${f.severity}`);
  });

  it('run in list order, each recording its workings', () => {
    const figures = computeFigures(loadFundFile(IQM).fund!);
    expect(Object.keys(figures.workings)).toEqual(passes.map((p) => p.name));
    expect(figures.workings.period).toEqual(['2011-03-01 to 2011-08-31: 184 days, annualised on actual/365.']);
    expect(figures.workings['expense-cap']).toBe(figures.expenseCap!.workings);
  });

  it('refuse to run before the passes whose figures they need', () => {
    const fund = loadFundFile(IQM).fund!;
    expect(() => statedChecksPass.run(fund, { days: 184 })).toThrow('calculator pass stated-checks needs ratios, which no pass before it produces');
  });

  it('run the board review only when the file has a board_review section', () => {
    const fund = { ...loadFundFile(IQM).fund!, board_review: undefined };
    const figures = computeFigures(fund);
    expect(figures.board).toBeUndefined();
    expect(figures.findings.map((f) => f.code)).not.toContain('PERFORMANCE_QUINTILE');
    expect(figures.workings['board-review']).toEqual([]);
  });

  it("are the period diff's declarations of the calculators' figure lines", () => {
    expect(FIGURE_LINES.map((l) => l.path)).toContain('expenseCap.grossRatio');
    for (const l of FIGURE_LINES) {
      const { path: _path, value: _value, ...declaration } = l;
      expect(declarationOf(`figures.${l.path}`)).toEqual(declaration);
    }
  });

  it("report IQM's figure lines with the filing's numbers", () => {
    const figures = computeFigures(loadFundFile(IQM).fund!);
    const value = (path: string) => FIGURE_LINES.find((l) => l.path === path)!.value(figures)!;
    // 735,719 / 187,753,000 x 365 / 184
    expect(value('expenseCap.grossRatio').toSignificantDigits(12).toString()).toBe('0.00777320512334');
    expect(value('expenseCap.limit').toString()).toBe('0.0066');
  });
});
