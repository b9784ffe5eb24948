import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { amount, standing, text } from './fields.js';
import { fieldKindAt, knownKeysAt, nearestKey } from './schema-keys.js';

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

describe('fieldKindAt', () => {
  it("reads a field's kind from the builder it was made with, through lists and optional sections", () => {
    expect(fieldKindAt(['statements', 'assets_and_liabilities', 'net_assets'])).toBe('period');
    expect(fieldKindAt(['schedule_of_investments', 'groups', 3, 'holdings', 0, 'value'])).toBe('period');
    expect(fieldKindAt(['schedule_of_investments', 'groups', 3, 'holdings', 0, 'issuer'])).toBe('descriptive');
    expect(fieldKindAt(['period', 'label'])).toBe('period');
    expect(fieldKindAt(['statements', 'changes_in_net_assets', 1, 'label'])).toBe('period');
    expect(fieldKindAt(['statements', 'cash_flows', 'adjustments', 0, 'label'])).toBe('descriptive');
    // An enum or an id is marked nothing: not a figure.
    expect(fieldKindAt(['fund', 'id'])).toBeUndefined();
    expect(fieldKindAt(['no_such_section', 'x'])).toBeUndefined();
  });

  it('a field or section marked standing is standing, whatever the builders inside it', () => {
    expect(fieldKindAt(['schedule_of_investments', 'groups', 0, 'holdings', 0, 'maturity'])).toBe('standing');
    expect(fieldKindAt(['agreements', 'advisory', 'schedule', 1, 'rate'])).toBe('standing');
    expect(fieldKindAt(['agreements', 'expense_limitation', 'prior_waivers', 0, 'amount'])).toBe('standing');
    expect(fieldKindAt(['agreements', 'advisory', 'average_base', 'net_assets'])).toBe('period');
  });

  it('follows the schema it is given: the outermost mark decides', () => {
    const inner = z.strictObject({ fee: amount, name: text });
    const root = z.strictObject({ figures: inner, terms: standing(inner).optional() });
    expect(fieldKindAt(['figures', 'fee'], root)).toBe('period');
    expect(fieldKindAt(['figures', 'name'], root)).toBe('descriptive');
    expect(fieldKindAt(['terms', 'fee'], root)).toBe('standing');
    // Marking a copy leaves the builder it was made from as it was.
    expect(fieldKindAt(['fee'], inner)).toBe('period');
  });
});
