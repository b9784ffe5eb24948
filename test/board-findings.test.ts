// The board review is a calculation like the others: whenever a file has a board_review section,
// `check` lists the rules that fire and figures.json carries them in findings[], each with its rule and
// threshold. For IQM as filed: the 3- and 5-year performance in the fourth quintile.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/check.js';
import { figuresJson } from '../src/figures/figures-json.js';

const IQM = 'data/iqm/2011-08-31.yaml';

describe('board-review findings outside the board book', () => {
  const checked = checkFile(IQM);

  it('check lists the performance-quintile findings at their lines, in source order', () => {
    const found = checked.lines.filter((l) => l.includes('PERFORMANCE_QUINTILE'));
    expect(found.map((l) => l.replace(/^[^:]+:\d+:\d+ /, ''))).toEqual([
      'board_review.performance_universe.periods[1].fund_return: warning PERFORMANCE_QUINTILE: 3-year performance in the fourth quintile of its performance universe (rank 20 of 28)',
      'board_review.performance_universe.periods[2].fund_return: warning PERFORMANCE_QUINTILE: 5-year performance in the fourth quintile of its performance universe (rank 19 of 27)',
    ]);
    // Each line:col is where that period's fund_return value is written in the file.
    const text = readFileSync(IQM, 'utf8').split('\n');
    for (const l of found) {
      const [, line, col] = /^[^:]+:(\d+):(\d+) /.exec(l)!.map(Number) as [number, number, number];
      expect(text[line - 1]!.slice(0, col - 1)).toMatch(/fund_return: $/);
    }
    // (less check's sign-off status line, which has no location)
    const lines = checked.lines.slice(0, -1).filter((l) => !/^(not )?signed: /.test(l)).map((l) => Number(/^[^:]+:(\d+):/.exec(l)![1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // 9 core warnings (the filing's own inconsistencies) and the two quintiles; each listed once.
    expect(checked.lines.at(-1)).toBe(`${IQM}: 159 tie-outs checked, 2 failed; 0 errors, 11 warnings`);
  });

  it('figures.json has them in findings[], with rule and threshold', () => {
    const json = figuresJson(checked.loaded.fund!, checked.figures!, checked.loaded.locate);
    const quintiles = json.findings.filter((f) => f.code === 'PERFORMANCE_QUINTILE');
    expect(quintiles.map((f) => [f.rule, f.threshold, f.path])).toEqual([
      ['performance-quintile', 'quintile worse than 3', 'board_review.performance_universe.periods[1].fund_return'],
      ['performance-quintile', 'quintile worse than 3', 'board_review.performance_universe.periods[2].fund_return'],
    ]);
    const lines = checked.lines.filter((l) => l.includes('PERFORMANCE_QUINTILE')).map((l) => Number(/^[^:]+:(\d+):/.exec(l)![1]));
    expect(quintiles.map((f) => f.location?.line)).toEqual(lines);
    // Core findings keep no rule; none is repeated as the board's core-checks.
    expect(json.findings.filter((f) => f.rule === 'core-checks')).toEqual([]);
    expect(json.findings).toHaveLength(11);
  });
});
