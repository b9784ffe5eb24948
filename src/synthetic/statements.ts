// The financial sections of a generated fund-period file, built from the ledger's figures: statements,
// schedule of investments, financial highlights. Every stated figure is derived here from the same
// bigint/Decimal values with the calculators' formulas, and formatted in the loader's scalar syntax.
import { Decimal, round } from '../decimal.js';
import { longDate, shortDate } from './calendar.js';
import { marketDiscount, percentOf, preferredCoverage, ratio } from './formulas.js';
import type { FundProfile, PeriodResult, Snapshot } from './ledger.js';
import { dec, fmtCount, fmtDecimal, fmtMoney, fmtPercent, roundMoney, sumMoney, type Money } from './money.js';
import { groupByState, marksOf } from './portfolio.js';
import { flow, type YamlMap, type YamlValue } from './yaml-emit.js';

const opt = <T>(cond: boolean, value: T): T | undefined => (cond ? value : undefined);

export function assetsAndLiabilities(s: Snapshot, p: FundProfile): YamlMap {
  const b = s.bal;
  return {
    assets: {
      investments_at_value: fmtMoney(s.investments),
      investments_at_cost: fmtMoney(s.cost),
      cash: fmtMoney(b.cash),
      receivable_interest: fmtMoney(b.receivableInterest),
      other_assets: fmtMoney(b.otherAssets),
      total_assets: fmtMoney(s.totalAssets),
    },
    liabilities: {
      floating_rate_note_obligations: opt(p.floatingRateNotes, fmtMoney(b.floatingRateNotes)),
      payable_common_dividends: opt(p.payableCommonDividends, fmtMoney(b.payableCommon)),
      payable_preferred_dividends: opt(p.preferred, fmtMoney(b.payablePreferred)),
      accrued_expenses: fmtMoney(b.accruedExpenses),
      total_liabilities: fmtMoney(s.totalLiabilities),
    },
    preferred_shares: opt(p.preferred, fmtMoney(p.prefLiquidation)),
    net_assets: fmtMoney(s.netAssets),
    net_assets_consist_of: {
      paid_in_capital: fmtMoney(s.paidIn),
      undistributed_net_investment_income: fmtMoney(s.undistributedNii),
      undistributed_net_realized_gain_loss: fmtMoney(s.undistributedRealized),
      unrealized_appreciation_depreciation: fmtMoney(s.unrealized),
    },
    common_shares_outstanding: fmtCount(s.shares),
    common_par_value: '0.01',
    common_shares_authorized: 'unlimited',
    nav_per_share: fmtDecimal(s.nav, 2),
    market_price_per_share: fmtDecimal(s.marketPrice, 2),
  };
}

export function operations(r: PeriodResult, p: FundProfile): YamlMap {
  const e = r.expenses;
  const expenses: Record<string, string | undefined> = {};
  for (const [key, amount] of Object.entries(e.lines)) expenses[key] = fmtMoney(amount as Money);
  expenses.total = fmtMoney(e.total);
  if (e.waiver > 0n) {
    expenses.fees_waived_and_expenses_reimbursed = fmtMoney(-e.waiver);
    expenses.net = fmtMoney(e.net);
  }
  const fromOps = r.nii + r.realized + r.unrealizedChange;
  return {
    investment_income: { interest: fmtMoney(r.interest), total: fmtMoney(r.interest) },
    expenses,
    net_investment_income: fmtMoney(r.nii),
    net_realized_gain_loss: fmtMoney(r.realized),
    change_in_unrealized_appreciation: fmtMoney(r.unrealizedChange),
    net_realized_and_unrealized_gain_loss: fmtMoney(r.realized + r.unrealizedChange),
    net_increase_from_operations: fmtMoney(fromOps),
    preferred_distributions: opt(p.preferred, fmtMoney(-r.preferredDividends)),
    net_increase_applicable_to_common: fmtMoney(fromOps - r.preferredDividends),
  };
}

/** One column of the Statement of Changes in Net Assets. */
export interface ChangesData {
  label: string;
  start: string;
  end: string;
  nii: Money;
  realized: Money;
  unrealizedChange: Money;
  preferredDividends: Money;
  distributions: Money;
  reinvested: Money;
  netAssetsBegin: Money;
  netAssetsEnd: Money;
  undistributedNiiEnd: Money;
}

