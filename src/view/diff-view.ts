// View model of the period diff: variances formatted (ratios in basis points), flagged rows with their
// explanations, findings delta, holdings changes and the blackline, ready to print.
import { type Decimal, sum } from '../decimal.js';
import type { BlacklineBlock } from '../diff/blackline.js';
import type { PeriodDiff } from '../diff/period-diff.js';
import type { FigureUnit } from '../diff/figure-catalog.js';
import type { Thresholds, Variance } from '../diff/variances.js';
import { longDate, money, percent } from './format.js';
import type { Section } from './report-view.js';

interface VarianceRow {
  label: string;
  key: string;
  statement: string;
  alsoAt: string;
  previous: string;
  current: string;
  change: string;
  /** Per unit: the percent change, the per-day figures, the change in basis points or points. */
  cells: string[];
  flagged: boolean;
  explanation: string;
  missingExplanation: boolean;
}

interface UnitTable {
  unit: FigureUnit;
  title: string;
  rule: string;
  columns: string[];
  colspan: number;
  rows: VarianceRow[];
}

export interface DiffView {
  documentTitle: string;
  author: string;
  fundName: string;
  previous: string;
  current: string;
  empty: boolean;
  warnings: string[];
  provenance: string[];
  incomplete: { text: string; sections: { section: string; count: number }[] } | null;
  sections: Section[];
  rules: { title: string; rule: string }[];
  summary: { label: string; value: string }[];
  flagged: UnitTable[];
  flaggedCount: number;
  changed: UnitTable[];
  changedCount: number;
  findings: { new: PeriodDiff['findings']['new']; resolved: PeriodDiff['findings']['resolved']; open: PeriodDiff['findings']['open'] };
  holdings: {
    added: { group: string; name: string; rate: string; maturity: string; principal: string; value: string }[];
    removed: { group: string; name: string; rate: string; maturity: string; principal: string; value: string }[];
    parChanges: { group: string; name: string; what: string; previous: string; current: string; change: string }[];
    priceOnly: { group: string; count: number; change: string }[];
    priceOnlyCount: number;
    priceOnlyChange: string;
    unchanged: number;
    groups: { name: string; previous: string; current: string; change: string }[];
  };
  blackline: { title: string; blocks: { unchangedText?: string; pieces?: { kind: string; text: string }[]; carriedForward?: string; insertedText?: string; deletedText?: string }[] }[];
  unchangedSections: number;
}

const UNITS: { unit: FigureUnit; title: string }[] = [
  { unit: 'flow', title: 'Flows: income, expenses, gains, distributions, purchases and sales' },
  { unit: 'balance', title: 'Balances at the period end' },
  { unit: 'ratio', title: 'Ratios, rates and returns' },
  { unit: 'perShare', title: 'Per-share amounts' },
  { unit: 'count', title: 'Counts' },
];

function show(v: Decimal | null, unit: FigureUnit): string {
  if (v === null) return '—';
  if (unit === 'ratio') return percent(v, 2);
  if (unit === 'perShare') return `$${money(v, v.decimalPlaces() > 2 ? 4 : 2)}`;
  return money(v, v.isInteger() ? 0 : 2);
}

const pct = (v: Decimal | null) => (v === null ? '—' : percent(v, 1));
const signed = (text: string, v: Decimal) => (v.isNegative() || v.isZero() ? text : `+${text}`);

/** The rule each unit is flagged by, in the terms variances.ts applies it. */
export function unitRules(t: Thresholds): Record<FigureUnit, string> {
  const differ = t.previousDays !== t.currentDays;
  const days = `${t.previousDays} days against ${t.currentDays}`;
  const from = t.flowMaterialityFrom === 'file'
    ? 'as the file states'
    : `${money(t.ratioBps, 0)} bps a year of average daily net assets of $${money(t.flowMaterialityFrom.averageNetAssets)}, over ${t.flowMaterialityFrom.days} days`;
  return {
    flow: differ
      ? `The periods differ in length (${days}), so flows are compared per day: flagged when the per-day amount moves by at least ${percent(t.percent, 0)} and the move, with the previous amount restated to ${t.currentDays} days, is at least $${money(t.flowMateriality)} (${from}). The raw change is shown beside.`
      : `Flagged when a flow moves by at least ${percent(t.percent, 0)} and by at least $${money(t.flowMateriality)} (${from}).`,
    balance: `Flagged when a balance moves by at least ${percent(t.percent, 0)} and by at least $${money(t.materiality)}.`,
    ratio: `Flagged when a ratio moves by at least ${money(t.ratioBps, 0)} bps (${money(t.ratioBps.dividedBy(100), 2)} percentage points); never as a percent change. Returns, turnover and coverage are shown in percentage points (pp), other ratios in basis points (bps).`,
    perShare: differ
      ? `Flagged when a per-share amount moves by at least $${money(t.perShare, 2)}; per-share income and distributions are compared per day (the previous amount restated to ${t.currentDays} days).`
      : `Flagged when a per-share amount moves by at least $${money(t.perShare, 2)}.`,
    count: `Flagged when a count moves by at least ${percent(t.percent, 0)}.`,
  };
}

