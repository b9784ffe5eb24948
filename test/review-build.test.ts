// DRAFT until signed, read back from the real PDFs with pdftotext: IQM as committed (no review file) is
// a draft on every page of every document; a copy whose 9 findings are acknowledged and which a
// preparer and a different reviewer signed builds final; one changed figure makes it a draft again and
// `build --final` refuses; a malformed review file changes no output.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledge, sign } from '../src/review/record.js';
import { pdfInfo, pdfText, sha256File } from './pdf-tools.js';
import { runCli } from './run-cli.js';
import { sharedIqmBuild } from './shared-build.js';

/** A command in this process (test/run-cli.ts), its status as `code`. */
const inProcess = async (args: string[]) => {
  const { status, stdout, stderr } = await runCli(args);
  return { code: status, stdout, stderr };
};

const IQM = 'data/iqm/2011-08-31.yaml';
// (IQM's board book is its meeting file's, data/iqm/board/2011-06-15.yaml: test/board-approval.test.ts.)
const DOCUMENTS = ['shareholder-report', 'period-diff'];

/** IQM's findings as `fundbook check` prints them: code, field path, and line:column in the data file. */
const IQM_FINDINGS: [string, string, string][] = (await inProcess(['check', IQM])).stdout.split('\n').flatMap((line) => {
  const m = /^data\/iqm\/2011-08-31\.yaml:(\d+:\d+) (\S+): warning ([A-Z_]+):/.exec(line);
  return m ? [[m[3]!, m[2]!, m[1]!] as [string, string, string]] : [];
});

/** The text of each page of a PDF. */
function pages(pdf: string): string[] {
  const count = Number(pdfInfo(pdf).Pages);
  return Array.from({ length: count }, (_, i) => pdfText(pdf, { page: i + 1 }));
}

