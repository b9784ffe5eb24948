// Load stage for a board meeting's file (`<fund folder>/board/<meeting>.yaml`): the meeting's
// board-review data, the fund-period file it draws on, and the peers' CSV if it names one. The book
// is for the meeting and shows only what was known before it, so the loader refuses a fund period or
// block dated after the meeting's first day, and a fund period that is not the latest one before it.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { blocksAfterMeeting, latestBefore } from '../calc/meeting-dates.js';
import type { Locator } from './locate.js';
import { loadFundFile, loadYamlText, readFundSource, type LoadedFund, type Problem } from './load-fund.js';
import { loadPeersCsv } from './peers-csv.js';
import { MeetingFileSchema, type BoardReview, type Peer } from './schema.js';

export interface LoadedMeeting {
  file: string;
  /** Present only when the meeting file, its peers and the fund-period file all load cleanly. */
  review?: BoardReview & { expense_group: { peers: Peer[] } };
  /** The fund-period file the book draws on, as loaded. */
  fund?: LoadedFund;
  problems: Problem[];
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

/** The period end a fund-period file states, read from its text (for choosing among a fund's files). */
function statedPeriodEnd(text: string): string | undefined {
  return /^period:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+end:[ \t]*['"]?(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
}

export function loadMeetingFile(file: string): LoadedMeeting {
  const source = readFundSource(file);
  if ('failed' in source) return { file, problems: source.failed.problems, locate: source.failed.locate, sha256: '', inputs: [file] };
  const loaded = loadYamlText(source.text, file, MeetingFileSchema);
  const problems = [...loaded.problems];
  const base = { file, problems, locate: loaded.locate, sha256: loaded.sha256, inputs: [file] };
  if (!loaded.data) return base;
  const data = loaded.data;
  const error = (path: (string | number)[], message: string, code = 'INVALID_VALUE') =>
    problems.push({ severity: 'error', code, location: loaded.locate(path), path, message });

  // The peers' CSV, relative to this file.
  let peers = data.board_review.expense_group.peers;
  const peersFile = data.board_review.expense_group.peers_file;
  if (peersFile) {
    const path = resolveFrom(file, peersFile);
    base.inputs.push(path);
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      error(['board_review', 'expense_group', 'peers_file'], `${path}: no such file`, 'FILE');
    }
    if (text !== undefined) {
      const csv = loadPeersCsv(text, path);
      problems.push(...csv.problems);
      peers = csv.peers;
    }
  }

  // The fund period: the file named, which must be the latest of the fund's files ending before the meeting.
  const fundPath = resolveFrom(file, data.fund_period);
  base.inputs.push(fundPath);
  const fund = loadFundFile(fundPath);
  problems.push(...fund.problems);
  const meetingStart = data.board_review.meeting.start;
  if (fund.fund) {
    for (const f of blocksAfterMeeting(data.board_review, { label: `fund period ${data.fund_period}`, asOf: fund.fund.period.end, path: ['fund_period'] })) {
      const meetingLine = loaded.locate(['board_review', 'meeting', 'start']).line;
      error(f.path as (string | number)[], `${f.message.replace('(board_review.meeting.start)', `(board_review.meeting.start, ${file}:${meetingLine})`)}`, f.code);
    }
    const siblings = readdirSync(dirname(fundPath)).filter((n) => /\.ya?ml$/i.test(n) && !/^[_.]/.test(n));
    const ends = new Map<string, string>();
    for (const name of siblings) {
      const end = name === basename(fundPath) ? fund.fund.period.end : statedPeriodEnd(readFileSync(join(dirname(fundPath), name), 'utf8'));
      if (end) ends.set(end, name);
    }
    const latest = latestBefore(meetingStart, [...ends.keys()]);
    if (latest && latest > fund.fund.period.end) {
      error(['fund_period'], `${ends.get(latest)} (period ended ${latest}) is the fund's latest period ending before the meeting of ${meetingStart}; the book draws on it, not on a period ended ${fund.fund.period.end}`, 'NOT_LATEST_PERIOD');
    }
  }
  problems.sort((a, b) => (a.location.file === b.location.file ? a.location.line - b.location.line : 0));
  const clean = problems.every((p) => p.severity !== 'error');
  if (!clean || !peers || !fund.fund) return { ...base, fund };
  return { ...base, fund, review: { ...data.board_review, expense_group: { ...data.board_review.expense_group, peers } } };
}
