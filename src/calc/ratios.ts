// The financial highlights' annualised ratios to average daily net assets, and the market price's
// premium (discount) to NAV, as fundbook computes them (stated-checks.ts compares them with the filing's).
import { ZERO, type Decimal } from '../decimal.js';
import type { FundPeriod } from '../load/schema.js';
import { annualise } from './annualise.js';
import { jsonRatio, needs, type CalculatorPass } from './pass.js';
import { fmtMoney, fmtPct } from './workings-format.js';

export interface Ratios {
  expenses: Decimal;
  expensesExcludingInterestFacilities: Decimal;
  netInvestmentIncome: Decimal;
  preferredDividends: Decimal;
  netInvestmentIncomeAfterPreferred: Decimal;
}

function highlightRatios(fund: FundPeriod, days: number, daysInYear: number): Ratios {
  const ops = fund.statements.operations;
  const on = (amount: Decimal) => annualise(amount, fund.period.average_daily_net_assets, days, daysInYear);
  const preferred = (ops.preferred_distributions ?? ZERO).abs();
  return {
    expenses: on(ops.expenses.total),
    expensesExcludingInterestFacilities: on(ops.expenses.total.minus(ops.expenses.interest_facilities_and_maintenance_fees ?? ZERO)),
    netInvestmentIncome: on(ops.net_investment_income),
    preferredDividends: on(preferred),
    netInvestmentIncomeAfterPreferred: on(ops.net_investment_income.minus(preferred)),
  };
}

/** (market price - NAV) / NAV; undefined without a market price or with a NAV of zero (not applicable). */
function premiumDiscount(fund: FundPeriod): Decimal | undefined {
  const sal = fund.statements.assets_and_liabilities;
  return sal.market_price_per_share && !sal.nav_per_share.isZero()
    ? sal.market_price_per_share.minus(sal.nav_per_share).dividedBy(sal.nav_per_share)
    : undefined;
}

export const ratiosPass = {
  name: 'ratios',
  codes: {},
  lines: [
    { path: 'marketPremiumDiscount', label: 'Market premium (discount) to NAV (computed)', unit: 'ratio', points: true, value: (f) => f.marketPremiumDiscount },
    { path: 'ratios.netInvestmentIncome', label: 'Net investment income ratio (computed)', unit: 'ratio', sameAs: 'financial_highlights.current.nii_ratio_before_preferred', value: (f) => f.ratios.netInvestmentIncome },
  ],
  json: (figures) => ({
    marketPremiumDiscount: jsonRatio(figures.marketPremiumDiscount),
    ratios: Object.fromEntries(Object.entries(figures.ratios).map(([k, v]) => [k, jsonRatio(v)])),
  }),
  run(fund, before) {
    const { days, daysInYear } = needs('ratios', before, 'days', 'daysInYear');
    const ratios = highlightRatios(fund, days, daysInYear);
    const marketPremiumDiscount = premiumDiscount(fund);
    const adna = fund.period.average_daily_net_assets;
    const workings = [
      `Ratios: amount / average daily net assets ${fmtMoney(adna)} x ${daysInYear}/${days}; expenses ${fmtPct(ratios.expenses, 4)}, net investment income ${fmtPct(ratios.netInvestmentIncome, 4)}.`,
    ];
    return { figures: { ratios, marketPremiumDiscount }, workings, diagnostics: [] };
  },
} satisfies CalculatorPass<'ratios' | 'marketPremiumDiscount'>;
