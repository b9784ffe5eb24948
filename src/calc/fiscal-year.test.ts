import { describe, it, expect } from 'vitest';
import { daysInFiscalYear, fiscalYearEndFor, fiscalYearStartFor } from './fiscal-year.js';

describe('fiscalYearEndFor', () => {
  it('finds the fiscal year end on or after the period end', () => {
    expect(fiscalYearEndFor('2011-08-31', '02-28')).toBe('2012-02-29'); // 2012 is a leap year: February ends on the 29th
    expect(fiscalYearEndFor('2010-08-31', '02-28')).toBe('2011-02-28');
    expect(fiscalYearEndFor('2011-02-28', '02-28')).toBe('2011-02-28'); // a period ending on the year end is in that year
    expect(fiscalYearEndFor('2012-02-28', '02-28')).toBe('2012-02-29'); // 28 Feb 2012 is one day before that year's end
    expect(fiscalYearEndFor('2011-08-31', '10-31')).toBe('2011-10-31');
  });
});

describe('daysInFiscalYear', () => {
  it('gives 366 for the IQM period ending 2011-08-31 (the fiscal year ending 2012-02-29)', () => {
    // 2011-03-01 .. 2012-02-29 = 366 days (it contains 29 February 2012)
    expect(daysInFiscalYear('2011-08-31', '02-28')).toBe(366);
  });

  it('gives 365 for a period ending 2010-08-31 (the fiscal year ending 2011-02-28)', () => {
    // 2010-03-01 .. 2011-02-28 = 365 days
    expect(daysInFiscalYear('2010-08-31', '02-28')).toBe(365);
  });

  it('gives 365 for the fiscal year that starts the day after 29 February', () => {
    // 2012-03-01 .. 2013-02-28 = 365 days
    expect(daysInFiscalYear('2012-08-31', '02-28')).toBe(365);
  });

  it('handles a calendar fiscal year', () => {
    expect(daysInFiscalYear('2012-06-30', '12-31')).toBe(366);
    expect(daysInFiscalYear('2011-06-30', '12-31')).toBe(365);
  });
});

describe('fiscal years before the year 1000', () => {
  it('keeps four-digit years: the fiscal year ending 0100-02-28 has 365 days and starts 0099-03-01', () => {
    expect(fiscalYearEndFor('0099-08-31', '02-28')).toBe('0100-02-28');
    expect(daysInFiscalYear('0099-08-31', '02-28')).toBe(365);
    expect(fiscalYearStartFor('0099-08-31', '02-28')).toBe('0099-03-01');
  });
});
