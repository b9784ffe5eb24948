// The schedule of investments cut into printed pages before it is printed, as a financial printer sets
// it: a page that opens inside a group repeats the group's name with "(continued)" under the column
// headings, the first figure of each column on each page carries its "$", a group heading never ends a
// page, and a group's last holding stays with its subtotal (the last group's, with the totals).
// Chromium cannot do this itself (no running headers from content), so the view model decides the
// breaks from the row heights the print CSS gives (report.css, table.schedule): every line of a cell is
// `LINE` high, and a description takes as many lines as its words need in its column, measured with the
// pinned font's own widths (text-width.ts). Estimates err on the tall side, so a page the view model
// fills is never cut again by Chromium.
import { lineCount, type Run } from './text-width.js';

/** Geometry in points, mirroring templates/shared/print.css (@page) and shareholder-report/report.css. */
export const SCHEDULE_LAYOUT = {
  /** Letter, 11in, less the 0.7in top and 0.75in bottom margins. */
  pageHeight: 687.6,
  /** The section's heading and caption above the first page's table (h1 + caption with margins). */
  firstPageTop: 48,
  /** Kept free at the foot of each page, against rounding in Chromium's layout. */
  slack: 12,
  fontSize: 7.6,
  markSize: 7.6 * 0.7,
  /** font-size x line-height 1.25. */
  line: 9.5,
  /** Cell padding, top + bottom. */
  rowPadding: 2.4,
  /** Extra top padding of group and total rows. */
  groupPadding: 4,
  /** A subtotal's rule and its padding. */
  rulePadding: 2,
  /** Column widths (report.css sets them on the header cells, border-box); the description takes the rest. */
  width: 518.4,
  columns: { rate: 39.6, date: 43.2, principal: 54, value: 68.4 },
  /** The column headings: two lines, 3pt padding and the rule. */
  head: 2 * 9.5 + 3 + 0.75,
} as const;

const L = SCHEDULE_LAYOUT;
/** The description column; for rows spanning the first four columns, `spanWidth`. */
const descWidth = L.width - L.columns.rate - L.columns.date - L.columns.principal - L.columns.value;
const spanWidth = L.width - L.columns.value - 6;

export interface HoldingLine {
  issuer: string;
  issue: string;
  enhancement: string;
  notes: string;
  rate: string;
  maturity: string;
  principal: string;
  value: string;
  dollar: boolean;
}

export interface ScheduleGroup {
  name: string;
  percent: string;
  holdings: HoldingLine[];
  subtotal: string | null;
}

/** One row of a printed schedule page; exactly one field besides `kind` is set. */
type ScheduleRow =
  | { kind: 'category'; category: { name: string; percent: string } }
  | { kind: 'group'; group: { name: string; percent: string } }
  | { kind: 'continued'; continued: { name: string } }
  | { kind: 'holding'; holding: HoldingLine }
  | { kind: 'subtotal'; subtotal: { value: string } };

export interface SchedulePage {
  /** False for the first page (it follows the section heading); later pages start on a new sheet. */
  breakBefore: boolean;
  rows: ScheduleRow[];
}

export function holdingLines(h: HoldingLine): number {
  const runs: Run[] = [];
  const main = `${h.issuer ? `${h.issuer}; ` : ''}${h.issue}${h.enhancement ? ` (${h.enhancement})` : ''}`;
  runs.push({ text: main, sizePt: L.fontSize });
  if (h.notes) runs.push({ text: h.notes, sizePt: L.markSize });
  return lineCount(runs, descWidth);
}

const rowHeight = (lines: number, extra = 0) => lines * L.line + L.rowPadding + extra;
const holdingHeight = (h: HoldingLine) => rowHeight(holdingLines(h));
const groupHeight = (name: string) => rowHeight(lineCount([{ text: name, sizePt: L.fontSize, weight: 'bold' }], L.width), L.groupPadding);
const subtotalHeight = rowHeight(1, L.rulePadding);

/** The rows under the groups (total investments, borrowings, net assets): their descriptions' lines. */
export function bottomHeight(labels: readonly string[]): number {
  return labels.reduce((sum, label) => sum + rowHeight(lineCount([{ text: label, sizePt: L.fontSize, weight: 'bold' }], spanWidth), L.groupPadding), 0);
}

/**
 * Cut the groups into pages. `bottom` is the height of the rows printed after the last group, kept on
 * the page of the last group's end.
 */
export function paginateSchedule(category: { name: string; percent: string }, groups: readonly ScheduleGroup[], bottom: number): SchedulePage[] {
  const capacity = L.pageHeight - L.slack;
  const pages: SchedulePage[] = [{ breakBefore: false, rows: [] }];
  let used = L.firstPageTop + L.head;
  let page = pages[0]!;
  let dollarPending = true;
  const newPage = (continued?: string) => {
    page = { breakBefore: true, rows: [] };
    pages.push(page);
    used = L.head;
    dollarPending = true;
    if (continued) {
      page.rows.push({ kind: 'continued', continued: { name: continued } });
      used += groupHeight(`${continued} (continued)`);
    }
  };
  const categoryHeight = groupHeight(`${category.name}—${category.percent}`);
  page.rows.push({ kind: 'category', category });
  used += categoryHeight;

  groups.forEach((g, gi) => {
    const lastGroup = gi === groups.length - 1;
    const gh = groupHeight(`${g.name}—${g.percent}`);
    g.holdings.forEach((h, i) => {
      const first = i === 0;
      const last = i === g.holdings.length - 1;
      // What must share the page with this holding: its group heading (a heading never ends a page),
      // and after the last holding the subtotal (and, for the last group, the totals under it).
      const withIt = (first ? gh : 0) + (last && g.subtotal ? subtotalHeight : 0) + (last && lastGroup ? bottom : 0);
      const need = holdingHeight(h) + withIt;
      if (used + need > capacity && page.rows.some((r) => r.kind === 'holding')) newPage(first ? undefined : g.name);
      if (first) {
        page.rows.push({ kind: 'group', group: { name: g.name, percent: g.percent } });
        used += gh;
      }
      page.rows.push({ kind: 'holding', holding: { ...h, dollar: dollarPending } });
      dollarPending = false;
      used += holdingHeight(h);
    });
    if (g.subtotal) {
      page.rows.push({ kind: 'subtotal', subtotal: { value: g.subtotal } });
      used += subtotalHeight;
    }
  });
  return pages;
}
