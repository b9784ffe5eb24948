import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../decimal.js';
import { fmtMoney } from '../calc/workings-format.js';
import { PLACEHOLDER, parseAmount, parseCount, parseDate, parsePercent, type Parsed } from './scalars.js';

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value, got: ${parsed.message}`);
  return parsed.value;
}

function message<T>(parsed: Parsed<T>): string {
  if (parsed.ok) throw new Error(`expected a rejection, got ${String(parsed.value)}`);
  return parsed.message;
}

/** Integer cents -> "1,234,567.89" (commas every three digits), sign written by `style`. */
function formatCents(cents: bigint, style: 'minus' | 'parens' | 'dollar'): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % 100n).toString().padStart(2, '0');
  const body = `${whole}.${frac}`;
  if (!negative) return style === 'dollar' ? `$ ${body}` : body;
  if (style === 'parens') return `(${body})`;
  if (style === 'dollar') return `-$${body}`;
  return `-${body}`;
}

const centsToDecimal = (cents: bigint) => new Decimal(cents.toString()).dividedBy(100);

describe('parseAmount', () => {
  it('reads grouped amounts with decimals', () => {
    expect(value(parseAmount('1,234.56')).equals(new Decimal('1234.56'))).toBe(true); // 1,234.56 = 1234.56
  });

  it('reads accounting parentheses as negative', () => {
    expect(value(parseAmount('(2,977,286)')).equals(new Decimal('-2977286'))).toBe(true); // (2,977,286) = -2,977,286
  });

  it('reads a leading minus', () => {
    expect(value(parseAmount('-5')).equals(new Decimal('-5'))).toBe(true); // -5
  });

  it('strips a dollar sign and the space after it', () => {
    expect(value(parseAmount('$ 14.47')).toString()).toBe('14.47'); // $ 14.47 = 14.47
  });

  it('reads 0.1 exactly (no binary floating point on the way)', () => {
    const v = value(parseAmount('0.1'));
    expect(v.equals(new Decimal('0.1'))).toBe(true);
    expect(v.toString()).toBe('0.1');
    // 0.1 + 0.2 is exactly 0.3 in Decimal (it is 0.30000000000000004 in a double).
    expect(v.plus(value(parseAmount('0.2'))).toString()).toBe('0.3');
  });

  it('keeps every digit of a large amount', () => {
    // 12,345,678,901,234,567.89 has 19 significant digits: more than a double holds.
    expect(value(parseAmount('12,345,678,901,234,567.89')).toString()).toBe('12345678901234567.89');
  });

  it.each(['37x455', '1,23', '1.2.3', '', '0.27%', '.5', '1,2345', '12,34,567', '(-5)', '--5', '1 234'])('rejects %j', (text) => {
    expect(parseAmount(text).ok).toBe(false);
  });

  it('says a percent is a percent', () => {
    expect(message(parseAmount('0.27%'))).toBe('"0.27%" is not an amount (it is a percent)');
  });

  it('names the offending text', () => {
    expect(message(parseAmount('37x455'))).toBe('"37x455" is not an amount (an amount is digits with commas by thousands, e.g. 1,234,567, 14.47, -5 or (2,977,286))');
  });

  it('reports the roll-forward placeholder as to be filled', () => {
    expect(message(parseAmount(PLACEHOLDER))).toBe('to be filled');
  });

  it('property: integer cents formatted with commas parse back to the same Decimal', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }),
        fc.constantFrom('minus' as const, 'parens' as const, 'dollar' as const),
        (cents, style) => {
          const text = formatCents(cents, style);
          const parsed = parseAmount(text);
          expect(parsed.ok).toBe(true);
          expect(value(parsed).equals(centsToDecimal(cents))).toBe(true);
        },
      ),
    );
  });

  it('property: the workings formatter (fmtMoney, parentheses for negatives) round-trips through parseAmount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
        const amount = centsToDecimal(cents);
        expect(value(parseAmount(fmtMoney(amount, 2))).equals(amount)).toBe(true);
      }),
    );
  });
});

describe('parseCount', () => {
  it('reads a grouped whole number', () => {
    expect(value(parseCount('13,454,169')).toString()).toBe('13454169');
  });

  it('rejects a negative count', () => {
    expect(message(parseCount('-1'))).toBe('"-1" must not be negative');
    expect(message(parseCount('(1)'))).toContain('must not be negative');
  });

  it('rejects a fraction', () => {
    expect(message(parseCount('1.5'))).toBe('"1.5" is not a whole number');
  });

  it('rejects text that is not a number at all as not a whole number', () => {
    expect(message(parseCount('abc'))).toBe('"abc" is not a whole number');
  });

  it('accepts 1.0 as the whole number 1', () => {
    expect(value(parseCount('1.0')).equals(new Decimal(1))).toBe(true);
  });

  it('passes the placeholder through as to be filled', () => {
    expect(message(parseCount(PLACEHOLDER))).toBe('to be filled');
  });
});

describe('parsePercent', () => {
  it('reads 0.27% as the fraction 0.0027', () => {
    expect(value(parsePercent('0.27%')).equals(new Decimal('0.0027'))).toBe(true); // 0.27 / 100
  });

  it('reads (18.33)% as -0.1833', () => {
    expect(value(parsePercent('(18.33)%')).equals(new Decimal('-0.1833'))).toBe(true); // -(18.33 / 100)
  });

  it('reads (6.78%) as -0.0678', () => {
    expect(value(parsePercent('(6.78%)')).equals(new Decimal('-0.0678'))).toBe(true); // -(6.78 / 100)
  });

  it('reads -2.00% as -0.02', () => {
    expect(value(parsePercent('-2.00%')).equals(new Decimal('-0.02'))).toBe(true);
  });

  it('reads 454% as 4.54', () => {
    expect(value(parsePercent('454%')).equals(new Decimal('4.54'))).toBe(true);
  });

  it('refuses a bare number: 0.27 and 0.0027 are both plausible rates', () => {
    expect(message(parsePercent('0.27'))).toContain('is not a percent (write it with a % sign');
  });

  it.each(['', '%', 'x%', '1.2.3%', '0.27%%', '.27%'])('rejects %j', (text) => {
    expect(parsePercent(text).ok).toBe(false);
  });

  it('property: integer basis points written as a percent parse to bp / 10,000 exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (bp) => {
        const abs = Math.abs(bp);
        const text = `${bp < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
        expect(value(parsePercent(text)).equals(new Decimal(bp).dividedBy(10_000))).toBe(true);
      }),
    );
  });
});

