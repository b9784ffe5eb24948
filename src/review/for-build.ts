// The review as a build needs it: the status (DRAFT or signed), the DRAFT view the templates print, what
// `build --final` refuses with, and the record manifest.json keeps.
import { basename } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostic.js';
import type { Locator } from '../load/locate.js';
import { draftView, type DraftView } from '../view/draft-view.js';
import { loadReviewFor, sha256OfFile } from './review-file.js';
import type { Signoff } from './schema.js';
import { reviewStatus, type ReviewStatus } from './status.js';

interface ReviewForBuild {
  status: ReviewStatus;
  /** Undefined when signed and current: no DRAFT mark, no open-items page. */
  draft?: DraftView;
  /** The review file's name and sha256 (empty when there is none). */
  file?: { file: string; sha256: string };
}

/** Load the review file beside `input` and judge it against the findings; a malformed file is an error. */
export function reviewForBuild(input: string, findings: readonly Diagnostic[], locate: Locator): ReviewForBuild | { problems: string[] } {
  const review = loadReviewFor(input);
  if (!review.data) return { problems: review.problems.map(formatDiagnostic) };
  const status = reviewStatus(findings, review.data, sha256OfFile(input));
  return { status, draft: draftView(status, locate), file: review.exists ? { file: basename(review.file), sha256: sha256OfFile(review.file) } : undefined };
}

/** Why `build --final` refuses a fund-period: one line per thing missing. */
export function notFinal(input: string, status: ReviewStatus): string[] {
  return status.missing.map((m) => `${input}: not final: ${m}`);
}

export interface ManifestReview {
  /** Signed off by a current preparer and reviewer, nothing open: the documents carry no DRAFT mark. */
  final: boolean;
  /** The review file the build read, with its sha256; absent when there was none. */
  record?: { file: string; sha256: string };
  open: number;
  acknowledged: number;
  /** Each sign-off: role, who, when, the data sha256 it covered, and whether that is the data built. */
  signoffs: (Signoff & { current: boolean })[];
}

export function manifestReview(review: ReviewForBuild): ManifestReview {
  const { status } = review;
  const signoffs = [status.preparer, status.reviewer].flatMap((s) => (s ? [{ role: s.role, by: s.by, on: s.on, data_sha256: s.data_sha256, current: s.current }] : []));
  return { final: status.signed, record: review.file, open: status.open.length, acknowledged: status.acknowledged.length, signoffs };
}
