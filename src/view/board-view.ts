// View model of the board-approval book: the 15(c) review, formatted for print.
import type { BoardFigures } from '../calc/board-review.js';
import type { Figures } from '../calc/compute.js';
import type { Decimal } from '../decimal.js';
import type { BoardReview, FundPeriod } from '../load/schema.js';
import { formatPath } from '../load/locate.js';
import { groupedBars, hbarChart, type HBarChart, type VBarChart } from './charts.js';
import { longDate, money, percent } from './format.js';
import type { Section } from './report-view.js';

export interface BoardView {
  documentTitle: string;
  author: string;
  fundName: string;
  meeting: string;
  asOf: string;
  sections: Section[];
  summary: {
    keyFigures: { label: string; value: string }[];
    counts: { errors: number; warnings: number; info: number };
    findings: { severity: string; code: string; rule: string; threshold: string; message: string; where: string }[];
  };
  services: string;
  managers: { name: string; text: string }[];
  performance: {
    source: string;
    asOf: string;
    indexName: string;
    rows: { period: string; fund: string; index: string; vsIndex: string; rank: string; quintile: number; quintileCells: boolean[]; flagged: boolean }[];
    chart: VBarChart;
  };
  fees: {
    source: string;
    asOf: string;
    commonAssetLevel: string;
    rows: { name: string; fee: string; ter: string; isFund: boolean }[];
    stats: { label: string; fee: string; ter: string }[];
    fundVsMedian: string;
    expenseVsMedian: string;
    feeRank: string;
    synthetic: boolean;
    chart: HBarChart;
    workings: string[];
  };
  cap?: { rows: { label: string; value: string }[]; workings: string[] };
  economies: { hasBreakpoints: boolean; rows: { assets: string; fee: string; rate: string; isFund: boolean }[]; schedule: string };
  profitability?: { revenue: string; expenses: string; profit: string; margin: string; note?: string };
  fallOut: string;
  coverage?: { rows: { label: string; value: string }[]; tests: { name: string; minimum: string; actual: string; passes: boolean }[]; workings: string[] };
  proxy: { meeting: string; rows: { group: string; name: string; for: string; withheld: string; forOfCast: string; outcome: string }[]; quorum: { group: string; present: string; met: boolean }[] };
  resolution: string;
  independentTrustees: string[];
  allTrustees: { name: string; role: string }[];
}

const BOARD_SECTIONS = [
  ['summary', 'Executive Summary'],
  ['services', 'A. Nature, Extent and Quality of Services'],
  ['performance', 'B. Fund Performance'],
  ['fees', 'C. Advisory Fees and Expenses'],
  ['economies', 'D. Economies of Scale'],
  ['profitability', 'E. Profitability and Financial Resources'],
  ['fall-out', 'F. Fall-Out Benefits'],
  ['leverage', 'Leverage and Asset Coverage'],
  ['vote', 'Last Shareholder Vote'],
  ['resolution', 'Draft Resolution'],
] as const;

const bpsText = (v: Decimal | undefined) => (v === undefined ? '' : `${v.isNegative() ? '−' : '+'}${money(v.abs(), v.isInteger() ? 0 : 1)} bps`);

function meetingDates(start: string, end: string): string {
  if (start === end) return longDate(start);
  const [a, b] = [longDate(start), longDate(end)];
  const sameMonth = start.slice(0, 7) === end.slice(0, 7);
  return sameMonth ? `${a.replace(/, \d{4}$/, '')}–${Number(end.slice(8))}, ${end.slice(0, 4)}` : `${a} – ${b}`;
}

const DEFAULT_RESOLUTION = `RESOLVED, that the Board of Trustees, including a majority of the Trustees who are not "interested persons" of the Trust or of the Adviser as defined in the Investment Company Act of 1940, having considered the materials presented and the factors discussed, finds that the terms of the investment advisory agreement are fair and reasonable and that its continuance is in the best interests of the Trust and its shareholders, and approves the continuance of the investment advisory agreement for a further term.`;

