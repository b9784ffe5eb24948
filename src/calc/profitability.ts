// The adviser's profitability from the fund (section 15(c) factor E): revenue less allocated costs,
// the pre-tax profit and margin, with the workings a trustee can re-perform. Pure.
import { Decimal, ZERO } from '../decimal.js';
import { fmtMoney, fmtPct } from './workings-format.js';

export interface Line {
  label: string;
  amount: Decimal;
}

export interface ProfitabilityResult {
  revenue: Line[];
  costs: Line[];
  totalRevenue: Decimal;
  totalCosts: Decimal;
  profit: Decimal;
  /** Profit over revenue; undefined when there is no revenue. */
  margin?: Decimal;
  workings: string[];
}

const total = (lines: readonly Line[]) => lines.reduce((s, l) => s.plus(l.amount), ZERO);

export function calculateProfitability(revenue: readonly Line[], costs: readonly Line[]): ProfitabilityResult {
  const totalRevenue = total(revenue);
  const totalCosts = total(costs);
  const profit = totalRevenue.minus(totalCosts);
  const margin = totalRevenue.isZero() ? undefined : profit.dividedBy(totalRevenue);
  const workings = [
    `Revenue ${revenue.map((l) => fmtMoney(l.amount)).join(' + ')} = ${fmtMoney(totalRevenue)}.`,
    `Allocated costs ${costs.map((l) => fmtMoney(l.amount)).join(' + ')} = ${fmtMoney(totalCosts)}.`,
    `Pre-tax profit ${fmtMoney(totalRevenue)} - ${fmtMoney(totalCosts)} = ${fmtMoney(profit)}.`,
    margin ? `Margin ${fmtMoney(profit)} / ${fmtMoney(totalRevenue)} = ${fmtPct(margin, 1)}.` : 'Margin: no revenue, so no margin.',
  ];
  return { revenue: [...revenue], costs: [...costs], totalRevenue, totalCosts, profit, margin, workings };
}
