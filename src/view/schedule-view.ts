// The schedule of investments for print: groups with their percentage of net assets, holdings with
// the issuer printed once per run of its issues (as schedules do), subtotals, and the bottom lines.
import type { FundPeriod } from '../load/schema.js';
import { marks, money, percent, shortDate } from './format.js';
import { bottomHeight, paginateSchedule, type HoldingLine, type ScheduleGroup, type SchedulePage } from './schedule-pages.js';

export type { HoldingLine } from './schedule-pages.js';

export interface ScheduleView {
  category: string;
  categoryPercent: string;
  groups: ScheduleGroup[];
  /** The groups cut into printed pages (schedule-pages.ts): what the template prints. */
  pages: SchedulePage[];
  totalLabel: string;
  totalNotes: string;
  totalPercent: string;
  totalValue: string;
  bottomLines: { label: string; description: string; notes: string; percent: string; amount: string; total: boolean }[];
  abbreviations: { code: string; meaning: string }[];
  notes: { mark: string; text: string }[];
  creditEnhancers: { entity: string; percent: string }[];
  composition: { title: string; rows: { sector: string; percent: string }[] };
}

export function scheduleView(fund: FundPeriod): ScheduleView {
  const soi = fund.schedule_of_investments;
  const groups = soi.groups.map((g): ScheduleGroup => {
    let previousIssuer = '';
    const holdings = g.holdings.map((h): HoldingLine => {
      const line: HoldingLine = {
        issuer: h.issuer === previousIssuer ? '' : h.issuer,
        issue: h.issue,
        enhancement: h.enhancement ?? '',
        notes: marks(h.notes),
        rate: percent(h.rate),
        maturity: shortDate(h.maturity),
        principal: money(h.principal_000),
        value: money(h.value),
        // Set per printed page: the first holding of each page carries the "$".
        dollar: false,
      };
      previousIssuer = h.issuer;
      return line;
    });
    return { name: g.name, percent: percent(g.percent_of_net_assets), holdings, subtotal: g.subtotal ? money(g.subtotal) : null };
  });
  const line = (label: string, l: NonNullable<typeof soi.floating_rate_notes>, total = false) => ({
    label,
    description: l.description ?? '',
    notes: marks(l.notes),
    percent: percent(l.percent),
    amount: money(l.amount),
    total,
  });
  const bottomLines = [
    soi.floating_rate_notes && line('Floating rate note obligations', soi.floating_rate_notes),
    soi.borrowings && line('Borrowings', soi.borrowings),
    soi.preferred_shares && line('Preferred shares', soi.preferred_shares),
    line('Other assets less liabilities', soi.other_assets_less_liabilities),
    line('Net assets applicable to common shares', soi.net_assets, true),
  ].filter((x): x is NonNullable<typeof x> => Boolean(x));
  const totalLabel = `Total investments (Cost $${money(soi.cost)})`;
  const bottom = bottomHeight([`${totalLabel}—${percent(soi.total_percent)}`, ...bottomLines.map((b) => `${b.label}—${b.percent} ${b.description}`)]);
  return {
    category: soi.category,
    categoryPercent: percent(soi.category_percent),
    groups,
    pages: paginateSchedule({ name: soi.category, percent: percent(soi.category_percent) }, groups, bottom),
    totalLabel,
    totalNotes: marks(soi.total_notes),
    totalPercent: percent(soi.total_percent),
    totalValue: money(soi.total_investments),
    bottomLines,
    abbreviations: soi.abbreviations,
    notes: soi.notes,
    creditEnhancers: (soi.credit_enhancers ?? []).map((c) => ({ entity: c.entity, percent: percent(c.percent, 1) })),
    composition: { title: soi.composition.title, rows: soi.composition.rows.map((r) => ({ sector: r.sector, percent: percent(r.percent, 1) })) },
  };
}
