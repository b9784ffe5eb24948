// Load stage for a board meeting's file (`<fund folder>/board/<meeting>.yaml`): the meeting's
// board-review data, the fund-period file it draws on, and the peers' CSV if it names one. The book
// is for the meeting and shows only what was known before it, so the loader refuses a fund period or
// block dated after the meeting's first day, and a fund period that is not the latest one before it.
// The meeting file is read by the one YAML loader (load-fund.ts); the fund period by the caller's
// loader (the run's cache of validated files, pipeline/validated.ts), so each file is parsed once.
import { readdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { blocksAfterMeeting, latestBefore } from '../calc/meeting-dates.js';
import type { Locator } from './locate.js';
import { loadFundFile, loadYamlText, MAX_FILE_BYTES, readFundSource, type LoadedFund, type Problem, type YamlKind } from './load-fund.js';
import { loadPeersCsv } from './peers-csv.js';
import { readInput } from './read-input.js';
import { MeetingFileSchema, type BoardReview, type Peer } from './schema.js';

export const MEETING_FILE: YamlKind = { noun: 'meeting file', keys: 'fundbook:, fund_period:, board_review:' };

export interface LoadedMeeting {
  file: string;
  /** Present only when the meeting file, its peers and the fund-period file all load cleanly. */
  review?: BoardReview & { expense_group: { peers: Peer[] } };
  /** The fund-period file the book draws on, as loaded. */
  fund?: LoadedFund;
  /** The meeting file's own problems, its peers' CSV's, and the dates and choice of fund period. */
  problems: Problem[];
  /** Where a field of the meeting file stands. */
  locate: Locator;
  sha256: string;
  /** Every file the book is built from (the meeting, the fund period, the peers' CSV). */
  inputs: string[];
}

/** A path written in a meeting file, relative to that file (an absolute path stands as written). */
function resolveFrom(file: string, path: string): string {
  return isAbsolute(path) ? path : join(dirname(file), path);
}

/** Whether a path names a meeting file: a YAML file in a folder named `board`. */
export function isMeetingFile(path: string): boolean {
  return basename(dirname(resolve(path))) === 'board';
}

/**
 * Where a field of a meeting's book stands: board_review and fund_period in the meeting file, every
 * other field (the fund period's figures) in the fund-period file.
 */
export function meetingLocator(meeting: Locator, fund: Locator): Locator {
  return (path) => (path[0] === 'board_review' || path[0] === 'fund_period' ? meeting(path) : fund(path));
}

/** Fund-period files are named by their period end (as the period diff finds the previous one). */
const PERIOD_FILE = /^(\d{4}-\d{2}-\d{2})\.ya?ml$/i;

export function loadMeetingFile(file: string, loadFund: (path: string) => LoadedFund = loadFundFile): LoadedMeeting {
  const source = readFundSource(file, MEETING_FILE);
  if ('failed' in source) return { file, problems: source.failed.problems, locate: source.failed.locate, sha256: '', inputs: [file] };
  const loaded = loadYamlText(source.text, file, MeetingFileSchema, MEETING_FILE);
  const problems = [...loaded.problems];
  const base = { file, problems, locate: loaded.locate, sha256: loaded.sha256, inputs: [file] };
  if (!loaded.data) return base;
  const data = loaded.data;
  const error = (path: (string | number)[], message: string, code = 'INVALID_VALUE') =>
    problems.push({ severity: 'error', code, location: loaded.locate(path), path, message });

  // The peers' CSV, relative to this file, read like every input (a regular file, bounded).
  let peers = data.board_review.expense_group.peers;
  const peersFile = data.board_review.expense_group.peers_file;
  if (peersFile) {
    const path = resolveFrom(file, peersFile);
    base.inputs.push(path);
    const read = readInput(path, MAX_FILE_BYTES);
    if ('error' in read) error(['board_review', 'expense_group', 'peers_file'], `${path}: ${read.error.replaceAll('fund file', 'peers file')}`, 'FILE');
    else {
      const csv = loadPeersCsv(new TextDecoder('utf-8').decode(read.bytes).replace(/^\uFEFF/, ''), path);
      problems.push(...csv.problems);
      peers = csv.peers;
    }
  }

  // The fund period: the file named, which must be the latest of the fund's files ending before the meeting.
  const fundPath = resolveFrom(file, data.fund_period);
  base.inputs.push(fundPath);
  if (isMeetingFile(fundPath)) {
    error(['fund_period'], `${fundPath} is in a board folder: name the fund-period file (the fund's folder), not a meeting file`);
    return base;
  }
  const fund = loadFund(fundPath);
  const meetingStart = data.board_review.meeting.start;
  if (fund.fund) {
    const meetingLine = loaded.locate(['board_review', 'meeting', 'start']).line;
    for (const f of blocksAfterMeeting(data.board_review, { label: `fund period ${data.fund_period}`, asOf: fund.fund.period.end, path: ['fund_period'] })) {
      error(f.path as (string | number)[], f.message.replace('(board_review.meeting.start)', `(board_review.meeting.start, ${file}:${meetingLine})`), f.code);
    }
    const ends = new Map<string, string>([[fund.fund.period.end, basename(fundPath)]]);
    for (const name of readdirSync(dirname(fundPath))) {
      const end = PERIOD_FILE.exec(name)?.[1];
      if (end && !ends.has(end)) ends.set(end, name);
    }
    const latest = latestBefore(meetingStart, [...ends.keys()]);
    if (latest && latest > fund.fund.period.end) {
      error(['fund_period'], `${ends.get(latest)} (period ended ${latest}) is the fund's latest period ending before the meeting of ${meetingStart}; the book draws on it, not on a period ended ${fund.fund.period.end}`, 'NOT_LATEST_PERIOD');
    }
  }
  problems.sort((a, b) => (a.location.file === b.location.file ? a.location.line - b.location.line : 0));
  const clean = problems.every((p) => p.severity !== 'error') && fund.problems.length === 0;
  if (!clean || !peers || !fund.fund) return { ...base, fund };
  return { ...base, fund, review: { ...data.board_review, expense_group: { ...data.board_review.expense_group, peers } } };
}
