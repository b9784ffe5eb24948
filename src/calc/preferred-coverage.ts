// Asset coverage of senior securities (Investment Company Act section 18): preferred shares need 200%,
// senior debt 300%, and a fund's own documents may set stricter minimums. Pure.
import { Decimal, ZERO } from '../decimal.js';
import type { Diagnostic } from '../diagnostic.js';
import { fmtMoney, fmtPct } from './workings-format.js';

export const STOCK_MINIMUM = new Decimal(2);
export const DEBT_MINIMUM = new Decimal(3);

export interface CoverageInput {
  totalAssets: Decimal;
  /** All liabilities, including any senior debt (borrowings represented by senior securities). */
  totalLiabilities: Decimal;
  seniorDebt?: Decimal;
  preferredLiquidation: Decimal;
  preferredShares: Decimal;
  liquidationPerShare: Decimal;
  covenants?: readonly { name: string; minimum: Decimal }[];
}

export interface CoverageTest {
  name: string;
  minimum: Decimal;
  actual: Decimal;
  passes: boolean;
}

export interface CoverageResult {
  /** Total assets less liabilities that are not senior securities. */
  coverageAssets: Decimal;
  ratio: Decimal;
  perShare: Decimal;
  debtRatio?: Decimal;
  perThousandOfDebt?: Decimal;
  tests: CoverageTest[];
  compliant: boolean;
  bindingMinimum: Decimal;
  /** How far total assets may fall (liabilities unchanged) before the binding minimum is breached. */
  headroom: Decimal;
  headroomFraction: Decimal;
  commonDividendsBlocked: boolean;
  /** Preferred liquidation value to redeem (from assets) to restore the binding minimum. */
  redemptionNeeded: Decimal;
  redemptionShares: Decimal;
  workings: string[];
}

export function calculateCoverage(input: CoverageInput): CoverageResult {
  const debt = input.seniorDebt ?? ZERO;
  const coverageAssets = input.totalAssets.minus(input.totalLiabilities.minus(debt));
  const senior = debt.plus(input.preferredLiquidation);
  const ratio = senior.isZero() ? ZERO : coverageAssets.dividedBy(senior);
  const perShare = ratio.times(input.liquidationPerShare);
  const tests: CoverageTest[] = [{ name: '1940 Act preferred (200%)', minimum: STOCK_MINIMUM, actual: ratio, passes: ratio.gte(STOCK_MINIMUM) }];
  let debtRatio: Decimal | undefined;
  if (debt.greaterThan(0)) {
    debtRatio = coverageAssets.dividedBy(debt);
    tests.push({ name: '1940 Act senior debt (300%)', minimum: DEBT_MINIMUM, actual: debtRatio, passes: debtRatio.gte(DEBT_MINIMUM) });
  }
  for (const c of input.covenants ?? []) {
    tests.push({ name: c.name, minimum: c.minimum, actual: ratio, passes: ratio.gte(c.minimum) });
  }
  const preferredMinimums = [STOCK_MINIMUM, ...(input.covenants ?? []).map((c) => c.minimum)];
  const bindingMinimum = Decimal.max(...preferredMinimums);
  let headroom = coverageAssets.minus(bindingMinimum.times(senior));
  if (debtRatio) headroom = Decimal.min(headroom, coverageAssets.minus(DEBT_MINIMUM.times(debt)));
  // Redeeming R of preferred from assets: (N - R) / (S - R) >= c  <=>  R >= (c*S - N) / (c - 1).
  const shortfall = bindingMinimum.times(senior).minus(coverageAssets);
  const redemptionNeeded = shortfall.greaterThan(0) ? shortfall.dividedBy(bindingMinimum.minus(1)) : ZERO;
  const redemptionShares = redemptionNeeded.dividedBy(input.liquidationPerShare).ceil();

  const workings = [
    `Total assets ${fmtMoney(input.totalAssets)} - liabilities other than senior securities ${fmtMoney(input.totalLiabilities.minus(debt))} = ${fmtMoney(coverageAssets)}.`,
    `Senior securities: debt ${fmtMoney(debt)} + preferred at liquidation ${fmtMoney(input.preferredLiquidation)} = ${fmtMoney(senior)}.`,
    `Coverage ${fmtMoney(coverageAssets)} / ${fmtMoney(senior)} = ${fmtPct(ratio, 2)}; per preferred share x ${fmtMoney(input.liquidationPerShare)} = ${fmtMoney(perShare, 2)}.`,
    `Binding minimum ${fmtPct(bindingMinimum, 0)}: assets may fall ${fmtMoney(headroom)} (${fmtPct(headroom.dividedBy(input.totalAssets), 1)} of total assets) before a breach.`,
  ];
  if (redemptionNeeded.greaterThan(0)) {
    workings.push(`Below the minimum: redeem ${fmtMoney(redemptionNeeded, 2)} of preferred (${redemptionShares.toString()} shares) to restore it.`);
  }
  return {
    coverageAssets,
    ratio,
    perShare,
    debtRatio,
    perThousandOfDebt: debtRatio?.times(1000),
    tests,
    compliant: tests.every((t) => t.passes),
    bindingMinimum,
    headroom,
    headroomFraction: input.totalAssets.isZero() ? ZERO : headroom.dividedBy(input.totalAssets),
    // Section 18(a)(1)(B) and (a)(2)(B): no common dividend while debt is under 300% or preferred under 200%.
    commonDividendsBlocked: ratio.lessThan(STOCK_MINIMUM) || (debtRatio !== undefined && debtRatio.lessThan(DEBT_MINIMUM)),
    redemptionNeeded,
    redemptionShares,
    workings,
  };
}

/**
 * The finding when coverage fails a test (rule coverage-minimum). A warning: a breach is reported, never
 * refused, and the documents still print the fund as it stands.
 */
export function coverageBelowMinimum(cov: CoverageResult): Diagnostic | undefined {
  if (cov.compliant) return undefined;
  const failed = cov.tests.filter((t) => !t.passes);
  return {
    severity: 'warning',
    code: 'COVERAGE_BELOW_MINIMUM',
    rule: 'coverage-minimum',
    threshold: failed.map((t) => `${t.name}: at least ${fmtPct(t.minimum, 0)}`).join('; '),
    message: `asset coverage fails ${failed.map((t) => `${t.name} (${fmtPct(t.actual, 0)} against ${fmtPct(t.minimum, 0)})`).join(' and ')}; common dividends are ${cov.commonDividendsBlocked ? '' : 'not '}blocked${cov.redemptionNeeded.greaterThan(0) ? `; restoring preferred coverage needs $${fmtMoney(cov.redemptionNeeded)} of preferred redeemed` : ''}`,
    computed: cov.ratio.toString(),
    path: ['preferred_shares', 'outstanding'],
  };
}