function keyFigures(board: BoardFigures, figures: Figures): { label: string; value: string }[] {
  const rows = [
    { label: 'Contractual advisory fee vs expense-group median', value: `${percent(board.fundFee, 3)} vs ${percent(board.feeStats.median, 3)} (${bpsText(board.feeVsMedianBps)}; rank ${board.feeRank} of ${board.group.length}, 1 = lowest)` },
  ];
  if (board.fundExpenseRatio && board.expenseStats) {
    rows.push({ label: 'Total expense ratio vs expense-group median', value: `${percent(board.fundExpenseRatio)} vs ${percent(board.expenseStats.median)} (${bpsText(board.expenseVsMedianBps?.toDecimalPlaces(1))})` });
  }
  rows.push({
    label: `Performance quintiles (${board.performance.map((p) => `${p.years}`).join('/')} years; 1 = best)`,
    value: board.performance.map((p) => String(p.quintile)).join(' / '),
  });
  rows.push({ label: 'Performance vs index', value: board.performance.map((p) => `${p.years}y ${bpsText(p.vsIndexBps) || '—'}`).join(' · ') });
  if (board.cap) {
    rows.push({ label: 'Expense limitation', value: `${percent(board.cap.limit)} through ${longDate(board.cap.endsOn)}; covered ratio ${percent(board.cap.coveredRatio)}, headroom ${bpsText(board.cap.headroomBps.toDecimalPlaces(1))}; ${board.cap.daysUntilEnd} days after the meeting` });
  }
  if (figures.preferredCoverage) {
    const c = figures.preferredCoverage;
    const headline = [
      c.debtRatio ? `debt ${percent(c.debtRatio, 0)} ($${money(c.debtRatio.times(1000))} per $1,000)` : '',
      c.ratio ? `preferred ${percent(c.ratio, 0)}${c.perShare ? ` ($${money(c.perShare)} per share)` : ''}` : '',
    ].filter(Boolean).join('; ');
    rows.push({ label: 'Asset coverage of senior securities', value: `${headline}; binding minimum ${percent(c.bindingMinimum, 0)}; ${c.compliant ? 'compliant' : 'NOT COMPLIANT'}` });
  }
  for (const p of figures.proxy) {
    for (const g of p.groups) {
      const elected = g.nominees.filter((n) => n.outcome === 'elected').length;
      rows.push({ label: `Last vote, proposal ${p.number} (${g.group.replaceAll('_', ' ')})`, value: `${elected} of ${g.nominees.length} nominees elected; ${g.presentFraction ? `${percent(g.presentFraction, 1)} present` : `${money(g.present)} shares present (shares outstanding unknown)`}${g.quorumMet === false ? ', short of quorum' : ''}` });
    }
  }
  return rows;
}

