// Parsers for the scalars of a fund file. Each takes the scalar's source text (the YAML loader runs with
// the failsafe schema, so every scalar arrives as the string the user typed) and returns a Decimal or a
// message. Nothing here ever goes through a JS double.
import { Decimal, withStatedPlaces } from '../decimal.js';
import { utcDate } from '../calc/utc-date.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The marker `fundbook roll-forward` leaves where the next period's figure must be filled in. */
export const PLACEHOLDER = 'TO BE FILLED';

// 1234, 1,234, 1,234.56, .5 is rejected (write 0.5); commas must group by three.
const NUMBER = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

function parseNumberText(raw: string): Decimal | undefined {
  if (!NUMBER.test(raw)) return undefined;
  return new Decimal(raw.replaceAll(',', ''));
}

/** Places written after the decimal point: `14.50` has 2. */
const placesIn = (raw: string): number => raw.split('.')[1]?.length ?? 0;

/** Strip an optional `$`, a leading minus or accounting parentheses; say whether it was negative. */
function signAndBody(text: string): { negative: boolean; body: string } | undefined {
  let s = text.trim();
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('$')) s = s.slice(1).trim();
  if (s.startsWith('-')) {
    if (negative) return undefined;
    negative = true;
    s = s.slice(1).trim();
  }
  if (s.startsWith('$')) s = s.slice(1).trim();
  return { negative, body: s };
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

function placeholder(text: string): Parsed<never> | undefined {
  return text.trim() === PLACEHOLDER ? { ok: false, message: 'to be filled' } : undefined;
}

const AMOUNT_LOOKS_LIKE = 'an amount is digits with commas by thousands, e.g. 1,234,567, 14.47, -5 or (2,977,286)';

/** A money amount or other signed decimal: `1,234.56`, `(2,977,286)`, `-5`, `$ 14.47`. */
export function parseAmount(text: string): Parsed<Decimal> {
  const blank = placeholder(text);
  if (blank) return blank;
  if (/%\s*\)?$/.test(text.trim())) {
    return { ok: false, message: `${quoted(text)} is not an amount (it is a percent)` };
  }
  const parts = signAndBody(text);
  const value = parts && parseNumberText(parts.body);
  if (!parts || !value) return { ok: false, message: `${quoted(text)} is not an amount (${AMOUNT_LOOKS_LIKE})` };
  return { ok: true, value: withStatedPlaces(parts.negative ? value.negated() : value, placesIn(parts.body)) };
}

/** A non-negative whole count of shares or votes: `13,454,169`. */
export function parseCount(text: string): Parsed<Decimal> {
  const amount = parseAmount(text);
  if (!amount.ok) {
    return amount.message === 'to be filled' ? amount : { ok: false, message: `${quoted(text)} is not a whole number` };
  }
  if (amount.value.isNegative()) return { ok: false, message: `${quoted(text)} must not be negative` };
  if (!amount.value.isInteger()) return { ok: false, message: `${quoted(text)} is not a whole number` };
  return amount;
}

/**
 * A percent, written with its % sign: `0.27%`, `(18.33)%`, `(6.78%)`, `-2.00%`. The value is the
 * fraction (0.27% -> 0.0027). A bare number is refused: 0.27 and 0.0027 are both plausible rates.
 */
export function parsePercent(text: string): Parsed<Decimal> {
  const blank = placeholder(text);
  if (blank) return blank;
  let s = text.trim();
  // (18.33)% and (18.33%) are both accounting negatives.
  const accounting = /^\((.*)\)%$/.exec(s);
  if (accounting) s = `(${accounting[1]}%)`;
  const parts = signAndBody(s);
  if (!parts || !parts.body.endsWith('%')) {
    return { ok: false, message: `${quoted(text)} is not a percent (write it with a % sign, e.g. 0.27%)` };
  }
  const body = parts.body.slice(0, -1).trim();
  const value = parseNumberText(body);
  if (!value) return { ok: false, message: `${quoted(text)} is not a percent` };
  const fraction = value.dividedBy(100);
  // As a fraction the figure has two more places than the percent it was written as (0.27% = 0.0027).
  return { ok: true, value: withStatedPlaces(parts.negative ? fraction.negated() : fraction, placesIn(body) + 2) };
}

/** A calendar date written YYYY-MM-DD that exists (2011-02-30 does not). */
export function parseDate(text: string): Parsed<string> {
  const blank = placeholder(text);
  if (blank) return blank;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return { ok: false, message: `${quoted(text)} is not a date (write YYYY-MM-DD)` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = utcDate(year, month, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, message: `${quoted(text)} is not a date that exists` };
  }
  return { ok: true, value: text.trim() };
}
