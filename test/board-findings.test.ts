// The board review is a calculation like the others: `check` and `figures` on a meeting file
// (board/<meeting>.yaml) list the rules that fire, each located in the meeting file with its rule and
// threshold. For IQM's June 2011 meeting: the 3- and 5-year performance in the fourth quintile, and a
// roster whose independent share (5 of 7) is not the 80% the filing states. The fund-period file holds
// no board data, so its check shows no board rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../src/check.js';
import { figuresJson } from '../src/figures/figures-json.js';
import { runCli } from './run-cli.js';

const MEETING = 'data/iqm/board/2011-06-15.yaml';
const FUND = 'data/iqm/2011-02-28.yaml';
const BOARD_CODES = ['PERFORMANCE_QUINTILE', 'BOARD_COMPOSITION', 'FEE_ABOVE_MEDIAN', 'CAP_ENDING', 'WAIVER_OCCURRED', 'COVERAGE_HEADROOM'];

describe('board-review findings outside the board book', () => {
  const checked = checkFile(MEETING);

  it('check on the meeting file lists the performance-quintile findings at their lines in it, in source order', () => {
    const found = checked.lines.filter((l) => l.includes('PERFORMANCE_QUINTILE'));
    expect(found).toEqual([
      `${MEETING}:61:34 board_review.performance_universe.periods[1].fund_return: warning PERFORMANCE_QUINTILE: 3-year performance in the fourth quintile of its performance universe (rank 20 of 28)`,
      `${MEETING}:62:34 board_review.performance_universe.periods[2].fund_return: warning PERFORMANCE_QUINTILE: 5-year performance in the fourth quintile of its performance universe (rank 19 of 27)`,
    ]);
    // Each line:col is where that period's fund_return value is written in the meeting file.
    const text = readFileSync(MEETING, 'utf8').split('\n');
    for (const l of found) {
      const [, line, col] = /^[^:]+:(\d+):(\d+) /.exec(l)!.map(Number) as [number, number, number];
      expect(text[line - 1]!.slice(0, col - 1)).toMatch(/fund_return: $/);
    }
    const located = checked.lines.filter((l) => l.startsWith(`${MEETING}:`) && /^[^ ]+:\d+:\d+ /.test(l)).map((l) => Number(/^[^:]+:(\d+):/.exec(l)![1]));
    expect(located).toEqual([36, 61, 62]);
    // The board's three findings; the fund period's own warning is its file's (check it there).
    expect(checked.lines).toContain(`${MEETING}: 145 tie-outs checked, 0 failed; 0 errors, 3 warnings`);
    expect(checked.lines.at(-1)).toBe(`${MEETING}: the board review draws on ${FUND}; its own findings: fundbook check ${FUND}`);
  });

  it('figures on the meeting file has them in findings[], with rule, threshold and the meeting file\'s line', async () => {
    const json = figuresJson(checked.loaded.fund!, checked.figures!, checked.loaded.locate);
    const quintiles = json.findings.filter((f) => f.code === 'PERFORMANCE_QUINTILE');
    expect(quintiles.map((f) => [f.rule, f.threshold, f.path, f.location?.file, f.location?.line])).toEqual([
      ['performance-quintile', 'quintile worse than 3', 'board_review.performance_universe.periods[1].fund_return', MEETING, 61],
      ['performance-quintile', 'quintile worse than 3', 'board_review.performance_universe.periods[2].fund_return', MEETING, 62],
    ]);
    // The CLI prints the same: the meeting's figures carry the board review's findings.
    const run = await runCli(['figures', MEETING]);
    expect(run.status).toBe(0);
    const cli = JSON.parse(run.stdout) as { period: { end: string }; findings: { code: string; location: { file: string; line: number } }[] };
    expect(cli.period.end).toBe('2011-02-28');
    expect(cli.findings.filter((f) => f.code === 'PERFORMANCE_QUINTILE').map((f) => `${f.location.file}:${f.location.line}`)).toEqual([`${MEETING}:61`, `${MEETING}:62`]);
    // The fund period's own finding stays located in the fund-period file.
    expect(cli.findings.filter((f) => f.code === 'HIGHLIGHTS_LABEL').map((f) => `${f.location.file}:${f.location.line}`)).toEqual([`${FUND}:168`]);
  });

  it('check on the fund-period file (no board data) shows no board rule', () => {
    const fund = checkFile(FUND);
    expect(fund.figures?.board).toBeUndefined();
    expect(fund.diagnostics.filter((d) => BOARD_CODES.includes(d.code))).toEqual([]);
    expect(fund.lines.at(-1)).toBe(`${FUND}: 145 tie-outs checked, 0 failed; 0 errors, 1 warning`);
  });
});
