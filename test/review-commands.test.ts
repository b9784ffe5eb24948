// `fundbook acknowledge`, `fundbook sign` and `check`'s review lines, on copies of IQM 2011-08-31 in a
// temporary directory: the four-eyes rules, errors that cannot be acknowledged, stale entries, and a
// malformed review file that is reported at file:line:column and left untouched.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../src/check.js';
import { formatPath } from '../src/load/locate.js';
import { acknowledge, sign } from '../src/review/record.js';
import { sha256File } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const IQM = 'data/iqm/2011-08-31.yaml';

/** The warnings `check` reports for IQM (the filing's own; its board review is a meeting file's), as [code, path]. */
const IQM_FINDINGS: [string, string][] = checkFile(IQM).review!.open.map((f) => [f.code, formatPath(f.path ?? [])]);

let work: string;
let n = 0;
/** A fresh copy of IQM 2011-08-31 in a directory of its own. */
function copy(): string {
  const dir = join(work, `case-${++n}`);
  const file = join(dir, '2011-08-31.yaml');
  mkdirSync(dir, { recursive: true });
  copyFileSync(IQM, file);
  return file;
}
const reviewOf = (file: string) => file.replace(/\.yaml$/, '.review.yaml');
const ackAll = (file: string) => {
  for (const [code, path] of IQM_FINDINGS) expect(acknowledge(file, code, path, { by: 'A. Reviewer', reason: 'As filed.', on: '2011-10-20' }).ok).toBe(true);
};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fundbook-review-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('check on IQM with no review file', () => {
  it('lists the 9 findings as open and says what the sign-off lacks', () => {
    const checked = checkFile(IQM);
    expect(IQM_FINDINGS).toHaveLength(9);
    expect(IQM_FINDINGS).toContainEqual(['STATED_VS_COMPUTED', 'performance.market_discount']);
    expect(checked.lines.at(-2)).toBe('not signed: 9 open findings (correct the data, or acknowledge each with a reason); no preparer sign-off; no reviewer sign-off');
    expect(checked.lines.at(-1)).toBe(`${IQM}: 159 tie-outs checked, 2 failed; 0 errors, 9 warnings`);
  });
});

