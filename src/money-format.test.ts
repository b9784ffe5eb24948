import fc from 'fast-check';
import { expect, it } from 'vitest';
import { fmtMoney } from './calc/workings-format.js';
import { Decimal } from './decimal.js';
import { formatMoney } from './money-format.js';
import { money } from './view/format.js';

it('groups thousands, rounds half up, puts negatives in parentheses', () => {
  expect(formatMoney(new Decimal('1234567.891'))).toBe('1,234,568');
  expect(formatMoney(new Decimal('624677.375'), 2)).toBe('624,677.38');
  expect(formatMoney(new Decimal('-2977286'))).toBe('(2,977,286)');
  expect(formatMoney(new Decimal('-0.4'))).toBe('0');
  expect(formatMoney(new Decimal('0.5'))).toBe('1');
  expect(formatMoney(new Decimal(Infinity))).toBe('infinite');
});

it('is the formatter of the documents and of the workings', () => {
  expect(money).toBe(formatMoney);
  expect(fmtMoney).toBe(formatMoney);
});

it('reads back as the figure rounded to its places', () => {
  fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }), (cents, places) => {
    const value = new Decimal(cents.toString()).dividedBy(100);
    const text = formatMoney(value, places);
    const back = new Decimal(text.replace(/[(),]/g, '')).times(text.startsWith('(') ? -1 : 1);
    expect(back.equals(value.toDecimalPlaces(places))).toBe(true);
  }));
});
