// What tie-outs.xlsx holds, as plain rows: figures (one per figure path), every tie-out with stated,
// computed and difference and where it is in the YAML, the findings, and the variances of a period diff.
// Plain data with decimals as their exact strings, so it crosses from a worker thread; the workbook
// writer turns them into spreadsheet numbers only at the cell.
import type { Figures } from '../calc/compute.js';
import type { FigureUnit as LineUnit } from '../diff/figure-catalog.js';
import { figureLines } from '../diff/figure-lines.js';
import type { Variance } from '../diff/variances.js';
import type { FundPeriod } from '../load/schema.js';
import { formatPath, type Locator } from '../load/locate.js';
import { tieOutRows, whereIs as where, type TieOutRow } from '../calc/tie-outs.js';

export type { TieOutRow };

interface FigureRow {
  path: string;
  label: string;
  unit: LineUnit;
  value: string;
}

interface FindingRow {
  severity: string;
  code: string;
  path: string;
  message: string;
  stated: string;
  computed: string;
  location: string;
}

interface VarianceRow {
  path: string;
  label: string;
  unit: LineUnit;
  previous: string | null;
  current: string | null;
  change: string;
  changePercent: string | null;
  changeBps: string | null;
  flagged: boolean;
  explanation: string | null;
}

export interface WorkbookData {
  fundId: string;
  fundName: string;
  periodEnd: string;
  /** The period's report date: the workbook's created/modified date, so the same input gives the same bytes. */
  reportDate: string;
  figures: FigureRow[];
  tieOuts: TieOutRow[];
  findings: FindingRow[];
  /** Present when the build has a previous period to compare with. */
  variances?: VarianceRow[];
}

export function figureRows(fund: FundPeriod, figures: Figures): FigureRow[] {
  return figureLines(fund, figures).map((l) => ({ path: l.key, label: l.label, unit: l.unit, value: l.value.toString() }));
}

function varianceRows(rows: readonly Variance[]): VarianceRow[] {
  const s = (d: { toString(): string } | null) => (d === null ? null : d.toString());
  return rows.map((v) => ({
    path: v.key,
    label: v.label,
    unit: v.unit,
    previous: s(v.previous),
    current: s(v.current),
    change: v.change.toString(),
    changePercent: s(v.changePercent),
    changeBps: s(v.changeBps),
    flagged: v.flagged,
    explanation: v.explanation,
  }));
}

export function workbookData(fund: FundPeriod, figures: Figures, locate: Locator, variances?: readonly Variance[]): WorkbookData {
  return {
    fundId: fund.fund.id,
    fundName: fund.fund.name,
    periodEnd: fund.period.end,
    reportDate: fund.period.report_date,
    figures: figureRows(fund, figures),
    tieOuts: tieOutRows(figures.tieOuts, locate),
    findings: figures.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      path: f.path ? formatPath(f.path) : '',
      message: f.message,
      stated: f.stated ?? '',
      computed: f.computed ?? '',
      location: f.path ? where(locate, f.path) : '',
    })),
    ...(variances ? { variances: varianceRows(variances) } : {}),
  };
}
