// Asset coverage of senior securities (Investment Company Act section 18(h)): total assets less the
// liabilities that are not senior securities, over the senior securities. Debt must be covered 300%
// (to borrow and to declare common dividends; 200% to declare preferred dividends), preferred shares
// 200% counting the debt ahead of them; a fund's own documents may set stricter minimums. Pure.
import { Decimal, ZERO, sum } from '../decimal.js';
import type { DataPath } from '../load/locate.js';
import type { Diagnostic } from '../diagnostic.js';
import type { FundPeriod } from '../load/schema.js';
import { jsonMoney, jsonRatio, type CalculatorPass } from './pass.js';
import { isDebt, seniorSecurities, type SeniorSecurity } from './senior-securities.js';
import { fmtMoney, fmtPct } from './workings-format.js';

const STOCK_MINIMUM = new Decimal(2);
const DEBT_MINIMUM = new Decimal(3);
/** Debt coverage below which no preferred dividend may be declared (section 18(a)(1)(B)). */
const DEBT_MINIMUM_FOR_PREFERRED_DIVIDENDS = new Decimal(2);

/** The stated zero case: no senior security outstanding, so there is nothing to cover. */
export const NOT_APPLICABLE = 'not applicable: no debt or preferred shares outstanding';

export interface CoverageInput {
  totalAssets: Decimal;
  /** All liabilities, including the senior securities carried as liabilities. */
  totalLiabilities: Decimal;
  securities: readonly SeniorSecurity[];
  /** Stricter minimums on the preferred shares' coverage. */
  covenants?: readonly { name: string; minimum: Decimal }[];
}

interface CoverageTest {
  name: string;
  /** What the test covers: the debt alone, or the debt and the preferred shares. */
  covers: 'debt' | 'debt and preferred';
  minimum: Decimal;
  actual: Decimal;
  passes: boolean;
  /** How far total assets may fall (other liabilities unchanged) before the test fails; negative when it fails. */
  headroom: Decimal;
}

export interface CoverageResult {
  /** Total assets less liabilities that are not senior securities. */
  coverageAssets: Decimal;
  debt: Decimal;
  preferredLiquidation: Decimal;
  /** Coverage of the preferred shares, debt included; absent without preferred shares. */
  ratio?: Decimal;
  /** `ratio` times the liquidation preference; absent without preferred shares or when classes' preferences differ. */
  perShare?: Decimal;
  liquidationPerShare?: Decimal;
  /** Coverage of the debt alone; absent without debt. */
  debtRatio?: Decimal;
  perThousandOfDebt?: Decimal;
  tests: CoverageTest[];
  compliant: boolean;
  /** The minimum of the test with the least headroom. */
  bindingMinimum: Decimal;
  headroom: Decimal;
  /** headroom / total assets; zero when total assets are zero. */
  headroomFraction: Decimal;
  commonDividendsBlocked: boolean;
  preferredDividendsBlocked: boolean;
  /** Preferred liquidation value to redeem (from assets) to restore the preferred tests. */
  redemptionNeeded: Decimal;
  /** Shares to redeem; absent when there is no single liquidation preference per share. */
  redemptionShares?: Decimal;
  /** Debt to repay (from assets) to restore the 300% test. */
  debtRepaymentNeeded: Decimal;
  workings: string[];
}

/** Amount R to pay off from assets so that (N - R) / (S - R) >= c: R >= (c*S - N) / (c - 1). */
function restore(coverageAssets: Decimal, senior: Decimal, minimum: Decimal): Decimal {
  const shortfall = minimum.times(senior).minus(coverageAssets);
  return shortfall.greaterThan(0) ? shortfall.dividedBy(minimum.minus(1)) : ZERO;
}