export function boardView(fund: FundPeriod, review: BoardReview, figures: Figures, board: BoardFigures, locate: (path: readonly (string | number)[]) => { line: number }): BoardView {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...board.findings]
    .sort((a, b) => order[a.severity] - order[b.severity])
    .map((f) => ({
      severity: f.severity,
      code: f.code,
      rule: f.rule ?? '',
      threshold: f.threshold ?? '',
      message: f.message,
      where: f.path ? `${formatPath(f.path)} (line ${locate(f.path).line})` : '',
    }));
  const count = (s: string) => board.findings.filter((f) => f.severity === s).length;

  const pu = review.performance_universe;
  const performanceRows = board.performance.map((p) => ({
    period: `${p.years} year${p.years === 1 ? '' : 's'}`,
    fund: percent(p.fundReturn),
    index: p.indexReturn ? percent(p.indexReturn) : '—',
    vsIndex: bpsText(p.vsIndexBps),
    rank: `${p.rank} of ${p.size}`,
    quintile: p.quintile,
    quintileCells: [1, 2, 3, 4, 5].map((q) => q === p.quintile),
    flagged: p.quintile > board.thresholds.worstAcceptableQuintile,
  }));

  const eg = review.expense_group;
  const feeChart = hbarChart(
    board.group.map((g) => ({ label: g.name, value: g.contractualFee, highlight: g.isFund })),
    { value: board.feeStats.median, label: `median ${percent(board.feeStats.median, 3)}` },
    'Contractual advisory fee at a common asset level',
  );

  const cap = board.cap && figures.expenseCap && {
    rows: [
      { label: 'Expense limitation (covered expenses)', value: percent(board.cap.limit) },
      { label: 'Covered expense ratio this period (annualised)', value: percent(board.cap.coveredRatio) },
      { label: 'Headroom under the cap', value: bpsText(board.cap.headroomBps.toDecimalPlaces(1)) },
      { label: 'Gross expense ratio (all expenses)', value: percent(figures.expenseCap.grossRatio) },
      { label: 'Waived or reimbursed this period', value: `$${money(board.cap.waiverPeriod)}` },
      { label: 'Waived or reimbursed this fiscal year to date', value: `$${money(board.cap.waiverYearToDate)}` },
      { label: 'Agreement ends', value: longDate(board.cap.endsOn) },
      { label: 'Days from the meeting to the end of the agreement', value: String(board.cap.daysUntilEnd) },
    ],
    workings: figures.expenseCap.workings,
  };

  const cov = figures.preferredCoverage;
  const coverage = cov && {
    rows: [
      ...(cov.debtRatio ? [{ label: 'Asset coverage per $1,000 of indebtedness', value: `$${money(cov.debtRatio.times(1000))}` }] : []),
      ...(cov.ratio ? [{ label: 'Asset coverage of preferred shares (debt included)', value: percent(cov.ratio, 0) }] : []),
      ...(cov.perShare ? [{ label: 'Asset coverage per preferred share', value: `$${money(cov.perShare)}` }] : []),
      { label: 'Binding minimum', value: percent(cov.bindingMinimum, 0) },
      { label: 'Total assets may fall before a breach', value: `$${money(cov.headroom)} (${percent(cov.headroomFraction, 1)})` },
      { label: 'Common dividends blocked', value: cov.commonDividendsBlocked ? 'Yes' : 'No' },
      { label: 'Preferred redemption needed to restore coverage', value: `$${money(cov.redemptionNeeded)}` },
      ...(cov.debtRatio ? [{ label: 'Preferred dividends blocked', value: cov.preferredDividendsBlocked ? 'Yes' : 'No' }, { label: 'Debt repayment needed to restore 300%', value: `$${money(cov.debtRepaymentNeeded)}` }] : []),
    ],
    tests: cov.tests.map((t) => ({ name: t.name, minimum: percent(t.minimum, 0), actual: percent(t.actual, 0), passes: t.passes, headroom: `$${money(t.headroom)}` })),
    workings: cov.workings,
  };

  const profit = review.profitability;
  const schedule = fund.agreements.advisory.schedule;
  return {
    documentTitle: `${fund.fund.name} — Board Approval Book — ${meetingDates(review.meeting.start, review.meeting.end)}`,
    author: fund.fund.administrator ?? fund.fund.adviser,
    fundName: fund.fund.name,
    meeting: meetingDates(review.meeting.start, review.meeting.end),
    asOf: longDate(fund.period.end),
    sections: BOARD_SECTIONS.map(([id, title]) => ({ id, title })),
    summary: { keyFigures: keyFigures(board, figures), counts: { errors: count('error'), warnings: count('warning'), info: count('info') }, findings },
    services: review.services,
    managers: fund.narrative.portfolio_managers?.managers ?? [],
    performance: {
      source: pu.source,
      asOf: longDate(pu.as_of),
      indexName: pu.index_name,
      rows: performanceRows,
      chart: groupedBars(board.performance.map((p) => ({ label: `${p.years}-year`, fund: p.fundReturn, index: p.indexReturn }))),
    },
    fees: {
      source: eg.source,
      asOf: longDate(eg.as_of),
      commonAssetLevel: `$${money(eg.common_asset_level)}`,
      rows: board.group.map((g) => ({ name: g.name, fee: percent(g.contractualFee, 3), ter: g.totalExpenseRatio ? percent(g.totalExpenseRatio) : '—', isFund: g.isFund })),
      stats: [
        { label: 'Lower quartile', fee: percent(board.feeStats.q1, 3), ter: board.expenseStats ? percent(board.expenseStats.q1, 3) : '' },
        { label: 'Median', fee: percent(board.feeStats.median, 3), ter: board.expenseStats ? percent(board.expenseStats.median, 3) : '' },
        { label: 'Upper quartile', fee: percent(board.feeStats.q3, 3), ter: board.expenseStats ? percent(board.expenseStats.q3, 3) : '' },
      ],
      fundVsMedian: bpsText(board.feeVsMedianBps),
      expenseVsMedian: bpsText(board.expenseVsMedianBps?.toDecimalPlaces(1)),
      feeRank: `${board.feeRank} of ${board.group.length}`,
      synthetic: Boolean(eg.synthetic),
      chart: feeChart,
      workings: board.workings.filter((w) => w.startsWith('Expense group') || w.startsWith('Contractual fee') || w.startsWith('Total expense')),
    },
    cap,
    economies: {
      hasBreakpoints: board.breakpoints.hasBreakpoints,
      schedule: schedule.map((t) => `${percent(t.rate, 3)}${t.up_to ? ` up to $${money(t.up_to)}` : schedule.length > 1 ? ' above' : ''}`).join('; '),
      rows: board.breakpoints.rows.map((r) => ({ assets: `$${money(r.assets)}`, fee: `$${money(r.annualFee)}`, rate: percent(r.effectiveRate, 3), isFund: r.isFundLevel })),
    },
    profitability: profit && {
      revenue: `$${money(profit.revenue)}`,
      expenses: `$${money(profit.expenses)}`,
      profit: `$${money(profit.revenue.minus(profit.expenses))}`,
      margin: profit.revenue.isZero() ? '—' : percent(profit.revenue.minus(profit.expenses).dividedBy(profit.revenue), 1),
      note: profit.note,
    },
    fallOut: review.fall_out_benefits,
    coverage,
    proxy: {
      meeting: figures.proxy[0] ? longDate(figures.proxy[0].meetingDate) : '',
      rows: figures.proxy.flatMap((p) => p.groups.flatMap((g) => g.nominees.map((n) => ({
        group: g.group === 'preferred' ? 'Preferred only' : g.group === 'common' ? 'Common only' : 'Common and preferred',
        name: n.name,
        for: money(n.for),
        withheld: money(n.withheld),
        forOfCast: percent(n.forOfCast, 1),
        outcome: n.outcome,
      })))),
      quorum: figures.proxy.flatMap((p) => p.groups.map((g) => ({
        group: g.group === 'preferred' ? 'Preferred only' : g.group === 'common' ? 'Common only' : 'Common and preferred',
        present: g.sharesOutstanding && g.presentFraction
          ? `${money(g.present)} of ${money(g.sharesOutstanding)} (${percent(g.presentFraction, 1)}); quorum ${percent(g.quorumRequired, 0)}`
          : `${money(g.present)} of an unknown number of shares outstanding; quorum ${percent(g.quorumRequired, 0)}`,
        met: g.quorumMet === true,
        unknown: g.quorumMet === undefined,
      }))),
    },
    resolution: review.resolution ?? DEFAULT_RESOLUTION,
    independentTrustees: review.trustees.filter((t) => t.independent).map((t) => t.name),
    allTrustees: review.trustees.map((t) => ({ name: t.name, role: `${t.independent ? 'Independent Trustee' : 'Interested Trustee'}${t.chair ? ', Chair' : ''}` })),
  };
}

