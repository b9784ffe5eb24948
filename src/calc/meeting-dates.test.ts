import { describe, expect, it } from 'vitest';
import type { BoardReview } from '../load/schema.js';
import { blocksAfterMeeting, datedBlocks, latestBefore } from './meeting-dates.js';

const review = (eg: string, pu: string, profit?: string) =>
  ({
    meeting: { start: '2011-06-14', end: '2011-06-15' },
    expense_group: { as_of: eg },
    performance_universe: { as_of: pu },
    profitability: profit ? { as_of: profit } : undefined,
  }) as unknown as BoardReview;

describe('blocks dated after the meeting', () => {
  it('passes blocks dated on or before the meeting\'s first day', () => {
    expect(blocksAfterMeeting(review('2010-12-31', '2011-06-14'), { label: 'fund period', asOf: '2011-02-28', path: ['fund_period'] })).toEqual([]);
  });

  it('refuses each later block, naming both dates and where each is written', () => {
    const f = blocksAfterMeeting(review('2011-08-31', '2010-12-31', '2011-06-15'), { label: 'fund period', asOf: '2011-08-31', path: ['fund_period'] });
    expect(f.map((x) => [x.code, x.path?.join('.')])).toEqual([
      ['DATED_AFTER_MEETING', 'fund_period'],
      ['DATED_AFTER_MEETING', 'board_review.expense_group.as_of'],
      ['DATED_AFTER_MEETING', 'board_review.profitability.as_of'],
    ]);
    expect(f[1]!.message).toBe('the expense group is as of 2011-08-31, after the meeting of 2011-06-14 (board_review.meeting.start): a board book shows only what was known before the meeting');
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });

  it('lists profitability among the dated blocks only when given', () => {
    expect(datedBlocks(review('2010-12-31', '2010-12-31')).map((b) => b.label)).toEqual(['expense group', 'performance universe']);
  });
});

describe('the latest fund period before a meeting', () => {
  it('is the last period end on or before the meeting', () => {
    expect(latestBefore('2011-06-14', ['2011-08-31', '2010-10-31', '2011-02-28'])).toBe('2011-02-28');
    expect(latestBefore('2011-02-28', ['2011-02-28'])).toBe('2011-02-28');
    expect(latestBefore('2010-06-14', ['2011-08-31'])).toBeUndefined();
  });
});
