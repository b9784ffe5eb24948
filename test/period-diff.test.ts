// The period diff of IQM's two periods (four months ended 2011-02-28, six months ended 2011-08-31), the
// diff of a file with itself, and the refusals: read from the real JSON and PDF.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blacklineSection } from '../src/diff/blackline.js';
import { rollForward } from '../src/rollforward/roll-forward.js';
import { loadFundFile } from '../src/load/load-fund.js';
import { pdfOutlines, pdfText, sha256File } from './pdf-tools.js';
import { runCli, type CliRun } from './run-cli.js';
import { sharedIqmBuild } from './shared-build.js';

const PREV = 'data/iqm/2011-02-28.yaml';
const CURR = 'data/iqm/2011-08-31.yaml';
let dir: string;
let diff: any; // the public JSON, read back
let run: CliRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fundbook-diff-'));
  run = await runCli(['diff', PREV, CURR, '--out', join(dir, 'iqm')]);
  diff = JSON.parse(readFileSync(join(dir, 'iqm', 'period-diff.json'), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const variance = (key: string) => diff.variances.find((v: { key: string }) => v.key === key);

describe('fundbook diff data/iqm/2011-02-28.yaml data/iqm/2011-08-31.yaml', () => {
  it('exits 0 and says what changed', () => {
    expect(run.status).toBe(0);
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

  it('compares flows per day across the 120-day and 184-day periods, and flags total expenses on that comparison', () => {
    expect(diff.thresholds).toMatchObject({ percent: '0.1', materiality: '1000000', ratioBps: '10', perShare: '0.05', previousDays: 120, currentDays: 184 });
    // Flow materiality: 10 bps a year of average daily net assets of 187,753,000 over 184 days = 94,648.1.
    expect(diff.thresholds).toMatchObject({ flowMateriality: '94648', flowMaterialityFrom: { averageNetAssets: '187753000', days: 184 } });
    // Total expenses 361,500 / 120 = 3,012.50 a day; 735,719 / 184 = 3,998.47 a day. Restated to 184 days the
    // previous is 554,300; the move is 181,419 (32.73%): past 10% and 94,648, flagged. Raw: +374,219 (103.5%).
    expect(variance('statements.operations.expenses.total')).toMatchObject({
      change: '374219', changePercent: '1.035184', flagged: true,
      comparable: { basis: 'perDay', previousPerDay: '3012.5', currentPerDay: '3998.47', change: '181419', percent: '0.327294' },
    });
    // Net investment income: 34,505.78 a day -> 33,618.15 a day (-2.57%): not flagged, though it rose 49% raw.
    expect(variance('statements.operations.net_investment_income')).toMatchObject({ change: '2045046', flagged: false, comparable: { percent: '-0.025724' } });
    expect(variance('statements.operations.net_investment_income').explanation).toMatch(/^Six months of income/);
    // Net assets +6.96%: under 10%, not flagged. Floating rate notes -4,099,640 (-10.3%): flagged, explained.
    expect(variance('statements.assets_and_liabilities.net_assets').flagged).toBe(false);
    expect(variance('statements.assets_and_liabilities.liabilities.floating_rate_note_obligations')).toMatchObject({ flagged: true, explanation: expect.stringMatching(/^Dealer trust financing/) });
    // Expense ratio 0.60% -> 0.78%: +18 bps, flagged, no explanation, no percent change.
    expect(variance('financial_highlights.current.expense_ratio')).toMatchObject({ changeBps: '18', changePercent: null, flagged: true, explanation: null });
    // Market price 12.65 -> 14.19: $1.54, past the $0.05 per-share threshold.
    expect(variance('statements.assets_and_liabilities.market_price_per_share')).toMatchObject({ unit: 'perShare', change: '1.54', flagged: true });
    const pdf = pdfText(join(dir, 'iqm', 'period-diff.pdf')).replace(/\s+/g, ' ');
    expect(pdf).toContain('Explanation: Dealer trust financing of $4.1 million was repaid');
    expect(pdf).toContain('Explanation required');
  });

  it('states each unit\'s threshold on the summary page exactly as applied', () => {
    const summary = pdfText(join(dir, 'iqm', 'period-diff.pdf'), { page: 1 }).replace(/\s+/g, ' ');
    expect(summary).toContain('The periods differ in length (120 days against 184), so flows are compared per day: flagged when the per-day amount moves by at least 10% and the move, with the previous amount restated to 184 days, is at least $94,648 (10 bps a year of average daily net assets of $187,753,000, over 184 days).');
    expect(summary).toContain('Flagged when a balance moves by at least 10% and by at least $1,000,000.');
    expect(summary).toContain('Flagged when a ratio moves by at least 10 bps (0.10 percentage points); never as a percent change.');
    expect(summary).toContain('Flagged when a per-share amount moves by at least $0.05;');
    expect(summary).toContain('Flagged when a count moves by at least 10%.');
  });

  it('flags exactly the rows the stated rules flag, and no ratio or return carries a percent change', () => {
    const t = diff.thresholds;
    const n = (s: string | null) => (s === null ? null : Number(s));
    for (const v of diff.variances) {
      const c = v.comparable;
      const move = Math.abs(Number(c.change));
      const pctOk = (limit: number) => c.percent === null || Math.abs(Number(c.percent)) >= limit;
      const expected = Number(c.change) === 0 ? false
        : v.unit === 'balance' ? move >= n(t.materiality)! && pctOk(n(t.percent)!)
        : v.unit === 'flow' ? move >= n(t.flowMateriality)! && pctOk(n(t.percent)!)
        : v.unit === 'ratio' ? Math.abs(n(v.changeBps)!) >= n(t.ratioBps)!
        : v.unit === 'perShare' ? move >= n(t.perShare)!
        : pctOk(n(t.percent)!);
      expect({ key: v.key, flagged: v.flagged }).toEqual({ key: v.key, flagged: expected });
      if (v.unit === 'ratio') expect([v.key, v.changePercent, c.percent]).toEqual([v.key, null, null]);
    }
    // Flows compare per day here (the periods differ); balances as they are.
    expect(diff.variances.filter((v: any) => v.unit === 'flow' && v.previous !== null && v.current !== null).every((v: any) => v.comparable.basis === 'perDay')).toBe(true);
    expect(diff.variances.filter((v: any) => v.unit === 'balance').every((v: any) => v.comparable.basis === 'asIs')).toBe(true);
  });

  it('compares each figure once, in the statement where it belongs, and references the others', () => {
    const keys = diff.variances.map((v: { key: string }) => v.key);
    expect(new Set(keys).size).toBe(keys.length);
    const folded = diff.variances.flatMap((v: { alsoAt: { key: string }[] }) => v.alsoAt.map((a) => a.key));
    expect(folded.filter((k: string) => keys.includes(k))).toEqual([]);
    expect(variance('statements.operations.net_investment_income').alsoAt.map((a: { key: string }) => a.key)).toEqual(['statements.changes_in_net_assets.current.net_investment_income']);
    expect(variance('statements.operations.net_increase_applicable_to_common').alsoAt.map((a: { key: string }) => a.key)).toEqual([
      'statements.changes_in_net_assets.current.net_increase_applicable_to_common',
      'statements.cash_flows.net_increase_applicable_to_common',
    ]);
    // The cash flows' "Net realized loss on investments" (588,041 -> 2,977,286) is the operations' net realized
    // gain (loss) with its sign turned.
    expect(variance('statements.operations.net_realized_gain_loss').alsoAt.map((a: { key: string }) => a.key)).toContain('statements.cash_flows.adjustments[Net realized loss on investments]');
    expect(variance('statements.assets_and_liabilities.net_assets').alsoAt.map((a: { key: string }) => a.key)).toEqual(['statements.changes_in_net_assets.current.net_assets_end', 'financial_highlights.current.net_assets_end_000']);
    // Where two places disagree both stay: tax-basis cost 272,773,128 against book cost 273,096,357.
    expect(keys).toEqual(expect.arrayContaining(['notes_data.tax_basis.cost', 'statements.assets_and_liabilities.assets.investments_at_cost']));
    // Labels are the report's own names, punctuation included.
    expect(variance('statements.assets_and_liabilities.net_assets_consist_of.undistributed_net_realized_gain_loss').label).toBe('Undistributed net realized gain (loss)');
  });

  it('lists the holdings by materiality: added and removed by size, then par changes, then price-only moves one line per group', () => {
    expect(diff.holdings.added).toHaveLength(15);
    // Removed, largest first: 3,900,120, 3,712,450, 2,536,275.
    expect(diff.holdings.removed.map((h: { issuer: string; value: string }) => [h.issuer, h.value])).toEqual([
      ['Illinois (State of) Toll Highway Authority (SYNTHETIC)', '3900120'],
      ['New Jersey (State of) Transportation Trust Fund Authority (SYNTHETIC)', '3712450'],
      ['Orlando (City of) Utilities Commission (SYNTHETIC)', '2536275'],
    ]);
    expect(diff.holdings.added.every((h: { issue: string }) => /^(Sub)?[Ss]eries 2011/.test(h.issue))).toBe(true);
    expect(diff.holdings.added[0]).toMatchObject({ issuer: 'San Diego Community College District (Election 2006)', value: '2809096' });
    // Every one of the 162 price-only moves is kept in the JSON, by size; the largest is Fairfax's +323,361.
    expect(diff.holdings.changed).toHaveLength(162);
    expect(diff.holdings.changed.every((c: { kind: string }) => c.kind === 'price')).toBe(true);
    expect(diff.holdings.changed[0]).toMatchObject({ issuer: 'Fairfax (County of) Industrial Development Authority (INOVA Health System)', valueChange: '323361' });
    const sizes = diff.holdings.changed.map((c: { valueChange: string }) => Math.abs(Number(c.valueChange)));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    // Summed per group: California's 36 positions moved +703,982; the groups' counts add up to 162.
    expect(diff.holdings.priceOnlyByGroup[0]).toEqual({ group: 'California', count: 36, valueChange: '703982' });
    expect(diff.holdings.priceOnlyByGroup.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(162);
    const michigan = diff.holdings.groups.find((g: { name: string }) => g.name === 'Michigan');
    expect(michigan).toMatchObject({ previous: '0', current: '937206', change: '937206' });
    // In the PDF: one line per group, no price-only position by name, and the lists in order.
    const pdf = pdfText(join(dir, 'iqm', 'period-diff.pdf')).replace(/\s+/g, ' ');
    expect(pdf).not.toContain('INOVA Health System');
    const at = (s: string) => pdf.indexOf(s);
    expect([at('Added (15)'), at('Removed (3)'), at('Par changes (0)'), at('Price-only changes (162)'), at('Totals by group')].every((x, i, a) => x > 0 && (i === 0 || x > a[i - 1]!))).toBe(true);
    expect(pdf).toMatch(/California 36 703,982/);
  });

  it('carries the findings: new, resolved, still open', () => {
    expect(diff.findings.open.map((f: { code: string }) => f.code)).toEqual(['HIGHLIGHTS_LABEL']);
    expect(diff.findings.new.map((f: { code: string }) => f.code).sort()).toEqual(['HIGHLIGHTS_LABEL', 'QUORUM_NOT_MET', 'STATED_INCONSISTENT', 'STATED_PERCENT', 'STATED_PERCENT', 'STATED_VS_COMPUTED', 'STATED_VS_COMPUTED', 'STATED_VS_COMPUTED']);
  });

  it('blacklines the changed letter paragraph phrase by phrase: a deleted phrase, then the inserted one', () => {
    const letter = diff.blackline.find((s: { title: string }) => s.title === 'Letter: Philip Taylor');
    expect(letter.changed).toBe(true);
    const changed = letter.blocks.find((b: { kind: string }) => b.kind === 'changed');
    // Previous: "In light of the market volatility of recent months, I suggest you check the market updates and
    // commentary from our fund managers at invesco.com/us."; current: "In light of economic uncertainty and
    // market volatility, I suggest you check the timely market updates and commentary from many of our fund
    // managers and other investment professionals at invesco.com/us."
    expect(changed.pieces.filter((p: { kind: string }) => p.kind !== 'same')).toEqual([
      { kind: 'deleted', text: 'the market volatility of recent months' },
      { kind: 'inserted', text: 'economic uncertainty and market volatility' },
      { kind: 'inserted', text: 'timely ' },
      { kind: 'inserted', text: 'many of ' },
      { kind: 'inserted', text: 'and other investment professionals ' },
    ]);
    expect(changed.pieces[0]).toEqual({ kind: 'same', text: 'In light of ' });
    expect(changed.carriedForward).toEqual([]);
    expect(letter.blocks[0]).toEqual({ kind: 'unchanged', count: 2 });
    const pdf = join(dir, 'iqm', 'period-diff.pdf');
    expect(pdfOutlines(pdf).map((o) => o.title)).toEqual(['Summary', 'Figure Variances', 'Findings Delta', 'Holdings', 'Blackline of the Narrative']);
    expect(pdfText(pdf)).toMatch(/paragraphs? unchanged/);
  });

  it('prints the very PDF and JSON that `fundbook build` writes for the same two periods', async () => {
    const built = await sharedIqmBuild();
    const fromBuild = join(built.out, 'iqm', '2011-08-31');
    expect(sha256File(join(dir, 'iqm', 'period-diff.pdf'))).toBe(sha256File(join(fromBuild, 'period-diff.pdf')));
    expect(readFileSync(join(dir, 'iqm', 'period-diff.json'), 'utf8')).toBe(readFileSync(join(fromBuild, 'period-diff.json'), 'utf8'));
  });
});

describe('provenance', () => {
  it('says on the cover that both IQM periods are partly synthetic, with the count of marked lines', () => {
    // 17 lines of the February file and 2 of the August file (its header note and the derived fee base) carry SYNTHETIC.
    expect(diff.previous.provenance).toEqual({ synthetic: 'partly', markedLines: 17 });
    expect(diff.current.provenance).toEqual({ synthetic: 'partly', markedLines: 2 });
    const cover = pdfText(join(dir, 'iqm', 'period-diff.pdf'), { page: 1 }).replace(/\s+/g, ' ');
    expect(cover).toContain(`Provenance. The previous period (${PREV}) is partly synthetic: some of its figures are generated, not a filing's; 17 lines of the file carry the mark SYNTHETIC.`);
    expect(cover).toContain(`The current period (${CURR}) is partly synthetic`);
  });
});

describe('fundbook diff of a period being filled in', () => {
  let rolled: string;
  beforeAll(() => {
    rolled = join(dir, '2012-02-29.yaml');
    const r = rollForward(loadFundFile(CURR), CURR, '2012-02-29');
    if (!('text' in r)) throw new Error(r.refused.message);
    writeFileSync(rolled, r.text);
  });

  it('against its fresh roll-forward: prints the count of fields to be filled per part of the file, not a line per field', { timeout: 600_000 }, async () => {
    const out = join(dir, 'rolled');
    const r = await runCli(['diff', CURR, rolled, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      `fundbook diff: ${rolled}:1:1 warning DIFF_INCOMPLETE: ${rolled} is not complete: 591 fields still to be filled (period 3, statements.assets_and_liabilities 22, statements.operations 16, statements.changes_in_net_assets 11, statements.cash_flows 17, preferred_shares 32, common_shares 2, financial_highlights 21, agreements 3, performance 5, notes_data 24, schedule_of_investments 435); the diff covers what is filled`,
    ]);
    expect(r.stdout.trim().split('\n')).toEqual(['no differences in what is filled; 591 fields still to be filled', `wrote ${out}/period-diff.pdf, period-diff.json`]);
    const d = JSON.parse(readFileSync(join(out, 'period-diff.json'), 'utf8'));
    expect(d.incomplete.total).toBe(591);
    expect(d.incomplete.bySection.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBe(591);
    expect(pdfText(join(out, 'period-diff.pdf'), { page: 1 })).toContain('Work in progress.');
  });

  it('with one figure filled: compares that figure, and counts one field fewer', { timeout: 600_000 }, async () => {
    const partly = join(dir, 'partly.yaml');
    const text = readFileSync(rolled, 'utf8');
    const lines = text.split('\n');
    // The first `total: TO BE FILLED` under expenses is the statement of operations' total expenses.
    const at = lines.findIndex((l, i) => /^\s+total: TO BE FILLED/.test(l) && lines.slice(0, i).some((x) => /^\s+expenses:$/.test(x)));
    lines[at] = lines[at]!.replace('TO BE FILLED', '"1,500,000"');
    writeFileSync(partly, lines.join('\n'));
    const out = join(dir, 'partly');
    const r = await runCli(['diff', CURR, partly, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('is not complete: 590 fields still to be filled');
    const d = JSON.parse(readFileSync(join(out, 'period-diff.json'), 'utf8'));
    expect(d.variances.filter((v: { change: string }) => v.change !== '0').map((v: { key: string; previous: string; current: string }) => [v.key, v.previous, v.current])).toEqual([
      ['statements.operations.expenses.total', '735719', '1500000'],
    ]);
    expect(d.findings).toEqual({ new: [], resolved: [], open: [] });
  });
});

describe('fundbook diff, edge cases', () => {
  it('finds nothing between a file and itself, and says so', async () => {
    const out = join(dir, 'same');
    const r = await runCli(['diff', CURR, CURR, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`no differences between ${CURR} and ${CURR}`);
    const same = JSON.parse(readFileSync(join(out, 'period-diff.json'), 'utf8'));
    expect(same.empty).toBe(true);
    expect(same.variances.every((v: { change: string }) => v.change === '0')).toBe(true);
    expect(same.holdings).toMatchObject({ added: [], removed: [], changed: [], unchanged: 177 });
    expect(pdfText(join(out, 'period-diff.pdf'))).toContain('No differences');
  });

  it('warns when the current period is not later than the previous one', async () => {
    const r = await runCli(['diff', CURR, PREV, '--out', join(dir, 'backwards')]);
    expect(r.status).toBe(0);
    // A located diagnostic, at the current file's period end.
    expect(r.stderr).toContain(`fundbook diff: ${PREV}:26:8 period.end: warning PERIOD_NOT_LATER: ${PREV} (period ending 2011-02-28) is not later than ${CURR} (period ending 2011-08-31)`);
  });

  it('refuses two different funds', async () => {
    const other = join(dir, 'other.yaml');
    writeFileSync(other, readFileSync(CURR, 'utf8').replace('  id: iqm\n', '  id: other-fund\n'));
    const r = await runCli(['diff', PREV, other, '--out', join(dir, 'refused')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^fundbook diff: ${other}:\\d+:\\d+ fund\\.id: error DIFFERENT_FUNDS: `, 'm'));
    expect(r.stderr).toContain(`error DIFFERENT_FUNDS: ${PREV} is fund "iqm" and ${other} is fund "other-fund": a period diff compares two periods of one fund`);
  });
});

describe('blackline of one section', () => {
  it('flags a dollar figure a changed paragraph carries forward, comparing numbers as numbers', () => {
    // Note 4 of IQM: the period changed, the legal fees of $1,193 did not.
    const s = blacklineSection('n', 'N', ['During the four months ended February 28, 2011, the Trust paid legal fees of $1,193 for services.'], ['During the six months ended August 31, 2011, the Trust paid legal fees of $1193 for services.']);
    const block = s.blocks[0] as { kind: 'changed'; pieces: { kind: string; text: string }[]; carriedForward: string[] };
    expect(block.pieces.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'deleted', text: 'four months ended February 28' }, { kind: 'inserted', text: 'six months ended August 31' }]);
    expect(block.carriedForward).toEqual(['$1193']);
    const moved = blacklineSection('n', 'N', ['Fees of $1,193 for the four months.'], ['Fees of $1,842 for the six months.']).blocks[0] as typeof block;
    expect(moved.carriedForward).toEqual([]);
    expect(moved.pieces.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'deleted', text: '$1,193 for the four' }, { kind: 'inserted', text: '$1,842 for the six' }]);
  });


  it('collapses unchanged paragraphs and marks a changed one word by word', () => {
    const s = blacklineSection('x', 'X', ['One.', 'Two.', 'Three old words.'], ['One.', 'Two.', 'Three new words.', 'Four.']);
    expect(s.blocks[0]).toEqual({ kind: 'unchanged', count: 2 });
    expect(s.blocks[1]).toEqual({ kind: 'changed', carriedForward: [], pieces: [{ kind: 'same', text: 'Three ' }, { kind: 'deleted', text: 'old' }, { kind: 'inserted', text: 'new' }, { kind: 'same', text: ' words.' }] });
    expect(s.blocks[2]).toEqual({ kind: 'inserted', text: 'Four.' });
  });
});

describe('fundbook diff on the synthetic fund, against the generator\'s own record', () => {
  const record = JSON.parse(readFileSync('data/synthetic-muni/generator-record.json', 'utf8')) as {
    transitions: { from: string; to: string; added: string[]; removed: string[]; revalued: string[]; changedParagraph: { section: string; index: number } }[];
  };

  it.each(record.transitions.map((t) => [t.from, t.to, t] as const))('%s -> %s lists exactly the holdings the generator added, removed and revalued, and blacklines its changed paragraph', async (from, to, t) => {
    const out = join(dir, `synthetic-${to}`);
    const r = await runCli(['diff', `data/synthetic-muni/${from}.yaml`, `data/synthetic-muni/${to}.yaml`, '--out', out]);
    expect(r.status).toBe(0);
    const d = JSON.parse(readFileSync(join(out, 'period-diff.json'), 'utf8'));
    expect([d.previous.provenance.synthetic, d.current.provenance.synthetic]).toEqual(['wholly', 'wholly']);
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
