// Zod field types for the scalars of a fund file: the schema is the type, and each field's output
// type is what the calculators receive (Decimal for money, counts and rates; ISO strings for dates).
import * as z from 'zod';
import type { Decimal } from '../decimal.js';
import { PLACEHOLDER, parseAmount, parseCount, parseDate, parsePercent, type Parsed } from './scalars.js';

function fromText<T>(parse: (text: string) => Parsed<T>) {
  return z.string({ error: 'expected a single value' }).transform((text, ctx) => {
    const parsed = parse(text);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.message, input: text });
    return z.NEVER;
  });
}

export const amount = fromText(parseAmount);
export const count = fromText(parseCount);
export const percent = fromText(parsePercent);
/** A count that may be written `unknown` (null): a figure the filing does not state. */
export const countOrUnknown = fromText<Decimal | null>((t) => (t.trim() === 'unknown' ? { ok: true, value: null } : parseCount(t)));
export const date = fromText(parseDate);
export const text = z.string({ error: 'expected text' }).min(1, 'must not be empty').refine((s) => s.trim() !== PLACEHOLDER, 'to be filled');
export const flag = z.enum(['true', 'false'], { error: 'expected true or false' }).transform((s) => s === 'true');
/** Footnote marks such as [a, d]. */
export const marks = z.array(z.string().regex(/^[a-z]{1,2}$|^[A-Z]$|^\d$/, 'a footnote mark is a letter')).optional();
/** A small whole number that is not money (a proposal number, a note number, a year count). */
export const ordinal = z.string().regex(/^\d{1,4}$/, 'expected a whole number').transform((s) => Number(s));
