// The financial statements as tables for print.
import { seniorSecurities, type SeniorSecurity } from '../calc/senior-securities.js';
import type { FundPeriod, HighlightRow } from '../load/schema.js';
import { marks, money } from './format.js';
import { cell, TableBuilder, type Kind, type Table } from './table.js';

/** A senior security's line: its label, and for preferred shares the shares and their liquidation preference. */
function seniorSecurityLabel(x: SeniorSecurity): string {
  if (x.shares === undefined || x.liquidationPerShare === undefined) return x.label;
  return `${x.label} (${money(x.shares)} shares issued with liquidation preference of $${money(x.liquidationPerShare)} per share)`;
}

export function assetsAndLiabilities(fund: FundPeriod): Table {
  const s = fund.statements.assets_and_liabilities;
  const a = s.assets;
  const l = s.liabilities;
  const pref = fund.preferred_shares;
  const t = new TableBuilder(1);
  t.heading('Assets:');
  t.row(`Investments, at value (Cost $${money(a.investments_at_cost)})`, [cell(a.investments_at_value)]);
  if (a.cash) t.row('Cash', [cell(a.cash)]);
  const receivables: [string, typeof a.cash][] = [
    ['Interest', a.receivable_interest],
    ['Investments sold', a.receivable_investments_sold],
  ];
  const present = receivables.filter(([, v]) => v);
  present.forEach(([label, v], i) => t.row(i === 0 ? `Receivable for: ${label}` : label, [cell(v)], 'line', i === 0 ? 0 : 1));
  if (a.deferred_compensation_investment) t.row('Investment for trustee deferred compensation and retirement plans', [cell(a.deferred_compensation_investment)]);
  if (a.other_assets) t.row('Other assets', [cell(a.other_assets)]);
  t.row('Total assets', [cell(a.total_assets)], 'subtotal');
  t.heading('Liabilities:');
  const listed = s.senior_securities ? seniorSecurities(fund) : [];
  for (const x of listed.filter((y) => y.liability)) t.row(seniorSecurityLabel(x), [cell(x.amount)]);
  if (l.borrowings) t.row('Borrowings', [cell(l.borrowings)]);
  if (l.floating_rate_note_obligations) t.row('Floating rate note obligations', [cell(l.floating_rate_note_obligations)]);
  const payables: [string, typeof l.borrowings][] = [
    ['Investments purchased', l.payable_investments_purchased],
    ['Dividends common shares', l.payable_common_dividends],
    ['Dividends preferred shares', l.payable_preferred_dividends],
  ];
  payables.filter(([, v]) => v).forEach(([label, v], i) => t.row(i === 0 ? `Payable for: ${label}` : label, [cell(v)], 'line', i === 0 ? 0 : 1));
  if (l.accrued_expenses) t.row('Accrued other operating expenses', [cell(l.accrued_expenses)]);
  if (l.deferred_compensation_liability) t.row('Trustee deferred compensation and retirement plans', [cell(l.deferred_compensation_liability)]);
  t.row('Total liabilities', [cell(l.total_liabilities)], 'subtotal');
  for (const x of listed.filter((y) => !y.liability)) t.row(seniorSecurityLabel(x), [cell(x.amount)]);
  if (s.preferred_shares && pref) {
    t.row(
      `Preferred shares ($${money(pref.par_value, 2)} par value, authorized ${money(pref.authorized)} shares, ${money(pref.outstanding)} issued with liquidation preference of $${money(pref.liquidation_preference_per_share)} per share)`,
      [cell(s.preferred_shares)],
    );
  }
  t.row('Net assets attributable to common shares', [cell(s.net_assets)], 'total');
  t.restartDollars();
  t.heading('Net assets applicable to common shares consist of:');
  const c = s.net_assets_consist_of;
  t.row('Shares of beneficial interest — common shares', [cell(c.paid_in_capital)]);
  t.row('Undistributed net investment income', [cell(c.undistributed_net_investment_income)]);
  t.row('Undistributed net realized gain (loss)', [cell(c.undistributed_net_realized_gain_loss)]);
  t.row(c.unrealized_appreciation_depreciation.isNegative() ? 'Unrealized depreciation' : 'Unrealized appreciation', [cell(c.unrealized_appreciation_depreciation)]);
  t.row('', [cell(s.net_assets)], 'total');
  t.restartDollars();
  const par = s.common_par_value ? `$${money(s.common_par_value, 2)} par value per share, ` : '';
  const authorized = s.common_shares_authorized ? `with ${s.common_shares_authorized === 'unlimited' ? 'an unlimited number of' : s.common_shares_authorized} shares authorized` : '';
  t.heading(`Shares outstanding, ${par}${authorized}:`.replace(', :', ':'));
  t.row('Common shares outstanding', [cell(s.common_shares_outstanding, 'count')], 'line', 0, undefined, false);
  // The per-share lines each carry "$", as the filing prints them.
  t.row('Net asset value per common share', [cell(s.nav_per_share, 'perShare')], 'line', 0, undefined, 'all');
  if (s.market_price_per_share) t.row('Market value per common share', [cell(s.market_price_per_share, 'perShare')], 'line', 0, undefined, 'all');
  return t.build([{ label: '' }]);
}

