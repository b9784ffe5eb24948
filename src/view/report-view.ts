// View model of the shareholder report: everything the templates print, already formatted. Templates
// only place it; they never compute.
import type { Figures } from '../calc/compute.js';
import type { FundPeriod } from '../load/schema.js';
import { longDate, money, percent, signedPercent, slashDate } from './format.js';
import { notesView, type NoteView } from './notes-view.js';
import { scheduleView, type ScheduleView } from './schedule-view.js';
import { assetsAndLiabilities, cashFlows, changesInNetAssets, financialHighlights, operations } from './statements-view.js';
import type { Table } from './table.js';

/** Sections in print order; `id` anchors the contents, `title` is the heading and the bookmark. */
export interface Section {
  id: string;
  title: string;
  /** Page the section starts on, filled in from the first print (see render/page-map.ts). */
  page?: number;
}

export interface ReportView {
  documentTitle: string;
  author: string;
  fundName: string;
  ticker: string;
  reportKind: string;
  asOf: string;
  sections: Section[];
  letters: FundPeriod['narrative']['letters'];
  performance: {
    periodLabel: string;
    rows: { label: string; value: string }[];
    discount?: { label: string; value: string };
    intro: string;
    indexDescriptions: string;
    source?: string;
    managers?: FundPeriod['narrative']['portfolio_managers'];
  };
  drip: string;
  schedule: ScheduleView;
  statements: { assetsAndLiabilities: Table; operations: Table; changes: Table; cashFlows?: Table };
  statementDates: { asOf: string; periodLabel: string; changesCaption: string };
  notes: NoteView[];
  highlights: { note?: number; table: Table; footnotes: { mark: string; text: string }[] };
  approval: { title: string; body: string };
  proxy: {
    intro: string;
    proposal: string;
    rows: { name: string; for: string; withheld: string; mark: string }[];
    footnote?: string;
  };
  backMatter: { title: string; body: string }[];
  /** Fixed text of the front and back matter, from the data (absent where the data has none). */
  coverNote?: string;
  statementsFooter?: string;
  backCover?: { code: string; distributor: string };
}

const REPORT_SECTIONS = [
  ['letters', 'Letters to Shareholders'],
  ['performance', 'Trust Performance'],
  ['drip', 'Dividend Reinvestment Plan'],
  ['schedule', 'Schedule of Investments'],
  ['assets-and-liabilities', 'Statement of Assets and Liabilities'],
  ['operations', 'Statement of Operations'],
  ['changes', 'Statement of Changes in Net Assets'],
  ['cash-flows', 'Statement of Cash Flows'],
  ['notes', 'Notes to Financial Statements'],
  ['highlights', 'Financial Highlights'],
  ['approval', ''],
  ['proxy', 'Proxy Results'],
] as const;

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function reportView(fund: FundPeriod, figures: Figures): ReportView {
  const n = fund.narrative;
  const kind = fund.period.kind === 'semiannual' ? 'Semiannual Report to Shareholders' : 'Annual Report to Shareholders';
  const cashFlowTable = cashFlows(fund);
  const sections: Section[] = REPORT_SECTIONS.filter(([id]) => id !== 'cash-flows' || cashFlowTable).map(([id, title]) => ({
    id,
    title: id === 'approval' ? n.board_approval.title : title,
  }));
  const { notes, highlightsNote } = notesView(fund, figures);
  const perf = fund.performance;
  const proxyRows = figures.proxy.flatMap((p) =>
    p.groups.flatMap((g) => g.nominees.map((nominee, i) => ({
      name: `${i === 0 && g === p.groups[0] ? `(${p.number}) ` : ''}${nominee.name}`,
      for: money(nominee.for),
      withheld: money(nominee.withheld),
      mark: g.group === 'preferred' ? '(P)' : '',
    }))),
  );
  // Printed figures are the data's: the stated discount, where the data states one (a computed one that
  // disagrees is a finding); fundbook's own only where the data states none.
  const discount = perf?.market_discount ?? figures.marketPremiumDiscount;
  const changesLabels = fund.statements.changes_in_net_assets.map((c) => c.caption ?? lowerFirst(c.label).replace(/^(six|four|three|nine) months/, 'the $1 months').replace(/^year/, 'the year'));

  return {
    documentTitle: `${fund.fund.name} — ${kind} — ${longDate(fund.period.end)}`,
    author: fund.fund.adviser,
    fundName: fund.fund.name,
    ticker: fund.fund.ticker ? `${fund.fund.exchange ?? ''}${fund.fund.exchange ? ': ' : ''}${fund.fund.ticker}` : '',
    reportKind: kind,
    asOf: longDate(fund.period.end),
    sections,
    letters: n.letters,
    performance: {
      periodLabel: perf?.period_label ?? '',
      rows: (perf?.rows ?? []).map((r) => ({ label: r.label, value: percent(r.value) })),
      discount: discount && {
        label: `Market Price ${discount.isNegative() ? 'Discount' : 'Premium'} to NAV as of ${slashDate(fund.period.end)}`,
        value: signedPercent(discount),
      },
      intro: n.performance_text.intro,
      indexDescriptions: n.performance_text.index_descriptions,
      source: n.performance_text.source,
      managers: n.portfolio_managers,
    },
    drip: n.dividend_reinvestment_plan,
    schedule: scheduleView(fund),
    statements: {
      assetsAndLiabilities: assetsAndLiabilities(fund),
      operations: operations(fund),
      changes: changesInNetAssets(fund),
      cashFlows: cashFlowTable,
    },
    statementDates: {
      asOf: longDate(fund.period.end),
      periodLabel: `For the ${lowerFirst(fund.period.label)}`,
      changesCaption: `For ${changesLabels.length > 1 ? `${changesLabels.slice(0, -1).join(', ')} and ${changesLabels.at(-1)}` : changesLabels[0]}`,
    },
    notes,
    highlights: { note: highlightsNote, table: financialHighlights(fund), footnotes: fund.financial_highlights.footnotes },
    approval: { title: n.board_approval.title, body: n.board_approval.body },
    proxy: {
      intro: n.proxy_text.intro,
      proposal: n.proxy_text.proposal,
      rows: proxyRows,
      footnote: proxyRows.some((r) => r.mark) ? '(P) Election of trustee by preferred shareholders only.' : undefined,
    },
    backMatter: n.back_matter,
    coverNote: n.cover_note,
    statementsFooter: n.statements_footer,
    backCover: n.back_cover,
  };
}
