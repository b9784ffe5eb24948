// The period diff of IQM's two periods (four months ended 2011-02-28, six months ended 2011-08-31), the
// diff of a file with itself, and the refusals: read from the real JSON and PDF.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blacklineSection } from '../src/diff/blackline.js';
import { fundbook, pdfOutlines, pdfText, sha256File } from './pdf-tools.js';

const PREV = 'data/iqm/2011-02-28.yaml';
const CURR = 'data/iqm/2011-08-31.yaml';
let dir: string;
let diff: any; // the public JSON, read back
let run: ReturnType<typeof fundbook>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fundbook-diff-'));
  run = fundbook(['diff', PREV, CURR, '--out', join(dir, 'iqm')]);
  diff = JSON.parse(readFileSync(join(dir, 'iqm', 'period-diff.json'), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const variance = (key: string) => diff.variances.find((v: { key: string }) => v.key === key);

describe('fundbook diff data/iqm/2011-02-28.yaml data/iqm/2011-08-31.yaml', () => {
  it('exits 0 and says what changed', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^\d+ figures changed, \d+ flagged \(\d+ without explanation\); holdings 15 added, 3 removed, 162 changed; \d+ narrative sections changed$/m);
  });

  it('shows net assets 182,074,059 -> 194,748,628 and NAV 13.53 -> 14.47', () => {
    expect(variance('statements.assets_and_liabilities.net_assets')).toMatchObject({ previous: '182074059', current: '194748628', change: '12674569', changePercent: '0.069612' });
    expect(variance('statements.assets_and_liabilities.nav_per_share')).toMatchObject({ previous: '13.53', current: '14.47', change: '0.94' });
  });

  it('shows the preferred shares unchanged', () => {
    expect(variance('preferred_shares.outstanding')).toMatchObject({ previous: '1100', current: '1100', change: '0', flagged: false });
    expect(variance('statements.assets_and_liabilities.preferred_shares')).toMatchObject({ change: '0', flagged: false });
  });

  it('flags changes beyond the fund\'s thresholds (10% and $1,000,000; 10 bps for ratios), with the explanation given or a demand for one', () => {
    expect(diff.thresholds).toEqual({ percent: '0.1', materiality: '1000000', ratioBps: '10' });
    // Net investment income: 4,140,693 -> 6,185,739 = +2,045,046; / 4,140,693 = 0.493890 (JSON drops the trailing zero).
    expect(variance('statements.operations.net_investment_income')).toMatchObject({ change: '2045046', changePercent: '0.49389', flagged: true });
    expect(variance('statements.operations.net_investment_income').explanation).toMatch(/^Six months of income/);
    // Net assets +6.96%: under 10%, not flagged.
    expect(variance('statements.assets_and_liabilities.net_assets').flagged).toBe(false);
    // Gross expense ratio 0.5998% -> 0.7773%: +17.75 bps, flagged, no explanation.
    expect(variance('figures.expenseCap.grossRatio')).toMatchObject({ changeBps: '17.75', flagged: true, explanation: null });
    const pdf = pdfText(join(dir, 'iqm', 'period-diff.pdf')).replace(/\s+/g, ' ');
    expect(pdf).toContain('Explanation: Six months of income against the four months of the transition period');
    expect(pdf).toContain('Explanation required');
  });

  it('lists the holdings added, removed and revalued, with totals per state', () => {
    expect(diff.holdings.added).toHaveLength(15);
    expect(diff.holdings.removed.map((h: { issuer: string }) => h.issuer)).toEqual([
      'Orlando (City of) Utilities Commission (SYNTHETIC)',
      'Illinois (State of) Toll Highway Authority (SYNTHETIC)',
      'New Jersey (State of) Transportation Trust Fund Authority (SYNTHETIC)',
    ]);
    expect(diff.holdings.added.every((h: { issue: string }) => /^(Sub)?[Ss]eries 2011/.test(h.issue))).toBe(true);
    const michigan = diff.holdings.groups.find((g: { name: string }) => g.name === 'Michigan');
    expect(michigan).toMatchObject({ previous: '0', current: '937206', change: '937206' });
  });

  it('carries the findings: new, resolved, still open', () => {
    expect(diff.findings.open.map((f: { code: string }) => f.code)).toEqual(['HIGHLIGHTS_LABEL']);
    expect(diff.findings.new.map((f: { code: string }) => f.code).sort()).toEqual(['QUORUM_NOT_MET', 'STATED_INCONSISTENT', 'STATED_PERCENT', 'STATED_PERCENT', 'STATED_VS_COMPUTED', 'STATED_VS_COMPUTED', 'STATED_VS_COMPUTED']);
  });

  it('blacklines the changed letter paragraph word by word', () => {
    const letter = diff.blackline.find((s: { title: string }) => s.title === 'Letter: Philip Taylor');
    expect(letter.changed).toBe(true);
    const changed = letter.blocks.find((b: { kind: string }) => b.kind === 'changed');
    const words = (kind: string) => changed.pieces.filter((p: { kind: string }) => p.kind === kind).map((p: { text: string }) => p.text.trim()).filter(Boolean);
    // Previous: "In light of the market volatility of recent months, ..."; current: "In light of economic uncertainty and market volatility, ..."
    expect(words('inserted')).toEqual(expect.arrayContaining(['economic', 'uncertainty', 'and', 'timely']));
    expect(words('deleted')).toEqual(expect.arrayContaining(['the', 'recent months']));
    expect(letter.blocks[0]).toEqual({ kind: 'unchanged', count: 2 });
    const pdf = join(dir, 'iqm', 'period-diff.pdf');
    expect(pdfOutlines(pdf).map((o) => o.title)).toEqual(['Summary', 'Figure Variances', 'Findings Delta', 'Holdings', 'Blackline of the Narrative']);
    expect(pdfText(pdf)).toMatch(/paragraphs? unchanged/);
  });

  it('prints a byte-identical PDF on a second run', () => {
    const again = join(dir, 'again');
    expect(fundbook(['diff', PREV, CURR, '--out', again]).code).toBe(0);
    expect(sha256File(join(again, 'period-diff.pdf'))).toBe(sha256File(join(dir, 'iqm', 'period-diff.pdf')));
    expect(readFileSync(join(again, 'period-diff.json'), 'utf8')).toBe(readFileSync(join(dir, 'iqm', 'period-diff.json'), 'utf8'));
  });
});

