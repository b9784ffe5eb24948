// Calendar of a synthetic fund: fiscal years ending December 31, reported semiannually (January-June)
// and annually (the whole year), alternating, starting with a semiannual period. Dates are ISO strings;
// these are calendar facts, never money.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface Span {
  start: string;
  end: string;
  /** Days from start to end, both included. */
  days: number;
}

export interface ReportPeriod extends Span {
  /** 1-based position in the run. */
  index: number;
  kind: 'semiannual' | 'annual';
  fiscalYear: number;
  label: string;
  reportDate: string;
  /** The half-year this period adds to the simulation (January-June, or July-December for an annual period). */
  half: Span;
}

function utcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

const daysInclusive = (start: string, end: string): number => utcDay(end) - utcDay(start) + 1;

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export const iso = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** `June 30, 2023` */
export function longDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** `6/30/23` */
export function shortDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${m}/${d}/${String(y).slice(2)}`;
}

const span = (start: string, end: string): Span => ({ start, end, days: daysInclusive(start, end) });

export const yearSpan = (year: number): Span => span(iso(year, 1, 1), iso(year, 12, 31));

export const yearLabel = (year: number): string => `Year ended December 31, ${year}`;

/** The run's periods: `count` of them from the semiannual period of `firstYear`. */
export function reportPeriods(firstYear: number, count: number): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  for (let i = 0; i < count; i++) {
    const fiscalYear = firstYear + Math.floor(i / 2);
    if (i % 2 === 0) {
      const s = span(iso(fiscalYear, 1, 1), iso(fiscalYear, 6, 30));
      out.push({ ...s, index: i + 1, kind: 'semiannual', fiscalYear, label: `Six months ended ${longDate(s.end)}`, reportDate: addDays(s.end, 59), half: s });
    } else {
      const s = yearSpan(fiscalYear);
      out.push({ ...s, index: i + 1, kind: 'annual', fiscalYear, label: yearLabel(fiscalYear), reportDate: addDays(s.end, 58), half: span(iso(fiscalYear, 7, 1), s.end) });
    }
  }
  return out;
}