function columnsFor(unit: FigureUnit, perDay: boolean): string[] {
  switch (unit) {
    case 'flow':
      return perDay ? ['Change %', 'Per day, previous', 'Per day, current', 'Per-day change %', 'Change at equal length'] : ['Change %'];
    case 'balance':
    case 'count':
      return ['Change %'];
    case 'ratio':
      return [];
    case 'perShare':
      return perDay ? ['Change at equal length'] : [];
  }
}

function cellsFor(v: Variance, perDay: boolean): string[] {
  const c = v.comparable;
  switch (v.unit) {
    case 'flow':
      if (!perDay) return [pct(v.changePercent)];
      return c.basis === 'perDay'
        ? [pct(v.changePercent), money(c.previousPerDay!, 2), money(c.currentPerDay!, 2), pct(c.percent), money(c.change)]
        : [pct(v.changePercent), '—', '—', '—', money(c.change)];
    case 'balance':
    case 'count':
      return [pct(v.changePercent)];
    case 'ratio':
      return [];
    case 'perShare':
      return perDay ? [c.basis === 'perDay' ? `$${money(c.change, 4)}` : '—'] : [];
  }
}

function changeText(v: Variance): string {
  if (v.unit === 'ratio') return v.points ? `${signed(money(v.changeBps!.dividedBy(100), 2), v.changeBps!)} pp` : `${signed(money(v.changeBps!, 2), v.changeBps!)} bps`;
  return show(v.change, v.unit);
}

function row(v: Variance, perDay: boolean): VarianceRow {
  return {
    label: v.label,
    key: v.key,
    statement: v.statement,
    alsoAt: [...new Set(v.alsoAt.map((a) => a.statement.replace(/^Statement of /, '')))].join('; '),
    previous: show(v.previous, v.unit),
    current: show(v.current, v.unit),
    change: changeText(v),
    cells: cellsFor(v, perDay),
    flagged: v.flagged,
    explanation: v.explanation ?? '',
    missingExplanation: v.flagged && !v.explanation,
  };
}

function unitTables(list: readonly Variance[], t: Thresholds): UnitTable[] {
  const rules = unitRules(t);
  return UNITS.map(({ unit, title }) => {
    const rows = list.filter((v) => v.unit === unit);
    // Per-day columns where the table holds a figure compared per day.
    const perDay = rows.some((v) => v.comparable.basis === 'perDay');
    const columns = columnsFor(unit, perDay);
    return { unit, title, rule: rules[unit], columns, colspan: 4 + columns.length, rows: rows.map((v) => row(v, perDay)) };
  }).filter((u) => u.rows.length > 0);
}

const holdingName = (h: { issuer: string; issue: string }) => `${h.issuer}; ${h.issue}`;

function blockView(b: BlacklineBlock) {
  switch (b.kind) {
    case 'unchanged':
      return { unchangedText: `${b.count} paragraph${b.count === 1 ? '' : 's'} unchanged` };
    case 'changed':
      return { pieces: b.pieces, carriedForward: b.carriedForward.join(', ') };
    case 'inserted':
      return { insertedText: b.text };
    case 'deleted':
      return { deletedText: b.text };
  }
}

function provenanceLine(which: 'previous' | 'current', p: PeriodDiff['previous']): string | null {
  const v = p.provenance;
  if (!v || v.synthetic === 'no') return null;
  const marks = v.markedLines > 0 ? `; ${v.markedLines} line${v.markedLines === 1 ? '' : 's'} of the file carry the mark SYNTHETIC` : '';
  return v.synthetic === 'wholly'
    ? `The ${which} period (${p.file}) is synthetic: the fund and every figure in it are invented${marks}.`
    : `The ${which} period (${p.file}) is partly synthetic: some of its figures are generated, not a filing's${marks}.`;
}

