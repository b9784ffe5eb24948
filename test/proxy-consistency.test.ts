// Proxy consistency on IQM's 2011 annual meeting, changed: nominees with different totals, votes over
// the shares outstanding, and shares outstanding written as unknown. In-process.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../src/calc/compute.js';
import { figuresJson } from '../src/figures/figures-json.js';
import { loadFundText } from '../src/load/load-fund.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const TEXT = readFileSync(IQM, 'utf8');

function run(...edits: [string, string][]) {
  let text = TEXT;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`not in the text: ${from}`);
    text = text.replace(from, to);
  }
  const loaded = loadFundText(text, IQM);
  expect(loaded.problems).toEqual([]);
  const figures = computeFigures(loaded.fund!);
  const of = (code: string) => figures.findings.filter((f) => f.code === code);
  return { figures, of, loaded, json: figuresJson(loaded.fund!, figures, loaded.locate) };
}

const ARCH = '{ name: David C. Arch, for: "11,285,035", withheld: "392,952" }';
const OUTSTANDING = 'shares_outstanding: { common: "13,454,169", preferred: "1,100" }';

describe('proxy consistency', () => {
  it('IQM as filed: the five nominees all have 11,677,987 votes, so no totals warning', () => {
    expect(run().of('NOMINEE_TOTALS_DIFFER')).toEqual([]);
  });

  it('nominees of one voting group with different totals: a warning naming both and both totals', () => {
    // Arch: 11,285,035 + 392,000 = 11,677,035; Baker (as filed): 11,319,345 + 358,642 = 11,677,987
    const { of, loaded } = run([ARCH, '{ name: David C. Arch, for: "11,285,035", withheld: "392,000" }']);
    const f = of('NOMINEE_TOTALS_DIFFER');
    expect(f.map((x) => x.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(f[0]!.message).toBe("proposal 1 (common and preferred): David C. Arch has 11,677,035 votes (for + withheld), Bob R. Baker 11,677,987; one voting group's nominees should have the same shares present");
    expect(loaded.locate(f[0]!.path!).line).toBe(TEXT.split('\n').findIndex((l) => l.includes('Bob R. Baker')) + 1);
  });

  it('votes exceeding a group\'s shares outstanding: an error', () => {
    const { of } = run(['{ name: Frank S. Bayley, for: 106, withheld: 4, note: [P] }', '{ name: Frank S. Bayley, for: "1,106", withheld: 4, note: [P] }']);
    expect(of('VOTES_OVER_OUTSTANDING').map((x) => [x.severity, x.message])).toEqual([
      ['error', 'proposal 1 (preferred): Frank S. Bayley: 1,106 for + 4 withheld = 1,110 votes, but only 1,100 shares outstanding'],
    ]);
  });

  it('shares outstanding unknown, plurality: loads, tallies, says the quorum was not checked', () => {
    const { figures, of, json } = run([OUTSTANDING, 'shares_outstanding: { common: unknown, preferred: "1,100" }']);
    expect(of('QUORUM_NOT_CHECKED').map((x) => x.message)).toEqual(['proposal 1 (common and preferred): shares outstanding are unknown, so the quorum is not checked']);
    expect(figures.proxy[0]!.groups[0]!.nominees.map((n) => n.outcome)).toEqual(['elected', 'elected', 'elected', 'elected', 'elected']);
    expect(json.proxy.proposals[0]!.groups[0]).toMatchObject({ sharesOutstanding: null, quorumMet: null, present: '11677987' });
  });

  it('shares outstanding unknown under the 1940 Act majority: the outcome is undetermined, with the threshold', () => {
    const { figures, of } = run(
      [OUTSTANDING, 'shares_outstanding: { common: unknown, preferred: "1,100" }'],
      ['standard: plurality', 'standard: majority_of_outstanding_1940_act'],
    );
    expect(figures.proxy[0]!.groups[0]!.nominees.every((n) => n.outcome === 'undetermined')).toBe(true);
    // Lowest votes for: Arch 11,285,035 >= 67% of 11,677,987 present, so the test passes while
    // present > N/2: fewer than 2 x 11,677,987 = 23,355,974 shares outstanding.
    expect(of('VOTE_UNDETERMINED').map((x) => [x.severity, x.message])).toEqual([
      ['warning', 'proposal 1 (common and preferred): the outcome under the 1940 Act majority is undetermined because shares outstanding are unknown; it passes only if fewer than 23,355,974 shares were outstanding'],
    ]);
    // The preferred group's count is known: decided as usual (106 > 1,100 / 2 fails; 110 present is not > 550).
    expect(figures.proxy[0]!.groups[1]!.nominees[0]!.outcome).toBe('no quorum');
  });
});