describe('fundbook diff, edge cases', () => {
  it('finds nothing between a file and itself, and says so', () => {
    const out = join(dir, 'same');
    const r = fundbook(['diff', CURR, CURR, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`no differences between ${CURR} and ${CURR}`);
    const same = JSON.parse(readFileSync(join(out, 'period-diff.json'), 'utf8'));
    expect(same.empty).toBe(true);
    expect(same.variances.every((v: { change: string }) => v.change === '0')).toBe(true);
    expect(same.holdings).toMatchObject({ added: [], removed: [], changed: [], unchanged: 177 });
    expect(pdfText(join(out, 'period-diff.pdf'))).toContain('No differences');
  });

  it('warns when the current period is not later than the previous one', () => {
    const r = fundbook(['diff', CURR, PREV, '--out', join(dir, 'backwards')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`fundbook diff: warning: ${PREV} (period ending 2011-02-28) is not later than ${CURR} (period ending 2011-08-31)`);
  });

  it('refuses two different funds', () => {
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync(CURR, 'utf8').replace('  id: iqm\n', '  id: other-fund\n'));
    const r = fundbook(['diff', PREV, other, '--out', join(dir, 'refused')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^fundbook diff: ${other}:\\d+:\\d+ fund\\.id: error DIFFERENT_FUNDS: `, 'm'));
    expect(r.stderr).toContain(`error DIFFERENT_FUNDS: ${PREV} is fund "iqm" and ${other} is fund "other-fund": a period diff compares two periods of one fund`);
  });
});

describe('blackline of one section', () => {
  it('collapses unchanged paragraphs and marks a changed one word by word', () => {
    const s = blacklineSection('x', 'X', ['One.', 'Two.', 'Three old words.'], ['One.', 'Two.', 'Three new words.', 'Four.']);
    expect(s.blocks[0]).toEqual({ kind: 'unchanged', count: 2 });
    expect(s.blocks[1]).toEqual({ kind: 'changed', pieces: [{ kind: 'same', text: 'Three ' }, { kind: 'deleted', text: 'old' }, { kind: 'inserted', text: 'new' }, { kind: 'same', text: ' words.' }] });
    expect(s.blocks[2]).toEqual({ kind: 'inserted', text: 'Four.' });
  });
});

describe('fundbook diff on the synthetic fund, against the generator\'s own record', () => {
  const record = JSON.parse(readFileSync('data/synthetic-muni/generator-record.json', 'utf8')) as {
    transitions: { from: string; to: string; added: string[]; removed: string[]; revalued: string[]; changedParagraph: { section: string; index: number } }[];
  };

  it.each(record.transitions.map((t) => [t.from, t.to, t] as const))('%s -> %s lists exactly the holdings the generator added, removed and revalued, and blacklines its changed paragraph', (from, to, t) => {
    const out = join(dir, `synthetic-${to}`);
    const r = fundbook(['diff', `data/synthetic-muni/${from}.yaml`, `data/synthetic-muni/${to}.yaml`, '--out', out]);
    expect(r.code).toBe(0);
    const d = JSON.parse(readFileSync(join(out, 'period-diff.json'), 'utf8'));
    const ids = (list: { id?: string; current?: { id?: string } }[]) => list.map((h) => h.id ?? h.current?.id).sort();
    expect(ids(d.holdings.added)).toEqual([...t.added].sort());
    expect(ids(d.holdings.removed)).toEqual([...t.removed].sort());
    expect(ids(d.holdings.changed)).toEqual([...t.revalued].sort());
    expect(d.holdings.changed.every((c: { changed: string[] }) => c.changed.join() === 'value')).toBe(true);
    // The letter's paragraphs are [salutation, ...body, closing]: body paragraph i is block position i + 1.
    expect(t.changedParagraph.section).toBe('narrative.letters[0].body');
    const letter = d.blackline.find((s: { key: string }) => s.key === 'letters[0]');
    expect(letter.blocks).toEqual([
      { kind: 'unchanged', count: t.changedParagraph.index + 1 },
      expect.objectContaining({ kind: 'changed' }),
      expect.objectContaining({ kind: 'unchanged' }),
    ]);
  });
});
