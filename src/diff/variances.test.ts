// Each unit's rule at its edges, with hand-checked numbers: the flag is what the summary page states.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal.js';
import { unitRules } from '../view/diff-view.js';
import type { FigureUnit } from './figure-catalog.js';
import { variances, type Thresholds } from './variances.js';

const D = (s: string) => new Decimal(s);
const t = (previousDays = 181, currentDays = 181): Thresholds => ({
  percent: D('0.10'), materiality: D('1000000'), flowMateriality: D('50000'), flowMaterialityFrom: 'file',
  ratioBps: D('10'), perShare: D('0.05'), previousDays, currentDays,
});
const one = (unit: FigureUnit, previous: string, current: string, th = t(), perDay = false) =>
  variances([{ key: 'k', label: 'K', unit, perDay, value: D(previous) }], [{ key: 'k', label: 'K', unit, perDay, value: D(current) }], th, new Map())[0]!;

describe('balance: at least 10% and at least $1,000,000', () => {
  it('flags +1,000,000 on 10,000,000 (10%), not +999,999 or +1,000,000 on 10,000,001 (9.99999%)', () => {
    expect(one('balance', '10000000', '11000000').flagged).toBe(true);
    expect(one('balance', '10000000', '10999999').flagged).toBe(false);
    expect(one('balance', '10000001', '11000001').flagged).toBe(false);
    expect(unitRules(t()).balance).toBe('Flagged when a balance moves by at least 10% and by at least $1,000,000.');
  });
});

describe('flow: per day when the periods differ, at least 10% and at least the flow materiality', () => {
  it('120 days against 184: 361,500 -> 735,719 is 3,012.50 -> 3,998.47 a day, +181,419 restated (32.7%): flagged', () => {
    const v = one('flow', '361500', '735719', t(120, 184));
    expect(v.comparable).toMatchObject({ basis: 'perDay', change: D('181419'), percent: D('0.327294') });
    expect(v.comparable.previousPerDay!.toString()).toBe('3012.5');
    expect(v.flagged).toBe(true);
  });
  it('600,000 over 120 days -> 920,000 over 184 is exactly the same per day: not flagged, though +53% raw', () => {
    const v = one('flow', '600000', '920000', t(120, 184));
    expect(v.changePercent!.toString()).toBe('0.533333');
    expect(v.comparable.change.toString()).toBe('0');
    expect(v.flagged).toBe(false);
  });
  it('equal lengths compare as is: +50,000 on 500,000 flags, +49,999 does not', () => {
    expect(one('flow', '500000', '550000').flagged).toBe(true);
    expect(one('flow', '500000', '549999').flagged).toBe(false);
    expect(one('flow', '500000', '550000').comparable.basis).toBe('asIs');
  });
  it('states the rule with the day counts', () => {
    expect(unitRules(t(120, 184)).flow).toContain('(120 days against 184), so flows are compared per day: flagged when the per-day amount moves by at least 10% and the move, with the previous amount restated to 184 days, is at least $50,000 (as the file states)');
  });
});

describe('ratio: at least 10 basis points, never a percent change', () => {
  it('0.60% -> 0.70% (10 bps) flags; 0.60% -> 0.6999% (9.99 bps) does not; neither has a percent change', () => {
    const v = one('ratio', '0.006', '0.007');
    expect([v.changeBps!.toString(), v.changePercent, v.comparable.percent, v.flagged]).toEqual(['10', null, null, true]);
    expect(one('ratio', '0.006', '0.006999').flagged).toBe(false);
  });
});

describe('per share: at least $0.05', () => {
  it('13.53 -> 13.58 flags, 13.53 -> 13.57 does not', () => {
    expect(one('perShare', '13.53', '13.58').flagged).toBe(true);
    expect(one('perShare', '13.53', '13.57').flagged).toBe(false);
  });
  it('per-share income over 120 days against 184: 0.31 -> 0.46 is 0.4753 restated, -0.0153: not flagged', () => {
    const v = one('perShare', '0.31', '0.46', t(120, 184), true);
    expect(v.comparable.change.toString()).toBe('-0.0153');
    expect(v.flagged).toBe(false);
  });
});

describe('count: at least 10%', () => {
  it('165 -> 182 (10.3%) flags, 165 -> 181 (9.7%) does not', () => {
    expect(one('count', '165', '182').flagged).toBe(true);
    expect(one('count', '165', '181').flagged).toBe(false);
  });
});
