// Two periods of one fund compared: figure variances with flux flags, findings new/resolved/open,
// holdings added/removed/changed, and a blackline of the narrative. Pure: loaded data in, a diff out.
import type { Figures } from '../calc/compute.js';
import type { Diagnostic } from '../diagnostic.js';
import { Decimal } from '../decimal.js';
import { formatPath } from '../load/locate.js';
import type { FundPeriod } from '../load/schema.js';
import { blackline, type BlacklineSection } from './blackline.js';
import { daysInclusive } from '../calc/period-days.js';
import { foldDuplicates } from './duplicates.js';
import { figureLines } from './figure-lines.js';
import { diffHoldings, type HoldingsDiff } from './holdings.js';
import { variances, type Thresholds, type Variance } from './variances.js';

export interface PeriodInput {
  fund: FundPeriod;
  figures: Figures;
  file: string;
}

export interface FindingRef {
  severity: string;
  code: string;
  path: string;
  message: string;
}

export interface PeriodDiff {
  fund: { id: string; name: string };
  previous: { file: string; start: string; end: string };
  current: { file: string; start: string; end: string };
  /** True when nothing differs: no figure, finding, holding or paragraph. */
  empty: boolean;
  warnings: string[];
  thresholds: Thresholds;
  variances: Variance[];
  findings: { new: FindingRef[]; resolved: FindingRef[]; open: FindingRef[] };
  holdings: HoldingsDiff;
  blackline: BlacklineSection[];
  /** Explanations in the current file that name no figure. */
  unusedExplanations: string[];
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
  const warnings: string[] = [];
  if (c.period.end <= p.period.end) {
    warnings.push(`${current.file} (period ending ${c.period.end}) is not later than ${previous.file} (period ending ${p.period.end})`);
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
  const folded = foldDuplicates(figureLines(p, previous.figures), figureLines(c, current.figures));
  const rows = variances(folded.previous, folded.current, thresholds, explanations, folded.alsoAt);
  const known = new Set(rows.map((r) => r.key));

  const key = (f: FindingRef) => `${f.code}|${f.path}`;
  const before = previous.figures.findings.map(ref);
  const after = current.figures.findings.map(ref);
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
    previous: { file: previous.file, start: p.period.start, end: p.period.end },
    current: { file: current.file, start: c.period.start, end: c.period.end },
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
