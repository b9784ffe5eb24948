import { expect, it } from 'vitest';
import { loadFundFile, loadFundText, parsedDocument } from '../load/load-fund.js';
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
