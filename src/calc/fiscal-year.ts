// The fiscal year a period falls in, for "actual/actual" annualisation.
import { daysBetween } from './period-days.js';

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The fiscal year's last day in `year`; a February 28 year end means February's last day. */
function fiscalYearEndIn(year: number, fiscalYearEnd: string): string {
  const y = String(year).padStart(4, '0');
  return fiscalYearEnd === '02-28' && isLeap(year) ? `${y}-02-29` : `${y}-${fiscalYearEnd}`;
}

/** The fiscal year end (ISO) on or after `periodEnd`. */
export function fiscalYearEndFor(periodEnd: string, fiscalYearEnd: string): string {
  const year = Number(periodEnd.slice(0, 4));
  const sameYear = fiscalYearEndIn(year, fiscalYearEnd);
  return sameYear >= periodEnd ? sameYear : fiscalYearEndIn(year + 1, fiscalYearEnd);
}

/** Days in the fiscal year that contains `periodEnd` (366 for the year ending 2012-02-29). */
export function daysInFiscalYear(periodEnd: string, fiscalYearEnd: string): number {
  const end = fiscalYearEndFor(periodEnd, fiscalYearEnd);
  const previous = fiscalYearEndIn(Number(end.slice(0, 4)) - 1, fiscalYearEnd);
  return daysBetween(previous, end);
}

/** First day of the fiscal year that contains `periodEnd`. */
export function fiscalYearStartFor(periodEnd: string, fiscalYearEnd: string): string {
  const end = fiscalYearEndFor(periodEnd, fiscalYearEnd);
  const previous = new Date(`${fiscalYearEndIn(Number(end.slice(0, 4)) - 1, fiscalYearEnd)}T00:00:00Z`);
  previous.setUTCDate(previous.getUTCDate() + 1);
  return previous.toISOString().slice(0, 10);
}
