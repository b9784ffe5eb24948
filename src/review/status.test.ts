import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../calc/compute.js';
import { formatDiagnostic, type Diagnostic as Finding } from '../diagnostic.js';
import { formatPath } from '../load/locate.js';
import { loadFundFile, loadFundText, loadYamlText } from '../load/load-fund.js';
import { editReviewText, REVIEW_FILE } from './review-file.js';
import { ReviewSchema, type Review } from './schema.js';
import { reviewStatus, signedLine } from './status.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const findings = computeFigures(loadFundFile(IQM).fund!).findings;
const SHA = 'a'.repeat(64);
const ack = (f: Finding) => ({ code: f.code, path: formatPath(f.path ?? []), reason: 'As filed.', by: 'A. Reviewer', on: '2011-10-20' });
const signoffs = (sha = SHA): Review['signoffs'] => [
  { role: 'preparer', by: 'P. Preparer', on: '2011-10-21', data_sha256: sha },
  { role: 'reviewer', by: 'A. Reviewer', on: '2011-10-22', data_sha256: sha },
];
const warnings = findings.filter((f) => f.severity === 'warning');

describe('reviewStatus on IQM 2011-08-31', () => {
  it('with no review: the 9 warnings open, nothing signed', () => {
    const status = reviewStatus(findings, { fundbook_review: '1', acknowledged: [], signoffs: [] }, SHA);
    expect(warnings).toHaveLength(9);
    expect(status.open).toEqual(warnings);
    expect(status.signed).toBe(false);
    expect(signedLine(status)).toBe('not signed: 9 open findings (correct the data, or acknowledge each with a reason); no preparer sign-off; no reviewer sign-off');
  });

  it('the 9 acknowledged and two current sign-offs: signed', () => {
    const status = reviewStatus(findings, { fundbook_review: '1', acknowledged: warnings.map(ack), signoffs: signoffs() }, SHA);
    expect(status.open).toEqual([]);
    expect(status.acknowledged.map((a) => a.finding)).toEqual(warnings);
    expect(status.issues).toEqual([]);
    expect(signedLine(status)).toBe('signed: preparer P. Preparer (2011-10-21), reviewer A. Reviewer (2011-10-22)');
  });

  it('data changed after signing: both sign-offs stale, not signed', () => {
    const status = reviewStatus(findings, { fundbook_review: '1', acknowledged: warnings.map(ack), signoffs: signoffs() }, 'b'.repeat(64));
    expect(status.signed).toBe(false);
    expect(status.issues.map((i) => [i.code, i.path])).toEqual([['REVIEW_SIGNOFF_STALE', ['signoffs', 0, 'data_sha256']], ['REVIEW_SIGNOFF_STALE', ['signoffs', 1, 'data_sha256']]]);
    expect(status.missing).toEqual([
      'the preparer sign-off (P. Preparer, 2011-10-21) is stale: the data changed after it',
      'the reviewer sign-off (A. Reviewer, 2011-10-22) is stale: the data changed after it',
    ]);
  });

  it('an acknowledgement that matches no current finding is reported stale and blocks the sign-off', () => {
    const stale = { code: 'STATED_PERCENT', path: 'schedule_of_investments.groups[2].percent_of_net_assets', reason: 'r', by: 'A', on: '2011-10-20' };
    const status = reviewStatus(findings, { fundbook_review: '1', acknowledged: [...warnings.map(ack), stale], signoffs: signoffs() }, SHA);
    expect(status.issues).toEqual([{ severity: 'warning', code: 'REVIEW_ACK_STALE', path: ['acknowledged', 9], message: 'acknowledgement of STATED_PERCENT at schedule_of_investments.groups[2].percent_of_net_assets matches no current finding: remove it from the review file' }]);
    expect(status.signed).toBe(false);
    expect(status.missing).toEqual(['1 stale acknowledgement']);
  });

  it('an error cannot be acknowledged: it stays open and the acknowledgement is itself an error', () => {
    // Total expenses one dollar off: the operations statement no longer foots (a TIE_OUT error).
    const text = readFileSync(IQM, 'utf8').replace('      total: 735,719', '      total: 735,720');
    const broken = computeFigures(loadFundText(text, IQM).fund!).findings;
    const error = broken.find((f) => f.severity === 'error')!;
    expect(error.code).toBe('TIE_OUT');
    const status = reviewStatus(broken, { fundbook_review: '1', acknowledged: [ack(error)], signoffs: [] }, SHA);
    expect(status.open).toContain(error);
    expect(status.acknowledged).toEqual([]);
    expect(status.issues[0]).toMatchObject({ severity: 'error', code: 'REVIEW_ACK_ERROR', path: ['acknowledged', 0] });
  });

  it('property: open and acknowledged partition the warnings; signed exactly when all are acknowledged', () => {
    fc.assert(
      fc.property(fc.subarray(warnings), fc.boolean(), (chosen, current) => {
        const status = reviewStatus(findings, { fundbook_review: '1', acknowledged: chosen.map(ack), signoffs: signoffs() }, current ? SHA : 'c'.repeat(64));
        expect(status.open.length + status.acknowledged.length).toBe(warnings.length);
        expect(new Set([...status.open, ...status.acknowledged.map((a) => a.finding)]).size).toBe(warnings.length);
        expect(status.signed).toBe(current && chosen.length === warnings.length);
      }),
    );
  });
});

