import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { parseAmount, parsePercent } from '../load/scalars.js';
import { atStatedPrecision } from './stated-precision.js';

const stated = (text: string) => {
  const p = text.endsWith('%') ? parsePercent(text) : parseAmount(text);
  if (!p.ok) throw new Error(p.message);
  return p.value;
};
// 194,748,628 / 13,454,169 = 14.474965194...
const NAV = new Decimal('194748628').dividedBy('13454169');

describe('atStatedPrecision', () => {
  it('compares at the places written, trailing zeros included', () => {
    expect(atStatedPrecision(stated('14.47'), NAV)).toMatchObject({ places: 2, agrees: true });
    expect(atStatedPrecision(stated('14.4750'), NAV)).toMatchObject({ places: 4, agrees: true });
    expect(atStatedPrecision(stated('14.4751'), NAV)).toMatchObject({ places: 4, agrees: false });
    expect(atStatedPrecision(stated('14.4751'), NAV).computed.toFixed(4)).toBe('14.4750');
    expect(atStatedPrecision(stated('14.475'), NAV)).toMatchObject({ places: 3, agrees: true });
    expect(atStatedPrecision(stated('14'), NAV)).toMatchObject({ places: 0, agrees: true });
    expect(atStatedPrecision(stated('(14.47)'), NAV.negated())).toMatchObject({ places: 2, agrees: true });
  });

  it('a percent has two more places as a fraction: 0.78% to 0.0001, 0.781% to 0.00001, 236% to 0.01', () => {
    const exact = new Decimal('0.0078123');
    expect(atStatedPrecision(stated('0.78%'), exact)).toMatchObject({ places: 4, agrees: true });
    expect(atStatedPrecision(stated('0.781%'), exact)).toMatchObject({ places: 5, agrees: true });
    expect(atStatedPrecision(stated('0.782%'), exact)).toMatchObject({ places: 5, agrees: false });
    expect(atStatedPrecision(stated('236%'), new Decimal('2.362087'))).toMatchObject({ places: 2, agrees: true });
  });

  it('rounds half up, as the statements do', () => {
    expect(atStatedPrecision(stated('1.13'), new Decimal('1.125')).agrees).toBe(true);
    expect(atStatedPrecision(stated('1.12'), new Decimal('1.125')).agrees).toBe(false);
  });

  it('a figure not read from a file is compared at its own places', () => {
    expect(atStatedPrecision(new Decimal('14.5'), NAV)).toMatchObject({ places: 1, agrees: true });
  });
});
