import { describe, expect, it } from 'vitest';
import { knownKeysAt, nearestKey } from './schema-keys.js';

describe('knownKeysAt', () => {
  it("reads a mapping's keys from the schema, through lists and optional sections", () => {
    expect(knownKeysAt(['statements', 'operations', 'expenses'])).toContain('custodian_fees');
    expect(knownKeysAt(['preferred_shares', 'series', 0])).toContain('series');
    expect(knownKeysAt([])).toContain('board_review');
    expect(knownKeysAt(['no_such_section'])).toEqual([]);
  });
});

describe('nearestKey', () => {
  const expenses = ['statements', 'operations', 'expenses'];
  it('suggests the known key a typo is nearest to', () => {
    expect(nearestKey(expenses, 'custodain_fees')).toBe('custodian_fees');
    expect(nearestKey(expenses, 'custodian_fee')).toBe('custodian_fees');
    expect(nearestKey(expenses, 'advisory_fess')).toBe('advisory_fees');
    expect(nearestKey(expenses, 'ADVISORY_FEES')).toBe('advisory_fees');
  });

  it('suggests nothing for a key that is near no known one', () => {
    expect(nearestKey(expenses, 'lunch')).toBeUndefined();
    expect(nearestKey(['fund'], '__proto__')).toBeUndefined();
    expect(nearestKey(['schedule_of_investments', 'groups', 0, 'holdings', 0], '<<')).toBeUndefined();
  });
});
