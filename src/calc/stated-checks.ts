// Stated vs computed: figures the filing states that fundbook can re-perform. A difference is a
// warning — fundbook reports it and never bends its own calculation to match.
import { Decimal, ZERO, placesOf, round } from '../decimal.js';
import type { FundPeriod } from '../load/schema.js';
import type { ExpenseCapResult } from './expense-cap.js';
import { statedComputedText, type Diagnostic } from '../diagnostic.js';
import { NOT_APPLICABLE, type CoverageResult } from './preferred-coverage.js';
import { needs, type CalculatorPass } from './pass.js';
import type { Ratios } from './ratios.js';
import { atStatedPrecision } from './stated-precision.js';
import { fmtMoney, fmtPct } from './workings-format.js';

interface Computed {
  ratios: Ratios;
  expenseCap?: ExpenseCapResult;
  preferredCoverage?: CoverageResult;
  marketPremiumDiscount?: Decimal;
  days: number;
  daysInYear: number;
  fiscalDays: number;
  adna: Decimal;
}

export function statedVsComputed(fund: FundPeriod, c: Computed): Diagnostic[] {
  const findings: Diagnostic[] = [];
  const hl = fund.financial_highlights;
  const col = hl.columns[0]!.values;
  const hlPath = ['financial_highlights', 'columns', 0, 'values'];

  // Annualised ratios: printed to 0.01%, so compare at 4 decimal places of the fraction.
  const ratioRows = [
    ['expense_ratio', 'ratio of expenses', c.ratios.expenses],
    ['expense_ratio_excluding_ifm', 'ratio of expenses excluding interest, facilities and maintenance fees', c.ratios.expensesExcludingInterestFacilities],
    ['nii_ratio_before_preferred', 'ratio of net investment income before preferred share dividends', c.ratios.netInvestmentIncome],
    ['preferred_dividend_ratio', 'ratio of preferred share dividends', c.ratios.preferredDividends],
    ['nii_ratio_after_preferred', 'ratio of net investment income after preferred share dividends', c.ratios.netInvestmentIncomeAfterPreferred],
  ] as const;
  for (const [key, label, exact] of ratioRows) {
    const stated = col[key];
    if (!stated) continue;
    const { computed, agrees } = atStatedPrecision(stated, exact);
    if (agrees) continue;
    // Would annualising on the days of the fiscal year (actual/actual) give the stated figure?
    const alt = atStatedPrecision(stated, exact.times(c.fiscalDays).dividedBy(365)).computed;
    let why = c.daysInYear === 365 && alt.equals(stated) ? `; annualising on the fiscal year's ${c.fiscalDays} days instead of 365 gives the stated figure` : '';
    // The after-preferred ratio is sometimes printed as the difference of two rounded ratios.
    if (key === 'nii_ratio_after_preferred' && col.nii_ratio_before_preferred && col.preferred_dividend_ratio
      && col.nii_ratio_before_preferred.minus(col.preferred_dividend_ratio).equals(stated)) {
      why += `; the stated figure is the stated ${fmtPct(col.nii_ratio_before_preferred)} less the stated ${fmtPct(col.preferred_dividend_ratio)}`;
    }
    findings.push({
      severity: 'warning',
      code: 'STATED_VS_COMPUTED',
      message: `financial highlights ${label}: ${statedComputedText(stated, computed, (d) => fmtPct(d))} (actual/${c.daysInYear} on average daily net assets of ${fmtMoney(c.adna)})${why}`,
      stated: stated.toString(),
      computed: computed.toString(),
      difference: stated.minus(computed).abs().toString(),
      path: [...hlPath, key],
    });
  }

  // A row whose printed label says "including" interest, facilities and maintenance fees but whose figure
  // is the ratio without them.
  const printed = hl.printed_labels?.expense_ratio_excluding_ifm;
  const exIfm = col.expense_ratio_excluding_ifm;
  if (printed && /\bincluding\b/i.test(printed) && exIfm && atStatedPrecision(exIfm, c.ratios.expensesExcludingInterestFacilities).agrees) {
    findings.push({
      severity: 'warning',
      code: 'HIGHLIGHTS_LABEL',
      message: `financial highlights label "${printed}" says "including", but its figure ${fmtPct(exIfm)} is the ratio excluding interest, facilities and maintenance fees (including them gives ${fmtPct(round(c.ratios.expenses, 4))})`,
      stated: printed,
      computed: 'excluding',
      path: ['financial_highlights', 'printed_labels', 'expense_ratio_excluding_ifm'],
    });
  }

  // A per-preferred-share row printed as a "net asset value" whose figure is asset coverage per share.
  const coverageLabel = hl.printed_labels?.asset_coverage_per_preferred_share;
  if (coverageLabel && /net asset value/i.test(coverageLabel)) {
    findings.push({
      severity: 'warning',
      code: 'HIGHLIGHTS_LABEL',
      message: `financial highlights label "${coverageLabel}": the row holds asset coverage per preferred share (total assets less liabilities not represented by senior securities, per preferred share), not a net asset value`,
      stated: coverageLabel,
      computed: 'asset coverage per preferred share',
      path: ['financial_highlights', 'printed_labels', 'asset_coverage_per_preferred_share'],
    });
  }

  // Market premium/discount to NAV, as the performance page states it.
  const perf = fund.performance;
  if (perf?.market_discount && c.marketPremiumDiscount) {
    const { computed, agrees } = atStatedPrecision(perf.market_discount, c.marketPremiumDiscount);
    if (!agrees) {
      const sal = fund.statements.assets_and_liabilities;
      findings.push({
        severity: 'warning',
        code: 'STATED_VS_COMPUTED',
        message: `market price discount to NAV: ${statedComputedText(perf.market_discount, computed, (d) => fmtPct(d))} from market price ${sal.market_price_per_share?.toString()} and NAV ${sal.nav_per_share.toString()}`,
        stated: perf.market_discount.toString(),
        computed: computed.toString(),
        difference: perf.market_discount.minus(computed).abs().toString(),
        path: ['performance', 'market_discount'],
      });
    }
  }

  // The performance page and the financial highlights state the same period's total returns.
  perf?.rows.forEach((row, i) => {
    const highlight = row.key === 'nav' ? col.total_return_nav : row.key === 'market' ? col.total_return_market : undefined;
    if (highlight && !highlight.equals(row.value)) {
      findings.push({
        severity: 'warning',
        code: 'STATED_INCONSISTENT',
        message: `total return at ${row.key === 'nav' ? 'NAV' : 'market value'}: the performance summary states ${fmtPct(row.value)}, the financial highlights ${fmtPct(highlight)}`,
        stated: row.value.toString(),
        computed: highlight.toString(),
        path: ['performance', 'rows', i, 'value'],
      });
    }
  });

  // The senior-securities rows of the current column: each stated figure against the section 18 figure.
  const cov = c.preferredCoverage;
  const coverageRows = [
    ['asset_coverage_per_1000_of_debt', 'asset coverage per $1,000 of indebtedness', cov?.perThousandOfDebt, 'money'],
    ['asset_coverage_percent', 'asset coverage of preferred shares', cov?.ratio, 'percent'],
    ['asset_coverage_per_preferred_share', 'asset coverage per preferred share', cov?.perShare, 'money'],
    ['liquidating_preference_per_preferred_share', 'liquidating preference per preferred share', cov?.liquidationPerShare, 'money'],
  ] as const;
  for (const [key, label, exact, unit] of coverageRows) {
    const stated = col[key];
    if (!stated) continue;
    const show = (d: Decimal) => (unit === 'percent' ? fmtPct(d, Math.max(0, placesOf(stated) - 2)) : fmtMoney(d, placesOf(stated)));
    if (exact === undefined) {
      // A figure stated for senior securities the statement of assets and liabilities does not have.
      findings.push({
        severity: 'warning',
        code: 'STATED_NOT_COMPUTED',
        message: `financial highlights ${label}: stated ${show(stated)}, but ${cov ? 'the fund has no such senior security outstanding' : NOT_APPLICABLE}`,
        stated: stated.toString(),
        path: [...hlPath, key],
      });
      continue;
    }
    const { computed, agrees } = atStatedPrecision(stated, exact);
    if (agrees) continue;
    findings.push({
      severity: 'warning',
      code: 'STATED_VS_COMPUTED',
      message: `financial highlights ${label}: ${statedComputedText(stated, computed, show)}`,
      stated: stated.toString(),
      computed: computed.toString(),
      difference: stated.minus(computed).abs().toString(),
      path: [...hlPath, key],
    });
  }

  // A waiver the cap requires must show in the statement of operations, and the reverse.
  if (c.expenseCap) {
    const booked = (fund.statements.operations.expenses.fees_waived_and_expenses_reimbursed ?? ZERO).abs();
    const required = round(c.expenseCap.excess, 0);
    if (!booked.equals(required)) {
      findings.push({
        severity: 'warning',
        code: 'WAIVER_MISMATCH',
        message: `expense limitation requires ${fmtMoney(required)} waived or reimbursed; the statement of operations shows ${fmtMoney(booked)}`,
        stated: booked.toString(),
        computed: required.toString(),
        path: ['statements', 'operations', 'expenses', fund.statements.operations.expenses.fees_waived_and_expenses_reimbursed ? 'fees_waived_and_expenses_reimbursed' : 'total'],
      });
    }
  }
  return findings;
}

/** The stated-vs-computed checks as a calculator pass, on the figures of the passes before it. */
export const statedChecksPass = {
  name: 'stated-checks',
  codes: { STATED_VS_COMPUTED: 'warning', HIGHLIGHTS_LABEL: 'warning', STATED_NOT_COMPUTED: 'warning', STATED_INCONSISTENT: 'warning', WAIVER_MISMATCH: 'warning' },
  lines: [],
  run(fund, before) {
    const f = needs('stated-checks', before, 'ratios', 'expenseCap', 'preferredCoverage', 'marketPremiumDiscount', 'days', 'daysInYear', 'daysInFiscalYear');
    const diagnostics = statedVsComputed(fund, {
      ratios: f.ratios,
      expenseCap: f.expenseCap,
      preferredCoverage: f.preferredCoverage,
      marketPremiumDiscount: f.marketPremiumDiscount,
      days: f.days,
      daysInYear: f.daysInYear,
      fiscalDays: f.daysInFiscalYear,
      adna: fund.period.average_daily_net_assets,
    });
    return { figures: {}, workings: [], diagnostics };
  },
} satisfies CalculatorPass<never>;