export const EXPENSE_LABELS: Record<string, string> = {
  advisory_fees: 'Advisory fees',
  administrative_services_fees: 'Administrative services fees',
  custodian_fees: 'Custodian fees',
  interest_facilities_and_maintenance_fees: 'Interest, facilities and maintenance fees',
  preferred_share_maintenance: 'Preferred share maintenance',
  professional_fees: 'Professional services fees',
  reports_to_shareholders: 'Reports to shareholders',
  transfer_agent_fees: 'Transfer agent fees',
  trustees_and_officers_fees: 'Trustees and officers fees and benefits',
  taxes: 'Taxes',
  dividend_expense_on_short_sales: 'Dividend expense on short sales',
  extraordinary_expenses: 'Extraordinary expenses',
  other: 'Other',
};

export function operations(fund: FundPeriod): Table {
  const o = fund.statements.operations;
  const t = new TableBuilder(1);
  t.heading('Investment income:');
  if (o.investment_income.interest) t.row('Interest', [cell(o.investment_income.interest)]);
  if (o.investment_income.dividends) t.row('Dividends', [cell(o.investment_income.dividends)]);
  if (o.investment_income.total) t.row('Total investment income', [cell(o.investment_income.total)], 'subtotal');
  t.heading('Expenses:');
  for (const [key, label] of Object.entries(EXPENSE_LABELS)) {
    const v = o.expenses[key as keyof typeof o.expenses];
    if (v) t.row(label, [cell(v)]);
  }
  t.row('Total expenses', [cell(o.expenses.total)], 'subtotal');
  if (o.expenses.fees_waived_and_expenses_reimbursed) t.row('Less: Fees waived and expenses reimbursed', [cell(o.expenses.fees_waived_and_expenses_reimbursed.abs().negated())]);
  if (o.expenses.expense_offset) t.row('Less: Expense offset arrangements', [cell(o.expenses.expense_offset.abs().negated())]);
  if (o.expenses.net) t.row('Net expenses', [cell(o.expenses.net)], 'subtotal');
  t.row('Net investment income', [cell(o.net_investment_income)], 'subtotal');
  t.heading('Realized and unrealized gain (loss) from:');
  t.row('Net realized gain (loss) from investment securities', [cell(o.net_realized_gain_loss)], 'line', 1);
  t.row(`Change in net unrealized ${o.change_in_unrealized_appreciation.isNegative() ? 'depreciation' : 'appreciation'} of investment securities`, [cell(o.change_in_unrealized_appreciation)], 'line', 1);
  t.row(`Net realized and unrealized ${o.net_realized_and_unrealized_gain_loss.isNegative() ? 'loss' : 'gain'}`, [cell(o.net_realized_and_unrealized_gain_loss)], 'subtotal');
  t.row(`Net ${o.net_increase_from_operations.isNegative() ? 'decrease' : 'increase'} in net assets resulting from operations`, [cell(o.net_increase_from_operations)], 'subtotal');
  if (o.preferred_distributions) t.row('Distributions to preferred shareholders from net investment income', [cell(o.preferred_distributions)]);
  t.row(`Net ${o.net_increase_applicable_to_common.isNegative() ? 'decrease' : 'increase'} in net assets resulting from operations applicable to common shares`, [cell(o.net_increase_applicable_to_common)], 'total');
  return t.build([{ label: '' }]);
}

