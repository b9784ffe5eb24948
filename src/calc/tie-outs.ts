// Statement tie-outs: every statement foots and cross-foots, the statements agree with each other and
// with the schedule of investments and the financial highlights. Each check says what was stated, what
// the data computes to, and the tolerance (the unit the filing presents). Pure.
import { Decimal, ZERO, placesOf, sum } from '../decimal.js';
import { statedComputedText, type Diagnostic } from '../diagnostic.js';
import { formatPath, type DataPath, type Locator } from '../load/locate.js';
import type { FundPeriod } from '../load/schema.js';
import type { CalculatorPass } from './pass.js';
import { fmtMoney, fmtPct } from './workings-format.js';
import { outsideLiabilities, seniorSecurities } from './senior-securities.js';
import { atStatedPrecision } from './stated-precision.js';

export interface TieOut {
  label: string;
  path: DataPath;
  stated: Decimal;
  computed: Decimal;
  tolerance: Decimal;
  ok: boolean;
  /** A footing that fails is an error in the data; a printed percentage that is off is a warning. */
  severity: 'error' | 'warning';
  unit: 'amount' | 'percent';
}

const opt = (v: Decimal | undefined) => v ?? ZERO;

class Checks {
  readonly list: TieOut[] = [];
  /** `stated` must equal `computed` within `tolerance`. */
  equal(label: string, path: DataPath, stated: Decimal, computed: Decimal, tolerance = ZERO, severity: TieOut['severity'] = 'error'): void {
    this.list.push({ label, path, stated, computed, tolerance, ok: stated.minus(computed).abs().lte(tolerance), severity, unit: 'amount' });
  }
  /** `stated` is a rounded figure: it must equal `exact` at the precision it was stated (stated-precision.ts). */
  rounded(label: string, path: DataPath, stated: Decimal, exact: Decimal, severity: TieOut['severity'] = 'error'): void {
    this.equal(label, path, stated, atStatedPrecision(stated, exact).computed, ZERO, severity);
  }
  /** A printed percentage of net assets: off by a rounding step is the filing's, not the data's, problem. */
  percent(label: string, path: DataPath, stated: Decimal, part: Decimal, netAssets: Decimal): void {
    // Zero case: a percent of zero net assets is not a number; the percent is not checked.
    if (netAssets.isZero()) return;
    this.rounded(label, path, stated, part.dividedBy(netAssets), 'warning');
    this.list[this.list.length - 1]!.unit = 'percent';
  }
}

