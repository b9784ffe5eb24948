// A board book is for a meeting and shows only what was known before it: every dated block the book
// uses (the fund's figures, the expense group, the performance universe, the profitability figures) must
// be as of a date on or before the meeting's first day. Pure.
import type { DataPath } from '../load/locate.js';
import type { BoardReview } from '../load/schema.js';
import type { Diagnostic as Finding } from '../diagnostic.js';

interface DatedBlock {
  label: string;
  asOf: string;
  path: DataPath;
}

/** The dated blocks of a board review, with where each date is written. */
export function datedBlocks(review: BoardReview, prefix: DataPath = ['board_review']): DatedBlock[] {
  const blocks: DatedBlock[] = [
    { label: 'expense group', asOf: review.expense_group.as_of, path: [...prefix, 'expense_group', 'as_of'] },
    { label: 'performance universe', asOf: review.performance_universe.as_of, path: [...prefix, 'performance_universe', 'as_of'] },
  ];
  if (review.profitability) blocks.push({ label: 'profitability', asOf: review.profitability.as_of, path: [...prefix, 'profitability', 'as_of'] });
  return blocks;
}

/**
 * An error for each block dated after the meeting's first day. `fund` is the fund-period's end and the
 * path of the field that chose the fund period (the meeting file's `fund_period`, or the in-file
 * period end).
 */
export function blocksAfterMeeting(review: BoardReview, fund: DatedBlock, prefix: DataPath = ['board_review']): Finding[] {
  const meeting = review.meeting.start;
  return [fund, ...datedBlocks(review, prefix)]
    .filter((b) => b.asOf > meeting)
    .map((b) => ({
      severity: 'error' as const,
      code: 'DATED_AFTER_MEETING',
      message: `the ${b.label} is as of ${b.asOf}, after the meeting of ${meeting} (${[...prefix, 'meeting', 'start'].join('.')}): a board book shows only what was known before the meeting`,
      path: b.path,
    }));
}

/**
 * The fund-period a meeting's book must draw on: of the candidates' period ends, the latest on or before
 * the meeting's first day (undefined when none is).
 */
export function latestBefore(meetingStart: string, periodEnds: readonly string[]): string | undefined {
  return [...periodEnds].filter((e) => e <= meetingStart).sort().at(-1);
}
