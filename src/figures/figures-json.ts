// The figures as JSON: a public interface for spreadsheets and review tools. Keep these paths stable
// (documented in docs/figures-json.md). Decimals are strings; ratios are fractions (0.0078), not percents.
import type { Decimal } from '../decimal.js';
import { round } from '../decimal.js';
import type { Figures } from '../calc/compute.js';
import type { FundPeriod } from '../load/schema.js';
import type { Locator } from '../load/locate.js';
import { formatPath } from '../load/locate.js';
import { tieOutRows } from '../sheets/workbook-data.js';

const s = (d: Decimal | undefined) => (d === undefined ? null : d.toString());
/** Money at the filing's whole-dollar presentation. */
const money = (d: Decimal | undefined) => (d === undefined ? null : round(d, 0).toString());
/** A ratio at the filing's 0.01% presentation, as a fraction. */
const ratio = (d: Decimal | undefined) => (d === undefined ? null : round(d, 4).toString());

export function figuresJson(fund: FundPeriod, figures: Figures, locate?: Locator) {
  const cap = figures.expenseCap;
  const fee = figures.advisoryFee;
  const cov = figures.preferredCoverage;
  return {
    fund: { id: fund.fund.id, name: fund.fund.name, synthetic: fund.fund.synthetic ?? false },
    period: { start: fund.period.start, end: fund.period.end, days: figures.days, daysInYear: figures.daysInYear },
    expenseCap: cap && {
      limit: ratio(cap.limit),
      grossRatio: ratio(cap.grossRatio),
      coveredRatio: ratio(cap.coveredRatio),
      netRatio: ratio(cap.netRatio),
      headroomBps: round(cap.headroom.times(10_000), 1).toString(),
      coveredExpenses: money(cap.coveredExpenses),
      capAmount: money(cap.capAmount),
      waiver: money(cap.waiver),
      reimbursement: money(cap.reimbursement),
      netExpenses: money(cap.netExpenses),
      recoupable: money(cap.recoupment.recoverable),
      workings: cap.workings,
    },
    advisoryFee: {
      computed: money(fee.computed),
      booked: money(fee.booked),
      agrees: fee.agrees,
      averageBase: money(fee.averageBase),
      impliedBase: money(fee.impliedBase),
      effectiveRate: s(round(fee.effectiveRate, 6)),
      workings: fee.workings,
    },
    // Absent when no debt or preferred shares are outstanding: coverage is not applicable.
    preferredCoverage: cov && {
      perThousandOfDebt: cov.perThousandOfDebt ? money(cov.perThousandOfDebt) : undefined,
      perShare: cov.perShare ? money(cov.perShare) : undefined,
      ratio: cov.ratio ? ratio(cov.ratio) : undefined,
      debtRatio: cov.debtRatio ? ratio(cov.debtRatio) : undefined,
      coverageAssets: money(cov.coverageAssets),
      debt: money(cov.debt),
      preferredLiquidation: money(cov.preferredLiquidation),
      compliant: cov.compliant,
      headroom: money(cov.headroom),
      commonDividendsBlocked: cov.commonDividendsBlocked,
      preferredDividendsBlocked: cov.preferredDividendsBlocked,
      redemptionNeeded: money(cov.redemptionNeeded),
      debtRepaymentNeeded: money(cov.debtRepaymentNeeded),
      tests: cov.tests.map((t) => ({ name: t.name, covers: t.covers, minimum: ratio(t.minimum), actual: ratio(t.actual), passes: t.passes, headroom: money(t.headroom) })),
      workings: cov.workings,
    },
    marketPremiumDiscount: ratio(figures.marketPremiumDiscount),
    ratios: Object.fromEntries(Object.entries(figures.ratios).map(([k, v]) => [k, ratio(v)])),
    proxy: {
      proposals: figures.proxy.map((p) => ({
        meetingDate: p.meetingDate,
        number: p.number,
        standard: p.standard,
        groups: p.groups.map((g) => ({
          group: g.group,
          sharesOutstanding: s(g.sharesOutstanding),
          present: s(g.present),
          quorumMet: g.quorumMet ?? null,
          nominees: g.nominees.map((n) => ({
            name: n.name,
            for: s(n.for),
            withheld: s(n.withheld),
            forOfCast: ratio(n.forOfCast),
            outcome: n.outcome,
          })),
          votes: g.votes && { for: s(g.votes.for), against: s(g.votes.against), abstain: s(g.votes.abstain), brokerNonVotes: s(g.votes.brokerNonVotes), outcome: g.votes.outcome },
        })),
      })),
    },
    tieOuts: { checked: figures.tieOuts.length, failed: figures.tieOuts.filter((t) => !t.ok).length, list: tieOutRows(figures, locate) },
    findings: figures.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      stated: f.stated ?? null,
      computed: f.computed ?? null,
      difference: f.difference ?? null,
      rule: f.rule ?? null,
      threshold: f.threshold ?? null,
      path: f.path ? formatPath(f.path) : null,
      location: f.location ?? (f.path && locate ? locate(f.path) : null),
    })),
  };
}
export type FiguresJson = ReturnType<typeof figuresJson>;
