// View model of the board-approval book: the 15(c) review, formatted for print.
import type { BoardFigures } from '../calc/board-review.js';
import type { Figures } from '../calc/compute.js';
import type { Decimal } from '../decimal.js';
import type { BoardReview, FundPeriod } from '../load/schema.js';
import type { Diagnostic as Finding } from '../diagnostic.js';
import { formatPath, type Locator } from '../load/locate.js';
import { basename } from 'node:path';
import { groupedBars, hbarChart, type HBarChart, type VBarChart } from './charts.js';
import { longDate, money, percent } from './format.js';
import { basisText, type Holdover } from '../calc/board-review.js';
import { fmtBps } from '../calc/workings-format.js';
import type { Section } from './report-view.js';

export interface BoardView {
  documentTitle: string;
  author: string;
  fundName: string;
  meeting: string;
  asOf: string;
  /** Each block the book shows, with its as-of date and basis. */
  asOfRows: { block: string; asOf: string; basis: string }[];
  sections: Section[];
  summary: {
    keyFigures: { label: string; value: string }[];
    counts: { errors: number; warnings: number; info: number };
    findings: FindingRow[];
  };
  appendix: { source: string; counts: { errors: number; warnings: number; info: number }; countsText: string; findings: FindingRow[] };
  services: string;
  managers: { name: string; text: string }[];
  performance: {
    source: string;
    asOf: string;
    basis: string;
    indexName: string;
    synthetic: boolean;
    rows: { period: string; fund: string; median: string; vsMedian: string; index: string; vsIndex: string; rank: string; quintile: number; quintileCells: boolean[]; flagged: boolean }[];
    medianNote: string;
    chart: VBarChart;
  };
  fees: {
    source: string;
    asOf: string;
    basis: string;
    fundRatioSource: string;
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
  cap?: { asOf: string; rows: { label: string; value: string }[]; workings: string[] };
  economies: {
    hasBreakpoints: boolean;
    schedule: string;
    basis: string;
    history: { period: string; end: string; netAssets: string; fee: string; rate: string }[];
    change: string;
    rows: { assets: string; fee: string; rate: string; isFund: boolean }[];
    workings: string[];
  };
  profitability?: { asOf: string; period: string; source: string; synthetic: boolean; revenue: { label: string; amount: string }[]; costs: { label: string; amount: string }[]; totalRevenue: string; totalCosts: string; profit: string; margin: string; note?: string; workings: string[] };
  missing: { profitability?: string[]; affiliatedRevenues?: string[] };
  fallOut: string;
  affiliated?: { source: string; period: string; synthetic: boolean; rows: { label: string; amount: string; from: string }[]; total: string };
  coverage?: { asOf: string; rows: { label: string; value: string }[]; tests: { name: string; minimum: string; actual: string; passes: boolean }[]; workings: string[] };
  proxy: { meeting: string; fundPeriod: string; rows: { group: string; name: string; for: string; withheld: string; forOfCast: string; outcome: string }[]; quorum: { group: string; present: string; met: boolean }[]; holdovers: string[] };
  resolution: string;
  agreements: { kind: string; name: string; parties: string }[];
  independentTrustees: string[];
  allTrustees: { name: string; role: string }[];
  composition: string;
}

interface FindingRow {
  severity: string;
  code: string;
  rule: string;
  threshold: string;
  message: string;
  where: string;
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
  ['appendix', 'Appendix: Shareholder Report Data Checks'],
] as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const countsText = (c: { errors: number; warnings: number }) => `${plural(c.warnings, 'warning')}, ${plural(c.errors, 'error')}`;

/** Basis points, by the one rounding rule (calc/workings-format.ts), with a typographic minus. */
const bpsText = (v: Decimal | undefined) => (v === undefined ? '' : fmtBps(v, '−'));

function meetingDates(start: string, end: string): string {
  if (start === end) return longDate(start);
  const [a, b] = [longDate(start), longDate(end)];
  const sameMonth = start.slice(0, 7) === end.slice(0, 7);
  return sameMonth ? `${a.replace(/, \d{4}$/, '')}–${Number(end.slice(8))}, ${end.slice(0, 4)}` : `${a} – ${b}`;
}

const ordinalList = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}`);

function defaultResolution(review: BoardReview, board: BoardFigures): string {
  const named = board.agreements.map((a, i) => `(${i + 1}) the ${a.name}${a.kind === 'advisory' ? ` between the Trust and ${a.parties}` : ` with ${a.parties}`}`);
  return `RESOLVED, that the Board of Trustees, including a majority of the Trustees who are not "interested persons" of the Trust or of its investment adviser as defined in the Investment Company Act of 1940, voting separately, having considered the materials presented and the factors discussed, finds that the terms of each agreement named below are fair and reasonable and that its continuance is in the best interests of the Trust and its shareholders, and approves the continuance of each for a further term of ${review.meeting.term_months} months from ${longDate(review.meeting.agreement_effective)}: ${ordinalList(named)}.`;
}

const holdoverText = (h: Holdover) => `holdover trustee: the ${h.group === 'preferred' ? 'preferred-only ' : ''}election of ${longDate(h.meetingDate)} failed for want of a quorum, so the incumbent continues to serve until a successor is elected and qualified`;

function keyFigures(board: BoardFigures, figures: Figures): { label: string; value: string }[] {
  const rows = [
    { label: `Contractual advisory fee vs expense-group median (as of ${longDate(board.asOf.expenseGroup)})`, value: `${percent(board.fundFee, 3)} vs ${percent(board.feeStats.median, 3)} (${bpsText(board.feeVsMedianBps)}; rank ${board.feeRank} of ${board.group.length}, 1 = lowest)` },
  ];
  if (board.fundExpenseRatio && board.expenseStats) {
    rows.push({ label: `Total expense ratio vs expense-group median (${board.expenseBasis ? basisText(board.expenseBasis) : 'basis not stated'})`, value: `${percent(board.fundExpenseRatio)} vs ${percent(board.expenseStats.median)} (${bpsText(board.expenseVsMedianBps)})` });
  }
  rows.push({
    label: `Performance quintiles (${board.performance.map((p) => `${p.years}`).join('/')} years; 1 = best; as of ${longDate(board.asOf.performanceUniverse)})`,
    value: board.performance.map((p) => String(p.quintile)).join(' / '),
  });
  rows.push({ label: 'Performance vs peer median', value: board.performance.map((p) => `${p.years}y ${bpsText(p.vsMedianBps) || '—'}`).join(' · ') });
  rows.push({ label: 'Performance vs index', value: board.performance.map((p) => `${p.years}y ${bpsText(p.vsIndexBps) || '—'}`).join(' · ') });
  if (board.cap) {
    rows.push({ label: `Expense limitation (fund period to ${longDate(board.asOf.fundPeriodEnd)})`, value: `${percent(board.cap.limit)} through ${longDate(board.cap.endsOn)}; covered ratio ${percent(board.cap.coveredRatio)}, headroom ${bpsText(board.cap.headroomBps)}; ${board.cap.daysUntilEnd} days after the meeting` });
  }
  if (figures.preferredCoverage) {
    const c = figures.preferredCoverage;
    const headline = [
      c.debtRatio && c.perThousandOfDebt ? `debt ${percent(c.debtRatio, 0)} ($${money(c.perThousandOfDebt)} per $1,000)` : '',
      c.ratio ? `preferred ${percent(c.ratio, 0)}${c.perShare ? ` ($${money(c.perShare)} per share)` : ''}` : '',
    ].filter(Boolean).join('; ');
    rows.push({ label: `Asset coverage of senior securities (${longDate(board.asOf.fundPeriodEnd)})`, value: `${headline}; binding minimum ${percent(c.bindingMinimum, 0)}; ${c.compliant ? 'compliant' : 'NOT COMPLIANT'}` });
  }
  if (board.profitability?.margin) {
    rows.push({ label: `Adviser's pre-tax margin on the Trust (${board.profitability.period})`, value: `${percent(board.profitability.margin, 1)} ($${money(board.profitability.profit)} on revenue of $${money(board.profitability.totalRevenue)})` });
  }
  rows.push({ label: 'Independent trustees on the roster', value: `${board.composition.independent} of ${board.composition.trustees} (${percent(board.composition.share, 0)})${board.composition.stated ? `; ${board.composition.statedSource} states ${percent(board.composition.stated, 0)}` : ''}` });
  for (const p of figures.proxy) {
    for (const g of p.groups) {
      const elected = g.nominees.filter((n) => n.outcome === 'elected').length;
      const held = board.holdovers.filter((h) => h.group === g.group && h.meetingDate === p.meetingDate).map((h) => h.name);
      const present = g.presentFraction ? `${percent(g.presentFraction, 1)} present` : `${money(g.present)} shares present (shares outstanding unknown)`;
      rows.push({ label: `Last vote, proposal ${p.number} (${g.group.replaceAll('_', ' ')})`, value: `${elected} of ${g.nominees.length} nominees elected; ${present}${g.quorumMet === false ? ', short of quorum' : ''}${held.length ? `; ${held.join(', ')} continue${held.length === 1 ? 's' : ''} to serve as holdover trustee${held.length === 1 ? '' : 's'} until a successor is elected` : ''}` });
    }
  }
  return rows;
}

