// The review file (`<period-end>.review.yaml` beside a fund-period file), as a zod schema: which
// findings a reviewer accepted and why, and who signed the period off against which data. Strict like
// the fund file: an unknown key is an error, so a misspelt `reson:` cannot pass as a reason.
import * as z from 'zod';
import { date, text } from '../load/fields.js';

const obj = z.strictObject;

const ROLES = ['preparer', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const Acknowledgement = obj({
  /** The finding's code, as `fundbook check` prints it. */
  code: z.string({ error: 'expected a single value' }).regex(/^[A-Z][A-Z0-9_]*$/, 'a finding code is upper-case letters, digits and underscores (as `fundbook check` prints it)'),
  /** The finding's field path, as `fundbook check` prints it (performance.market_discount). */
  path: z.string({ error: 'expected a single value' }),
  reason: text,
  by: text,
  on: date,
});

export const Signoff = obj({
  role: z.enum(ROLES),
  by: text,
  on: date,
  data_sha256: z.string({ error: 'expected a single value' }).regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits'),
});

/** Names compare without regard to case or runs of spaces: "A. Reviewer" is "a.  reviewer". */
export const samePerson = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** A list that may be left empty (`acknowledged:` with nothing after it) or out. */
const listOf = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === '' || v === undefined ? [] : v), z.array(item));

export const ReviewSchema = obj({
  fundbook_review: z.literal('1', { error: (issue) => `${JSON.stringify(String(issue.input ?? ''))} is not a review-file format this fundbook reads (write fundbook_review: 1)` }),
  acknowledged: listOf(Acknowledgement),
  signoffs: listOf(Signoff),
}).superRefine((review, ctx) => {
  const seen = new Set<string>();
  review.acknowledged.forEach((a, i) => {
    const key = `${a.code} ${a.path}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['acknowledged', i], message: `${a.code} at ${a.path || '(no path)'} is acknowledged twice`, input: a });
    seen.add(key);
  });
  const byRole = new Map<Role, string>();
  review.signoffs.forEach((s, i) => {
    if (byRole.has(s.role)) ctx.addIssue({ code: 'custom', path: ['signoffs', i, 'role'], message: `a second ${s.role} sign-off (a period has one of each)`, input: s.role });
    const other = byRole.get(s.role === 'preparer' ? 'reviewer' : 'preparer');
    if (other !== undefined && samePerson(other, s.by)) {
      ctx.addIssue({ code: 'custom', path: ['signoffs', i, 'by'], message: `${s.by} cannot sign as both preparer and reviewer`, input: s.by });
    }
    byRole.set(s.role, s.by);
  });
});

export type Review = z.output<typeof ReviewSchema>;
export type Acknowledgement = z.output<typeof Acknowledgement>;
export type Signoff = z.output<typeof Signoff>;

export const EMPTY_REVIEW: Review = { fundbook_review: '1', acknowledged: [], signoffs: [] };