export function changesColumn(c: ChangesData, preferred: boolean): YamlMap {
  const fromOps = c.nii + c.realized + c.unrealizedChange;
  const toCommon = fromOps - c.preferredDividends;
  const increase = toCommon - c.distributions + c.reinvested;
  if (c.netAssetsBegin + increase !== c.netAssetsEnd) throw new Error(`${c.label}: changes in net assets do not foot`);
  return {
    label: c.label,
    start: c.start,
    end: c.end,
    net_investment_income: fmtMoney(c.nii),
    net_realized_gain_loss: fmtMoney(c.realized),
    change_in_unrealized_appreciation: fmtMoney(c.unrealizedChange),
    net_increase_from_operations: fmtMoney(fromOps),
    preferred_distributions: opt(preferred, fmtMoney(-c.preferredDividends)),
    net_increase_applicable_to_common: fmtMoney(toCommon),
    distributions_from_net_investment_income: fmtMoney(-c.distributions),
    capital_share_transactions: opt(c.reinvested !== 0n, fmtMoney(c.reinvested)),
    net_increase_in_net_assets: fmtMoney(increase),
    net_assets_beginning: fmtMoney(c.netAssetsBegin),
    net_assets_end: fmtMoney(c.netAssetsEnd),
    undistributed_net_investment_income_end: fmtMoney(c.undistributedNiiEnd),
  };
}

export const changesFromResult = (r: PeriodResult): ChangesData => ({
  label: r.period.label,
  start: r.period.start,
  end: r.period.end,
  nii: r.nii,
  realized: r.realized,
  unrealizedChange: r.unrealizedChange,
  preferredDividends: r.preferredDividends,
  distributions: r.distributions,
  reinvested: r.reinvested,
  netAssetsBegin: r.begin.netAssets,
  netAssetsEnd: r.end.netAssets,
  undistributedNiiEnd: r.end.undistributedNii,
});

export function cashFlows(r: PeriodResult, p: FundProfile): YamlMap {
  const b0 = r.begin.bal;
  const b1 = r.end.bal;
  const toCommon = r.nii + r.realized + r.unrealizedChange - r.preferredDividends;
  const adjustments: [string, Money][] = [
    [r.realized >= 0n ? 'Net realized gain on investments' : 'Net realized loss on investments', -r.realized],
    ['Net change in unrealized appreciation (depreciation) on investments', -r.unrealizedChange],
    ['Cost of purchases of investments', -r.purchases],
    ['Proceeds from sales of investments', r.proceeds],
    ['(Increase) decrease in interest receivable and other assets', -(b1.receivableInterest - b0.receivableInterest) - (b1.otherAssets - b0.otherAssets)],
    ['Increase (decrease) in accrued expenses and other payables', (b1.accruedExpenses - b0.accruedExpenses) + (b1.payablePreferred - b0.payablePreferred)],
  ];
  const financing: [string, Money][] = [
    ['Dividends paid to common shareholders from net investment income', -(r.distributions - r.reinvested - (b1.payableCommon - b0.payableCommon))],
  ];
  if (p.floatingRateNotes && b1.floatingRateNotes !== b0.floatingRateNotes) {
    financing.push(['Net proceeds from (repayment of) floating rate note obligations', b1.floatingRateNotes - b0.floatingRateNotes]);
  }
  const operating = toCommon + sumMoney(adjustments.map(([, a]) => a));
  const financingTotal = sumMoney(financing.map(([, a]) => a));
  if (b0.cash + operating + financingTotal !== b1.cash) throw new Error(`${r.period.end}: cash does not roll forward`);
  const line = ([label, amount]: [string, Money]): YamlMap => ({ label, amount: fmtMoney(amount) });
  return {
    net_increase_applicable_to_common: fmtMoney(toCommon),
    adjustments: adjustments.filter(([, a]) => a !== 0n).map(line),
    net_cash_from_operating: fmtMoney(operating),
    financing: financing.map(line),
    net_cash_from_financing: fmtMoney(financingTotal),
    net_change_in_cash: fmtMoney(operating + financingTotal),
    cash_beginning: fmtMoney(b0.cash),
    cash_end: fmtMoney(b1.cash),
    supplemental: p.floatingRateNotes ? [{ label: 'Cash paid during the period for interest, facilities and maintenance fees', amount: fmtMoney(r.expenses.lines.interest_facilities_and_maintenance_fees ?? 0n) }] : undefined,
  };
}

