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

/**
 * What a field holds, for the one decision that needs it (roll-forward's carry or fill): `period` is a
 * figure of the period (an amount, a count, a rate, a date, a label naming the period), to be filled in
 * the next period's file; `standing` is a figure that stands until an agreement, a security's terms or a
 * policy changes it (a fee rate, a par value, a bond's maturity), carried; `descriptive` is text, a mark
 * or a flag, carried. Each field builder below carries its kind; the schema marks `standing` where it
 * uses a figure builder for a term, on the field or on a whole section.
 */
export type FieldKind = 'period' | 'standing' | 'descriptive';
export const fieldKinds = z.registry<{ kind: FieldKind }>();

/** `schema` marked with `kind` (a copy, so the builder it was made from keeps its own kind). */
function kind<T extends z.ZodType>(schema: T, k: FieldKind): T {
  const marked = schema.clone() as T;
  fieldKinds.add(marked, { kind: k });
  return marked;
}

/** A field (or a whole section) whose figures stand from period to period: see FieldKind. */
export const standing = <T extends z.ZodType>(schema: T): T => kind(schema, 'standing');

export const amount = kind(fromText(parseAmount), 'period');
export const count = kind(fromText(parseCount), 'period');
export const percent = kind(fromText(parsePercent), 'period');
/** A count that may be written `unknown` (null): a figure the filing does not state. */
export const countOrUnknown = kind(fromText<Decimal | null>((t) => (t.trim() === 'unknown' ? { ok: true, value: null } : parseCount(t))), 'period');
export const date = kind(fromText(parseDate), 'period');
export const text = kind(z.string({ error: 'expected text' }).min(1, 'must not be empty').refine((s) => s.trim() !== PLACEHOLDER, 'to be filled'), 'descriptive');
/** Text that names the period ("Six months ended August 31, 2011"): new each period, like its figures. */
export const periodText = kind(text, 'period');
export const flag = kind(z.enum(['true', 'false'], { error: 'expected true or false' }).transform((s) => s === 'true'), 'descriptive');
/** Footnote marks such as [a, d]. */
export const marks = kind(z.array(z.string().regex(/^[a-z]{1,2}$|^[A-Z]$|^\d$/, 'a footnote mark is a letter')), 'descriptive').optional();
/** A small whole number that is not money (a proposal number, a note number, a year count). */
export const ordinal = kind(z.string().regex(/^\d{1,4}$/, 'expected a whole number').transform((s) => Number(s)), 'descriptive');