describe('the review file, loaded by the one YAML loader', () => {
  const load = (text: string) => loadYamlText(text, 'r.review.yaml', ReviewSchema, REVIEW_FILE);

  it('reads the issue example', () => {
    const loaded = load(`fundbook_review: 1
acknowledged:            # findings accepted as they are
  - code: STATED_VS_COMPUTED
    path: performance.market_discount
    reason: Discount as printed in the filed report; computed -1.94% noted for the next period.
    by: A. Reviewer
    on: 2011-10-20
signoffs:
  - role: preparer
    by: P. Preparer
    on: 2011-10-21
    data_sha256: ${SHA}
`);
    expect(loaded.problems).toEqual([]);
    expect(loaded.data!.acknowledged[0]!.reason).toBe('Discount as printed in the filed report; computed -1.94% noted for the next period.');
    expect(loaded.data!.signoffs[0]).toEqual({ role: 'preparer', by: 'P. Preparer', on: '2011-10-21', data_sha256: SHA });
  });

  it('strict keys, dates, roles, four eyes: each problem at its file:line:column', () => {
    const loaded = load(`fundbook_review: 1
acknowledged:
  - code: STATED_VS_COMPUTED
    path: performance.market_discount
    reson: typo
    by: A. Reviewer
    on: 2011-13-20
signoffs:
  - role: approver
    by: P. Preparer
    on: 2011-10-21
    data_sha256: ${SHA}
  - role: reviewer
    by: P. Preparer
    on: 2011-10-21
    data_sha256: abc
`);
    expect(loaded.data).toBeUndefined();
    expect(loaded.problems.map(formatDiagnostic)).toEqual([
      'r.review.yaml:3:5 acknowledged[0].reason: error REQUIRED: is required',
      'r.review.yaml:5:5 acknowledged[0].reson: error UNKNOWN_KEY: unknown key; did you mean `reason`?',
      'r.review.yaml:7:9 acknowledged[0].on: error INVALID_VALUE: "2011-13-20" is not a date that exists',
      'r.review.yaml:9:11 signoffs[0].role: error INVALID_VALUE: "approver" is not one of: preparer, reviewer',
      'r.review.yaml:16:18 signoffs[1].data_sha256: error INVALID_VALUE: a sha256 is 64 lower-case hex digits',
    ]);
  });

  it('the same person cannot hold both sign-offs, even written by hand', () => {
    const loaded = load(`fundbook_review: 1
signoffs:
  - {role: preparer, by: P. Preparer, on: 2011-10-21, data_sha256: ${SHA}}
  - {role: reviewer, by: p. preparer, on: 2011-10-22, data_sha256: ${SHA}}
`);
    expect(loaded.problems.map(formatDiagnostic)).toEqual(['r.review.yaml:4:26 signoffs[1].by: error INVALID_VALUE: p. preparer cannot sign as both preparer and reviewer']);
  });

  it('a file that is not a mapping, and an unknown format version', () => {
    expect(load('- a\n- b\n').problems.map((p) => p.message)).toEqual(['a review file is a mapping of keys (fundbook_review:, acknowledged:, signoffs:)']);
    expect(load('fundbook_review: 2\n').problems.map((p) => `${p.location.line}:${p.location.col} ${p.message}`)).toEqual(['1:18 "2" is not a review-file format this fundbook reads (write fundbook_review: 1)']);
  });
});

describe('editReviewText', () => {
  const before = `# Review of IQM, kept by hand.
fundbook_review: 1
acknowledged:
  # the discount: as filed
  - code: STATED_VS_COMPUTED
    path: performance.market_discount
    reason: "As filed: see the board minutes."
    by: A. Reviewer
    on: 2011-10-20
signoffs: []
`;
  it('adds an entry and keeps the comments and the entries already there', () => {
    const after = editReviewText(before, IQM, { add: 'signoffs', entry: { role: 'preparer', by: 'P. Preparer', on: '2011-10-21', data_sha256: SHA } });
    expect(after).toBe(`${before.replace('signoffs: []\n', '')}signoffs:\n  - role: preparer\n    by: P. Preparer\n    on: 2011-10-21\n    data_sha256: ${SHA}\n`);
  });

  it('a second sign-off in a role replaces the first', () => {
    const once = editReviewText(before, IQM, { add: 'signoffs', entry: { role: 'preparer', by: 'P. Preparer', on: '2011-10-21', data_sha256: SHA } });
    const twice = editReviewText(once, IQM, { add: 'signoffs', entry: { role: 'preparer', by: 'P. Preparer', on: '2011-10-25', data_sha256: 'd'.repeat(64) } });
    const loaded = loadYamlText(twice, 'r.review.yaml', ReviewSchema, REVIEW_FILE);
    expect(loaded.data!.signoffs).toEqual([{ role: 'preparer', by: 'P. Preparer', on: '2011-10-25', data_sha256: 'd'.repeat(64) }]);
  });

  it('starts a new file that loads clean', () => {
    const text = editReviewText(undefined, IQM, { add: 'acknowledged', entry: { code: 'QUORUM_NOT_MET', path: 'proxy[0].proposals[0].groups[1].group', reason: 'Quorum: see the minutes', by: 'A. Reviewer', on: '2011-10-20' } });
    const loaded = loadYamlText(text, 'r.review.yaml', ReviewSchema, REVIEW_FILE);
    expect(loaded.problems).toEqual([]);
    expect(loaded.data!.acknowledged[0]!.reason).toBe('Quorum: see the minutes');
    expect(text.startsWith('# The review record of 2011-08-31.yaml')).toBe(true);
  });
});