const SCHEDULE_NOTES: Record<string, string> = {
  a: 'Principal and/or interest payments are secured by the bond insurance company listed.',
  d: 'Underlying security related to Dealer Trusts entered into by the Trust. See Note 1F.',
  e: 'Advance refunded; secured by an escrow fund of U.S. Government obligations or other highly rated collateral.',
  f: 'Zero coupon bond issued at a discount.',
  i: 'Security subject to the alternative minimum tax.',
  l: 'This table lists the entities that have guaranteed or otherwise enhanced the credit quality of the securities held in the portfolio, as a percentage of total investments.',
};

const ABBREVIATIONS: readonly [string, string][] = [
  ['AGC', 'Assured Guaranty Corp.'],
  ['AGM', 'Assured Guaranty Municipal Corp.'],
  ['BAM', 'Build America Mutual Assurance Co.'],
  ['CAB', 'Capital Appreciation Bonds'],
  ['COP', 'Certificates of Participation'],
  ['GO', 'General Obligation'],
  ['INS', 'Insurer'],
  ['NATL', 'National Public Finance Guarantee Corp.'],
  ['RB', 'Revenue Bonds'],
  ['Ref.', 'Refunding'],
  ['Sr.', 'Senior'],
  ['Sub.', 'Subordinated'],
];

const SECTORS: readonly [string, string][] = [
  ['revenue', 'Revenue Bonds'],
  ['general_obligation', 'General Obligation Bonds'],
  ['pre_refunded', 'Pre-refunded Bonds'],
];

/** Shares of `total` with one decimal of a percent, the last row taking the remainder so the rows sum to 100.0%. */
function sharesOfTotal(parts: readonly Money[], total: Money): Decimal[] {
  const out = parts.map((x) => round(dec(x).dividedBy(dec(total)), 3));
  if (out.length > 0) out[out.length - 1] = new Decimal(1).minus(out.slice(0, -1).reduce((a, b) => a.plus(b), new Decimal(0)));
  return out;
}

export function scheduleOfInvestments(s: Snapshot, p: FundProfile): YamlMap {
  const na = dec(s.netAssets);
  const groups = groupByState(s.holdings);
  const total = dec(s.investments);
  const used = new Set(s.holdings.flatMap(marksOf));
  const insured = new Map<string, Money>();
  for (const h of s.holdings) if (h.insurer) insured.set(h.insurer, (insured.get(h.insurer) ?? 0n) + h.value);
  const enhancers = [...insured.entries()].sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : 1) : x > y ? -1 : 1));
  const sectorTotals = SECTORS.map(([key]) => sumMoney(s.holdings.filter((h) => h.sector === key).map((h) => h.value)));
  const present = SECTORS.map((sector, i) => ({ sector: sector[1], amount: sectorTotals[i]! })).filter((x) => x.amount > 0n);
  const composition = sharesOfTotal(present.map((x) => x.amount), s.investments);
  const dealerTrustValue = sumMoney(s.holdings.filter((h) => h.dealerTrust).map((h) => h.value));
  const other = s.netAssets - s.investments + s.bal.floatingRateNotes + p.prefLiquidation;
  const notes = Object.entries(SCHEDULE_NOTES)
    .filter(([mark]) => used.has(mark) || (mark === 'l' && enhancers.length > 0))
    .map(([mark, text]) => ({ mark, text }));
  if (p.floatingRateNotes) {
    notes.push({ mark: 'm', text: `Floating rate note obligations related to securities held. At ${longDate(s.date)}, the Trust's investments with a value of $${fmtMoney(dealerTrustValue)} are held by Dealer Trusts and serve as collateral for the $${fmtMoney(s.bal.floatingRateNotes)} in floating rate note obligations outstanding at that date.` });
  }
  const pct = (amount: Money) => fmtPercent(percentOf(dec(amount), na));
  return {
    category: 'Municipal Obligations',
    category_percent: fmtPercent(percentOf(total, na)),
    groups: groups.map((g): YamlMap => ({
      name: g.name,
      percent_of_net_assets: pct(g.total),
      subtotal: opt(g.holdings.length > 1, fmtMoney(g.total)),
      holdings: g.holdings.map((h): YamlMap => {
        const marks = marksOf(h);
        return {
          id: h.id,
          issuer: h.issuer,
          issue: h.issue,
          enhancement: h.enhancement,
          rate: fmtPercent(dec(h.rateBp).dividedBy(10_000)),
          maturity: h.maturity,
          principal_000: fmtMoney(h.principal000),
          value: fmtMoney(h.value),
          notes: marks.length > 0 ? flow(marks) : undefined,
        };
      }),
    })),
    total_investments: fmtMoney(s.investments),
    total_percent: fmtPercent(percentOf(total, na)),
    cost: fmtMoney(s.cost),
    total_notes: enhancers.length > 0 ? flow(['l']) : undefined,
    floating_rate_notes: opt(p.floatingRateNotes, {
      amount: fmtMoney(-s.bal.floatingRateNotes),
      percent: pct(-s.bal.floatingRateNotes),
      description: `Floating rate note obligations related to securities held at ${shortDate(s.date)} (See Note 1F)`,
      notes: flow(['m']),
    }),
    preferred_shares: opt(p.preferred, { amount: fmtMoney(-p.prefLiquidation), percent: pct(-p.prefLiquidation) }),
    other_assets_less_liabilities: { amount: fmtMoney(other), percent: pct(other) },
    net_assets: { amount: fmtMoney(s.netAssets), percent: pct(s.netAssets) },
    abbreviations: ABBREVIATIONS.map(([code, meaning]) => ({ code, meaning })),
    notes,
    credit_enhancers: enhancers.length > 0
      ? enhancers.map(([entity, amount]) => ({ entity, percent: fmtPercent(round(dec(amount).dividedBy(total), 3), 1) }))
      : undefined,
    composition: {
      title: 'By credit sector, based on total investments',
      rows: present.map((x, i) => ({ sector: x.sector, percent: fmtPercent(composition[i]!, 1) })),
    },
  };
}