export function changesInNetAssets(fund: FundPeriod): Table {
  const cols = fund.statements.changes_in_net_assets;
  const t = new TableBuilder(cols.length);
  const all = (pick: (c: (typeof cols)[number]) => typeof c.net_investment_income | undefined, kind: Kind = 'money') => cols.map((c) => cell(pick(c), kind));
  const any = (pick: (c: (typeof cols)[number]) => unknown) => cols.some((c) => pick(c) !== undefined);
  t.heading('Operations:');
  t.row('Net investment income', all((c) => c.net_investment_income), 'line', 1);
  t.row('Net realized gain (loss)', all((c) => c.net_realized_gain_loss), 'line', 1);
  t.row('Change in net unrealized appreciation (depreciation)', all((c) => c.change_in_unrealized_appreciation), 'line', 1);
  t.row('Net increase (decrease) in net assets resulting from operations', all((c) => c.net_increase_from_operations), 'subtotal');
  if (any((c) => c.preferred_distributions)) t.row('Distributions to preferred shareholders from net investment income', all((c) => c.preferred_distributions));
  t.row('Net increase (decrease) in net assets from operations applicable to common shares', all((c) => c.net_increase_applicable_to_common), 'subtotal');
  t.row('Distributions to shareholders from net investment income', all((c) => c.distributions_from_net_investment_income));
  if (any((c) => c.distributions_from_net_realized_gains)) t.row('Distributions to shareholders from net realized gains', all((c) => c.distributions_from_net_realized_gains));
  if (any((c) => c.capital_share_transactions)) t.row('Net increase (decrease) from capital share transactions', all((c) => c.capital_share_transactions));
  t.row('Net increase (decrease) in net assets', all((c) => c.net_increase_in_net_assets), 'subtotal');
  t.heading('Net assets:');
  t.row('Beginning of period', all((c) => c.net_assets_beginning), 'line', 1);
  const undistributed = cols.map((c) => (c.undistributed_net_investment_income_end ? `$${money(c.undistributed_net_investment_income_end)}` : null)).filter(Boolean);
  const includes = undistributed.length === cols.length
    ? ` (includes undistributed net investment income of ${undistributed.length > 1 ? `${undistributed.slice(0, -1).join(', ')} and ${undistributed.at(-1)}, respectively` : undistributed[0]})`
    : '';
  t.row(`End of period${includes}`, all((c) => c.net_assets_end), 'total', 1);
  return t.build(cols.map((c) => ({ label: c.label })));
}

export function cashFlows(fund: FundPeriod): Table | undefined {
  const cf = fund.statements.cash_flows;
  if (!cf) return undefined;
  const t = new TableBuilder(1);
  t.heading('Cash provided by operating activities:');
  t.row('Net increase in net assets from operations applicable to common shares', [cell(cf.net_increase_applicable_to_common)]);
  t.heading('Adjustments to reconcile the change in net assets applicable to common shares from operations to net cash provided by operating activities:');
  for (const line of cf.adjustments) t.row(line.label, [cell(line.amount)], 'line', 1);
  t.row('Net cash provided by operating activities', [cell(cf.net_cash_from_operating)], 'subtotal');
  t.heading('Cash flows provided by (used in) financing activities:');
  for (const line of cf.financing) t.row(line.label, [cell(line.amount)], 'line', 1);
  t.row('Net cash provided by (used in) financing activities', [cell(cf.net_cash_from_financing)], 'subtotal');
  t.row(`Net ${cf.net_change_in_cash.isNegative() ? 'decrease' : 'increase'} in cash`, [cell(cf.net_change_in_cash)], 'subtotal');
  t.row('Cash at beginning of period', [cell(cf.cash_beginning)]);
  t.row('Cash at end of period', [cell(cf.cash_end)], 'total');
  if (cf.supplemental?.length) {
    t.restartDollars();
    t.heading('Supplemental disclosure of cash flow information:');
    for (const line of cf.supplemental) t.row(line.label, [cell(line.amount)], 'line', 1);
  }
  return t.build([{ label: '' }]);
}

interface HighlightSpec {
  key: HighlightRow;
  label: string;
  kind: Kind;
  labelMarks?: string;
  style?: 'subtotal' | 'total';
  /** Every figure of the row carries "$" (end-of-period values, per-share amounts in dollars). */
  dollar?: boolean;
}