/** Where a finding points, as printed: `board_review.meeting.start (2011-06-15.yaml line 14)`. */
type Where = (path: readonly (string | number)[]) => string;

const returnBasis = (b: 'nav' | 'market' | undefined) => (b === 'nav' ? 'at net asset value' : b === 'market' ? 'at market price' : 'basis (NAV or market) not stated in the data');

export function boardView(fund: FundPeriod, review: BoardReview, figures: Figures, board: BoardFigures, where: Where): BoardView {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const rowsOf = (list: readonly (Finding & { rule?: string; threshold?: string })[]) =>
    [...list]
      .sort((a, b) => order[a.severity] - order[b.severity])
      .map((f) => ({ severity: f.severity, code: f.code, rule: f.rule ?? '', threshold: f.threshold ?? '', message: f.message, where: f.path ? where(f.path) : '' }));
  const countsOf = (list: readonly Finding[]) => ({
    errors: list.filter((f) => f.severity === 'error').length,
    warnings: list.filter((f) => f.severity === 'warning').length,
    info: list.filter((f) => f.severity === 'info').length,
  });

  const pu = review.performance_universe;
  const performanceRows = board.performance.map((p) => ({
    period: `${p.years} year${p.years === 1 ? '' : 's'}`,
    fund: percent(p.fundReturn),
    median: p.medianReturn ? `${percent(p.medianReturn)}${p.medianComputed ? '' : '*'}` : '—',
    vsMedian: bpsText(p.vsMedianBps) || '—',
    index: p.indexReturn ? percent(p.indexReturn) : '—',
    vsIndex: bpsText(p.vsIndexBps) || '—',
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
  const fundPeriodAsOf = longDate(board.asOf.fundPeriodEnd);
  const expenseBasis = board.expenseBasis ? basisText(board.expenseBasis) : 'basis not stated in the data';

  const cap = board.cap && figures.expenseCap && {
    asOf: `${fund.period.label} (annualised)`,
    rows: [
      { label: 'Expense limitation (covered expenses)', value: percent(board.cap.limit) },
      { label: 'Covered expense ratio, fund period (annualised)', value: percent(board.cap.coveredRatio) },
      { label: 'Headroom under the cap', value: bpsText(board.cap.headroomBps) },
      { label: 'Gross expense ratio (all expenses, including interest)', value: percent(figures.expenseCap.grossRatio) },
      { label: 'Waived or reimbursed in the fund period', value: `$${money(board.cap.waiverPeriod)}` },
      { label: 'Waived or reimbursed this fiscal year to date', value: `$${money(board.cap.waiverYearToDate)}` },
      { label: 'Agreement ends', value: longDate(board.cap.endsOn) },
      { label: 'Days from the meeting to the end of the agreement', value: String(board.cap.daysUntilEnd) },
    ],
    workings: figures.expenseCap.workings,
  };

  const cov = figures.preferredCoverage;
  const coverage = cov && {
    asOf: fundPeriodAsOf,
    rows: [
      ...(cov.perThousandOfDebt ? [{ label: 'Asset coverage per $1,000 of indebtedness', value: `$${money(cov.perThousandOfDebt)}` }] : []),
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

  const pr = board.profitability;
  const schedule = fund.agreements.advisory.schedule;
  const holdoverOf = (name: string) => board.holdovers.find((h) => h.name === name);
  const groupName = (g: string) => (g === 'preferred' ? 'Preferred only' : g === 'common' ? 'Common only' : 'Common and preferred');
  const asOfRows = [
    { block: `Fund figures: ${fund.period.label} (expense ratio, net assets, expense cap, asset coverage)`, asOf: fundPeriodAsOf, basis: 'ratios annualised, to average daily net assets applicable to common shares' },
    { block: `Expense group (${eg.source})`, asOf: longDate(eg.as_of), basis: `contractual fees at a common asset level of $${money(eg.common_asset_level)}; total expense ratios ${expenseBasis}` },
    { block: `Performance universe (${pu.source})`, asOf: longDate(pu.as_of), basis: `total returns ${returnBasis(pu.return_basis)}` },
  ];
  if (pr) asOfRows.push({ block: `Profitability (${pr.source})`, asOf: longDate(pr.asOf), basis: `${pr.period}, pre-tax` });

  return {
    documentTitle: `${fund.fund.name} — Board Approval Book — ${meetingDates(review.meeting.start, review.meeting.end)}`,
    author: fund.fund.administrator ?? fund.fund.adviser,
    fundName: fund.fund.name,
    meeting: meetingDates(review.meeting.start, review.meeting.end),
    asOf: fundPeriodAsOf,
    asOfRows,
    sections: BOARD_SECTIONS.map(([id, title]) => ({ id, title })),
    summary: { keyFigures: keyFigures(board, figures), counts: countsOf(board.findings), findings: rowsOf(board.findings) },
    appendix: { source: fund.period.label, counts: countsOf(board.dataFindings), countsText: countsText(countsOf(board.dataFindings)), findings: rowsOf(board.dataFindings) },
    services: review.services,
    managers: review.portfolio_managers ?? fund.narrative.portfolio_managers?.managers ?? [],
    performance: {
      source: pu.source,
      asOf: longDate(pu.as_of),
      basis: `Total returns ${returnBasis(pu.return_basis)}`,
      indexName: pu.index_name,
      synthetic: Boolean(pu.synthetic),
      rows: performanceRows,
      medianNote: board.performance.some((p) => p.medianReturn && !p.medianComputed) ? '* Median as stated by the data vendor (the data gives ranks, not every return); other medians are computed from every return in the universe.' : 'Medians are computed from every return in the universe.',
      chart: groupedBars(board.performance.map((p) => ({ label: `${p.years}-year`, fund: p.fundReturn, median: p.medianReturn, index: p.indexReturn }))),
    },
    fees: {
      source: eg.source,
      asOf: longDate(eg.as_of),
      basis: expenseBasis,
      fundRatioSource: board.fundExpenseRatioStated
        ? 'as stated in the board-review data'
        : board.expenseBasis
          ? `computed from the fund period (${fund.period.label}, annualised) on the peers' basis`
          : `computed from the fund period (${fund.period.label}, annualised), gross of waivers and including interest expense, as the peers' basis is not stated`,
      commonAssetLevel: `$${money(eg.common_asset_level)}`,
      rows: board.group.map((g) => ({ name: g.name, fee: percent(g.contractualFee, 3), ter: g.totalExpenseRatio ? percent(g.totalExpenseRatio) : '—', isFund: g.isFund })),
      stats: [
        { label: 'Lower quartile', fee: percent(board.feeStats.q1, 3), ter: board.expenseStats ? percent(board.expenseStats.q1, 3) : '' },
        { label: 'Median', fee: percent(board.feeStats.median, 3), ter: board.expenseStats ? percent(board.expenseStats.median, 3) : '' },
        { label: 'Upper quartile', fee: percent(board.feeStats.q3, 3), ter: board.expenseStats ? percent(board.expenseStats.q3, 3) : '' },
      ],
      fundVsMedian: bpsText(board.feeVsMedianBps),
      expenseVsMedian: bpsText(board.expenseVsMedianBps),
      feeRank: `${board.feeRank} of ${board.group.length}`,
      synthetic: Boolean(eg.synthetic),
      chart: feeChart,
      workings: board.workings.filter((w) => w.startsWith('Expense group') || w.startsWith('Contractual fee') || w.startsWith('Total expense')),
    },
    cap,
    economies: {
      hasBreakpoints: board.breakpoints.hasBreakpoints,
      schedule: schedule.map((t) => `${percent(t.rate, 3)}${t.up_to ? ` up to $${money(t.up_to)}` : schedule.length > 1 ? ' above' : ''}`).join('; '),
      basis: 'net assets applicable to common shares at each fiscal period end (financial highlights, in thousands); the fee base also counts leverage, so the fee itself is larger, but the rate a schedule gives is read at each level the same way',
      history: board.scale.rows.map((r) => ({ period: r.label, end: longDate(r.end), netAssets: `$${money(r.netAssets)}`, fee: `$${money(r.annualFee)}`, rate: percent(r.effectiveRate, 3) })),
      change: bpsText(board.scale.changeBps),
      rows: board.breakpoints.rows.map((r) => ({ assets: `$${money(r.assets)}`, fee: `$${money(r.annualFee)}`, rate: percent(r.effectiveRate, 3), isFund: r.isFundLevel })),
      workings: board.scale.workings,
    },
    profitability: pr && {
      asOf: longDate(pr.asOf),
      period: pr.period,
      source: pr.source,
      synthetic: pr.synthetic,
      revenue: pr.revenue.map((l) => ({ label: l.label, amount: `$${money(l.amount)}` })),
      costs: pr.costs.map((l) => ({ label: l.label, amount: `$${money(l.amount)}` })),
      totalRevenue: `$${money(pr.totalRevenue)}`,
      totalCosts: `$${money(pr.totalCosts)}`,
      profit: `$${money(pr.profit)}`,
      margin: pr.margin ? percent(pr.margin, 1) : '—',
      note: pr.note,
      workings: pr.workings,
    },
    missing: board.missing,
    fallOut: review.fall_out_benefits,
    affiliated: board.affiliatedRevenues && {
      source: board.affiliatedRevenues.source,
      period: board.affiliatedRevenues.period,
      synthetic: board.affiliatedRevenues.synthetic,
      rows: board.affiliatedRevenues.rows.map((r) => ({ label: r.label, amount: `$${money(r.amount)}`, from: r.fromFund ? `the fund period's statement of operations (${r.fromFund.replaceAll('_', ' ')})` : 'as given' })),
      total: `$${money(board.affiliatedRevenues.total)}`,
    },
    coverage,
    proxy: {
      meeting: figures.proxy[0] ? longDate(figures.proxy[0].meetingDate) : '',
      fundPeriod: fund.period.label,
      rows: figures.proxy.flatMap((p) => p.groups.flatMap((g) => g.nominees.map((n) => ({
        group: groupName(g.group),
        name: n.name,
        for: money(n.for),
        withheld: money(n.withheld),
        forOfCast: percent(n.forOfCast, 1),
        outcome: n.outcome === 'no quorum' ? 'no quorum: the incumbent holds over until a successor is elected' : n.outcome,
      })))),
      quorum: figures.proxy.flatMap((p) => p.groups.map((g) => ({
        group: groupName(g.group),
        present: g.sharesOutstanding && g.presentFraction
          ? `${money(g.present)} of ${money(g.sharesOutstanding)} (${percent(g.presentFraction, 1)}); quorum ${percent(g.quorumRequired, 0)}`
          : `${money(g.present)} of an unknown number of shares outstanding; quorum ${percent(g.quorumRequired, 0)}`,
        met: g.quorumMet === true,
        unknown: g.quorumMet === undefined,
      }))),
      holdovers: board.holdovers.map((h) => `${h.name}: ${holdoverText(h)}.`),
    },
    resolution: review.resolution ?? defaultResolution(review, board),
    agreements: board.agreements.map((a) => ({ kind: a.kind === 'advisory' ? 'Advisory' : 'Sub-advisory', name: a.name, parties: a.parties })),
    independentTrustees: review.trustees.filter((t) => t.independent).map((t) => t.name),
    allTrustees: review.trustees.map((t) => {
      const h = holdoverOf(t.name);
      return { name: t.name, role: `${t.independent ? 'Independent Trustee' : 'Interested Trustee'}${t.chair ? ', Chair' : ''}${h ? `; ${holdoverText(h)}` : ''}` };
    }),
    composition: `${board.composition.independent} of the ${board.composition.trustees} trustees on the roster are independent (${percent(board.composition.share, 0)})${board.composition.stated ? `; ${board.composition.statedSource} states ${percent(board.composition.stated, 0)}${board.composition.agrees ? '' : ', a difference reported in the findings'}` : ''}.`,
  };
}

/** A finding's place as the book prints it: `board_review.expense_group.as_of (2011-06-15.yaml line 40)`. */
export function whereIn(...locators: { prefixes?: string[]; locate: Locator }[] | [Locator]): Where {
  const list = locators.map((l) => (typeof l === 'function' ? { locate: l } : l));
  return (path) => {
    const l = list.find((x) => !x.prefixes || x.prefixes.includes(String(path[0]))) ?? list.at(-1)!;
    const at = l.locate(path);
    return `${formatPath(path)} (${basename(at.file)} line ${at.line})`;
  };
}

