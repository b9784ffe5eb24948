// Calculate stage: runs every calculator on a loaded fund-period and gathers their findings.
// Pure: the fund data in, figures (with workings) and findings out.
import { Decimal, ZERO, placesOf } from '../decimal.js';
import type { BoardReview, FundPeriod } from '../load/schema.js';
import { blocksAfterMeeting } from './meeting-dates.js';
import { calculateAdvisoryFee, type AdvisoryFeeResult } from './advisory-fee.js';
import { calculateBoardReview, type BoardFigures } from './board-review.js';
import { calculateExpenseCap, type ExpenseCapResult } from './expense-cap.js';
import { statedComputedText, type Diagnostic } from '../diagnostic.js';
import { daysInFiscalYear } from './fiscal-year.js';
import { daysInclusive } from './period-days.js';
import { calculateCoverage, coverageBelowMinimum, type CoverageResult } from './preferred-coverage.js';
import { seniorSecurities } from './senior-securities.js';
import { tallyGroup, type GroupTally } from './proxy-tally.js';
import { statedVsComputed } from './stated-checks.js';
import { tieOuts, type TieOut } from './tie-outs.js';
import { fmtMoney, fmtPct } from './workings-format.js';

export interface ProposalTally {
  meetingDate: string;
  number: number;
  title: string;
  standard: string;
  groups: GroupTally[];
}

export interface Figures {
  days: number;
  daysInYear: number;
  daysInFiscalYear: number;
  expenseCap?: ExpenseCapResult;
  advisoryFee: AdvisoryFeeResult;
  preferredCoverage?: CoverageResult;
  proxy: ProposalTally[];
  marketPremiumDiscount?: Decimal;
  /** Annualised ratios to average daily net assets, as the financial highlights print them. */
  ratios: {
    expenses: Decimal;
    expensesExcludingInterestFacilities: Decimal;
    netInvestmentIncome: Decimal;
    preferredDividends: Decimal;
    netInvestmentIncomeAfterPreferred: Decimal;
  };
  tieOuts: TieOut[];
  /** The section 15(c) review, whenever the file has a `board_review` section. */
  board?: BoardFigures;
  findings: Diagnostic[];
}