/** Every file under `dir` with its sha256, to show that a refused build wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = sha256File(join(entry.parentPath, entry.name));
  }
  return out;
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fundbook-review-build-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('IQM as committed: no review file, so a draft', () => {
  let dir: string;
  beforeAll(async () => {
    // The run's shared build of IQM (test/shared-build.ts).
    const run = await sharedIqmBuild();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // The summary: 9 warnings, none acknowledged (no review file).
    expect(run.stdout).toMatch(/^iqm +2011-08-31 +built +0 \/ 9 \/ 0 +/m);
    dir = join(run.out, 'iqm', '2011-08-31');
  }, 600_000);

  it.each(DOCUMENTS)('%s: DRAFT in the running header of every page', (doc) => {
    const texts = pages(join(dir, `${doc}.pdf`));
    expect(texts.length).toBeGreaterThan(5);
    // The header's word, once a page: the watermark is drawn, not text.
    texts.forEach((t, i) => expect(t.match(/\bDRAFT\b/g), `page ${i + 1}`).toEqual(['DRAFT']));
  });

  it('the EDGAR HTML is marked as the PDF is: DRAFT at the top and at each page break, the open items first', () => {
    const html = readFileSync(join(dir, 'iqm20110831.htm'), 'latin1');
    const body = html.slice(html.indexOf('<body'));
    expect(body.indexOf('>DRAFT<')).toBeLessThan(body.indexOf('Open items'));
    expect(body.indexOf('Open items')).toBeLessThan(body.indexOf('<a href="#letters">'));
    // One DRAFT at the top, and one after each page break.
    expect(body.match(/>DRAFT</g)!.length).toBe(body.match(/page-break-before: always/g)!.length + 1);
    for (const f of ['STATED_VS_COMPUTED', 'QUORUM_NOT_MET']) expect(body).toContain(f);
  });

  it('the report opens with the open-items page: each of the 9 findings with its file:line:column', () => {
    const first = pdfText(join(dir, 'shareholder-report.pdf'), { page: 1 });
    expect(IQM_FINDINGS).toHaveLength(9);
    expect(first).toMatch(/^DRAFT\s+Open items\s+This report is a draft: 9 findings are open\./);
    const flat = first.replace(/\s+/g, ' ');
    for (const [code, , at] of IQM_FINDINGS) expect(flat).toContain(`warning ${code} data/iqm/2011-08-31.yaml:${at}`);
    expect(flat).toContain('market price discount to NAV: stated -2.00%');
    expect(flat).toContain('no preparer sign-off');
    expect(pdfText(join(dir, 'shareholder-report.pdf'), { page: 2 })).toContain('Contents');
  });

  it('manifest.json: not final, 9 open, no sign-offs', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.review).toEqual({ final: false, open: 9, acknowledged: 0, signoffs: [] });
  });

  it('build --final refuses it, listing what is missing, and starts no build', async () => {
    const run = await inProcess(['build', IQM, '--final', '--out', join(work, 'refused'), '--no-progress']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`SKIPPED ${IQM}: 3 errors`);
    expect(run.stdout).toContain(`  ${IQM}: not final: 9 open findings (correct the data, or acknowledge each with a reason)`);
    expect(run.stdout).toContain(`  ${IQM}: not final: no preparer sign-off`);
    expect(run.stdout).toContain(`  ${IQM}: not final: no reviewer sign-off`);
    expect(readdirSync(work)).not.toContain('refused');
  });
});

describe('a copy acknowledged and signed by two people', () => {
  let data: string;
  let out: string;
  let dir: string;
  let final: Awaited<ReturnType<typeof inProcess>>;
  beforeAll(async () => {
    data = join(work, 'data');
    mkdirSync(data);
    copyFileSync('data/iqm/2011-02-28.yaml', join(data, '2011-02-28.yaml'));
    copyFileSync(IQM, join(data, '2011-08-31.yaml'));
    const file = join(data, '2011-08-31.yaml');
    // The previous period accepted the mislabelled ratio too: the diff shows it recurring.
    expect(acknowledge(join(data, '2011-02-28.yaml'), 'HIGHLIGHTS_LABEL', 'financial_highlights.printed_labels.expense_ratio_excluding_ifm', { by: 'A. Reviewer', reason: 'Label as printed in the annual report.', on: '2011-04-20' }).ok).toBe(true);
    for (const [code, path] of IQM_FINDINGS) expect(acknowledge(file, code, path, { by: 'A. Reviewer', reason: 'As printed in the filed report.', on: '2011-10-20' }).ok).toBe(true);
    expect(sign(file, 'preparer', { by: 'P. Preparer', on: '2011-10-21' }).ok).toBe(true);
    expect(sign(file, 'reviewer', { by: 'A. Reviewer', on: '2011-10-22' }).ok).toBe(true);
    out = join(work, 'final');
    final = await inProcess(['build', file, '--final', '--out', out, '--no-progress']);
    dir = join(out, 'iqm', '2011-08-31');
  }, 600_000);

  it('build --final succeeds', () => {
    expect(final.stderr).toBe('');
    expect(final.code).toBe(0);
  });

  it("the summary's findings column counts the 9 warnings and the 9 acknowledged (errors / warnings / acknowledged)", () => {
    expect(final.stdout).toMatch(/^fund +period +status +findings: errors \/ warnings \/ acknowledged +printed +kept +pages/m);
    expect(final.stdout).toMatch(/^iqm +2011-08-31 +built +0 \/ 9 \/ 9 +/m);
  });

  it.each(DOCUMENTS)('%s: no DRAFT on any page', (doc) => {
    const texts = pages(join(dir, `${doc}.pdf`));
    texts.forEach((t, i) => expect(t, `page ${i + 1}`).not.toMatch(/DRAFT|Open items/));
  });

  it('the EDGAR HTML has no DRAFT and no open items either', () => {
    const html = readFileSync(join(dir, 'iqm20110831.htm'), 'latin1');
    expect(html).not.toMatch(/DRAFT|Open items/);
    expect(html).toContain('<a href="#letters">Letters to Shareholders</a>');
  });

  it('the report opens with its cover again', () => {
    expect(pdfText(join(dir, 'shareholder-report.pdf'), { page: 1 })).toMatch(/^Invesco Quality Municipal Securities\s/);
  });

  it('manifest.json records both sign-offs and the sha256 they covered', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const sha = sha256File(join(data, '2011-08-31.yaml'));
    expect(manifest.review).toEqual({
      final: true,
      record: { file: '2011-08-31.review.yaml', sha256: sha256File(join(data, '2011-08-31.review.yaml')) },
      open: 0,
      acknowledged: 9,
      signoffs: [
        { role: 'preparer', by: 'P. Preparer', on: '2011-10-21', data_sha256: sha, current: true },
        { role: 'reviewer', by: 'A. Reviewer', on: '2011-10-22', data_sha256: sha, current: true },
      ],
    });
    expect(manifest.input.sha256).toBe(sha);
  });

  it('the period diff shows the acknowledgement carried from the previous period', () => {
    const text = pdfText(join(dir, 'period-diff.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Accepted last period, found again (1)');
    const carried = text.slice(text.indexOf('Accepted last period, found again'));
    // The section may run across a page break (its row then reads around the page's footer in the
    // extracted text), so its pieces are checked, not their order.
    for (const piece of ['HIGHLIGHTS_LABEL', 'Label as printed in the annual report.', 'Accepted again: As printed in the filed report.', 'financial_highlights.printed_labels.expense_ratio_excluding_ifm', '(A. Reviewer, 2011-10-20)', '2011-04-20']) {
      expect(carried.slice(0, 600)).toContain(piece);
    }
  });

  describe('then one figure changes', () => {
    let before: Record<string, string>;
    let file: string;
    beforeAll(() => {
      before = snapshot(out);
      file = join(data, '2011-08-31.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('market_discount: -2.00%', 'market_discount: -2.01%'));
    });

    it('check reports both sign-offs stale', async () => {
      const run = await inProcess(['check', file]);
      expect(run.stdout.match(/warning REVIEW_SIGNOFF_STALE/g)).toHaveLength(2);
      expect(run.stdout).toContain('not signed: the preparer sign-off (P. Preparer, 2011-10-21) is stale: the data changed after it; the reviewer sign-off (A. Reviewer, 2011-10-22) is stale: the data changed after it');
    });

    it('build --final refuses and leaves the final outputs as they were', async () => {
      const run = await inProcess(['build', file, '--final', '--out', out, '--no-progress']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`${file}: not final: the preparer sign-off (P. Preparer, 2011-10-21) is stale: the data changed after it`);
      expect(snapshot(out)).toEqual(before);
    });

    it('the next build is a DRAFT again', async () => {
      const run = await inProcess(['build', file, '--only', 'report', '--no-diff', '--out', join(work, 'redraft'), '--no-progress']);
      expect(run.code).toBe(0);
      const first = pdfText(join(work, 'redraft', 'iqm', '2011-08-31', 'shareholder-report.pdf'), { page: 1 }).replace(/\s+/g, ' ');
      expect(first).toMatch(/^DRAFT Open items This report is a draft: no finding is open, but the period is not yet signed off/);
      expect(first).toContain('the preparer sign-off (P. Preparer, 2011-10-21) is stale: the data changed after it');
    }, 600_000);
  });
});

describe('a malformed review file', () => {
  it('is reported at file:line:column, and the build changes no output', async () => {
    const data = join(work, 'malformed');
    mkdirSync(data);
    const file = join(data, '2011-08-31.yaml');
    copyFileSync(IQM, file);
    const out = join(work, 'malformed-out');
    mkdirSync(join(out, 'iqm', '2011-08-31'), { recursive: true });
    writeFileSync(join(out, 'iqm', '2011-08-31', 'manifest.json'), '{"earlier": true}\n');
    const before = snapshot(out);
    writeFileSync(join(data, '2011-08-31.review.yaml'), 'fundbook_review: 1\nsignoffs:\n  - role: preparer\n    by: P. Preparer\n    on: 2011-10-21\n    data_sha256: 1234\n');
    const run = await inProcess(['build', file, '--out', out, '--no-progress']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${join(data, '2011-08-31.review.yaml')}:6:18 signoffs[0].data_sha256: error INVALID_VALUE: a sha256 is 64 lower-case hex digits`);
    expect(snapshot(out)).toEqual(before);
  });
});