/** Row labels of the financial highlights; the marks are the table's footnotes. */
const HIGHLIGHT_SPECS: (HighlightSpec | { heading: string })[] = [
  { key: 'nav_beginning', label: 'Net asset value per common share, beginning of period', kind: 'perShare' },
  { key: 'net_investment_income', label: 'Net investment income', kind: 'perShare', labelMarks: '(a)' },
  { key: 'net_gains_losses', label: 'Net gains (losses) on securities (both realized and unrealized)', kind: 'perShare' },
  { key: 'preferred_dividends_from_nii', label: 'Dividends paid to preferred shareholders from net investment income', kind: 'perShare', labelMarks: '(a)' },
  { key: 'total_from_operations', label: 'Total income (loss) from investment operations', kind: 'perShare', style: 'subtotal' },
  { heading: 'Less dividends and distributions paid to common shareholders from:' },
  { key: 'dividends_from_nii', label: 'Dividends from net investment income', kind: 'perShare' },
  { key: 'distributions_from_gains', label: 'Distributions from net realized gains', kind: 'perShare' },
  { key: 'total_distributions', label: 'Total dividends and distributions paid to common shareholders', kind: 'perShare', style: 'subtotal' },
  { key: 'anti_dilutive_effect', label: 'Anti-dilutive effect of shares purchased', kind: 'perShare', labelMarks: '(a)' },
  { key: 'nav_end', label: 'Net asset value, end of period', kind: 'perShare', dollar: true },
  { key: 'market_value_end', label: 'Market value, end of period', kind: 'perShare', dollar: true },
  { key: 'total_return_nav', label: 'Total return at net asset value', kind: 'percent', labelMarks: '(b)' },
  { key: 'total_return_market', label: 'Total return at market value', kind: 'percent', labelMarks: '(b)' },
  { key: 'net_assets_end_000', label: 'Net assets applicable to common shares, end of period (000s omitted)', kind: 'money', dollar: true },
  { key: 'portfolio_turnover', label: 'Portfolio turnover rate', kind: 'percent', labelMarks: '(c)' },
  { heading: 'Ratios/supplemental data based on average net assets applicable to common shares:' },
  { key: 'expense_ratio', label: 'Ratio of expenses', kind: 'percent', labelMarks: '(d)' },
  { key: 'expense_ratio_excluding_ifm', label: 'Ratio of expenses excluding interest, facilities and maintenance fees', kind: 'percent', labelMarks: '(d)(i)' },
  { key: 'nii_ratio_before_preferred', label: 'Ratio of net investment income before preferred share dividends', kind: 'percent' },
  { key: 'preferred_dividend_ratio', label: 'Preferred share dividends', kind: 'percent' },
  { key: 'nii_ratio_after_preferred', label: 'Ratio of net investment income after preferred share dividends', kind: 'percent' },
  { key: 'ms_affiliate_contribution', label: 'Rebate from Morgan Stanley affiliate', kind: 'percent' },
  { heading: 'Senior securities:' },
  { key: 'senior_debt_outstanding_000', label: 'Total amount of notes payable and borrowings outstanding (000s omitted)', kind: 'money' },
  { key: 'asset_coverage_per_1000_of_debt', label: 'Asset coverage per $1,000 of indebtedness', kind: 'money', labelMarks: '(k)', dollar: true },
  { key: 'preferred_outstanding_000', label: 'Total amount of preferred shares outstanding (000s omitted)', kind: 'money' },
  { key: 'asset_coverage_per_preferred_share', label: 'Asset coverage per preferred share', kind: 'money', labelMarks: '(k)', dollar: true },
  { key: 'asset_coverage_percent', label: 'Asset coverage', kind: 'percent', labelMarks: '(k)' },
  { key: 'liquidating_preference_per_preferred_share', label: 'Liquidating preference per preferred share', kind: 'money', dollar: true },
];

/** The highlights' row labels by key, as the report prints them (the period diff names figures by them). */
export const HIGHLIGHT_LABELS: Record<string, string> = Object.fromEntries(
  HIGHLIGHT_SPECS.flatMap((s) => ('key' in s ? [[s.key, s.label]] : [])),
);

export function financialHighlights(fund: FundPeriod): Table {
  const { columns, printed_labels: printedLabels } = fund.financial_highlights;
  const t = new TableBuilder(columns.length);
  for (const spec of HIGHLIGHT_SPECS) {
    if ('heading' in spec) {
      t.heading(spec.heading);
      continue;
    }
    const cells = columns.map((c) => {
      const v = c.values[spec.key];
      const kind = spec.kind === 'percent' && spec.key === 'asset_coverage_percent' ? 'percent' : spec.kind;
      const formatted = cell(v, kind, marks(c.marks?.[spec.key]));
      // Coverage percents print without decimals (463%); zero rebates print as 0.00%.
      if (formatted && spec.key === 'asset_coverage_percent' && v) formatted.text = `${money(v.times(100), 0)}%`;
      if (formatted && spec.key === 'portfolio_turnover' && v) formatted.text = `${money(v.times(100), 0)}%`;
      return formatted;
    });
    if (cells.every((c) => c === null)) continue;
    const dollars = spec.dollar || spec.key === 'nav_beginning' ? 'all' : false;
    // The filing's own label where the data records one: printed as filed (a wrong one is a finding).
    t.row(printedLabels?.[spec.key] ?? spec.label, cells, spec.style ?? 'line', 0, spec.labelMarks, dollars);
  }
  const groups: { label: string; span: number }[] = [];
  for (const c of columns) {
    const last = groups.at(-1);
    if (c.group && last && last.label === c.group) last.span++;
    else groups.push({ label: c.group ?? '', span: 1 });
  }
  return t.build(columns.map((c) => ({ label: c.label, group: c.group })), { groups: groups.some((g) => g.label) ? groups : undefined });
}


