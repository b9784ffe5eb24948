// Every figure of a fund-period as a flat list of named lines, so two periods can be compared line by
// line: statement items, the current column of the financial highlights, the notes' figures and the
// calculators' results. Keys are stable paths (`statements.assets_and_liabilities.net_assets`).
import type { Figures } from '../calc/compute.js';
import { Decimal } from '../decimal.js';
import { percent } from '../load/fields.js';
import { HIGHLIGHT_ROWS, type FundPeriod } from '../load/schema.js';

export type LineUnit = 'money' | 'perShare' | 'ratio' | 'count';

export interface FigureLine {
  key: string;
  label: string;
  unit: LineUnit;
  value: Decimal;
}

const PER_SHARE = /(^|_)(nav|nav_per_share|market_price_per_share|per_share)$|^nav_|per_share$/;
const COUNT = /(shares_outstanding|_shares$|^outstanding$|^authorized$|^beginning$|^ending$)/;

const WORDS: Record<string, string> = { nav: 'NAV', nii: 'NII', ifm: 'interest, facilities and maintenance fees', '000': '(000)', ms: 'Morgan Stanley' };

/** "statements.operations.expenses.advisory_fees" -> "Expenses: advisory fees". */
function label(key: string): string {
  const parts = key.split('.');
  const last = parts.at(-1)!;
  const words = last.split('_').map((w) => WORDS[w] ?? w).join(' ');
  const parent = parts.at(-2);
  const context = parent && !['assets_and_liabilities', 'operations', 'current', 'statements', 'notes_data', 'cash_flows', 'values'].includes(parent) ? `${parent.replaceAll('_', ' ')}: ` : '';
  const text = `${context}${words}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const percentHighlights = new Set(Object.entries(HIGHLIGHT_ROWS).filter(([, t]) => t === percent).map(([k]) => k));

function unitOf(key: string): LineUnit {
  const field = key.split('.').at(-1)!;
  if (key.startsWith('financial_highlights.') && percentHighlights.has(field)) return 'ratio';
  if (/(^|_)(rate|ratio|limit)$/.test(field) || field === 'rate') return 'ratio';
  if (PER_SHARE.test(field)) return 'perShare';
  if (COUNT.test(field)) return 'count';
  return 'money';
}

/** Walk an object's Decimal leaves (not arrays) under `prefix`. */
function leaves(value: unknown, prefix: string, out: FigureLine[]): void {
  if (value instanceof Decimal) {
    out.push({ key: prefix, label: label(prefix), unit: unitOf(prefix), value });
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  }
}

export function figureLines(fund: FundPeriod, figures: Figures): FigureLine[] {
  const out: FigureLine[] = [];
  const st = fund.statements;
  leaves(st.assets_and_liabilities, 'statements.assets_and_liabilities', out);
  leaves(st.operations, 'statements.operations', out);
  const current = st.changes_in_net_assets[0];
  if (current) leaves({ ...current, label: undefined, start: undefined, end: undefined }, 'statements.changes_in_net_assets.current', out);
  if (st.cash_flows) {
    const { adjustments, financing, supplemental, ...totals } = st.cash_flows;
    leaves(totals, 'statements.cash_flows', out);
    for (const [section, lines] of [['adjustments', adjustments], ['financing', financing], ['supplemental', supplemental ?? []]] as const) {
      for (const l of lines) out.push({ key: `statements.cash_flows.${section}[${l.label}]`, label: l.label, unit: 'money', value: l.amount });
    }
  }
  const soi = fund.schedule_of_investments;
  out.push({ key: 'schedule_of_investments.total_investments', label: 'Total investments', unit: 'money', value: soi.total_investments });
  out.push({ key: 'schedule_of_investments.holdings_count', label: 'Number of holdings', unit: 'count', value: new Decimal(soi.groups.reduce((n, g) => n + g.holdings.length, 0)) });
  const hl = fund.financial_highlights.columns[0];
  if (hl) leaves(hl.values, 'financial_highlights.current', out);
  if (fund.preferred_shares) {
    out.push({ key: 'preferred_shares.outstanding', label: 'Preferred shares outstanding', unit: 'count', value: fund.preferred_shares.outstanding });
  }
  if (fund.notes_data) {
    const { capital_loss_carryforward: clc, fair_value_levels: _levels, ...rest } = fund.notes_data;
    leaves(rest, 'notes_data', out);
    if (clc) out.push({ key: 'notes_data.capital_loss_carryforward.total', label: 'Capital loss carryforward', unit: 'money', value: clc.total });
  }

  // The calculators' figures.
  // Calculator results carry 40 digits; compare them at a precision finer than any printed figure.
  const f = (key: string, lbl: string, unit: LineUnit, value: Decimal | undefined) => {
    if (value !== undefined) out.push({ key: `figures.${key}`, label: lbl, unit, value: value.toDecimalPlaces(unit === 'ratio' ? 6 : 2) });
  };
  const cap = figures.expenseCap;
  f('expenseCap.grossRatio', 'Expense ratio, all expenses (computed)', 'ratio', cap?.grossRatio ?? figures.ratios.expenses);
  f('expenseCap.coveredRatio', 'Expense ratio under the cap (computed)', 'ratio', cap?.coveredRatio);
  f('expenseCap.limit', 'Expense limitation', 'ratio', cap?.limit);
  f('expenseCap.waiver', 'Fees waived under the cap (computed)', 'money', cap?.waiver);
  f('expenseCap.reimbursement', 'Expenses reimbursed under the cap (computed)', 'money', cap?.reimbursement);
  f('advisoryFee.computed', 'Advisory fee (computed)', 'money', figures.advisoryFee.computed);
  f('advisoryFee.averageBase', 'Average advisory fee base', 'money', figures.advisoryFee.averageBase);
  f('preferredCoverage.perThousandOfDebt', 'Asset coverage per $1,000 of indebtedness', 'money', figures.preferredCoverage?.perThousandOfDebt);
  f('preferredCoverage.ratio', 'Asset coverage of preferred shares', 'ratio', figures.preferredCoverage?.ratio);
  f('preferredCoverage.perShare', 'Asset coverage per preferred share', 'money', figures.preferredCoverage?.perShare);
  f('preferredCoverage.headroom', 'Coverage headroom (assets may fall)', 'money', figures.preferredCoverage?.headroom);
  f('marketPremiumDiscount', 'Market premium (discount) to NAV (computed)', 'ratio', figures.marketPremiumDiscount);
  f('ratios.netInvestmentIncome', 'Net investment income ratio (computed)', 'ratio', figures.ratios.netInvestmentIncome);
  return out;
}
