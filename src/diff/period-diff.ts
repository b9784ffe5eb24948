// Two periods of one fund compared: figure variances with flux flags, findings new/resolved/open,
// holdings added/removed/changed, and a blackline of the narrative. Pure: loaded data in, a diff out.
import type { Figures } from '../calc/compute.js';
import type { Diagnostic } from '../diagnostic.js';
import { Decimal } from '../decimal.js';
import { formatPath } from '../load/locate.js';
import { sectionOf } from '../load/fill-placeholders.js';
import type { Provenance } from '../load/provenance.js';
import type { FundPeriod } from '../load/schema.js';
import { blackline, type BlacklineSection } from './blackline.js';
import { daysInclusive } from '../calc/period-days.js';
import { foldDuplicates } from './duplicates.js';
import { figureLines, type FigureLine } from './figure-lines.js';
import { diffHoldings, type HoldingsDiff } from './holdings.js';
import { variances, type Thresholds, type Variance } from './variances.js';

interface PeriodInput {
  fund: FundPeriod;
  figures: Figures;
  file: string;
  provenance?: Provenance;
  /** Paths still TO BE FILLED (their values taken from the previous period to load the file). */
  unfilled?: readonly string[];
}

/** A partly filled period: how many fields are still to be filled, per part of the file. */
interface Incomplete {
  file: string;
  total: number;
  bySection: { section: string; count: number }[];
}

interface FindingRef {
  severity: string;
  code: string;
  path: string;
  message: string;
}

export interface PeriodDiff {
  fund: { id: string; name: string };
  previous: { file: string; start: string; end: string; provenance: Provenance | null };
  current: { file: string; start: string; end: string; provenance: Provenance | null };
  /** Set when the current period is partly filled: what it covers leaves these fields out. */
  incomplete: Incomplete | null;
  /** True when nothing differs: no figure, finding, holding or paragraph. */
  empty: boolean;
  /** Why the comparison may mislead (PERIOD_NOT_LATER), at the current file's fields; located by the caller. */
  warnings: Diagnostic[];
  thresholds: Thresholds;
  variances: Variance[];
  findings: { new: FindingRef[]; resolved: FindingRef[]; open: FindingRef[] };
  holdings: HoldingsDiff;
  blackline: BlacklineSection[];
  /** Explanations in the current file that name no figure. */
  unusedExplanations: string[];
}

/** The figure key of a data path: the current column of changes and highlights, cash-flow lines by label. */
function figureKeyOf(path: string, fund: FundPeriod): string {
  const line = /^statements\.cash_flows\.(adjustments|financing|supplemental)\[(\d+)\]/.exec(path);
  if (line) {
    const label = fund.statements.cash_flows?.[line[1] as 'adjustments']?.[Number(line[2])]?.label;
    return `statements.cash_flows.${line[1]}[${label}]`;
  }
  return path
    .replace(/^statements\.changes_in_net_assets\[0\]\./, 'statements.changes_in_net_assets.current.')
    .replace(/^financial_highlights\.columns\[0\]\.values\./, 'financial_highlights.current.');
}

function countUnfilled(file: string, paths: readonly string[]): Incomplete {
  const counts = new Map<string, number>();
  for (const path of paths) counts.set(sectionOf(path), (counts.get(sectionOf(path)) ?? 0) + 1);
  return { file, total: paths.length, bySection: [...counts].map(([section, count]) => ({ section, count })) };
}

const DEFAULT_THRESHOLD = new Decimal('0.10');
const DEFAULT_RATIO_BPS = new Decimal(10);
const DEFAULT_MATERIALITY_SHARE = new Decimal('0.005');
const DEFAULT_PER_SHARE = new Decimal('0.05');

function ref(f: Diagnostic): FindingRef {
  return { severity: f.severity, code: f.code, path: f.path ? formatPath(f.path) : '', message: f.message };
}

/** Why two periods cannot be compared (they are of different funds), at the current file's fund id. */
export function cannotCompare(previous: PeriodInput, current: PeriodInput): Diagnostic | undefined {
  const [p, c] = [previous.fund.fund.id, current.fund.fund.id];
  if (p === c) return undefined;
  return { severity: 'error', code: 'DIFFERENT_FUNDS', path: ['fund', 'id'], message: `${previous.file} is fund "${p}" and ${current.file} is fund "${c}": a period diff compares two periods of one fund` };
}

