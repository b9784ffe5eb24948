// What each figure line of the period diff is: its human label (the name the report prints), its unit,
// the statement it belongs to, and, where the same figure is printed in more than one place, the one
// place it is compared (`sameAs`). The fund file's figures are declared here; the calculators' figures
// (`figures.*`) are the lines their passes declare (src/calc/passes.ts).
import type { FigureDeclaration, FigureUnit } from '../calc/pass.js';
import { FIGURE_LINES } from '../calc/passes.js';
import { EXPENSE_KEYS } from '../load/schema.js';
import { EXPENSE_LABELS, HIGHLIGHT_LABELS } from '../view/statements-view.js';

export type { FigureDeclaration, FigureUnit };

const STATEMENT_NAMES: Record<string, string> = {
  'statements.assets_and_liabilities': 'Statement of Assets and Liabilities',
  'statements.operations': 'Statement of Operations',
  'statements.changes_in_net_assets': 'Statement of Changes in Net Assets',
  'statements.cash_flows': 'Statement of Cash Flows',
  schedule_of_investments: 'Schedule of Investments',
  financial_highlights: 'Financial Highlights',
  preferred_shares: 'Preferred shares',
  notes_data: 'Notes',
  figures: 'Computed by fundbook',
};

/** The statement (or other part of the report) a figure key belongs to. */
export function statementOf(key: string): string {
  const prefix = Object.keys(STATEMENT_NAMES).filter((p) => key === p || key.startsWith(`${p}.`)).sort((a, b) => b.length - a.length)[0];
  return prefix ? STATEMENT_NAMES[prefix]! : key.split('.')[0]!;
}

const AL = 'statements.assets_and_liabilities';
const OPS = 'statements.operations';
const CHG = 'statements.changes_in_net_assets.current';
const CF = 'statements.cash_flows';
const FH = 'financial_highlights.current';

const decl = (label: string, unit: FigureUnit, more: Partial<FigureDeclaration> = {}): FigureDeclaration => ({ label, unit, ...more });

