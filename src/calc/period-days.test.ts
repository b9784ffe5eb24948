import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addYears, daysBetween, daysInclusive } from './period-days.js';

describe('daysInclusive', () => {
  it('counts 2011-03-01 .. 2011-08-31 as 184 days', () => {
    // Mar 31 + Apr 30 + May 31 + Jun 30 + Jul 31 + Aug 31 = 184
    expect(daysInclusive('2011-03-01', '2011-08-31')).toBe(184);
  });

  it('counts a single day as 1', () => {
    expect(daysInclusive('2011-08-31', '2011-08-31')).toBe(1);
  });

  it('counts a leap year as 366 and a common year as 365', () => {
    expect(daysInclusive('2012-01-01', '2012-12-31')).toBe(366);
    expect(daysInclusive('2011-01-01', '2011-12-31')).toBe(365);
  });

  it('is not thrown off by daylight saving (dates are UTC)', () => {
    expect(daysInclusive('2011-03-12', '2011-03-14')).toBe(3); // US DST began 2011-03-13
  });
});

describe('daysBetween', () => {
  it('excludes the end date', () => {
    expect(daysBetween('2011-03-01', '2011-03-08')).toBe(7);
    expect(daysBetween('2011-02-28', '2012-02-29')).toBe(366); // the fiscal year ending 2012-02-29
  });

  it('property: daysInclusive(a, b) = daysBetween(a, b) + 1', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(daysInclusive(a, b)).toBe(daysBetween(a, b) + 1);
      }),
    );
  });
});

describe('addYears', () => {
  it('moves 2012-02-29 + 1 year to 2013-02-28 (no 29 February in 2013)', () => {
    expect(addYears('2012-02-29', 1)).toBe('2013-02-28');
  });

  it('keeps 29 February when the target year is a leap year', () => {
    expect(addYears('2012-02-29', 4)).toBe('2016-02-29');
  });

  it('adds whole years to ordinary dates', () => {
    expect(addYears('2008-08-31', 3)).toBe('2011-08-31');
    expect(addYears('2011-08-31', -3)).toBe('2008-08-31');
  });
});
