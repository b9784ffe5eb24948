import { expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { loadFundFile, loadFundText, parsedDocument } from '../load/load-fund.js';
import { formatPath, type DataPath } from '../load/locate.js';
import { PLACEHOLDER } from '../load/scalars.js';
import { fieldKindAt } from '../load/schema-keys.js';
import { rollForward } from './roll-forward.js';

const IQM = 'data/iqm/2011-08-31.yaml';

it("rolls forward the loader's own parse of the file, leaving that document as it was", () => {
  const loaded = loadFundFile(IQM);
  const before = parsedDocument(loaded)!.toString({ lineWidth: 0 });
  const rolled = rollForward(loaded, IQM, '2012-02-29');
  if (!('text' in rolled)) throw new Error(rolled.refused.message);
  expect(parsedDocument(loaded)!.toString({ lineWidth: 0 })).toBe(before);
  // The next period: the annual report of IQM's fiscal year ending 2012-02-29, its figures to be filled.
  const next = loadFundText(rolled.text, 'next.yaml');
  expect(next.problems.some((p) => p.code === 'TO_BE_FILLED')).toBe(true);
  expect(rolled.text).toMatch(/^# Rolled forward from data\/iqm\/2011-08-31\.yaml by `fundbook roll-forward --to 2012-02-29`/);
  expect(rolled.text).toContain('  start: 2011-03-01\n  end: 2012-02-29\n  kind: annual\n');
});

it('refuses a --to not after the period end, at period.end', () => {
  const rolled = rollForward(loadFundFile(IQM), IQM, '2011-08-31');
  expect(rolled).toMatchObject({ refused: { code: 'ROLL_FORWARD_TO', message: "--to 2011-08-31 must be after the period's end, 2011-08-31", location: { file: IQM, line: 24 } } });
});

/** Every scalar of a YAML text with its data path. */
function scalars(text: string): { path: DataPath; value: unknown }[] {
  const out: { path: DataPath; value: unknown }[] = [];
  const walk = (node: unknown, path: DataPath) => {
    if (isScalar(node)) out.push({ path, value: node.value });
    else if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, String((pair.key as { value: unknown }).value)]);
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(parseDocument(text, { schema: 'failsafe' }).contents, []);
  return out;
}

it("fills exactly the fields whose schema kind is a period figure; carries the rest (IQM to 2011-12-31)", () => {
  const rolled = rollForward(loadFundFile(IQM), IQM, '2011-12-31');
  if (!('text' in rolled)) throw new Error(rolled.refused.message);
  const all = scalars(rolled.text);
  const filled = all.filter((s) => s.value === PLACEHOLDER);
  // Every placeholder is in a field the schema calls a figure of the period.
  expect(filled.filter((s) => fieldKindAt(s.path) !== 'period').map((s) => formatPath(s.path))).toEqual([]);
  // Every carried field is standing or descriptive, except the comparatives (the earlier periods'
  // columns) and the opening figures the roll moved in from this period's close.
  const openings = ['period.start', 'period.end', 'period.kind', 'statements.changes_in_net_assets[0].start', 'statements.changes_in_net_assets[0].end', 'statements.changes_in_net_assets[0].net_assets_beginning', 'financial_highlights.columns[0].end', 'financial_highlights.columns[0].values.nav_beginning', 'common_shares[0].beginning', 'preferred_shares.outstanding_beginning'];
  const comparative = (p: DataPath) => (p[0] === 'statements' && p[1] === 'changes_in_net_assets' && p[2] !== 0) || (p[0] === 'financial_highlights' && p[1] === 'columns' && p[2] !== 0) || (p[0] === 'common_shares' && p[1] !== 0);
  const carriedFigures = all.filter((s) => s.value !== PLACEHOLDER && fieldKindAt(s.path) === 'period' && !comparative(s.path)).map((s) => formatPath(s.path));
  expect(carriedFigures.sort()).toEqual(openings.filter((p) => p !== 'period.kind').sort());
  // IQM's values: a holding's value filled, its issuer, maturity and principal carried; the fee schedule
  // and the common shares' par value carried.
  const at = (path: string) => all.find((s) => formatPath(s.path) === path)?.value;
  const holding = 'schedule_of_investments.groups[0].holdings[0]';
  expect([at(`${holding}.issuer`), at(`${holding}.maturity`), at(`${holding}.principal_000`), at(`${holding}.value`)]).toEqual(['Birmingham (City of) Airport Authority', '2030-07-01', '550', PLACEHOLDER]);
  expect(at('statements.assets_and_liabilities.common_par_value')).toBe('0.01');
  expect(at('statements.assets_and_liabilities.net_assets')).toBe(PLACEHOLDER);
  expect(at('agreements.advisory.schedule[0].rate')).toBe('0.27%');
  expect(at('preferred_shares.outstanding_beginning')).toBe('1,100');
});