/** One column of the financial highlights, per share unless noted. */
export interface HighlightData {
  label: string;
  group?: string;
  end: string;
  navBegin: Decimal;
  nii: Decimal;
  gains: Decimal;
  preferredDividends?: Decimal;
  dividends: Decimal;
  navEnd: Decimal;
  marketEnd: Decimal;
  returnNav: Decimal;
  returnMarket: Decimal;
  netAssets000: Money;
  turnover: Decimal;
  expenseRatio: Decimal;
  expenseRatioExIfm?: Decimal;
  niiRatio: Decimal;
  preferredRatio?: Decimal;
  niiAfterPreferredRatio?: Decimal;
  preferred000?: Money;
  coveragePerShare?: Decimal;
  liquidationPerShare?: Money;
  marks?: Record<string, string[]>;
}

/** Per-share figures roll forward exactly: gains are what is left of the NAV change. */
export function perShare(navBegin: Decimal, navEnd: Decimal, nii: Decimal, pref: Decimal, dividends: Decimal) {
  const gains = navEnd.minus(navBegin).minus(nii).minus(pref).minus(dividends);
  return { gains, totalFromOperations: nii.plus(gains).plus(pref) };
}

export const totalReturn = (begin: Decimal, end: Decimal, dividends: Decimal): Decimal =>
  round(end.minus(begin).minus(dividends).dividedBy(begin), 4);