export function diffView(diff: PeriodDiff): DiffView {
  const changed = diff.variances.filter((v) => !(v.change.isZero() && v.previous !== null && v.current !== null));
  const flagged = diff.variances.filter((v) => v.flagged);
  const rules = unitRules(diff.thresholds);
  const h = diff.holdings;
  const line = (x: (typeof h.added)[number]) => ({ group: x.group, name: holdingName(x), rate: percent(x.rate), maturity: x.maturity, principal: money(x.principal_000), value: money(x.value) });
  const changedSections = diff.blackline.filter((s) => s.changed);
  return {
    documentTitle: `${diff.fund.name} — Period Diff — ${longDate(diff.previous.end)} to ${longDate(diff.current.end)}`,
    author: 'fundbook',
    fundName: diff.fund.name,
    previous: `${longDate(diff.previous.start)} – ${longDate(diff.previous.end)}`,
    current: `${longDate(diff.current.start)} – ${longDate(diff.current.end)}`,
    empty: diff.empty,
    warnings: diff.warnings.map((w) => w.message),
    provenance: [provenanceLine('previous', diff.previous), provenanceLine('current', diff.current)].filter((x): x is string => x !== null),
    incomplete: diff.incomplete
      ? {
          text: `${diff.incomplete.file} is not complete: ${diff.incomplete.total} field${diff.incomplete.total === 1 ? ' is' : 's are'} still to be filled. This diff covers what is filled; the fields still to be filled, the figures fundbook computes from them and the findings are left out until they are.`,
          sections: diff.incomplete.bySection,
        }
      : null,
    sections: [
      { id: 'summary', title: 'Summary' },
      { id: 'variances', title: 'Figure Variances' },
      { id: 'findings', title: 'Findings Delta' },
      { id: 'holdings', title: 'Holdings' },
      { id: 'blackline', title: 'Blackline of the Narrative' },
    ],
    rules: UNITS.map(({ unit, title }) => ({ title, rule: rules[unit] })),
    summary: [
      { label: 'Figures compared (each once)', value: String(diff.variances.length) },
      { label: 'Figures changed', value: String(changed.length) },
      { label: 'Flagged beyond thresholds', value: String(flagged.length) },
      { label: 'Flagged without an explanation', value: String(flagged.filter((v) => !v.explanation).length) },
      { label: 'Findings new / resolved / still open', value: `${diff.findings.new.length} / ${diff.findings.resolved.length} / ${diff.findings.open.length}` },
      { label: 'Holdings added / removed / par changed / price only', value: `${h.added.length} / ${h.removed.length} / ${h.changed.filter((c) => c.kind === 'par').length} / ${h.changed.filter((c) => c.kind === 'price').length}` },
      { label: 'Narrative sections changed', value: `${changedSections.length} of ${diff.blackline.length}` },
    ],
    flagged: unitTables(flagged, diff.thresholds),
    flaggedCount: flagged.length,
    changed: unitTables(changed, diff.thresholds),
    changedCount: changed.length,
    findings: diff.findings,
    holdings: {
      added: h.added.map(line),
      removed: h.removed.map(line),
      parChanges: h.changed.filter((c) => c.kind === 'par').map((c) => ({
        group: c.group,
        name: holdingName(c),
        what: c.changed.map((w) => (w === 'principal' ? 'par' : w)).join(', '),
        previous: `${money(c.previous.principal_000)} / ${money(c.previous.value)}${c.changed.includes('rate') ? ` @ ${percent(c.previous.rate)}` : ''}`,
        current: `${money(c.current.principal_000)} / ${money(c.current.value)}${c.changed.includes('rate') ? ` @ ${percent(c.current.rate)}` : ''}`,
        change: money(c.valueChange),
      })),
      priceOnly: h.priceOnlyByGroup.map((g) => ({ group: g.group, count: g.count, change: money(g.valueChange) })),
      priceOnlyCount: h.priceOnlyByGroup.reduce((n, g) => n + g.count, 0),
      priceOnlyChange: money(sum(h.priceOnlyByGroup.map((g) => g.valueChange))),
      unchanged: h.unchanged,
      groups: h.groups.filter((g) => !g.change.isZero()).map((g) => ({ name: g.name, previous: money(g.previous), current: money(g.current), change: money(g.change) })),
    },
    blackline: changedSections.map((s) => ({
      title: s.title,
      blocks: s.blocks.map((b) => blockView(b)),
    })),
    unchangedSections: diff.blackline.length - changedSections.length,
  };
}
