// `fundbook check`: load and compute each file, and describe every problem and finding as a line
// that names file, line, column and field.
import { computeFigures, type Figures } from './calc/compute.js';
import type { Finding } from './calc/finding.js';
import { formatPath } from './load/locate.js';
import { formatProblem, loadFundFile, type LoadedFund } from './load/load-fund.js';
import { isMeetingFile, loadMeetingFile } from './load/load-meeting.js';
import { calculateBoardReview } from './calc/board-review.js';

export interface Checked {
  loaded: LoadedFund;
  figures?: Figures;
  errors: number;
  warnings: number;
  lines: string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatFinding(loaded: LoadedFund, f: Finding): string {
  const where = f.path ? loaded.locate(f.path) : { file: loaded.file, line: 1, col: 1 };
  const path = f.path ? ` ${formatPath(f.path)}:` : '';
  return `${where.file}:${where.line}:${where.col}${path} ${f.severity} ${f.code}: ${f.message}`;
}

/**
 * A meeting file (board/<meeting>.yaml): its own problems and those of the fund period it draws on, then
 * the fund period's findings and the board's.
 */
function checkMeeting(file: string): Checked {
  const meeting = loadMeetingFile(file);
  const lines = meeting.problems.map(formatProblem);
  let errors = meeting.problems.filter((p) => p.severity === 'error').length;
  let warnings = meeting.problems.length - errors;
  const fundLoaded = meeting.fund;
  const asLoaded = { file, problems: meeting.problems, locate: meeting.locate, sha256: meeting.sha256 };
  if (!meeting.review || !fundLoaded?.fund) {
    lines.push(`${file}: not checked further (${plural(errors, 'error')})`);
    return { loaded: fundLoaded ?? asLoaded, errors, warnings, lines };
  }
  const figures = computeFigures(fundLoaded.fund);
  const board = calculateBoardReview(fundLoaded.fund, meeting.review, figures);
  const findings: [LoadedFund, Finding][] = [
    ...figures.findings.map((f): [LoadedFund, Finding] => [fundLoaded, f]),
    ...board.findings.map((f): [LoadedFund, Finding] => [String(f.path?.[0]) === 'board_review' ? asLoaded : fundLoaded, f]),
  ];
  for (const [where, f] of findings) {
    lines.push(formatFinding(where, f));
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  lines.push(`${file}: board book for the meeting of ${meeting.review.meeting.start}, drawing on ${fundLoaded.file}; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return { loaded: fundLoaded, figures, errors, warnings, lines };
}

export function checkFile(file: string): Checked {
  if (isMeetingFile(file)) return checkMeeting(file);
  const loaded = loadFundFile(file);
  const lines = loaded.problems.map(formatProblem);
  let errors = loaded.problems.filter((p) => p.severity === 'error').length;
  let warnings = loaded.problems.length - errors;
  const toFill = loaded.problems.filter((p) => p.kind === 'to-be-filled').length;
  if (!loaded.fund) {
    const what = toFill > 0 ? `${toFill} to be filled, ${plural(errors - toFill, 'other error')}` : plural(errors, 'error');
    lines.push(`${file}: not checked further (${what})`);
    return { loaded, errors, warnings, lines };
  }
  const figures = computeFigures(loaded.fund);
  for (const f of figures.findings) {
    lines.push(formatFinding(loaded, f));
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
  }
  const failed = figures.tieOuts.filter((t) => !t.ok).length;
  lines.push(`${file}: ${figures.tieOuts.length} tie-outs checked, ${failed} failed; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return { loaded, figures, errors, warnings, lines };
}
