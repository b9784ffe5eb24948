// Senior securities written as a list, the synthetic levered fund, IQM written either way, and figures
// compared at their stated precision: loaded, computed and checked in-process (no PDF here).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../src/calc/compute.js';
import { checkFile } from '../src/check.js';
import { figuresJson } from '../src/figures/figures-json.js';
import { loadFundText } from '../src/load/load-fund.js';

const LEVERED = 'data/synthetic-levered/2024-06-30.yaml';
const IQM = 'data/iqm/2011-08-31.yaml';
const IQM_TEXT = readFileSync(IQM, 'utf8');

function load(text: string, file = 'test.yaml') {
  const loaded = loadFundText(text, file);
  if (!loaded.fund) throw new Error(loaded.problems.map((p) => `${p.location.line} ${p.path}: ${p.message}`).join('\n'));
  const figures = computeFigures(loaded.fund);
  return { loaded, fund: loaded.fund, figures, json: figuresJson(loaded.fund, figures, loaded.locate) };
}

function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not in the text: ${from}`);
  return text.replace(from, to);
}

describe('the synthetic levered fund (notes payable, preferred carried as a liability)', () => {
  const checked = checkFile(LEVERED);
  const { fund, json } = load(readFileSync(LEVERED, 'utf8'), LEVERED);

  it('is marked synthetic and checks clean: 0 errors, no calculator warnings', () => {
    expect(fund.fund.synthetic).toBe(true);
    expect(readFileSync(LEVERED, 'utf8')).toMatch(/^# SYNTHETIC/);
    expect(checked.errors).toBe(0);
    // The only warnings are the board review's, inherited with the synthetic fund's board section.
    const warned = new Set(checked.figures!.findings.filter((f) => f.severity === 'warning').map((f) => f.code));
    expect([...warned].sort()).toEqual(['FEE_ABOVE_MEDIAN', 'PERFORMANCE_QUINTILE']);
    expect(checked.figures!.tieOuts.filter((t) => !t.ok)).toEqual([]);
  });

  it('its figures.json reproduces the stated per-$1,000, percent and per-share coverage', () => {
    // Coverage assets: total assets 128,384,312 - liabilities other than senior securities
    // (57,691,962 - 15,000,000 notes - 36,900,000 preferred = 5,791,962) = 122,592,350.
    const cov = json.preferredCoverage!;
    expect(cov.coverageAssets).toBe('122592350');
    // 122,592,350 / 15,000,000 = 8.172823 -> $8,173 per $1,000 (stated 8,173)
    expect(cov.perThousandOfDebt).toBe('8173');
    // 122,592,350 / (15,000,000 + 36,900,000) = 2.362088 -> 236% (stated 236%)
    expect(cov.ratio).toBe('2.3621');
    // 2.362088 x 50,000 = 118,104.38 -> $118,104 (stated 118,104)
    expect(cov.perShare).toBe('118104');
    const stated = fund.financial_highlights.columns[0]!.values;
    expect(stated.asset_coverage_per_1000_of_debt!.toString()).toBe(cov.perThousandOfDebt);
    expect(stated.asset_coverage_per_preferred_share!.toString()).toBe(cov.perShare);
    expect(stated.asset_coverage_percent!.toString()).toBe('2.36');
  });

  it('states each section 18 test with its headroom', () => {
    expect(json.preferredCoverage!.tests.map((t) => [t.name, t.minimum, t.actual, t.passes, t.headroom])).toEqual([
      // 122,592,350 - 3 x 15,000,000 = 77,592,350
      ['1940 Act senior debt (300%)', '3', '8.1728', true, '77592350'],
      // 122,592,350 - 2 x 15,000,000 = 92,592,350
      ['1940 Act senior debt, for preferred dividends (200%)', '2', '8.1728', true, '92592350'],
      // 122,592,350 - 2 x 51,900,000 = 18,792,350
      ['1940 Act preferred (200%)', '2', '2.3621', true, '18792350'],
    ]);
    expect(json.preferredCoverage!.headroom).toBe('18792350');
  });

  it('a mistyped stated coverage figure is reported, at the place it is written', () => {
    const text = replaced(readFileSync(LEVERED, 'utf8'), 'asset_coverage_per_1000_of_debt: 8,173', 'asset_coverage_per_1000_of_debt: 8,137');
    const { figures, loaded } = load(text, LEVERED);
    const f = figures.findings.filter((x) => x.code === 'STATED_VS_COMPUTED');
    expect(f.map((x) => x.message)).toEqual(['financial highlights asset coverage per $1,000 of indebtedness: stated 8,137, computed 8,173, difference 36']);
    expect(loaded.locate(f[0]!.path!).line).toBe(text.split('\n').findIndex((l) => l.includes('8,137')) + 1);
  });

  it('writing both senior_securities and the older preferred_shares line is refused, naming the line', () => {
    const text = replaced(readFileSync(LEVERED, 'utf8'), '    senior_securities:\n', '    preferred_shares: 36,900,000\n    senior_securities:\n');
    const loaded = loadFundText(text, LEVERED);
    expect(loaded.fund).toBeUndefined();
    expect(loaded.problems.map((p) => `${[p.path].flat().join('.')}: ${p.message}`)).toEqual(['statements.assets_and_liabilities.preferred_shares: write preferred shares in senior_securities only (not both)']);
  });
});

describe('IQM written either way', () => {
  const older = load(IQM_TEXT, IQM);
  // The same balance sheet with the preferred shares in the list, first below total liabilities, then
  // carried within them (total liabilities 36,633,820 + 55,000,000 = 91,633,820).
  const listText = replaced(IQM_TEXT, '    preferred_shares: 55,000,000\n', [
    '    senior_securities:',
    '      - { kind: preferred_shares, label: Auction Rate Preferred Shares, shares: "1,100", liquidation_preference_per_share: "50,000", amount: "55,000,000", liability: false }',
    '',
  ].join('\n'));
  const asLiability = replaced(replaced(listText, 'liability: false', 'liability: true'), 'total_liabilities: 36,633,820', 'total_liabilities: 91,633,820');

  it.each([['the list, below total liabilities', listText], ['the list, carried as a liability', asLiability]])('%s: the same coverage and no new findings', (_, text) => {
    const listed = load(text, IQM);
    expect(listed.json.preferredCoverage).toEqual(older.json.preferredCoverage);
    expect(listed.json.preferredCoverage).toMatchObject({ perShare: '227044', ratio: '4.5409' });
    expect(listed.json.preferredCoverage!.perThousandOfDebt).toBeUndefined();
    expect(listed.figures.findings.map((f) => f.code)).toEqual(older.figures.findings.map((f) => f.code));
    expect(listed.figures.tieOuts.filter((t) => !t.ok).map((t) => t.label)).toEqual(older.figures.tieOuts.filter((t) => !t.ok).map((t) => t.label));
  });

  it('the older way stays accepted, and IQM has no debt: no per-$1,000 figure, one test', () => {
    expect(older.json.preferredCoverage!.perThousandOfDebt).toBeUndefined();
    expect(older.json.preferredCoverage!.tests).toEqual([{ name: '1940 Act preferred (200%)', covers: 'debt and preferred', minimum: '2', actual: '4.5409', passes: true, headroom: '139748628' }]);
  });
});

describe('stated precision', () => {
  // 194,748,628 / 13,454,169 = 14.474965...: 14.47 at two places, 14.4750 at four.
  const nav = (stated: string) => replaced(replaced(IQM_TEXT, '    nav_per_share: 14.47\n', `    nav_per_share: ${stated}\n`), '        nav_end: 14.47\n', `        nav_end: ${stated}\n`);
  const navFindings = (text: string) => load(text, IQM).figures.findings.filter((f) => f.path?.join('.') === 'statements.assets_and_liabilities.nav_per_share');

  it('a NAV stated to four places (14.4750, its trailing zero kept) passes its tie-out', () => {
    expect(navFindings(IQM_TEXT)).toEqual([]);
    expect(navFindings(nav('14.4750'))).toEqual([]);
  });

  it('the same NAV mistyped in the fourth place is reported, compared to four places', () => {
    const f = navFindings(nav('14.4751'));
    expect(f.map((x) => [x.severity, x.code, x.stated, x.computed])).toEqual([['error', 'TIE_OUT', '14.4751', '14.475']]);
    expect(f[0]!.message).toBe('NAV per share = net assets / shares outstanding: stated 14.4751, computed 14.4750, difference 0.0001');
  });

  it('a NAV stated to two places that is off in the second is still reported', () => {
    expect(navFindings(nav('14.48')).map((x) => x.computed)).toEqual(['14.47']);
  });
});