describe('acknowledge, then sign as preparer and reviewer', () => {
  let file: string;
  beforeAll(() => {
    file = copy();
  });

  it('refuses to sign while a finding is open, and writes nothing', () => {
    const out = sign(file, 'preparer', { by: 'P. Preparer', on: '2011-10-21' });
    expect(out.ok).toBe(false);
    expect(out.lines.at(-1)).toBe(`${file}: cannot sign while 9 findings are open: correct the data, or \`fundbook acknowledge\` a warning with a reason`);
    expect(existsSync(reviewOf(file))).toBe(false);
  });

  it('acknowledges each finding; check shows them apart from the open ones', () => {
    expect(acknowledge(file, 'STATED_VS_COMPUTED', 'performance.market_discount', { by: 'A. Reviewer', reason: 'Discount as printed in the filed report.', on: '2011-10-20' }).ok).toBe(true);
    const once = checkFile(file);
    expect(once.lines.filter((l) => l.startsWith('acknowledged: '))).toEqual([
      `acknowledged: ${file}:452:20 performance.market_discount: warning STATED_VS_COMPUTED: ${checkFile(IQM).review!.open.find((f) => f.code === 'STATED_VS_COMPUTED' && f.path?.[1] === 'market_discount')!.message} [A. Reviewer, 2011-10-20: Discount as printed in the filed report.]`,
    ]);
    expect(once.lines.at(-1)).toBe(`${file}: 159 tie-outs checked, 2 failed; 0 errors, 8 warnings, 1 acknowledged`);
    const again = acknowledge(file, 'STATED_VS_COMPUTED', 'performance.market_discount', { by: 'A. Reviewer', reason: 'Twice.', on: '2011-10-20' });
    expect(again.lines).toEqual([`${reviewOf(file)}: STATED_VS_COMPUTED at performance.market_discount is already acknowledged`]);
    for (const [code, path] of IQM_FINDINGS.filter(([, p]) => p !== 'performance.market_discount')) {
      expect(acknowledge(file, code, path, { by: 'A. Reviewer', reason: 'As filed.', on: '2011-10-20' }).ok).toBe(true);
    }
    expect(checkFile(file).review!.open).toEqual([]);
  });

  it('a finding that does not exist is refused, naming where that code is found', () => {
    const out = acknowledge(file, 'STATED_PERCENT', 'schedule_of_investments.groups[2].percent_of_net_assets', { by: 'A', reason: 'r', on: '2011-10-20' });
    expect(out.lines).toEqual([`${file}: no current finding STATED_PERCENT at schedule_of_investments.groups[2].percent_of_net_assets; STATED_PERCENT is found at schedule_of_investments.groups[24].percent_of_net_assets, schedule_of_investments.groups[30].percent_of_net_assets (\`fundbook check\` lists the findings)`]);
  });

  it('the reviewer cannot sign before the preparer, nor be the preparer', () => {
    expect(sign(file, 'reviewer', { by: 'A. Reviewer', on: '2011-10-22' }).lines).toEqual([`${file}: the preparer signs first; there is no preparer sign-off`]);
    const prepared = sign(file, 'preparer', { by: 'P. Preparer', on: '2011-10-21' });
    expect(prepared.lines).toEqual([`${reviewOf(file)}: signed as preparer by P. Preparer on 2011-10-21, data sha256 ${sha256File(file)}`]);
    const before = readFileSync(reviewOf(file), 'utf8');
    expect(sign(file, 'reviewer', { by: 'p.  PREPARER', on: '2011-10-22' }).lines).toEqual([`${file}: P. Preparer signed as preparer; the reviewer must be someone else (four-eyes rule)`]);
    expect(readFileSync(reviewOf(file), 'utf8')).toBe(before);
  });

  it('a different reviewer signs; check says who signed', () => {
    expect(sign(file, 'reviewer', { by: 'A. Reviewer', on: '2011-10-22' }).ok).toBe(true);
    const checked = checkFile(file);
    expect(checked.review!.signed).toBe(true);
    expect(checked.lines.at(-2)).toBe('signed: preparer P. Preparer (2011-10-21), reviewer A. Reviewer (2011-10-22)');
    expect(checked.lines.at(-1)).toBe(`${file}: 159 tie-outs checked, 2 failed; 0 errors, 0 warnings, 9 acknowledged`);
  });

  it('a figure changed after signing: both sign-offs stale, --strict fails', async () => {
    // The stated discount -2.00% -> -2.01%: a figure changed, the findings the same.
    writeFileSync(file, readFileSync(file, 'utf8').replace('market_discount: -2.00%', 'market_discount: -2.01%'));
    const checked = checkFile(file);
    expect(checked.review!.signed).toBe(false);
    expect(checked.lines.filter((l) => l.includes('REVIEW_SIGNOFF_STALE'))).toHaveLength(2);
    expect(checked.lines.find((l) => l.includes('signoffs[0].data_sha256'))).toMatch(new RegExp(`^${reviewOf(file)}:\\d+:18 signoffs\\[0\\]\\.data_sha256: warning REVIEW_SIGNOFF_STALE: the preparer sign-off by P. Preparer on 2011-10-21 is stale: it covered data sha256 [0-9a-f]{12}\\.\\.\\., the data file is now ${sha256File(file).slice(0, 12)}\\.\\.\\.$`));
    const strict = await runCli(['check', '--strict', file]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain('not signed: ');
  });
});

describe('what cannot be put on the record', () => {
  it('an error cannot be acknowledged', () => {
    const file = copy();
    writeFileSync(file, readFileSync(file, 'utf8').replace('      total: 735,719', '      total: 735,720'));
    const out = acknowledge(file, 'TIE_OUT', 'statements.operations.expenses.total', { by: 'A. Reviewer', reason: 'Close enough.', on: '2011-10-20' });
    expect(out.ok).toBe(false);
    expect(out.lines.at(-1)).toBe('an error cannot be acknowledged: correct the data');
    expect(out.lines[0]).toMatch(/ statements\.operations\.expenses\.total: error TIE_OUT: /);
    expect(existsSync(reviewOf(file))).toBe(false);
  });

  it('an acknowledgement whose finding was fixed is reported stale and blocks signing', () => {
    const file = copy();
    ackAll(file);
    // Fix the stated discount in the data: the finding goes, its acknowledgement stays behind.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/market_discount: -2\.00%/, 'market_discount: -1.94%'));
    const checked = checkFile(file);
    const stale = checked.lines.filter((l) => l.includes('REVIEW_ACK_STALE'));
    expect(stale).toEqual([`${reviewOf(file)}:40:5 acknowledged[7]: warning REVIEW_ACK_STALE: acknowledgement of STATED_VS_COMPUTED at performance.market_discount matches no current finding: remove it from the review file`]);
    const out = sign(file, 'preparer', { by: 'P. Preparer', on: '2011-10-21' });
    expect(out.ok).toBe(false);
    expect(out.lines.at(-1)).toBe(`${reviewOf(file)}: cannot sign until the review record is put right`);
  });

  it('a malformed review file: check and sign report file:line:column and touch nothing', async () => {
    const file = copy();
    const text = 'fundbook_review: 1\nacknowledged:\n  - code: STATED_VS_COMPUTED\n    path: performance.market_discount\n    reason: As filed.\n    by: A. Reviewer\n    on: 20 Oct 2011\nsignof: []\n';
    writeFileSync(reviewOf(file), text);
    const run = await runCli(['check', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${reviewOf(file)}:7:9 acknowledged[0].on: error INVALID_VALUE: "20 Oct 2011" is not a date (write YYYY-MM-DD)\n`);
    expect(run.stdout).toContain(`${reviewOf(file)}:8:1 signof: error UNKNOWN_KEY: unknown key; did you mean \`signoffs\`?\n`);
    const signing = await runCli(['sign', file, '--role', 'preparer', '--by', 'P. Preparer']);
    expect(signing.status).toBe(1);
    expect(signing.stderr).toContain(`${reviewOf(file)}:8:1 signof: error UNKNOWN_KEY: unknown key`);
    expect(readFileSync(reviewOf(file), 'utf8')).toBe(text);
  });
});