/** The section 18 tests, or undefined when no senior security is outstanding (see NOT_APPLICABLE). */
export function calculateCoverage(input: CoverageInput): CoverageResult | undefined {
  const outstanding = input.securities.filter((s) => s.amount.greaterThan(0));
  if (outstanding.length === 0) return undefined;
  const debt = sum(outstanding.filter(isDebt).map((s) => s.amount));
  const preferred = outstanding.filter((s) => !isDebt(s));
  const preferredLiquidation = sum(preferred.map((s) => s.amount));
  const carried = sum(outstanding.filter((s) => s.liability).map((s) => s.amount));
  const otherLiabilities = input.totalLiabilities.minus(carried);
  const coverageAssets = input.totalAssets.minus(otherLiabilities);
  const senior = debt.plus(preferredLiquidation);

  const tests: CoverageTest[] = [];
  const test = (name: string, covers: CoverageTest['covers'], minimum: Decimal, over: Decimal): Decimal => {
    const actual = coverageAssets.dividedBy(over);
    tests.push({ name, covers, minimum, actual, passes: actual.gte(minimum), headroom: coverageAssets.minus(minimum.times(over)) });
    return actual;
  };
  let debtRatio: Decimal | undefined;
  if (debt.greaterThan(0)) {
    debtRatio = test('1940 Act senior debt (300%)', 'debt', DEBT_MINIMUM, debt);
    if (preferredLiquidation.greaterThan(0)) test('1940 Act senior debt, for preferred dividends (200%)', 'debt', DEBT_MINIMUM_FOR_PREFERRED_DIVIDENDS, debt);
  }
  let ratio: Decimal | undefined;
  if (preferredLiquidation.greaterThan(0)) {
    ratio = test('1940 Act preferred (200%)', 'debt and preferred', STOCK_MINIMUM, senior);
    for (const c of input.covenants ?? []) test(c.name, 'debt and preferred', c.minimum, senior);
  }
  const preferences = [...new Set(preferred.map((s) => s.liquidationPerShare?.toString()))];
  const liquidationPerShare = preferences.length === 1 && preferences[0] !== undefined ? new Decimal(preferences[0]) : undefined;
  const perShare = ratio && liquidationPerShare ? ratio.times(liquidationPerShare) : undefined;

  const binding = tests.reduce((a, b) => (b.headroom.lessThan(a.headroom) ? b : a));
  const preferredTests = tests.filter((t) => t.covers === 'debt and preferred');
  const redemptionNeeded = Decimal.max(ZERO, ...preferredTests.map((t) => restore(coverageAssets, senior, t.minimum)));
  const redemptionShares = liquidationPerShare?.greaterThan(0) ? redemptionNeeded.dividedBy(liquidationPerShare).ceil() : undefined;
  const debtRepaymentNeeded = debtRatio ? restore(coverageAssets, debt, DEBT_MINIMUM) : ZERO;
  const headroomFraction = input.totalAssets.isZero() ? ZERO : binding.headroom.dividedBy(input.totalAssets);

  const workings = [
    `Total assets ${fmtMoney(input.totalAssets)} - liabilities other than senior securities ${fmtMoney(otherLiabilities)} = ${fmtMoney(coverageAssets)}.`,
    `Senior securities: debt ${fmtMoney(debt)} + preferred at liquidation ${fmtMoney(preferredLiquidation)} = ${fmtMoney(senior)}.`,
  ];
  if (debtRatio) workings.push(`Debt coverage ${fmtMoney(coverageAssets)} / ${fmtMoney(debt)} = ${fmtPct(debtRatio, 2)}; per $1,000 of indebtedness $${fmtMoney(debtRatio.times(1000))}.`);
  if (ratio) {
    workings.push(`Preferred coverage ${fmtMoney(coverageAssets)} / ${fmtMoney(senior)} = ${fmtPct(ratio, 2)}${perShare && liquidationPerShare ? `; per preferred share x ${fmtMoney(liquidationPerShare)} = ${fmtMoney(perShare, 2)}` : ''}.`);
  }
  for (const t of tests) workings.push(`${t.name}: ${fmtPct(t.actual, 2)} against ${fmtPct(t.minimum, 0)}; assets may fall ${fmtMoney(t.headroom)} before it fails.`);
  if (redemptionNeeded.greaterThan(0)) {
    workings.push(`Below the minimum: redeem ${fmtMoney(redemptionNeeded, 2)} of preferred${redemptionShares ? ` (${redemptionShares.toString()} shares)` : ''} to restore it.`);
  }
  if (debtRepaymentNeeded.greaterThan(0)) workings.push(`Debt below 300%: repay ${fmtMoney(debtRepaymentNeeded, 2)} of debt to restore it.`);
  return {
    coverageAssets,
    debt,
    preferredLiquidation,
    ratio,
    perShare,
    liquidationPerShare,
    debtRatio,
    perThousandOfDebt: debtRatio?.times(1000),
    tests,
    compliant: tests.every((t) => t.passes),
    bindingMinimum: binding.minimum,
    headroom: binding.headroom,
    headroomFraction,
    // Section 18(a)(1)(B) and (a)(2)(B): no common dividend while debt is under 300% or preferred under 200%;
    // no preferred dividend while debt is under 200%.
    commonDividendsBlocked: (ratio?.lessThan(STOCK_MINIMUM) ?? false) || (debtRatio?.lessThan(DEBT_MINIMUM) ?? false),
    preferredDividendsBlocked: ratio !== undefined && (debtRatio?.lessThan(DEBT_MINIMUM_FOR_PREFERRED_DIVIDENDS) ?? false),
    redemptionNeeded,
    redemptionShares,
    debtRepaymentNeeded,
    workings,
  };
}

/**
 * The finding when coverage fails a test (rule coverage-minimum). A warning: a breach is reported, never
 * refused, and the documents still print the fund as it stands. `path`: the first senior security.
 */