export function computeFigures(fund: FundPeriod): Figures {
  const days = daysInclusive(fund.period.start, fund.period.end);
  const fiscalDays = daysInFiscalYear(fund.period.end, fund.fund.fiscal_year_end);
  const limitation = fund.agreements.expense_limitation;
  const daysInYear = limitation?.day_count === 'actual/actual' ? fiscalDays : 365;
  const ops = fund.statements.operations;
  const sal = fund.statements.assets_and_liabilities;
  const adna = fund.period.average_daily_net_assets;
  const findings: Diagnostic[] = [];

  const expenseLines: Record<string, Decimal | undefined> = { ...ops.expenses, expense_offset: ops.expenses.expense_offset?.abs() };
  const expenseCap = limitation
    ? calculateExpenseCap({
        expenses: expenseLines,
        totalExpenses: ops.expenses.total,
        excludedKeys: limitation.excluded.map((e) => e.key),
        limit: limitation.limit,
        averageNetAssets: adna,
        days,
        daysInYear,
        advisoryFee: ops.expenses.advisory_fees ?? ZERO,
        periodEnd: fund.period.end,
        recoupmentYears: limitation.recoupment_years,
        priorWaivers: limitation.prior_waivers?.map((w) => ({ waivedOn: w.waived_on, amount: w.amount, capRate: w.cap_rate, recovered: w.recovered })),
      })
    : undefined;

  const adv = fund.agreements.advisory;
  const base = adv.average_base;
  const advisoryFee = calculateAdvisoryFee({
    schedule: adv.schedule.map((t) => ({ upTo: t.up_to, rate: t.rate })),
    periodStart: fund.period.start,
    periodEnd: fund.period.end,
    days,
    daysInYear,
    booked: ops.expenses.advisory_fees ?? ZERO,
    averageBase: base ? base.net_assets.plus(base.preferred_liquidation ?? ZERO).plus(base.retirement_leverage ?? ZERO).plus(base.other_leverage ?? ZERO) : undefined,
    baseValues: adv.base_values,
    baseUnit: base?.unit,
    contractualWaiverRate: adv.contractual_waiver_rate,
  });
  if (!advisoryFee.agrees) {
    findings.push({
      severity: 'warning',
      code: 'ADVISORY_FEE_MISMATCH',
      message: `advisory fee booked ${fmtMoney(advisoryFee.booked)} differs from the contractual fee ${fmtMoney(advisoryFee.computed)} by more than ${fmtMoney(advisoryFee.tolerance, 2)}; the booked fee implies an average base of ${fmtMoney(advisoryFee.impliedBase)}`,
      stated: advisoryFee.booked.toString(),
      computed: advisoryFee.computed.toString(),
      path: ['statements', 'operations', 'expenses', 'advisory_fees'],
    });
  }
  if (adv.base_values?.length && advisoryFee.daysCovered !== days) {
    findings.push({ severity: 'warning', code: 'FEE_BASE_GAPS', message: `the fee base values cover ${advisoryFee.daysCovered} of the period's ${days} days`, path: ['agreements', 'advisory', 'base_values'] });
  }

  const preferredCoverage = calculateCoverage({
    totalAssets: sal.assets.total_assets,
    totalLiabilities: sal.liabilities.total_liabilities,
    securities: seniorSecurities(fund),
    covenants: fund.preferred_shares?.coverage_covenants,
  });
  const coverageShort = preferredCoverage && coverageBelowMinimum(preferredCoverage, seniorSecurities(fund)[0]?.path ?? ['statements', 'assets_and_liabilities']);
  if (coverageShort) findings.push(coverageShort);
  if (expenseCap && !expenseCap.excess.isZero()) {
    findings.push({
      severity: 'info',
      code: 'EXPENSE_CAP_WAIVER',
      message: `covered expenses exceed the ${fmtPct(expenseCap.limit, 2)} cap: waiver ${fmtMoney(expenseCap.waiver)}, reimbursement ${fmtMoney(expenseCap.reimbursement)}`,
      computed: expenseCap.excess.toString(),
      path: ['agreements', 'expense_limitation', 'limit'],
    });
  }

  const proxy: ProposalTally[] = [];
  fund.proxy?.forEach((meeting, m) => {
    // `unknown` (null) stays unknown, and makes the combined group's figure unknown too.
    const common = meeting.shares_outstanding.common ?? undefined;
    const preferred = meeting.shares_outstanding.preferred === undefined ? ZERO : meeting.shares_outstanding.preferred ?? undefined;
    const outstanding = {
      common_and_preferred: common && preferred && common.plus(preferred),
      common,
      preferred,
    };
    meeting.proposals.forEach((proposal, p) => {
      const groups = proposal.groups.map((g, gi) => {
        const tally = tallyGroup(
          {
            group: g.group,
            sharesOutstanding: outstanding[g.group],
            quorum: meeting.quorum?.[g.group],
            seats: g.seats,
            nominees: g.nominees,
            votes: g.votes && { for: g.votes.for, against: g.votes.against, abstain: g.votes.abstain, brokerNonVotes: g.votes.broker_non_votes },
          },
          proposal.standard,
        );
        const path = ['proxy', m, 'proposals', p, 'groups', gi];
        const label = `proposal ${proposal.number} (${g.group.replaceAll('_', ' ')})`;
        if (tally.overvoted && tally.sharesOutstanding) {
          // Point at the nominee whose votes run over (for + withheld), or at the proposal's votes.
          const worst = tally.nominees.reduce((best, n, i) => (n.cast.greaterThan(tally.nominees[best]!.cast) ? i : best), 0);
          const nominee = tally.nominees[worst];
          const what = nominee && !g.votes ? `${nominee.name}: ${fmtMoney(nominee.for)} for + ${fmtMoney(nominee.withheld)} withheld = ${fmtMoney(nominee.cast)} votes` : `${fmtMoney(tally.present)} votes`;
          findings.push({
            severity: 'error',
            code: 'VOTES_OVER_OUTSTANDING',
            message: `${label}: ${what}, but only ${fmtMoney(tally.sharesOutstanding)} shares outstanding`,
            stated: tally.present.toString(),
            computed: tally.sharesOutstanding.toString(),
            path: g.votes ? [...path, 'votes', 'for'] : [...path, 'nominees', worst, 'for'],
          });
        } else if (tally.quorumMet === false && tally.sharesOutstanding && tally.presentFraction) {
          findings.push({
            severity: 'warning',
            code: 'QUORUM_NOT_MET',
            message: `${label}: ${fmtMoney(tally.present)} of ${fmtMoney(tally.sharesOutstanding)} shares present (${fmtPct(tally.presentFraction, 1)}), below the ${fmtPct(tally.quorumRequired, 0)} quorum`,
            stated: tally.present.toString(),
            computed: tally.quorumRequired.times(tally.sharesOutstanding).toString(),
            path: [...path, 'group'],
          });
        }
        const outstandingPath = ['proxy', m, 'shares_outstanding', g.group === 'preferred' ? 'preferred' : 'common'];
        if (tally.passesIfOutstandingBelow) {
          findings.push({
            severity: 'warning',
            code: 'VOTE_UNDETERMINED',
            message: `${label}: the outcome under the 1940 Act majority is undetermined because shares outstanding are unknown; it passes only if fewer than ${fmtMoney(tally.passesIfOutstandingBelow)} shares were outstanding`,
            computed: tally.passesIfOutstandingBelow.toString(),
            path: outstandingPath,
          });
        } else if (!tally.sharesOutstanding) {
          findings.push({ severity: 'info', code: 'QUORUM_NOT_CHECKED', message: `${label}: shares outstanding are unknown, so the quorum is not checked`, path: outstandingPath });
        }
        for (const { first, other } of tally.differingTotals) {
          const n = tally.nominees.indexOf(other);
          findings.push({
            severity: 'warning',
            code: 'NOMINEE_TOTALS_DIFFER',
            message: `${label}: ${first.name} has ${fmtMoney(first.cast)} votes (for + withheld), ${other.name} ${fmtMoney(other.cast)}; one voting group's nominees should have the same shares present`,
            stated: other.cast.toString(),
            computed: first.cast.toString(),
            path: [...path, 'nominees', n, 'for'],
          });
        }
        return tally;
      });
      proxy.push({ meetingDate: meeting.date, number: proposal.number, title: proposal.title, standard: proposal.standard, groups });
    });
  });

  const annualise = (amount: Decimal) => amount.dividedBy(adna).times(daysInYear).dividedBy(days);
  const ratios = {
    expenses: annualise(ops.expenses.total),
    expensesExcludingInterestFacilities: annualise(ops.expenses.total.minus(ops.expenses.interest_facilities_and_maintenance_fees ?? ZERO)),
    netInvestmentIncome: annualise(ops.net_investment_income),
    preferredDividends: annualise((ops.preferred_distributions ?? ZERO).abs()),
    netInvestmentIncomeAfterPreferred: annualise(ops.net_investment_income.minus((ops.preferred_distributions ?? ZERO).abs())),
  };
  // Zero case: no premium or discount to a NAV of zero (not applicable).
  const marketPremiumDiscount = sal.market_price_per_share && !sal.nav_per_share.isZero()
    ? sal.market_price_per_share.minus(sal.nav_per_share).dividedBy(sal.nav_per_share)
    : undefined;

  const checks = tieOuts(fund);
  for (const t of checks.filter((x) => !x.ok)) {
    // Each figure as stated: at the places the stated figure was written with (or more, for a computed sum).
    const places = (d: Decimal) => Math.max(placesOf(t.stated), d.decimalPlaces());
    const show = (d: Decimal) => (t.unit === 'percent' ? fmtPct(d, Math.max(2, places(d) - 2)) : fmtMoney(d, places(d)));
    findings.push({
      severity: t.severity,
      code: t.severity === 'error' ? 'TIE_OUT' : 'STATED_PERCENT',
      message: `${t.label}: ${statedComputedText(t.stated, t.computed, show)}${t.tolerance.isZero() ? '' : ` (tolerance ${t.tolerance.toString()})`}`,
      stated: t.stated.toString(),
      computed: t.computed.toString(),
      difference: t.stated.minus(t.computed).abs().toString(),
      path: t.path,
    });
  }
  findings.push(...statedVsComputed(fund, { ratios, expenseCap, preferredCoverage, marketPremiumDiscount, days, daysInYear, fiscalDays, adna }));

  const figures: Figures = {
    days,
    daysInYear,
    daysInFiscalYear: fiscalDays,
    expenseCap,
    advisoryFee,
    preferredCoverage,
    proxy,
    marketPremiumDiscount,
    ratios,
    tieOuts: checks,
    findings,
  };
  // A fund file's own board_review runs on the figures above, so `check` and `figures` show the rules
  // that fire; a meeting file (board/<meeting>.yaml) adds its review with withBoardReview instead.
  if (!fund.board_review) return figures;
  // In a fund file the review draws on this very period, which must end by the meeting.
  const late = blocksAfterMeeting(fund.board_review, { label: 'fund period', asOf: fund.period.end, path: ['period', 'end'] });
  if (!fund.board_review.expense_group.peers) {
    late.push({ severity: 'error', code: 'PEERS_FILE', path: ['board_review', 'expense_group', 'peers_file'], message: 'peers are read from a CSV only in a meeting file (board/<meeting>.yaml); list them under peers here' });
  }
  if (late.length > 0) return { ...figures, findings: [...findings, ...late] };
  return withBoardReview(fund, fund.board_review, figures);
}

/**
 * The figures with a section 15(c) review added: its figures, and its own findings after the core
 * checks' (its book repeats the core findings in an appendix; here each is listed once).
 */
export function withBoardReview(fund: FundPeriod, review: BoardReview, figures: Figures): Figures {
  const board = calculateBoardReview(fund, review, figures);
  const key = (f: Diagnostic) => `${f.code} ${f.path?.join('.')} ${f.message}`;
  const core = new Set(figures.findings.map(key));
  return { ...figures, board, findings: [...figures.findings, ...board.findings.filter((f) => !core.has(key(f)))] };
}
