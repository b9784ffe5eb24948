// The board book's view model: the holdover wording wherever the failed-quorum nominee appears, and the
// resolution that names every agreement. IQM's August 2011 file with the June meeting's review appended
// (test/fixtures), because the July 14, 2011 vote in it has the failed preferred-only election.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculateBoardReview } from '../calc/board-review.js';
import { computeFigures } from '../calc/compute.js';
import { loadFundText } from '../load/load-fund.js';
import { boardView } from './board-view.js';

const TEXT = `${readFileSync('data/iqm/2011-08-31.yaml', 'utf8')}\n${readFileSync('test/fixtures/iqm-board-review-block.yaml', 'utf8')}`;

function viewOf(text: string) {
  const fund = loadFundText(text, 'x.yaml').fund!;
  const figures = computeFigures(fund);
  return boardView(fund, fund.board_review!, figures, calculateBoardReview(fund, fund.board_review!, figures), (p) => p.join('.'));
}

describe('the board book view', () => {
  const view = viewOf(TEXT);
  const HOLDOVER = 'holdover trustee: the preferred-only election of July 14, 2011 failed for want of a quorum, so the incumbent continues to serve until a successor is elected and qualified';

  it('calls the failed-quorum preferred nominee a holdover trustee wherever he appears', () => {
    // 106 for + 4 withheld = 110 of the 1,100 preferred shares present: 10.0%, short of the quorum.
    expect(view.summary.keyFigures.find((k) => k.label === 'Last vote, proposal 1 (preferred)')!.value).toBe('0 of 1 nominees elected; 10.0% present, short of quorum; Frank S. Bayley continues to serve as holdover trustee until a successor is elected');
    expect(view.proxy.rows.find((r) => r.name === 'Frank S. Bayley')!.outcome).toBe('no quorum: the incumbent holds over until a successor is elected');
    expect(view.proxy.holdovers).toEqual([`Frank S. Bayley: ${HOLDOVER}.`]);
    expect(view.allTrustees.find((t) => t.name === 'Frank S. Bayley')!.role).toBe(`Independent Trustee; ${HOLDOVER}`);
    expect(view.allTrustees.find((t) => t.name === 'David C. Arch')!.role).toBe('Independent Trustee');
  });

  it('prints the roster\'s own independent share', () => {
    expect(view.composition).toBe('5 of the 7 trustees on the roster are independent (71%).');
  });

  it('drafts a resolution naming each agreement under renewal, with its term', () => {
    const v = viewOf(TEXT.replace('  trustees:\n    - { name: Bruce', '  agreements_under_renewal:\n    - { kind: advisory, name: investment advisory agreement, parties: "Invesco Advisers, Inc." }\n    - { kind: sub-advisory, name: master sub-advisory contract, parties: the Affiliated Sub-Advisers }\n  trustees:\n    - { name: Bruce'));
    expect(v.resolution).toMatch(/approves the continuance of each for a further term of 12 months from July 1, 2011: \(1\) the investment advisory agreement between the Trust and Invesco Advisers, Inc\.; and \(2\) the master sub-advisory contract with the Affiliated Sub-Advisers\.$/);
    expect(v.agreements.map((a) => a.kind)).toEqual(['Advisory', 'Sub-advisory']);
  });

  it('says which fields would fill the factors the data leaves empty', () => {
    expect(view.profitability).toBeUndefined();
    expect(view.missing.profitability![0]).toBe('board_review.profitability.as_of');
    expect(view.affiliated).toBeUndefined();
  });
});
