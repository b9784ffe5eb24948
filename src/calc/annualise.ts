// A period's amount as an annual rate of average net assets: amount / average net assets x days in
// the year / days in the period. The one annualisation of fundbook (ratios, the expense cap, the board
// review, the synthetic generator).
import type { Decimal } from '../decimal.js';

export function annualise(amount: Decimal, averageNetAssets: Decimal, days: number, daysInYear: number): Decimal {
  return amount.dividedBy(averageNetAssets).times(daysInYear).dividedBy(days);
}
