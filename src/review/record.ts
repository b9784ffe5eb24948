// `fundbook acknowledge` and `fundbook sign`: put a reviewer's decision on the record. Each loads the
// data and its review file, refuses what the four-eyes rule does not allow, and otherwise adds one entry
// to the review file.
import { formatDiagnostic, locateAll, type Diagnostic } from '../diagnostic.js';
import type { LoadedFund } from '../load/load-fund.js';
import { findingsToReview, validateInput } from '../pipeline/validated.js';
import { formatPath } from '../load/locate.js';
import { loadReviewFor, sha256OfFile, writeReviewEdit, type LoadedReview } from './review-file.js';
import { Acknowledgement, samePerson, Signoff, type Role } from './schema.js';
import { findingKey, keyOfFinding, reviewStatus } from './status.js';

interface RecordOutcome {
  ok: boolean;
  /** What was written, or why nothing was. */
  lines: string[];
}

const refuse = (...lines: string[]): RecordOutcome => ({ ok: false, lines });

interface Loaded {
  fund: LoadedFund;
  /** Located: each finding knows its file:line:col. */
  findings: Diagnostic[];
  review: LoadedReview;
}

/** The data (without errors of loading) and its review file (without problems), or why not. */
function loadBoth(dataFile: string): Loaded | RecordOutcome {
  // A meeting file's record settles the board review's findings; its fund period has its own record.
  const validated = validateInput(dataFile);
  const fund = validated.loaded;
  if (!fund.fund || !validated.figures) return refuse(...validated.errors);
  const review = loadReviewFor(dataFile);
  if (!review.data) return refuse(...review.problems.map(formatDiagnostic));
  return { fund, findings: locateAll(findingsToReview(dataFile, validated), fund.locate), review };
}

/** The first zod message for an entry, with its field: "on: "x" is not a date (write YYYY-MM-DD)". */
function invalidEntry(result: { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): string {
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  return `${field === 'by' ? '--by' : field === 'reason' ? '--reason' : field === 'on' ? '--on' : field}: ${issue.message}`;
}

export function acknowledge(dataFile: string, code: string, path: string, opts: { by: string; reason: string; on: string }): RecordOutcome {
  const loaded = loadBoth(dataFile);
  if ('ok' in loaded) return loaded;
  const entry = Acknowledgement.safeParse({ code, path, reason: opts.reason, by: opts.by, on: opts.on });
  if (!entry.success) return refuse(invalidEntry(entry));
  const key = findingKey(code, path);
  const matches = loaded.findings.filter((f) => keyOfFinding(f) === key);
  const shown = `${code} at ${path || '(no path)'}`;
  if (matches.length === 0) {
    const sameCode = loaded.findings.filter((f) => f.code === code).map((f) => formatPath(f.path ?? []));
    return refuse(`${dataFile}: no current finding ${shown}${sameCode.length > 0 ? `; ${code} is found at ${sameCode.join(', ')}` : ''} (\`fundbook check\` lists the findings)`);
  }
  const error = matches.find((f) => f.severity === 'error');
  if (error) return refuse(formatDiagnostic(error), `an error cannot be acknowledged: correct the data`);
  const review = loaded.review.data!;
  if (review.acknowledged.some((a) => findingKey(a.code, a.path) === key)) {
    return refuse(`${loaded.review.file}: ${shown} is already acknowledged`);
  }
  const file = writeReviewEdit(dataFile, { add: 'acknowledged', entry: entry.data });
  return { ok: true, lines: [`${file}: acknowledged ${shown} (by ${entry.data.by} on ${entry.data.on})`] };
}

export function sign(dataFile: string, role: Role, opts: { by: string; on: string }): RecordOutcome {
  const loaded = loadBoth(dataFile);
  if ('ok' in loaded) return loaded;
  const dataSha256 = sha256OfFile(dataFile);
  const entry = Signoff.safeParse({ role, by: opts.by, on: opts.on, data_sha256: dataSha256 });
  if (!entry.success) return refuse(invalidEntry(entry));
  const review = loaded.review.data!;
  const status = reviewStatus(loaded.findings, review, dataSha256);

  if (status.open.length > 0) {
    return refuse(
      ...status.open.map(formatDiagnostic),
      `${dataFile}: cannot sign while ${status.open.length} finding${status.open.length === 1 ? ' is' : 's are'} open: correct the data, or \`fundbook acknowledge\` a warning with a reason`,
    );
  }
  const recordIssues = status.issues.filter((i) => i.code !== 'REVIEW_SIGNOFF_STALE');
  if (recordIssues.length > 0) {
    return refuse(...locateAll(recordIssues, loaded.review.locate).map(formatDiagnostic), `${loaded.review.file}: cannot sign until the review record is put right`);
  }
  const other = role === 'preparer' ? status.reviewer : status.preparer;
  if (other && samePerson(other.by, opts.by)) {
    return refuse(`${dataFile}: ${other.by} signed as ${other.role}; the ${role} must be someone else (four-eyes rule)`);
  }
  if (role === 'reviewer' && !status.preparer?.current) {
    return refuse(`${dataFile}: the preparer signs first; ${status.preparer ? 'the preparer sign-off is stale (the data changed after it)' : 'there is no preparer sign-off'}`);
  }
  const file = writeReviewEdit(dataFile, { add: 'signoffs', entry: entry.data });
  return { ok: true, lines: [`${file}: signed as ${role} by ${entry.data.by} on ${entry.data.on}, data sha256 ${dataSha256}`] };
}
