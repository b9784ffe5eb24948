// The period's day counts, the first calculator pass: days in the period (both ends included), the
// days of the fiscal year containing its end, and the days-in-year every annualised figure uses (365,
// or the fiscal year's days when the expense limitation counts actual/actual). Pure.
import type { FundPeriod } from '../load/schema.js';
import { daysInFiscalYear } from './fiscal-year.js';
import type { CalculatorPass } from './pass.js';
import { daysInclusive } from './period-days.js';

function periodDays(fund: FundPeriod): { days: number; daysInYear: number; daysInFiscalYear: number } {
  const days = daysInclusive(fund.period.start, fund.period.end);
  const fiscalDays = daysInFiscalYear(fund.period.end, fund.fund.fiscal_year_end);
  const daysInYear = fund.agreements.expense_limitation?.day_count === 'actual/actual' ? fiscalDays : 365;
  return { days, daysInYear, daysInFiscalYear: fiscalDays };
}

export const periodPass = {
  name: 'period',
  codes: {},
  lines: [],
  json: (figures, fund) => ({ period: { start: fund.period.start, end: fund.period.end, days: figures.days, daysInYear: figures.daysInYear } }),
  run(fund) {
    const figures = periodDays(fund);
    const workings = [`${fund.period.start} to ${fund.period.end}: ${figures.days} days, annualised on actual/${figures.daysInYear}.`];
    return { figures, workings, diagnostics: [] };
  },
} satisfies CalculatorPass<'days' | 'daysInYear' | 'daysInFiscalYear'>;