export function coverageBelowMinimum(cov: CoverageResult, path: DataPath): Diagnostic | undefined {
  if (cov.compliant) return undefined;
  const failed = cov.tests.filter((t) => !t.passes);
  const remedies = [
    cov.redemptionNeeded.greaterThan(0) ? `$${fmtMoney(cov.redemptionNeeded)} of preferred redeemed${cov.redemptionShares ? ` (${cov.redemptionShares.toString()} shares)` : ''}` : '',
    cov.debtRepaymentNeeded.greaterThan(0) ? `$${fmtMoney(cov.debtRepaymentNeeded)} of debt repaid` : '',
  ].filter(Boolean);
  return {
    severity: 'warning',
    code: 'COVERAGE_BELOW_MINIMUM',
    rule: 'coverage-minimum',
    threshold: failed.map((t) => `${t.name}: at least ${fmtPct(t.minimum, 0)}`).join('; '),
    message: `asset coverage fails ${failed.map((t) => `${t.name} (${fmtPct(t.actual, 0)} against ${fmtPct(t.minimum, 0)})`).join(' and ')}; common dividends are ${cov.commonDividendsBlocked ? '' : 'not '}blocked${cov.preferredDividendsBlocked ? '; preferred dividends are blocked' : ''}${remedies.length ? `; restoring coverage needs ${remedies.join(' and ')}` : ''}`,
    computed: (cov.ratio ?? cov.debtRatio ?? ZERO).toString(),
    path,
  };
}

/** Asset coverage as a calculator pass: absent (not applicable) when no senior security is outstanding. */
export const preferredCoveragePass = {
  name: 'preferred-coverage',
  codes: { COVERAGE_BELOW_MINIMUM: 'warning' },
  lines: [
    { path: 'preferredCoverage.perThousandOfDebt', label: 'Asset coverage per $1,000 of indebtedness (computed)', unit: 'perShare', sameAs: 'financial_highlights.current.asset_coverage_per_1000_of_debt', value: (f) => f.preferredCoverage?.perThousandOfDebt },
    { path: 'preferredCoverage.ratio', label: 'Asset coverage of preferred shares (computed)', unit: 'ratio', points: true, sameAs: 'financial_highlights.current.asset_coverage_percent', value: (f) => f.preferredCoverage?.ratio },
    { path: 'preferredCoverage.perShare', label: 'Asset coverage per preferred share (computed)', unit: 'perShare', sameAs: 'financial_highlights.current.asset_coverage_per_preferred_share', value: (f) => f.preferredCoverage?.perShare },
    { path: 'preferredCoverage.headroom', label: 'Coverage headroom: assets may fall by (computed)', unit: 'balance', value: (f) => f.preferredCoverage?.headroom },
  ],
  // Absent when no debt or preferred shares are outstanding: coverage is not applicable.
  json: ({ preferredCoverage: cov }) => ({
    preferredCoverage: cov && {
      perThousandOfDebt: cov.perThousandOfDebt ? jsonMoney(cov.perThousandOfDebt) : undefined,
      perShare: cov.perShare ? jsonMoney(cov.perShare) : undefined,
      ratio: cov.ratio ? jsonRatio(cov.ratio) : undefined,
      debtRatio: cov.debtRatio ? jsonRatio(cov.debtRatio) : undefined,
      coverageAssets: jsonMoney(cov.coverageAssets),
      debt: jsonMoney(cov.debt),
      preferredLiquidation: jsonMoney(cov.preferredLiquidation),
      compliant: cov.compliant,
      headroom: jsonMoney(cov.headroom),
      commonDividendsBlocked: cov.commonDividendsBlocked,
      preferredDividendsBlocked: cov.preferredDividendsBlocked,
      redemptionNeeded: jsonMoney(cov.redemptionNeeded),
      debtRepaymentNeeded: jsonMoney(cov.debtRepaymentNeeded),
      tests: cov.tests.map((t) => ({ name: t.name, covers: t.covers, minimum: jsonRatio(t.minimum), actual: jsonRatio(t.actual), passes: t.passes, headroom: jsonMoney(t.headroom) })),
      workings: cov.workings,
    },
  }),
  run(fund: FundPeriod) {
    const sal = fund.statements.assets_and_liabilities;
    const securities = seniorSecurities(fund);
    const preferredCoverage = calculateCoverage({
      totalAssets: sal.assets.total_assets,
      totalLiabilities: sal.liabilities.total_liabilities,
      securities,
      covenants: fund.preferred_shares?.coverage_covenants,
    });
    const short = preferredCoverage && coverageBelowMinimum(preferredCoverage, securities[0]?.path ?? ['statements', 'assets_and_liabilities']);
    return { figures: { preferredCoverage }, workings: preferredCoverage?.workings ?? [], diagnostics: short ? [short] : [] };
  },
} satisfies CalculatorPass<'preferredCoverage'>;
