// Every figure of a fund-period as a flat list of named lines, so two periods can be compared line by
// line: statement items, the current column of the financial highlights, the notes' figures and the
// calculators' results. Keys are stable paths (`statements.assets_and_liabilities.net_assets`); what each
// line is (label, unit, where else it is printed) comes from its declaration in figure-catalog.ts.
import type { Figures } from '../calc/compute.js';
import { FIGURE_LINES } from '../calc/passes.js';
import { Decimal } from '../decimal.js';
import type { FundPeriod } from '../load/schema.js';
import { declarationOf, type FigureDeclaration } from './figure-catalog.js';

export interface FigureLine extends FigureDeclaration {
  key: string;
  value: Decimal;
}

function line(key: string, value: Decimal): FigureLine {
  return { key, ...declarationOf(key), value };
}

/** Walk an object's Decimal leaves (not arrays) under `prefix`. */
function leaves(value: unknown, prefix: string, out: FigureLine[]): void {
  if (value instanceof Decimal) {
    out.push(line(prefix, value));
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
      for (const l of lines) out.push(line(`statements.cash_flows.${section}[${l.label}]`, l.amount));
    }
  }
  const soi = fund.schedule_of_investments;
  out.push(line('schedule_of_investments.total_investments', soi.total_investments));
  out.push(line('schedule_of_investments.holdings_count', new Decimal(soi.groups.reduce((n, g) => n + g.holdings.length, 0))));
  const hl = fund.financial_highlights.columns[0];
  if (hl) leaves(hl.values, 'financial_highlights.current', out);
  if (fund.preferred_shares) {
    out.push(line('preferred_shares.outstanding', fund.preferred_shares.outstanding));
  }
  if (fund.notes_data) {
    const { capital_loss_carryforward: clc, fair_value_levels: _levels, ...rest } = fund.notes_data;
    leaves(rest, 'notes_data', out);
    if (clc) out.push(line('notes_data.capital_loss_carryforward.total', clc.total));
  }

  // The calculators' figures, as their passes declare them.
  // Calculator results carry 40 digits; compare them at a precision finer than any printed figure.
  for (const l of FIGURE_LINES) {
    const value = l.value(figures);
    if (value !== undefined) out.push(line(`figures.${l.path}`, value.toDecimalPlaces(l.unit === 'ratio' ? 6 : 2)));
  }
  return out;
}