export function tieOuts(fund: FundPeriod): TieOut[] {
  const c = new Checks();
  const sal = fund.statements.assets_and_liabilities;
  const salPath = ['statements', 'assets_and_liabilities'];
  const a = sal.assets;
  const l = sal.liabilities;

  // Statement of assets and liabilities.
  c.equal('Total assets foot', [...salPath, 'assets', 'total_assets'], a.total_assets,
    sum([a.investments_at_value, opt(a.cash), opt(a.receivable_interest), opt(a.receivable_investments_sold), opt(a.deferred_compensation_investment), opt(a.other_assets)]));
  // Senior securities written in the list carry their own lines: those carried as liabilities are part
  // of total liabilities, the others (preferred shares) stand between total liabilities and net assets.
  const listed = sal.senior_securities ? seniorSecurities(fund) : [];
  c.equal('Total liabilities foot', [...salPath, 'liabilities', 'total_liabilities'], l.total_liabilities,
    sum([opt(l.borrowings), opt(l.floating_rate_note_obligations), opt(l.payable_investments_purchased), opt(l.payable_common_dividends), opt(l.payable_preferred_dividends), opt(l.accrued_expenses), opt(l.deferred_compensation_liability),
      ...listed.filter((x) => x.liability).map((x) => x.amount)]));
  c.equal('Net assets = total assets - total liabilities - preferred shares', [...salPath, 'net_assets'], sal.net_assets,
    a.total_assets.minus(l.total_liabilities).minus(sal.senior_securities ? outsideLiabilities(listed) : opt(sal.preferred_shares)));
  listed.forEach((x, i) => {
    if (x.shares !== undefined && x.liquidationPerShare !== undefined) {
      c.equal(`Senior securities: ${x.label}: shares x liquidation preference = amount`, [...salPath, 'senior_securities', i, 'amount'], x.amount, x.shares.times(x.liquidationPerShare));
    }
  });
  const consist = sal.net_assets_consist_of;
  c.equal('Net assets consist of: components foot', [...salPath, 'net_assets_consist_of'], sal.net_assets,
    sum([consist.paid_in_capital, consist.undistributed_net_investment_income, consist.undistributed_net_realized_gain_loss, consist.unrealized_appreciation_depreciation]));
  c.rounded('NAV per share = net assets / shares outstanding', [...salPath, 'nav_per_share'], sal.nav_per_share,
    sal.net_assets.dividedBy(sal.common_shares_outstanding));

  // Statement of operations.
  const ops = fund.statements.operations;
  const opsPath = ['statements', 'operations'];
  const { total: totalExpenses, fees_waived_and_expenses_reimbursed: waived, expense_offset: offset, net: netExpenses, ...lines } = ops.expenses;
  c.equal('Total expenses foot', [...opsPath, 'expenses', 'total'], totalExpenses, sum(Object.values(lines).map(opt)));
  const expensesAfter = totalExpenses.minus(opt(waived).abs()).minus(opt(offset).abs());
  if (netExpenses) c.equal('Net expenses = total - waivers - offsets', [...opsPath, 'expenses', 'net'], netExpenses, expensesAfter);
  const income = ops.investment_income.total ?? sum([opt(ops.investment_income.interest), opt(ops.investment_income.dividends)]);
  if (ops.investment_income.total) {
    c.equal('Investment income foots', [...opsPath, 'investment_income', 'total'], ops.investment_income.total,
      sum([opt(ops.investment_income.interest), opt(ops.investment_income.dividends)]));
  }
  c.equal('Net investment income = income - net expenses', [...opsPath, 'net_investment_income'], ops.net_investment_income, income.minus(expensesAfter));
  c.equal('Net realized and unrealized = realized + change in unrealized', [...opsPath, 'net_realized_and_unrealized_gain_loss'],
    ops.net_realized_and_unrealized_gain_loss, ops.net_realized_gain_loss.plus(ops.change_in_unrealized_appreciation));
  c.equal('Net increase from operations = NII + realized and unrealized', [...opsPath, 'net_increase_from_operations'],
    ops.net_increase_from_operations, ops.net_investment_income.plus(ops.net_realized_and_unrealized_gain_loss));
  c.equal('Applicable to common = operations + preferred distributions', [...opsPath, 'net_increase_applicable_to_common'],
    ops.net_increase_applicable_to_common, ops.net_increase_from_operations.plus(opt(ops.preferred_distributions)));

  // Statement of changes in net assets, column by column, and against the other statements.
  const columns = fund.statements.changes_in_net_assets;
  columns.forEach((col, i) => {
    const p = ['statements', 'changes_in_net_assets', i];
    c.equal(`${col.label}: operations foot`, [...p, 'net_increase_from_operations'], col.net_increase_from_operations,
      sum([col.net_investment_income, col.net_realized_gain_loss, col.change_in_unrealized_appreciation]));
    c.equal(`${col.label}: applicable to common`, [...p, 'net_increase_applicable_to_common'], col.net_increase_applicable_to_common,
      col.net_increase_from_operations.plus(opt(col.preferred_distributions)));
    c.equal(`${col.label}: net increase foots`, [...p, 'net_increase_in_net_assets'], col.net_increase_in_net_assets,
      sum([col.net_increase_applicable_to_common, col.distributions_from_net_investment_income, opt(col.distributions_from_net_realized_gains), opt(col.capital_share_transactions)]));
    c.equal(`${col.label}: end = beginning + net increase`, [...p, 'net_assets_end'], col.net_assets_end, col.net_assets_beginning.plus(col.net_increase_in_net_assets));
    const earlier = columns[i + 1];
    if (earlier) c.equal(`${col.label}: beginning = prior column's end`, [...p, 'net_assets_beginning'], col.net_assets_beginning, earlier.net_assets_end);
  });
  const current = columns[0]!;
  const curPath = ['statements', 'changes_in_net_assets', 0];
  c.equal('Changes in net assets: end of period = statement of assets and liabilities', [...curPath, 'net_assets_end'], current.net_assets_end, sal.net_assets);
  c.equal('Changes in net assets: NII = statement of operations', [...curPath, 'net_investment_income'], current.net_investment_income, ops.net_investment_income);
  c.equal('Changes in net assets: realized = statement of operations', [...curPath, 'net_realized_gain_loss'], current.net_realized_gain_loss, ops.net_realized_gain_loss);
  c.equal('Changes in net assets: unrealized = statement of operations', [...curPath, 'change_in_unrealized_appreciation'], current.change_in_unrealized_appreciation, ops.change_in_unrealized_appreciation);
  if (current.undistributed_net_investment_income_end) {
    c.equal('Undistributed NII at end = statement of assets and liabilities', [...curPath, 'undistributed_net_investment_income_end'],
      current.undistributed_net_investment_income_end, consist.undistributed_net_investment_income);
  }

  // Statement of cash flows.
  const cf = fund.statements.cash_flows;
  if (cf) {
    const p = ['statements', 'cash_flows'];
    c.equal('Cash flows start from operations applicable to common', [...p, 'net_increase_applicable_to_common'], cf.net_increase_applicable_to_common, ops.net_increase_applicable_to_common);
    c.equal('Operating activities foot', [...p, 'net_cash_from_operating'], cf.net_cash_from_operating, cf.net_increase_applicable_to_common.plus(sum(cf.adjustments.map((x) => x.amount))));
    c.equal('Financing activities foot', [...p, 'net_cash_from_financing'], cf.net_cash_from_financing, sum(cf.financing.map((x) => x.amount)));
    c.equal('Net change in cash = operating + financing', [...p, 'net_change_in_cash'], cf.net_change_in_cash, cf.net_cash_from_operating.plus(cf.net_cash_from_financing));
    c.equal('Cash at end = beginning + net change', [...p, 'cash_end'], cf.cash_end, cf.cash_beginning.plus(cf.net_change_in_cash));
    c.equal('Cash at end = statement of assets and liabilities', [...p, 'cash_end'], cf.cash_end, opt(a.cash));
  }

  // Schedule of investments.
  const soi = fund.schedule_of_investments;
  const soiPath = ['schedule_of_investments'];
  const groupTotals = soi.groups.map((g, i) => {
    const total = sum(g.holdings.map((h) => h.value));
    if (g.subtotal) c.equal(`${g.name}: holdings sum to the subtotal`, [...soiPath, 'groups', i, 'subtotal'], g.subtotal, total);
    c.percent(`${g.name}: percent of net assets`, [...soiPath, 'groups', i, 'percent_of_net_assets'], g.percent_of_net_assets, total, sal.net_assets);
    return g.subtotal ?? total;
  });
  c.equal('Schedule: groups sum to total investments', [...soiPath, 'total_investments'], soi.total_investments, sum(groupTotals));
  c.equal('Schedule: total investments = statement of assets and liabilities', [...soiPath, 'total_investments'], soi.total_investments, a.investments_at_value);
  c.equal('Schedule: cost = statement of assets and liabilities', [...soiPath, 'cost'], soi.cost, a.investments_at_cost);
  c.percent('Schedule: total percent of net assets', [...soiPath, 'total_percent'], soi.total_percent, soi.total_investments, sal.net_assets);
  const bottom = [soi.floating_rate_notes, soi.borrowings, soi.preferred_shares, soi.other_assets_less_liabilities];
  c.equal('Schedule: investments and other lines sum to net assets', [...soiPath, 'net_assets', 'amount'], soi.net_assets.amount,
    soi.total_investments.plus(sum(bottom.map((x) => opt(x?.amount)))));
  c.equal('Schedule: net assets = statement of assets and liabilities', [...soiPath, 'net_assets', 'amount'], soi.net_assets.amount, sal.net_assets);
  if (soi.floating_rate_notes) {
    c.equal('Schedule: floating rate notes = statement of assets and liabilities', [...soiPath, 'floating_rate_notes', 'amount'], soi.floating_rate_notes.amount.abs(), opt(l.floating_rate_note_obligations));
  }
  const listedPreferred = sum(listed.filter((x) => x.kind === 'preferred_shares').map((x) => x.amount));
  if (soi.preferred_shares) {
    c.equal('Schedule: preferred shares = statement of assets and liabilities', [...soiPath, 'preferred_shares', 'amount'], soi.preferred_shares.amount.abs(),
      sal.senior_securities ? listedPreferred : opt(sal.preferred_shares));
  }
  if (soi.borrowings && sal.senior_securities) {
    c.equal('Schedule: borrowings = debt in senior securities', [...soiPath, 'borrowings', 'amount'], soi.borrowings.amount.abs(), sum(listed.filter((x) => x.kind !== 'preferred_shares').map((x) => x.amount)));
  }
  for (const key of ['floating_rate_notes', 'borrowings', 'preferred_shares', 'other_assets_less_liabilities', 'net_assets'] as const) {
    const line = soi[key];
    if (line) c.percent(`Schedule: ${key.replaceAll('_', ' ')} percent of net assets`, [...soiPath, key, 'percent'], line.percent, line.amount, sal.net_assets);
  }

  // Preferred and common shares.
  const pref = fund.preferred_shares;
  if (pref) {
    c.equal('Preferred series shares sum to shares outstanding', ['preferred_shares', 'outstanding'], pref.outstanding, sum(pref.series.map((s) => s.shares)));
    c.equal('Preferred series amounts (000) sum to liquidation value', ['preferred_shares', 'series'], sum(pref.series.map((s) => s.amount_000)).times(1000), pref.outstanding.times(pref.liquidation_preference_per_share));
    c.equal('Preferred: shares x liquidation preference = statement of assets and liabilities', ['preferred_shares', 'outstanding'], pref.outstanding.times(pref.liquidation_preference_per_share),
      sal.senior_securities ? listedPreferred : opt(sal.preferred_shares));
    c.equal('Preferred: beginning - retired = outstanding', ['preferred_shares', 'outstanding'], pref.outstanding, pref.outstanding_beginning.minus(pref.shares_retired));
    pref.series.forEach((s, i) => {
      c.equal(`Preferred series ${s.series}: shares x liquidation preference`, ['preferred_shares', 'series', i, 'amount_000'], s.amount_000.times(1000), s.shares.times(pref.liquidation_preference_per_share));
    });
  }
  fund.common_shares?.forEach((col, i) => {
    c.equal(`Common shares ${col.label}: beginning + issued - repurchased = ending`, ['common_shares', i, 'ending'], col.ending,
      col.beginning.plus(opt(col.issued_through_reinvestment)).minus(opt(col.repurchased)));
  });
  if (fund.common_shares?.[0]) {
    c.equal('Common shares at end = statement of assets and liabilities', ['common_shares', 0, 'ending'], fund.common_shares[0].ending, sal.common_shares_outstanding);
  }

  // Financial highlights: each column's per-share roll-forward, and the current column against the statements.
  fund.financial_highlights.columns.forEach((col, i) => {
    const v = col.values;
    const p = ['financial_highlights', 'columns', i, 'values'];
    if (v.total_from_operations && v.net_investment_income && v.net_gains_losses) {
      c.equal(`Highlights ${col.label}: total from operations`, [...p, 'total_from_operations'], v.total_from_operations,
        sum([v.net_investment_income, v.net_gains_losses, opt(v.preferred_dividends_from_nii)]), new Decimal('0.01'));
    }
    if (v.total_distributions) {
      c.equal(`Highlights ${col.label}: total distributions`, [...p, 'total_distributions'], v.total_distributions,
        opt(v.dividends_from_nii).plus(opt(v.distributions_from_gains)), new Decimal('0.01'));
    }
    if (v.nav_beginning && v.nav_end && v.total_from_operations) {
      c.equal(`Highlights ${col.label}: NAV beginning + operations + distributions = NAV end`, [...p, 'nav_end'], v.nav_end,
        sum([v.nav_beginning, v.total_from_operations, opt(v.total_distributions), opt(v.anti_dilutive_effect)]), new Decimal('0.01'));
    }
    const earlier = fund.financial_highlights.columns[i + 1];
    if (earlier && v.nav_beginning && earlier.values.nav_end) {
      c.equal(`Highlights ${col.label}: NAV beginning = prior column's NAV end`, [...p, 'nav_beginning'], v.nav_beginning, earlier.values.nav_end);
    }
  });
  const hl = fund.financial_highlights.columns[0]!.values;
  const hlPath = ['financial_highlights', 'columns', 0, 'values'];
  if (hl.nav_end) c.equal('Highlights: NAV end = statement of assets and liabilities', [...hlPath, 'nav_end'], hl.nav_end, sal.nav_per_share);
  if (hl.market_value_end && sal.market_price_per_share) c.equal('Highlights: market value = statement of assets and liabilities', [...hlPath, 'market_value_end'], hl.market_value_end, sal.market_price_per_share);
  if (hl.net_assets_end_000) c.rounded('Highlights: net assets (000) = statement of assets and liabilities', [...hlPath, 'net_assets_end_000'], hl.net_assets_end_000, sal.net_assets.dividedBy(1000));
  const all = seniorSecurities(fund);
  const amountOf = (debt: boolean) => sum(all.filter((x) => (x.kind !== 'preferred_shares') === debt).map((x) => x.amount));
  if (hl.preferred_outstanding_000) c.rounded('Highlights: preferred outstanding (000)', [...hlPath, 'preferred_outstanding_000'], hl.preferred_outstanding_000, amountOf(false).dividedBy(1000));
  if (hl.senior_debt_outstanding_000) c.rounded('Highlights: senior debt outstanding (000)', [...hlPath, 'senior_debt_outstanding_000'], hl.senior_debt_outstanding_000, amountOf(true).dividedBy(1000));

  // Notes.
  const notes = fund.notes_data;
  if (notes?.capital_loss_carryforward) {
    const clc = notes.capital_loss_carryforward;
    c.equal('Capital loss carryforward rows sum to the total', ['notes_data', 'capital_loss_carryforward', 'total'], clc.total, sum(clc.rows.map((r) => r.amount)));
  }
  if (notes?.tax_basis) {
    const t = notes.tax_basis;
    c.equal('Tax basis: appreciation + depreciation = net', ['notes_data', 'tax_basis', 'net'], t.net, t.appreciation.plus(t.depreciation));
    c.equal('Tax basis: cost + net appreciation = investments at value', ['notes_data', 'tax_basis', 'cost'], t.cost.plus(t.net), a.investments_at_value);
  }
  notes?.fair_value_levels?.forEach((row, i) => {
    c.equal(`Fair value levels ${row.label}: levels sum to total`, ['notes_data', 'fair_value_levels', i, 'total'], row.total, sum([row.level_1, row.level_2, row.level_3]));
  });
  if (notes?.fair_value_levels) {
    c.equal('Fair value levels total = investments at value', ['notes_data', 'fair_value_levels'], sum(notes.fair_value_levels.map((r) => r.total)), a.investments_at_value);
  }
  return c.list;
}