describe('parseDate', () => {
  it('accepts a real date', () => {
    expect(value(parseDate('2011-08-31'))).toBe('2011-08-31');
    expect(value(parseDate('2012-02-29'))).toBe('2012-02-29'); // 2012 is a leap year
  });

  it('rejects a date that does not exist', () => {
    expect(message(parseDate('2011-02-30'))).toBe('"2011-02-30" is not a date that exists');
    expect(parseDate('2011-02-29').ok).toBe(false); // 2011 is not a leap year
    expect(parseDate('2011-13-01').ok).toBe(false);
  });

  it('rejects a date without two-digit month and day', () => {
    expect(message(parseDate('2011-2-3'))).toBe('"2011-2-3" is not a date (write YYYY-MM-DD)');
  });

  it('rejects other spellings', () => {
    expect(parseDate('08/31/2011').ok).toBe(false);
    expect(parseDate('').ok).toBe(false);
  });
});

describe('parseDate, years before 100', () => {
  it('reads a four-digit year as written: 0099-03-01 exists, 0099-02-29 does not (99 is not a leap year)', () => {
    expect(parseDate('0099-03-01')).toEqual({ ok: true, value: '0099-03-01' });
    expect(parseDate('0096-02-29')).toEqual({ ok: true, value: '0096-02-29' });
    expect(parseDate('0099-02-29')).toEqual({ ok: false, message: '"0099-02-29" is not a date that exists' });
  });
});
