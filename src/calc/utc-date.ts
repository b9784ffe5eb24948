// A UTC calendar date from its parts. Date.UTC reads years 0-99 as 1900-1999; this does not, so a
// four-digit year always means what it says (0099-03-01 is in the year 99).

/** The UTC midnight of `year`-`month`-`day` (month 1-12); out-of-range parts roll over as in Date.UTC. */
export function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}
