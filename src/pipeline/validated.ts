// The validation of an input, kept for the rest of the run. Each file is parsed once per run, by the
// one loader (load/load-fund.ts, the `yaml` library): a batch validates every input before its first
// print, and the loaded fund and its figures stay here, one entry a file with the sha256 of the bytes
// validated, for the prepare step (and a period diff) to use without parsing or calculating again. A file
// edited since it was validated has another sha256 and is loaded afresh, replacing its entry, so what
// prints is always what was validated and a long-lived process (the preview) keeps one entry a file.
import { createHash } from 'node:crypto';
import { computeFigures, withBoardReview, type Figures } from '../calc/compute.js';
import { bySource, formatDiagnostic, locateAll, type Diagnostic } from '../diagnostic.js';
import { forgetDocument, loadFundText, readFundSource, type LoadedFund } from '../load/load-fund.js';
import { isMeetingFile, loadMeetingFile, meetingLocator, MEETING_FILE, type LoadedMeeting } from '../load/load-meeting.js';
import type { Locator } from '../load/locate.js';
import { notFinal, reviewForBuild } from '../review/for-build.js';

interface Validated {
  loaded: LoadedFund;
  /** Present when the file loads (even with error findings: a diff still compares it). */
  figures?: Figures;
  /** Every error, formatted as `fundbook check` prints it; none means the file may be built. */
  errors: string[];
}

const kept = new Map<string, { sha256: string; validated: Validated }>();

// Whether a kept validation keeps its parsed YAML document too (for roll-forward, which edits a copy).
// A batch's preparing thread keeps every input's validation until its print and edits none: without the
// documents, what it holds per fund is the data, the figures and where each field stands.
let keepDocuments = true;
export function dropParsedDocuments(): void {
  keepDocuments = false;
}

/**
 * A meeting file (board/<meeting>.yaml): the fund period it draws on, validated through this run's cache
 * like any input, with the meeting's board review added to its figures. Diagnostics are located where
 * their field stands: the review's in the meeting file, the fund period's figures in the fund-period file.
 */
interface ValidatedMeeting extends Validated {
  meeting: LoadedMeeting;
  /** Where any field of the book stands (meetingLocator). */
  locate: Locator;
}

const keptMeetings = new Map<string, { sha256: string; validated: ValidatedMeeting; fund: Validated }>();

export function validateMeeting(file: string): ValidatedMeeting {
  const source = readFundSource(file, MEETING_FILE);
  const sha256 = 'text' in source ? createHash('sha256').update(source.text).digest('hex') : '';
  const earlier = keptMeetings.get(file);
  // The same meeting text drawing on the same validation of its fund period (a CSV is read afresh).
  if (earlier && earlier.sha256 === sha256 && earlier.validated.meeting.fund && validateInput(earlier.validated.meeting.fund.file) === earlier.fund) return earlier.validated;

  let fund: Validated | undefined;
  const meeting = loadMeetingFile(file, (path) => (fund = validateInput(path)).loaded);
  const errors = meeting.problems.filter((p) => p.severity === 'error').map(formatDiagnostic);
  if (fund) errors.push(...fund.errors);
  const fundLoaded = fund?.loaded;
  const locate = fundLoaded ? meetingLocator(meeting.locate, fundLoaded.locate) : meeting.locate;
  // Until the meeting and its fund period load cleanly, the loaded file is the meeting itself.
  const loaded: LoadedFund = meeting.review && fundLoaded?.fund ? { ...fundLoaded, file, locate, sha256: meeting.sha256 } : { file, problems: meeting.problems, locate: meeting.locate, sha256: meeting.sha256 };
  if (!meeting.review || !fund?.figures || !loaded.fund) return { meeting, locate, loaded, errors };
  // The core findings located in the fund-period file; the board review's where its fields stand.
  const core = { ...fund.figures, findings: locateAll(fund.figures.findings, fundLoaded!.locate) };
  const withBoard = withBoardReview(loaded.fund, meeting.review, core);
  const figures = { ...withBoard, findings: locateAll(withBoard.findings, locate) };
  for (const f of figures.findings.slice(core.findings.length)) if (f.severity === 'error') errors.push(formatDiagnostic(f));
  const validated = { meeting, locate, loaded, figures, errors };
  keptMeetings.set(file, { sha256, validated, fund });
  return validated;
}

/** Load and calculate `file` (or take the run's earlier validation of the same bytes). */
export function validateInput(file: string): Validated {
  if (isMeetingFile(file)) return validateMeeting(file);
  const source = readFundSource(file);
  if ('failed' in source) return { loaded: source.failed, errors: source.failed.problems.map(formatDiagnostic) };
  const sha256 = createHash('sha256').update(source.text).digest('hex');
  const earlier = kept.get(file);
  if (earlier && earlier.sha256 === sha256) return earlier.validated;

  const validated = validateText(source.text, file);
  if (!keepDocuments) forgetDocument(validated.loaded);
  // A refused file is kept too: a build after a check (or a second command in one process) reports
  // its errors without parsing it again.
  kept.set(file, { sha256, validated });
  return validated;
}

/**
 * A build's validation of `file`: validateInput's errors, then the review file beside it (its problems;
 * with `final`, what keeps the period from being signed off, docs/review.md).
 */
export function validateForBuild(file: string, final: boolean): { errors: string[] } {
  const validated = validateInput(file);
  if (validated.errors.length > 0 || !validated.figures) return { errors: validated.errors };
  const review = reviewForBuild(file, findingsToReview(file, validated), validated.loaded.locate);
  if ('problems' in review) return { errors: review.problems };
  return { errors: final ? notFinal(file, review.status) : [] };
}

/** The findings `file`'s review record settles: a meeting file's own (its fund period has its own record). */
export function findingsToReview(file: string, validated: Validated): Diagnostic[] {
  const findings = validated.figures?.findings ?? [];
  return 'meeting' in validated ? findings.filter((f) => f.location?.file === file) : findings;
}

/** Every diagnostic of a loaded file (its load problems, then its figures' findings), located and in source order. */
export function diagnosticsOf(loaded: LoadedFund, figures?: Figures): Diagnostic[] {
  return [...loaded.problems, ...locateAll(figures?.findings ?? [], loaded.locate)].sort(bySource);
}

/** Load and calculate YAML text standing for `file` (a period diff's partly filled period, filled in). */
export function validateText(text: string, file: string): Validated {
  const loaded = loadFundText(text, file);
  const figures = loaded.fund ? computeFigures(loaded.fund) : undefined;
  const errors = diagnosticsOf(loaded, figures).filter((d) => d.severity === 'error').map(formatDiagnostic);
  return { loaded, figures, errors };
}