/** A tie-out as a row of figures.json's `tieOuts.list` and of tie-outs.xlsx's Tie-outs sheet. */
export interface TieOutRow {
  label: string;
  path: string;
  unit: 'amount' | 'percent';
  stated: string;
  computed: string;
  /** stated - computed */
  difference: string;
  tolerance: string;
  ok: boolean;
  severity: 'error' | 'warning';
  /** file:line:col of the stated figure in the YAML (null without a locator) */
  location: string | null;
}

export const whereIs = (locate: Locator, path: readonly (string | number)[]) => {
  const at = locate(path);
  return `${at.file}:${at.line}:${at.col}`;
};

/** Every tie-out of the period, with its parts: stated, computed, their difference, the tolerance, where. */
export function tieOutRows(checks: readonly TieOut[], locate?: Locator): TieOutRow[] {
  return checks.map((t) => ({
    label: t.label,
    path: formatPath(t.path),
    unit: t.unit,
    stated: t.stated.toString(),
    computed: t.computed.toString(),
    difference: t.stated.minus(t.computed).toString(),
    tolerance: t.tolerance.toString(),
    ok: t.ok,
    severity: t.severity,
    location: locate ? whereIs(locate, t.path) : null,
  }));
}

/** The tie-outs as a calculator pass: a footing that fails is an error, a printed percent a warning. */
export const tieOutsPass = {
  name: 'tie-outs',
  codes: { TIE_OUT: 'error', STATED_PERCENT: 'warning' },
  lines: [],
  json: ({ tieOuts: checks }, _fund, locate) => ({
    tieOuts: { checked: checks.length, failed: checks.filter((t) => !t.ok).length, list: tieOutRows(checks, locate) },
  }),
  run(fund: FundPeriod) {
    const checks = tieOuts(fund);
    const diagnostics: Diagnostic[] = checks.filter((x) => !x.ok).map((t) => {
      // Each figure as stated: at the places the stated figure was written with (or more, for a computed sum).
      const places = (d: Decimal) => Math.max(placesOf(t.stated), d.decimalPlaces());
      const show = (d: Decimal) => (t.unit === 'percent' ? fmtPct(d, Math.max(2, places(d) - 2)) : fmtMoney(d, places(d)));
      return {
        severity: t.severity,
        code: t.severity === 'error' ? 'TIE_OUT' : 'STATED_PERCENT',
        message: `${t.label}: ${statedComputedText(t.stated, t.computed, show)}${t.tolerance.isZero() ? '' : ` (tolerance ${t.tolerance.toString()})`}`,
        stated: t.stated.toString(),
        computed: t.computed.toString(),
        difference: t.stated.minus(t.computed).abs().toString(),
        path: t.path,
      };
    });
    return { figures: { tieOuts: checks }, workings: [], diagnostics };
  },
} satisfies CalculatorPass<'tieOuts'>;