const FIGURES: Record<string, FigureDeclaration> = {
  [`${AL}.assets.investments_at_value`]: decl('Investments, at value', 'balance'),
  [`${AL}.assets.investments_at_cost`]: decl('Investments, at cost', 'balance'),
  [`${AL}.assets.cash`]: decl('Cash', 'balance'),
  [`${AL}.assets.receivable_interest`]: decl('Receivable for interest', 'balance'),
  [`${AL}.assets.receivable_investments_sold`]: decl('Receivable for investments sold', 'balance'),
  [`${AL}.assets.deferred_compensation_investment`]: decl('Investment for trustee deferred compensation and retirement plans', 'balance'),
  [`${AL}.assets.other_assets`]: decl('Other assets', 'balance'),
  [`${AL}.assets.total_assets`]: decl('Total assets', 'balance'),
  [`${AL}.liabilities.borrowings`]: decl('Borrowings', 'balance'),
  [`${AL}.liabilities.floating_rate_note_obligations`]: decl('Floating rate note obligations', 'balance'),
  [`${AL}.liabilities.payable_investments_purchased`]: decl('Payable for investments purchased', 'balance'),
  [`${AL}.liabilities.payable_common_dividends`]: decl('Payable for dividends, common shares', 'balance'),
  [`${AL}.liabilities.payable_preferred_dividends`]: decl('Payable for dividends, preferred shares', 'balance'),
  [`${AL}.liabilities.accrued_expenses`]: decl('Accrued other operating expenses', 'balance'),
  [`${AL}.liabilities.deferred_compensation_liability`]: decl('Trustee deferred compensation and retirement plans (liability)', 'balance'),
  [`${AL}.liabilities.total_liabilities`]: decl('Total liabilities', 'balance'),
  [`${AL}.preferred_shares`]: decl('Preferred shares, at liquidation preference', 'balance'),
  [`${AL}.net_assets`]: decl('Net assets attributable to common shares', 'balance'),
  [`${AL}.net_assets_consist_of.paid_in_capital`]: decl('Shares of beneficial interest (paid-in capital)', 'balance'),
  [`${AL}.net_assets_consist_of.undistributed_net_investment_income`]: decl('Undistributed net investment income', 'balance'),
  [`${AL}.net_assets_consist_of.undistributed_net_realized_gain_loss`]: decl('Undistributed net realized gain (loss)', 'balance'),
  [`${AL}.net_assets_consist_of.unrealized_appreciation_depreciation`]: decl('Unrealized appreciation (depreciation)', 'balance'),
  [`${AL}.common_shares_outstanding`]: decl('Common shares outstanding', 'count'),
  [`${AL}.common_par_value`]: decl('Par value per common share', 'perShare'),
  [`${AL}.nav_per_share`]: decl('Net asset value per common share', 'perShare'),
  [`${AL}.market_price_per_share`]: decl('Market value per common share', 'perShare'),

  [`${OPS}.investment_income.interest`]: decl('Interest income', 'flow'),
  [`${OPS}.investment_income.dividends`]: decl('Dividend income', 'flow'),
  [`${OPS}.investment_income.total`]: decl('Total investment income', 'flow'),
  ...Object.fromEntries(EXPENSE_KEYS.map((k) => [`${OPS}.expenses.${k}`, decl(`Expenses: ${EXPENSE_LABELS[k]!.charAt(0).toLowerCase()}${EXPENSE_LABELS[k]!.slice(1)}`, 'flow')])),
  [`${OPS}.expenses.total`]: decl('Total expenses', 'flow'),
  [`${OPS}.expenses.fees_waived_and_expenses_reimbursed`]: decl('Fees waived and expenses reimbursed', 'flow'),
  [`${OPS}.expenses.expense_offset`]: decl('Expense offset arrangements', 'flow'),
  [`${OPS}.expenses.net`]: decl('Net expenses', 'flow'),
  [`${OPS}.net_investment_income`]: decl('Net investment income', 'flow'),
  [`${OPS}.net_realized_gain_loss`]: decl('Net realized gain (loss) from investment securities', 'flow'),
  [`${OPS}.change_in_unrealized_appreciation`]: decl('Change in net unrealized appreciation (depreciation)', 'flow'),
  [`${OPS}.net_realized_and_unrealized_gain_loss`]: decl('Net realized and unrealized gain (loss)', 'flow'),
  [`${OPS}.net_increase_from_operations`]: decl('Net increase (decrease) in net assets resulting from operations', 'flow'),
  [`${OPS}.preferred_distributions`]: decl('Distributions to preferred shareholders from net investment income', 'flow'),
  [`${OPS}.net_increase_applicable_to_common`]: decl('Net increase (decrease) in net assets from operations applicable to common shares', 'flow'),

  [`${CHG}.net_investment_income`]: decl('Net investment income', 'flow', { sameAs: `${OPS}.net_investment_income` }),
  [`${CHG}.net_realized_gain_loss`]: decl('Net realized gain (loss)', 'flow', { sameAs: `${OPS}.net_realized_gain_loss` }),
  [`${CHG}.change_in_unrealized_appreciation`]: decl('Change in net unrealized appreciation (depreciation)', 'flow', { sameAs: `${OPS}.change_in_unrealized_appreciation` }),
  [`${CHG}.net_increase_from_operations`]: decl('Net increase (decrease) in net assets resulting from operations', 'flow', { sameAs: `${OPS}.net_increase_from_operations` }),
  [`${CHG}.preferred_distributions`]: decl('Distributions to preferred shareholders from net investment income', 'flow', { sameAs: `${OPS}.preferred_distributions` }),
  [`${CHG}.net_increase_applicable_to_common`]: decl('Net increase (decrease) in net assets from operations applicable to common shares', 'flow', { sameAs: `${OPS}.net_increase_applicable_to_common` }),
  [`${CHG}.distributions_from_net_investment_income`]: decl('Distributions to shareholders from net investment income', 'flow'),
  [`${CHG}.distributions_from_net_realized_gains`]: decl('Distributions to shareholders from net realized gains', 'flow'),
  [`${CHG}.capital_share_transactions`]: decl('Net increase (decrease) from capital share transactions', 'flow'),
  [`${CHG}.net_increase_in_net_assets`]: decl('Net increase (decrease) in net assets', 'flow'),
  [`${CHG}.net_assets_beginning`]: decl('Net assets, beginning of period', 'balance'),
  [`${CHG}.net_assets_end`]: decl('Net assets, end of period', 'balance', { sameAs: `${AL}.net_assets` }),
  [`${CHG}.undistributed_net_investment_income_end`]: decl('Undistributed net investment income, end of period', 'balance', { sameAs: `${AL}.net_assets_consist_of.undistributed_net_investment_income` }),

  [`${CF}.net_increase_applicable_to_common`]: decl('Net increase in net assets from operations applicable to common shares', 'flow', { sameAs: `${OPS}.net_increase_applicable_to_common` }),
  [`${CF}.net_cash_from_operating`]: decl('Net cash provided by operating activities', 'flow'),
  [`${CF}.net_cash_from_financing`]: decl('Net cash provided by (used in) financing activities', 'flow'),
  [`${CF}.net_change_in_cash`]: decl('Net change in cash', 'flow'),
  [`${CF}.cash_beginning`]: decl('Cash, beginning of period', 'balance'),
  [`${CF}.cash_end`]: decl('Cash, end of period', 'balance', { sameAs: `${AL}.assets.cash` }),

  'schedule_of_investments.total_investments': decl('Total investments', 'balance', { sameAs: `${AL}.assets.investments_at_value` }),
  'schedule_of_investments.holdings_count': decl('Number of holdings', 'count'),

  [`${FH}.nav_beginning`]: decl(HIGHLIGHT_LABELS.nav_beginning!, 'perShare'),
  [`${FH}.net_investment_income`]: decl(`${HIGHLIGHT_LABELS.net_investment_income!}, per share`, 'perShare', { perDay: true }),
  [`${FH}.net_gains_losses`]: decl(`${HIGHLIGHT_LABELS.net_gains_losses!}, per share`, 'perShare', { perDay: true }),
  [`${FH}.preferred_dividends_from_nii`]: decl(`${HIGHLIGHT_LABELS.preferred_dividends_from_nii!}, per share`, 'perShare', { perDay: true }),
  [`${FH}.total_from_operations`]: decl(`${HIGHLIGHT_LABELS.total_from_operations!}, per share`, 'perShare', { perDay: true }),
  [`${FH}.dividends_from_nii`]: decl(`${HIGHLIGHT_LABELS.dividends_from_nii!}, per share`, 'perShare', { perDay: true }),
  [`${FH}.distributions_from_gains`]: decl(`${HIGHLIGHT_LABELS.distributions_from_gains!}, per share`, 'perShare', { perDay: true }),
  [`${FH}.total_distributions`]: decl(`${HIGHLIGHT_LABELS.total_distributions!}, per share`, 'perShare', { perDay: true }),
  [`${FH}.anti_dilutive_effect`]: decl(`${HIGHLIGHT_LABELS.anti_dilutive_effect!}, per share`, 'perShare', { perDay: true }),
  [`${FH}.nav_end`]: decl(HIGHLIGHT_LABELS.nav_end!, 'perShare', { sameAs: `${AL}.nav_per_share` }),
  [`${FH}.market_value_end`]: decl(HIGHLIGHT_LABELS.market_value_end!, 'perShare', { sameAs: `${AL}.market_price_per_share` }),
  [`${FH}.total_return_nav`]: decl(HIGHLIGHT_LABELS.total_return_nav!, 'ratio', { points: true }),
  [`${FH}.total_return_market`]: decl(HIGHLIGHT_LABELS.total_return_market!, 'ratio', { points: true }),
  [`${FH}.net_assets_end_000`]: decl(HIGHLIGHT_LABELS.net_assets_end_000!, 'balance', { sameAs: `${AL}.net_assets`, scale: 1000 }),
  [`${FH}.portfolio_turnover`]: decl(HIGHLIGHT_LABELS.portfolio_turnover!, 'ratio', { points: true }),
  [`${FH}.expense_ratio`]: decl(HIGHLIGHT_LABELS.expense_ratio!, 'ratio'),
  [`${FH}.expense_ratio_excluding_ifm`]: decl(HIGHLIGHT_LABELS.expense_ratio_excluding_ifm!, 'ratio'),
  [`${FH}.nii_ratio_before_preferred`]: decl(HIGHLIGHT_LABELS.nii_ratio_before_preferred!, 'ratio'),
  [`${FH}.preferred_dividend_ratio`]: decl(`Ratio of ${HIGHLIGHT_LABELS.preferred_dividend_ratio!.toLowerCase()}`, 'ratio'),
  [`${FH}.nii_ratio_after_preferred`]: decl(HIGHLIGHT_LABELS.nii_ratio_after_preferred!, 'ratio'),
  [`${FH}.ms_affiliate_contribution`]: decl(HIGHLIGHT_LABELS.ms_affiliate_contribution!, 'ratio'),
  [`${FH}.senior_debt_outstanding_000`]: decl(HIGHLIGHT_LABELS.senior_debt_outstanding_000!, 'balance'),
  [`${FH}.asset_coverage_per_1000_of_debt`]: decl(HIGHLIGHT_LABELS.asset_coverage_per_1000_of_debt!, 'perShare'),
  [`${FH}.preferred_outstanding_000`]: decl(HIGHLIGHT_LABELS.preferred_outstanding_000!, 'balance', { sameAs: `${AL}.preferred_shares`, scale: 1000 }),
  [`${FH}.asset_coverage_per_preferred_share`]: decl(HIGHLIGHT_LABELS.asset_coverage_per_preferred_share!, 'perShare'),
  [`${FH}.asset_coverage_percent`]: decl(HIGHLIGHT_LABELS.asset_coverage_percent!, 'ratio', { points: true }),
  [`${FH}.liquidating_preference_per_preferred_share`]: decl(HIGHLIGHT_LABELS.liquidating_preference_per_preferred_share!, 'perShare'),

  'preferred_shares.outstanding': decl('Preferred shares outstanding', 'count'),
  'notes_data.floating_rate_average.amount': decl('Average floating rate notes outstanding', 'balance'),
  'notes_data.floating_rate_average.rate': decl('Average interest rate on floating rate notes', 'ratio'),
  'notes_data.purchases_and_sales.purchases': decl('Purchases of investment securities', 'flow'),
  'notes_data.purchases_and_sales.sales': decl('Sales of investment securities', 'flow'),
  'notes_data.tax_basis.appreciation': decl('Tax basis: aggregate unrealized appreciation', 'balance'),
  'notes_data.tax_basis.depreciation': decl('Tax basis: aggregate unrealized (depreciation)', 'balance'),
  'notes_data.tax_basis.net': decl('Tax basis: net unrealized appreciation (depreciation)', 'balance'),
  'notes_data.tax_basis.cost': decl('Tax basis: cost of investments', 'balance'),
  'notes_data.capital_loss_carryforward.total': decl('Capital loss carryforward', 'balance'),

  ...Object.fromEntries(FIGURE_LINES.map(({ path, value: _value, ...declaration }) => [`figures.${path}`, declaration])),
};

/** A key no declaration names (a figure added to the schema since): its last segment as words. */
function fallbackDeclaration(key: string): FigureDeclaration {
  const last = key.split('.').at(-1)!.replace(/\[.*\]$/, '');
  const words = last.replaceAll('_', ' ');
  return { label: words.charAt(0).toUpperCase() + words.slice(1), unit: /(rate|ratio|percent)$/.test(last) ? 'ratio' : /per_share$/.test(last) ? 'perShare' : 'balance' };
}

export function declarationOf(key: string): FigureDeclaration {
  if (key.startsWith(`${CF}.`) && key.includes('[')) return { label: key.slice(key.indexOf('[') + 1, -1), unit: 'flow' };
  return FIGURES[key] ?? fallbackDeclaration(key);
}