export function highlightFromResult(r: PeriodResult, p: FundProfile): HighlightData {
  const avgShares = dec(r.begin.shares + r.end.shares).dividedBy(2);
  const nii = round(dec(r.nii).dividedBy(avgShares), 2);
  const pref = round(dec(-r.preferredDividends).dividedBy(avgShares), 2);
  const dividends = round(dec(-r.distributions).dividedBy(avgShares), 2);
  const { gains } = perShare(r.begin.nav, r.end.nav, nii, pref, dividends);
  const A = dec(r.adna);
  const days = r.period.days;
  const e = r.expenses;
  const ifm = e.lines.interest_facilities_and_maintenance_fees ?? 0n;
  const annual = r.period.kind === 'annual';
  const ratioMarks = ['e'];
  const marks: Record<string, string[]> = {
    expense_ratio: e.waiver > 0n ? ['e', 'f'] : ratioMarks,
    nii_ratio_before_preferred: ratioMarks,
  };
  if (p.floatingRateNotes) marks.expense_ratio_excluding_ifm = ratioMarks;
  if (p.preferred) {
    marks.preferred_dividend_ratio = ratioMarks;
    marks.nii_ratio_after_preferred = ratioMarks;
  }
  const coverage = p.preferred
    ? preferredCoverage(dec(r.end.totalAssets), dec(r.end.totalLiabilities), dec(p.prefLiquidation), dec(p.liquidationPerShare)).perShare
    : undefined;
  return {
    label: annual ? String(r.period.fiscalYear) : r.period.label,
    group: annual ? 'Year ended December 31,' : undefined,
    end: r.period.end,
    navBegin: r.begin.nav,
    nii,
    gains,
    preferredDividends: p.preferred ? pref : undefined,
    dividends,
    navEnd: r.end.nav,
    marketEnd: r.end.marketPrice,
    returnNav: totalReturn(r.begin.nav, r.end.nav, dividends),
    returnMarket: totalReturn(r.begin.marketPrice, r.end.marketPrice, dividends),
    netAssets000: roundMoney(dec(r.end.netAssets).dividedBy(1000)),
    turnover: round(dec(r.purchases < r.proceeds ? r.purchases : r.proceeds).dividedBy(dec(r.begin.investments + r.end.investments).dividedBy(2)), 2),
    expenseRatio: ratio(dec(e.total), A, days),
    expenseRatioExIfm: p.floatingRateNotes ? ratio(dec(e.total - ifm), A, days) : undefined,
    niiRatio: ratio(dec(r.nii), A, days),
    preferredRatio: p.preferred ? ratio(dec(r.preferredDividends), A, days) : undefined,
    niiAfterPreferredRatio: p.preferred ? ratio(dec(r.nii - r.preferredDividends), A, days) : undefined,
    preferred000: p.preferred ? p.prefLiquidation / 1000n : undefined,
    coveragePerShare: coverage,
    liquidationPerShare: p.preferred ? p.liquidationPerShare : undefined,
    marks,
  };
}

export function highlightColumn(h: HighlightData): YamlMap {
  const amt = (d: Decimal | undefined) => (d === undefined ? undefined : fmtDecimal(d, 2));
  const pct = (d: Decimal | undefined) => (d === undefined ? undefined : fmtPercent(d));
  const dividends = h.dividends;
  return {
    label: h.label,
    group: h.group,
    end: h.end,
    values: {
      nav_beginning: amt(h.navBegin),
      net_investment_income: amt(h.nii),
      net_gains_losses: amt(h.gains),
      preferred_dividends_from_nii: amt(h.preferredDividends),
      total_from_operations: amt(h.nii.plus(h.gains).plus(h.preferredDividends ?? 0)),
      dividends_from_nii: amt(dividends),
      total_distributions: amt(dividends),
      nav_end: amt(h.navEnd),
      market_value_end: amt(h.marketEnd),
      total_return_nav: pct(h.returnNav),
      total_return_market: pct(h.returnMarket),
      net_assets_end_000: fmtMoney(h.netAssets000),
      portfolio_turnover: fmtPercent(h.turnover, 0),
      expense_ratio: pct(h.expenseRatio),
      expense_ratio_excluding_ifm: pct(h.expenseRatioExIfm),
      nii_ratio_before_preferred: pct(h.niiRatio),
      preferred_dividend_ratio: pct(h.preferredRatio),
      nii_ratio_after_preferred: pct(h.niiAfterPreferredRatio),
      preferred_outstanding_000: h.preferred000 === undefined ? undefined : fmtMoney(h.preferred000),
      asset_coverage_per_preferred_share: h.coveragePerShare === undefined ? undefined : fmtDecimal(h.coveragePerShare, 0),
      liquidating_preference_per_preferred_share: h.liquidationPerShare === undefined ? undefined : fmtMoney(h.liquidationPerShare),
    },
    marks: h.marks ? Object.fromEntries(Object.entries(h.marks).map(([k, v]) => [k, flow(v)])) : undefined,
  };
}

export function performance(r: PeriodResult, h: HighlightData, indexName: string, indexReturn: Decimal): YamlMap {
  const from = shortDate(r.begin.date);
  const to = shortDate(r.end.date);
  return {
    period_label: r.period.kind === 'annual' ? `Total returns, ${from} to ${to}` : `Cumulative total returns, ${from} to ${to}`,
    rows: [
      { key: 'nav', label: 'Trust at NAV', value: fmtPercent(h.returnNav) },
      { key: 'market', label: 'Trust at Market Value', value: fmtPercent(h.returnMarket) },
      { key: 'index', label: indexName, value: fmtPercent(indexReturn) },
    ] as YamlValue[],
    market_discount: fmtPercent(marketDiscount(r.end.marketPrice, r.end.nav), 2, 'minus'),
  };
}
