// Where a period's review stands: which findings are open and which acknowledged, which review entries
// no longer apply, and whether a current preparer and reviewer have signed. Pure: the findings, the
// review file's contents and the data file's sha256 in, the status out.
import type { Diagnostic } from '../diagnostic.js';
import { formatPath, type DataPath } from '../load/locate.js';
import type { Acknowledgement, Review, Role, Signoff } from './schema.js';

/** A finding: one of the calculators' diagnostics. */
type Finding = Diagnostic;

/** Something wrong with the review record itself, a diagnostic whose `path` points into the review file. */
interface ReviewIssue extends Diagnostic {
  severity: 'error' | 'warning';
  code: 'REVIEW_ACK_ERROR' | 'REVIEW_ACK_STALE' | 'REVIEW_SIGNOFF_STALE';
  path: DataPath;
}

interface SignoffStatus extends Signoff {
  /** The sign-off covered the data as it is now (its sha256 matches). */
  current: boolean;
}

export interface ReviewStatus {
  /** Errors and warnings not settled: errors always, warnings until acknowledged. */
  open: Finding[];
  acknowledged: { finding: Finding; ack: Acknowledgement }[];
  issues: ReviewIssue[];
  preparer?: SignoffStatus;
  reviewer?: SignoffStatus;
  /** A current preparer and reviewer sign-off, nothing open, no issue with the record. */
  signed: boolean;
  /** What stands between the period and `signed`, in words, for `check` and `build --final`. */
  missing: string[];
}

/** A finding and an acknowledgement match on code and field path, as `fundbook check` prints them. */
export const findingKey = (code: string, path: string) => `${code} ${path}`;
export const keyOfFinding = (f: Finding) => findingKey(f.code, formatPath(f.path ?? []));

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Which findings stand open: the same rule `reviewStatus` applies, for a caller with no review yet. */
const needsReview = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

export function reviewStatus(findings: readonly Finding[], review: Review, dataSha256: string): ReviewStatus {
  const relevant = findings.filter(needsReview);
  const byKey = new Map<string, Finding[]>();
  for (const f of relevant) byKey.set(keyOfFinding(f), [...(byKey.get(keyOfFinding(f)) ?? []), f]);

  const issues: ReviewIssue[] = [];
  const settled = new Map<Finding, Acknowledgement>();
  review.acknowledged.forEach((ack, i) => {
    const matches = byKey.get(findingKey(ack.code, ack.path)) ?? [];
    const where = `${ack.code} at ${ack.path || '(no path)'}`;
    if (matches.length === 0) {
      issues.push({ severity: 'warning', code: 'REVIEW_ACK_STALE', path: ['acknowledged', i], message: `acknowledgement of ${where} matches no current finding: remove it from the review file` });
    } else if (matches.some((f) => f.severity === 'error')) {
      issues.push({ severity: 'error', code: 'REVIEW_ACK_ERROR', path: ['acknowledged', i], message: `${where} is an error, which cannot be acknowledged: correct the data` });
    } else {
      for (const f of matches) settled.set(f, ack);
    }
  });

  const signoff = (role: Role): SignoffStatus | undefined => {
    const i = review.signoffs.findIndex((s) => s.role === role);
    if (i < 0) return undefined;
    const s = review.signoffs[i]!;
    const current = s.data_sha256 === dataSha256;
    if (!current) {
      issues.push({ severity: 'warning', code: 'REVIEW_SIGNOFF_STALE', path: ['signoffs', i, 'data_sha256'], message: `the ${role} sign-off by ${s.by} on ${s.on} is stale: it covered data sha256 ${s.data_sha256.slice(0, 12)}..., the data file is now ${dataSha256.slice(0, 12)}...` });
    }
    return { ...s, current };
  };
  const preparer = signoff('preparer');
  const reviewer = signoff('reviewer');

  const open = relevant.filter((f) => !settled.has(f));
  const acknowledged = relevant.filter((f) => settled.has(f)).map((finding) => ({ finding, ack: settled.get(finding)! }));
  const missing: string[] = [];
  if (open.length > 0) missing.push(`${plural(open.length, 'open finding')} (correct the data, or acknowledge each with a reason)`);
  const staleAcks = issues.filter((i) => i.code === 'REVIEW_ACK_STALE').length;
  if (staleAcks > 0) missing.push(plural(staleAcks, 'stale acknowledgement'));
  const badAcks = issues.filter((i) => i.code === 'REVIEW_ACK_ERROR').length;
  if (badAcks > 0) missing.push(`${plural(badAcks, 'acknowledgement')} of an error`);
  for (const [role, s] of [['preparer', preparer], ['reviewer', reviewer]] as const) {
    if (!s) missing.push(`no ${role} sign-off`);
    else if (!s.current) missing.push(`the ${role} sign-off (${s.by}, ${s.on}) is stale: the data changed after it`);
  }
  return { open, acknowledged, issues, preparer, reviewer, signed: missing.length === 0, missing };
}

/** "signed: preparer P. Preparer (2011-10-21), reviewer A. Reviewer (2011-10-22)", or what is missing. */
export function signedLine(status: ReviewStatus): string {
  if (status.signed) return `signed: preparer ${status.preparer!.by} (${status.preparer!.on}), reviewer ${status.reviewer!.by} (${status.reviewer!.on})`;
  return `not signed: ${status.missing.join('; ')}`;
}
