import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcDate } from './utc-date.js';

describe('utcDate', () => {
  it('keeps years 0-99 as written (Date.UTC would make 0099 into 1999)', () => {
    expect(utcDate(99, 3, 1).toISOString()).toBe('0099-03-01T00:00:00.000Z');
    expect(utcDate(0, 2, 29).getUTCDate()).toBe(29); // year 0 is a leap year in the proleptic calendar
    expect(utcDate(2011, 8, 31).toISOString()).toBe('2011-08-31T00:00:00.000Z');
  });
  it('rolls over out-of-range days like Date.UTC: day 0 is the last day of the month before', () => {
    expect(utcDate(2012, 3, 0).getUTCDate()).toBe(29);
    expect(utcDate(2011, 2, 30).toISOString().slice(0, 10)).toBe('2011-03-02');
  });
  it('property: for years 100-9999 it agrees with Date.UTC', () => {
    fc.assert(fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 31 }), (y, m, d) => {
      expect(utcDate(y, m, d).getTime()).toBe(Date.UTC(y, m - 1, d));
    }));
  });
});
