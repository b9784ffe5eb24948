// View model of the period diff: variances formatted (ratios in basis points), flagged rows with their
// explanations, findings delta, holdings changes and the blackline, ready to print.
import type { Decimal } from '../decimal.js';
import type { BlacklineBlock } from '../diff/blackline.js';
import type { PeriodDiff } from '../diff/period-diff.js';
import type { Variance } from '../diff/variances.js';
import { longDate, money, percent } from './format.js';
import type { Section } from './report-view.js';

export interface VarianceRow {
  label: string;
  key: string;
  previous: string;
  current: string;
  change: string;
  changePercent: string;
  flagged: boolean;
  explanation: string;
  missingExplanation: boolean;
}

export interface DiffView {
  documentTitle: string;
  author: string;
  fundName: string;
  previous: string;
  current: string;
  empty: boolean;
  warnings: string[];
  sections: Section[];
  thresholds: string;
  summary: { label: string; value: string }[];
  flaggedRows: VarianceRow[];
  allRows: VarianceRow[];
  findings: { new: PeriodDiff['findings']['new']; resolved: PeriodDiff['findings']['resolved']; open: PeriodDiff['findings']['open'] };
  holdings: {
    added: { group: string; name: string; rate: string; maturity: string; principal: string; value: string }[];
    removed: { group: string; name: string; rate: string; maturity: string; principal: string; value: string }[];
    changed: { group: string; name: string; what: string; previous: string; current: string; change: string }[];
    unchanged: number;
    groups: { name: string; previous: string; current: string; change: string }[];
  };
  blackline: { title: string; blocks: { unchangedText?: string; pieces?: { kind: string; text: string }[]; insertedText?: string; deletedText?: string }[] }[];
  unchangedSections: number;
}

function show(v: Decimal | null, unit: Variance['unit']): string {
  if (v === null) return '—';
  if (unit === 'ratio') return percent(v, 2);
  if (unit === 'perShare') return money(v, 2);
  return money(v, v.isInteger() ? 0 : 2);
}

function row(v: Variance): VarianceRow {
  const change = v.unit === 'ratio' ? `${money(v.changeBps!, 1)} bps` : show(v.change, v.unit);
  return {
    label: v.label,
    key: v.key,
    previous: show(v.previous, v.unit),
    current: show(v.current, v.unit),
    change,
    changePercent: v.changePercent === null ? '—' : percent(v.changePercent, 1),
    flagged: v.flagged,
    explanation: v.explanation ?? '',
    missingExplanation: v.flagged && !v.explanation,
  };
}

const holdingName = (h: { issuer: string; issue: string }) => `${h.issuer}; ${h.issue}`;

function blockView(b: BlacklineBlock) {
  switch (b.kind) {
    case 'unchanged':
      return { unchangedText: `${b.count} paragraph${b.count === 1 ? '' : 's'} unchanged` };
    case 'changed':
      return { pieces: b.pieces };
    case 'inserted':
      return { insertedText: b.text };
    case 'deleted':
      return { deletedText: b.text };
  }
}

export function diffView(diff: PeriodDiff): DiffView {
  const rows = diff.variances.map(row);
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
    warnings: diff.warnings,
    sections: [
      { id: 'summary', title: 'Summary' },
      { id: 'variances', title: 'Figure Variances' },
      { id: 'findings', title: 'Findings Delta' },
      { id: 'holdings', title: 'Holdings' },
      { id: 'blackline', title: 'Blackline of the Narrative' },
    ],
    thresholds: `flagged when a figure moves by at least ${percent(diff.thresholds.percent, 0)} and by at least $${money(diff.thresholds.materiality)}; ratios when they move by at least ${money(diff.thresholds.ratioBps, 0)} bps`,
    summary: [
      { label: 'Figures compared', value: String(rows.length) },
      { label: 'Figures changed', value: String(diff.variances.filter((v) => !v.change.isZero()).length) },
      { label: 'Flagged beyond thresholds', value: String(rows.filter((r) => r.flagged).length) },
      { label: 'Flagged without an explanation', value: String(rows.filter((r) => r.missingExplanation).length) },
      { label: 'Findings new / resolved / still open', value: `${diff.findings.new.length} / ${diff.findings.resolved.length} / ${diff.findings.open.length}` },
      { label: 'Holdings added / removed / changed', value: `${h.added.length} / ${h.removed.length} / ${h.changed.length}` },
      { label: 'Narrative sections changed', value: `${changedSections.length} of ${diff.blackline.length}` },
    ],
    flaggedRows: rows.filter((r) => r.flagged),
    allRows: rows.filter((r) => r.previous !== r.current),
    findings: diff.findings,
    holdings: {
      added: h.added.map(line),
      removed: h.removed.map(line),
      changed: h.changed.map((c) => ({
        group: c.group,
        name: holdingName(c),
        what: c.changed.join(', '),
        previous: `${money(c.previous.principal_000)} / ${money(c.previous.value)}${c.changed.includes('rate') ? ` @ ${percent(c.previous.rate)}` : ''}`,
        current: `${money(c.current.principal_000)} / ${money(c.current.value)}${c.changed.includes('rate') ? ` @ ${percent(c.current.rate)}` : ''}`,
        change: money(c.valueChange),
      })),
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
