import { expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { loadFundFile } from '../load/load-fund.js';
import { computeFigures } from './compute.js';
import { preferredShareActivity } from './preferred-shares.js';

const fund = loadFundFile('data/iqm/2011-08-31.yaml').fund!;

it("IQM's preferred share transactions (Note 8): 1,100 shares x $50,000 = $55,000,000, none retired", () => {
  const a = preferredShareActivity(fund)!;
  expect([a.beginning, a.retired, a.outstanding].map((s) => [s.shares.toString(), s.value.toString()])).toEqual([['1100', '55000000'], ['0', '0'], ['1100', '55000000']]);
  expect(a.workings[0]).toBe('Outstanding at the beginning: 1,100 shares x 50,000 = 55,000,000.');
  expect(computeFigures(fund).preferredShareActivity).toEqual(a);
});

it('values shares retired at the liquidation preference, and is absent without preferred shares', () => {
  const pref = { ...fund.preferred_shares!, outstanding_beginning: new Decimal(1100), shares_retired: new Decimal(140), outstanding: new Decimal(960) };
  const a = preferredShareActivity({ ...fund, preferred_shares: pref })!;
  expect(a.retired.value.toString()).toBe('7000000');
  expect(a.beginning.value.minus(a.retired.value).equals(a.outstanding.value)).toBe(true);
  expect(preferredShareActivity({ ...fund, preferred_shares: undefined })).toBeUndefined();
});