/** Compare two periods of one fund (`cannotCompare` says when they are not). */
export function diffPeriods(previous: PeriodInput, current: PeriodInput): PeriodDiff {
  const p = previous.fund;
  const c = current.fund;
  const warnings: Diagnostic[] = [];
  if (c.period.end <= p.period.end) {
    warnings.push({ severity: 'warning', code: 'PERIOD_NOT_LATER', path: ['period', 'end'], message: `${current.file} (period ending ${c.period.end}) is not later than ${previous.file} (period ending ${p.period.end})` });
  }
  const flux = c.flux;
  const ratioBps = flux?.ratio_threshold_bps ?? DEFAULT_RATIO_BPS;
  const currentDays = daysInclusive(c.period.start, c.period.end);
  const averageNetAssets = c.period.average_daily_net_assets;
  const thresholds: Thresholds = {
    percent: flux?.threshold ?? DEFAULT_THRESHOLD,
    materiality: flux?.materiality ?? c.statements.assets_and_liabilities.net_assets.times(DEFAULT_MATERIALITY_SHARE).toDecimalPlaces(0),
    // The ratio threshold's basis points a year of average net assets, over the current period: a flow
    // that moves by this much moves an expense (or income) ratio by about the ratio threshold.
    flowMateriality: flux?.flow_materiality ?? averageNetAssets.times(ratioBps).dividedBy(10_000).times(currentDays).dividedBy(365).toDecimalPlaces(0),
    flowMaterialityFrom: flux?.flow_materiality ? 'file' : { averageNetAssets, days: currentDays },
    ratioBps,
    perShare: flux?.per_share_threshold ?? DEFAULT_PER_SHARE,
    previousDays: daysInclusive(p.period.start, p.period.end),
    currentDays,
  };
  const explanations = new Map((flux?.explanations ?? []).map((e) => [e.figure, e.text]));
  // A partly filled period: the fields still to be filled, and every computed figure (computed from
  // them), are left out; so are its findings.
  const unfilled = new Set((current.unfilled ?? []).map((path) => figureKeyOf(path, c)));
  const incomplete = current.unfilled?.length ? countUnfilled(current.file, current.unfilled) : null;
  const compared = (l: FigureLine) => !incomplete || (!unfilled.has(l.key) && !l.key.startsWith('figures.'));
  const folded = foldDuplicates(figureLines(p, previous.figures).filter(compared), figureLines(c, current.figures).filter(compared));
  const rows = variances(folded.previous, folded.current, thresholds, explanations, folded.alsoAt);
  const known = new Set(rows.map((r) => r.key));

  const key = (f: FindingRef) => `${f.code}|${f.path}`;
  const before = incomplete ? [] : previous.figures.findings.map(ref);
  const after = incomplete ? [] : current.figures.findings.map(ref);
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const findings = {
    new: after.filter((f) => !beforeKeys.has(key(f))),
    resolved: before.filter((f) => !afterKeys.has(key(f))),
    open: after.filter((f) => beforeKeys.has(key(f))),
  };

  const holdings = diffHoldings(p, c);
  const sections = blackline(p, c);
  const empty =
    rows.every((r) => r.change.isZero() && r.previous !== null && r.current !== null) &&
    findings.new.length === 0 &&
    findings.resolved.length === 0 &&
    holdings.added.length + holdings.removed.length + holdings.changed.length === 0 &&
    sections.every((s) => !s.changed);

  return {
    fund: { id: c.fund.id, name: c.fund.name },
    previous: { file: previous.file, start: p.period.start, end: p.period.end, provenance: previous.provenance ?? null },
    current: { file: current.file, start: c.period.start, end: c.period.end, provenance: current.provenance ?? null },
    incomplete,
    empty,
    warnings,
    thresholds,
    variances: rows,
    findings,
    holdings,
    blackline: sections,
    unusedExplanations: [...explanations.keys()].filter((k) => !known.has(k)),
  };
}
