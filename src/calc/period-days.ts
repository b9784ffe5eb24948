// Day counts. Dates are ISO strings (YYYY-MM-DD); these are calendar facts, never money.
import { utcDate } from './utc-date.js';

function utcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map((part) => Number(part));
  return utcDate(y!, m!, d!).getTime() / 86_400_000;
}

/** Days from `start` to `end`, both included: 2011-03-01 .. 2011-08-31 is 184. */
export function daysInclusive(start: string, end: string): number {
  return utcDay(end) - utcDay(start) + 1;
}

/** Days from `from` up to but not including `to`. */
export function daysBetween(from: string, to: string): number {
  return utcDay(to) - utcDay(from);
}

/** The ISO date `days` days after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-');
  const target = `${String(Number(y) + years).padStart(4, '0')}-${m}-${d}`;
  // 29 February plus a year that is not a leap year becomes 28 February.
  return target.endsWith('-02-29') && new Date(`${target}T00:00:00Z`).getUTCDate() !== 29 ? target.replace(/29$/, '28') : target;
}
