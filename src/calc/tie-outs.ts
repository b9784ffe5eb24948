// Statement tie-outs: every statement foots and cross-foots, the statements agree with each other and
// with the schedule of investments and the financial highlights. Each check says what was stated, what
// the data computes to, and the tolerance (the unit the filing presents). Pure.
import { Decimal, ZERO, placesOf, sum } from '../decimal.js';
import { statedComputedText, type Diagnostic } from '../diagnostic.js';
import { formatPath, type DataPath, type Locator } from '../load/locate.js';
import type { FundPeriod } from '../load/schema.js';
import type { CalculatorPass } from './pass.js';
import { fmtMoney, fmtPct } from './workings-format.js';
import { seniorSecurities, type SeniorSecurity } from './senior-securities.js';
import { atStatedPrecision } from './stated-precision.js';

/** A line a tie-out computes from: its amount (negative where it is taken away) and where it is. */
interface TieOutPart {
  label: string;
  amount: Decimal;
  path: DataPath;
}

export interface TieOut {
  label: string;
  path: DataPath;
  stated: Decimal;
  computed: Decimal;
  /** The lines `computed` comes from: their sum, or the operands of `formula`. */
  parts: TieOutPart[];
  /** How `computed` comes from the parts when it is not their sum (e.g. `net assets / common shares outstanding`). */
  formula?: string;
  tolerance: Decimal;
  ok: boolean;
  /** A footing that fails is an error in the data; a printed percentage that is off is a warning. */
  severity: 'error' | 'warning';
  unit: 'amount' | 'percent';
}

/** What a tie-out's stated figure is compared with. */
interface Computed {
  value: Decimal;
  parts: TieOutPart[];
  formula?: string;
}

/** A line of the data at `path`, labelled by its key (`investments_at_value` reads `investments at value`); absent stays absent. */
function line(path: DataPath, amount: Decimal | undefined, label?: string): TieOutPart | undefined {
  if (amount === undefined) return undefined;
  const key = [...path].reverse().find((k): k is string => typeof k === 'string') ?? '';
  return { label: label ?? key.replaceAll('_', ' '), amount, path };
}

/** A line taken away: its amount negated, its label `less …`. */
function less(part: TieOutPart | undefined): TieOutPart | undefined {
  return part && { label: `less ${part.label}`, amount: part.amount.negated(), path: part.path };
}

/** The sum of the lines present (an absent line counts as zero). */
function total(...parts: (TieOutPart | undefined)[]): Computed {
  const present = parts.filter((x): x is TieOutPart => x !== undefined);
  return { value: sum(present.map((x) => x.amount)), parts: present };
}

/** A figure computed from its operands by `formula`. */
function formula(value: Decimal, text: string, ...parts: (TieOutPart | undefined)[]): Computed {
  return { value, parts: parts.filter((x): x is TieOutPart => x !== undefined), formula: text };
}

const opt = (v: Decimal | undefined) => v ?? ZERO;

class Checks {
  readonly list: TieOut[] = [];
  /** `stated` must equal the computed figure within `tolerance`. */
  equal(label: string, path: DataPath, stated: Decimal, computed: Computed, tolerance = ZERO, severity: TieOut['severity'] = 'error'): void {
    this.list.push({ label, path, stated, computed: computed.value, parts: computed.parts, ...(computed.formula ? { formula: computed.formula } : {}), tolerance, ok: stated.minus(computed.value).abs().lte(tolerance), severity, unit: 'amount' });
  }
  /** `stated` is a rounded figure: it must equal the exact figure at the precision it was stated (stated-precision.ts). */
  rounded(label: string, path: DataPath, stated: Decimal, exact: Computed, severity: TieOut['severity'] = 'error'): void {
    this.equal(label, path, stated, { ...exact, value: atStatedPrecision(stated, exact.value).computed }, ZERO, severity);
  }
  /** A printed percentage of net assets: off by a rounding step is the filing's, not the data's, problem. */
  percent(label: string, path: DataPath, stated: Decimal, part: TieOutPart, netAssets: TieOutPart): void {
    // Zero case: a percent of zero net assets is not a number; the percent is not checked.
    if (netAssets.amount.isZero()) return;
    this.rounded(label, path, stated, formula(part.amount.dividedBy(netAssets.amount), `${part.label} / ${netAssets.label}`, part, netAssets), 'warning');
    this.list[this.list.length - 1]!.unit = 'percent';
  }
}

export function tieOuts(fund: FundPeriod): TieOut[] {
  const c = new Checks();
  const sal = fund.statements.assets_and_liabilities;
  const salPath = ['statements', 'assets_and_liabilities'];
  const a = sal.assets;
  const l = sal.liabilities;
  const at = (...keys: (string | number)[]) => [...salPath, ...keys];
  const asset = (k: keyof typeof a) => line(at('assets', k), a[k]);
  const liability = (k: keyof typeof l) => line(at('liabilities', k), l[k]);
  const netAssets = line(at('net_assets'), sal.net_assets)!;
  const totalAssets = line(at('assets', 'total_assets'), a.total_assets)!;
  const totalLiabilities = line(at('liabilities', 'total_liabilities'), l.total_liabilities)!;

  // Statement of assets and liabilities.
  c.equal('Total assets foot', at('assets', 'total_assets'), a.total_assets,
    total(asset('investments_at_value'), asset('cash'), asset('receivable_interest'), asset('receivable_investments_sold'), asset('deferred_compensation_investment'), asset('other_assets')));
  // Senior securities written in the list carry their own lines: those carried as liabilities are part
  // of total liabilities, the others (preferred shares) stand between total liabilities and net assets.
  const listed = sal.senior_securities ? seniorSecurities(fund) : [];
  const listedPart = (x: SeniorSecurity) => line(x.path, x.amount, x.label)!;
  c.equal('Total liabilities foot', at('liabilities', 'total_liabilities'), l.total_liabilities,
    total(liability('borrowings'), liability('floating_rate_note_obligations'), liability('payable_investments_purchased'), liability('payable_common_dividends'), liability('payable_preferred_dividends'), liability('accrued_expenses'), liability('deferred_compensation_liability'),
      ...listed.filter((x) => x.liability).map(listedPart)));
  c.equal('Net assets = total assets - total liabilities - preferred shares', at('net_assets'), sal.net_assets,
    total(totalAssets, less(totalLiabilities), ...(sal.senior_securities ? listed.filter((x) => !x.liability).map((x) => less(listedPart(x))) : [less(line(at('preferred_shares'), sal.preferred_shares))])));
  listed.forEach((x, i) => {
    if (x.shares !== undefined && x.liquidationPerShare !== undefined) {
      const ss = at('senior_securities', i);
      c.equal(`Senior securities: ${x.label}: shares x liquidation preference = amount`, [...ss, 'amount'], x.amount,
        formula(x.shares.times(x.liquidationPerShare), 'shares x liquidation preference per share', line([...ss, 'shares'], x.shares), line([...ss, 'liquidation_preference_per_share'], x.liquidationPerShare, 'liquidation preference per share')));
    }
  });
  const consist = sal.net_assets_consist_of;
  const component = (k: keyof typeof consist) => line(at('net_assets_consist_of', k), consist[k]);
  c.equal('Net assets consist of: components foot', at('net_assets_consist_of'), sal.net_assets,
    total(component('paid_in_capital'), component('undistributed_net_investment_income'), component('undistributed_net_realized_gain_loss'), component('unrealized_appreciation_depreciation')));
  const sharesOutstanding = line(at('common_shares_outstanding'), sal.common_shares_outstanding)!;
  c.rounded('NAV per share = net assets / shares outstanding', at('nav_per_share'), sal.nav_per_share,
    formula(sal.net_assets.dividedBy(sal.common_shares_outstanding), 'net assets / common shares outstanding', netAssets, sharesOutstanding));

  // Statement of operations.
  const ops = fund.statements.operations;
  const opsPath = ['statements', 'operations'];
  const op = (...keys: string[]) => [...opsPath, ...keys];
  const { total: totalExpenses, fees_waived_and_expenses_reimbursed: waived, expense_offset: offset, net: netExpenses, ...lines } = ops.expenses;
  c.equal('Total expenses foot', op('expenses', 'total'), totalExpenses, total(...Object.entries(lines).map(([k, v]) => line(op('expenses', k), v))));
  const totalExpensesPart = line(op('expenses', 'total'), totalExpenses, 'total expenses')!;
  const waivedPart = waived && { ...line(op('expenses', 'fees_waived_and_expenses_reimbursed'), waived)!, amount: waived.abs() };
  const offsetPart = offset && { ...line(op('expenses', 'expense_offset'), offset)!, amount: offset.abs() };
  if (netExpenses) c.equal('Net expenses = total - waivers - offsets', op('expenses', 'net'), netExpenses, total(totalExpensesPart, less(waivedPart), less(offsetPart)));
  const incomeLines = [line(op('investment_income', 'interest'), ops.investment_income.interest), line(op('investment_income', 'dividends'), ops.investment_income.dividends)];
  const incomeTotal = ops.investment_income.total;
  if (incomeTotal) c.equal('Investment income foots', op('investment_income', 'total'), incomeTotal, total(...incomeLines));
  const income = incomeTotal ? [line(op('investment_income', 'total'), incomeTotal, 'total investment income')] : incomeLines;
  const nii = line(op('net_investment_income'), ops.net_investment_income)!;
  c.equal('Net investment income = income - net expenses', op('net_investment_income'), ops.net_investment_income,
    // Net expenses: total expenses less waivers and offsets, whether or not `net` is stated.
    total(...income, less(totalExpensesPart), waivedPart, offsetPart));
  const realized = line(op('net_realized_gain_loss'), ops.net_realized_gain_loss)!;
  const unrealized = line(op('change_in_unrealized_appreciation'), ops.change_in_unrealized_appreciation)!;
  const realizedAndUnrealized = line(op('net_realized_and_unrealized_gain_loss'), ops.net_realized_and_unrealized_gain_loss)!;
  const fromOperations = line(op('net_increase_from_operations'), ops.net_increase_from_operations)!;
  c.equal('Net realized and unrealized = realized + change in unrealized', op('net_realized_and_unrealized_gain_loss'),
    ops.net_realized_and_unrealized_gain_loss, total(realized, unrealized));
  c.equal('Net increase from operations = NII + realized and unrealized', op('net_increase_from_operations'),
    ops.net_increase_from_operations, total(nii, realizedAndUnrealized));
  c.equal('Applicable to common = operations + preferred distributions', op('net_increase_applicable_to_common'),
    ops.net_increase_applicable_to_common, total(fromOperations, line(op('preferred_distributions'), ops.preferred_distributions)));

  // Statement of changes in net assets, column by column, and against the other statements.
  const columns = fund.statements.changes_in_net_assets;
  columns.forEach((col, i) => {
    const p = ['statements', 'changes_in_net_assets', i];
    const of = (k: keyof typeof col) => line([...p, k], col[k] as Decimal | undefined);
    c.equal(`${col.label}: operations foot`, [...p, 'net_increase_from_operations'], col.net_increase_from_operations,
      total(of('net_investment_income'), of('net_realized_gain_loss'), of('change_in_unrealized_appreciation')));
    c.equal(`${col.label}: applicable to common`, [...p, 'net_increase_applicable_to_common'], col.net_increase_applicable_to_common,
      total(of('net_increase_from_operations'), of('preferred_distributions')));
    c.equal(`${col.label}: net increase foots`, [...p, 'net_increase_in_net_assets'], col.net_increase_in_net_assets,
      total(of('net_increase_applicable_to_common'), of('distributions_from_net_investment_income'), of('distributions_from_net_realized_gains'), of('capital_share_transactions')));
    c.equal(`${col.label}: end = beginning + net increase`, [...p, 'net_assets_end'], col.net_assets_end, total(of('net_assets_beginning'), of('net_increase_in_net_assets')));
    const earlier = columns[i + 1];
    if (earlier) c.equal(`${col.label}: beginning = prior column's end`, [...p, 'net_assets_beginning'], col.net_assets_beginning, total(line(['statements', 'changes_in_net_assets', i + 1, 'net_assets_end'], earlier.net_assets_end)));
  });
  const current = columns[0]!;
  const curPath = ['statements', 'changes_in_net_assets', 0];
  c.equal('Changes in net assets: end of period = statement of assets and liabilities', [...curPath, 'net_assets_end'], current.net_assets_end, total(netAssets));
  c.equal('Changes in net assets: NII = statement of operations', [...curPath, 'net_investment_income'], current.net_investment_income, total(nii));
  c.equal('Changes in net assets: realized = statement of operations', [...curPath, 'net_realized_gain_loss'], current.net_realized_gain_loss, total(realized));
  c.equal('Changes in net assets: unrealized = statement of operations', [...curPath, 'change_in_unrealized_appreciation'], current.change_in_unrealized_appreciation, total(unrealized));
  if (current.undistributed_net_investment_income_end) {
    c.equal('Undistributed NII at end = statement of assets and liabilities', [...curPath, 'undistributed_net_investment_income_end'],
      current.undistributed_net_investment_income_end, total(component('undistributed_net_investment_income')));
  }

  // Statement of cash flows.
  const cf = fund.statements.cash_flows;
  if (cf) {
    const p = ['statements', 'cash_flows'];
    const of = (k: string, v: Decimal) => line([...p, k], v);
    c.equal('Cash flows start from operations applicable to common', [...p, 'net_increase_applicable_to_common'], cf.net_increase_applicable_to_common,
      total(line(op('net_increase_applicable_to_common'), ops.net_increase_applicable_to_common)));
    c.equal('Operating activities foot', [...p, 'net_cash_from_operating'], cf.net_cash_from_operating,
      total(of('net_increase_applicable_to_common', cf.net_increase_applicable_to_common), ...cf.adjustments.map((x, i) => line([...p, 'adjustments', i, 'amount'], x.amount, x.label))));
    c.equal('Financing activities foot', [...p, 'net_cash_from_financing'], cf.net_cash_from_financing, total(...cf.financing.map((x, i) => line([...p, 'financing', i, 'amount'], x.amount, x.label))));
    c.equal('Net change in cash = operating + financing', [...p, 'net_change_in_cash'], cf.net_change_in_cash,
      total(of('net_cash_from_operating', cf.net_cash_from_operating), of('net_cash_from_financing', cf.net_cash_from_financing)));
    c.equal('Cash at end = beginning + net change', [...p, 'cash_end'], cf.cash_end, total(of('cash_beginning', cf.cash_beginning), of('net_change_in_cash', cf.net_change_in_cash)));
    c.equal('Cash at end = statement of assets and liabilities', [...p, 'cash_end'], cf.cash_end, { ...total(asset('cash')), value: opt(a.cash) });
  }

  // Schedule of investments.
  const soi = fund.schedule_of_investments;
  const soiPath = ['schedule_of_investments'];
  const groupTotals = soi.groups.map((g, i) => {
    const gp = [...soiPath, 'groups', i];
    const holdings = total(...g.holdings.map((h, j) => line([...gp, 'holdings', j, 'value'], h.value, `${h.issuer}, ${h.issue}`)));
    if (g.subtotal) c.equal(`${g.name}: holdings sum to the subtotal`, [...gp, 'subtotal'], g.subtotal, holdings);
    const groupTotal = g.subtotal ? line([...gp, 'subtotal'], g.subtotal, `${g.name} subtotal`)! : { label: `${g.name} holdings`, amount: holdings.value, path: [...gp, 'holdings'] };
    c.percent(`${g.name}: percent of net assets`, [...gp, 'percent_of_net_assets'], g.percent_of_net_assets, { label: `${g.name} holdings`, amount: holdings.value, path: [...gp, 'holdings'] }, netAssets);
    return groupTotal;
  });
  const totalInvestments = line([...soiPath, 'total_investments'], soi.total_investments)!;
  c.equal('Schedule: groups sum to total investments', [...soiPath, 'total_investments'], soi.total_investments, total(...groupTotals));
  c.equal('Schedule: total investments = statement of assets and liabilities', [...soiPath, 'total_investments'], soi.total_investments, total(asset('investments_at_value')));
  c.equal('Schedule: cost = statement of assets and liabilities', [...soiPath, 'cost'], soi.cost, total(asset('investments_at_cost')));
  c.percent('Schedule: total percent of net assets', [...soiPath, 'total_percent'], soi.total_percent, totalInvestments, netAssets);
  const bottomKeys = ['floating_rate_notes', 'borrowings', 'preferred_shares', 'other_assets_less_liabilities'] as const;
  c.equal('Schedule: investments and other lines sum to net assets', [...soiPath, 'net_assets', 'amount'], soi.net_assets.amount,
    total(totalInvestments, ...bottomKeys.map((k) => line([...soiPath, k, 'amount'], soi[k]?.amount, k.replaceAll('_', ' ')))));
  c.equal('Schedule: net assets = statement of assets and liabilities', [...soiPath, 'net_assets', 'amount'], soi.net_assets.amount, total(netAssets));
  if (soi.floating_rate_notes) {
    c.equal('Schedule: floating rate notes = statement of assets and liabilities', [...soiPath, 'floating_rate_notes', 'amount'], soi.floating_rate_notes.amount.abs(),
      { ...total(liability('floating_rate_note_obligations')), value: opt(l.floating_rate_note_obligations) });
  }
  const listedPreferred = total(...listed.filter((x) => x.kind === 'preferred_shares').map(listedPart));
  const preferredOnSal = sal.senior_securities ? listedPreferred : { ...total(line(at('preferred_shares'), sal.preferred_shares)), value: opt(sal.preferred_shares) };
  if (soi.preferred_shares) {
    c.equal('Schedule: preferred shares = statement of assets and liabilities', [...soiPath, 'preferred_shares', 'amount'], soi.preferred_shares.amount.abs(), preferredOnSal);
  }
  if (soi.borrowings && sal.senior_securities) {
    c.equal('Schedule: borrowings = debt in senior securities', [...soiPath, 'borrowings', 'amount'], soi.borrowings.amount.abs(), total(...listed.filter((x) => x.kind !== 'preferred_shares').map(listedPart)));
  }
  for (const key of [...bottomKeys, 'net_assets'] as const) {
    const bottomLine = soi[key];
    if (bottomLine) c.percent(`Schedule: ${key.replaceAll('_', ' ')} percent of net assets`, [...soiPath, key, 'percent'], bottomLine.percent, line([...soiPath, key, 'amount'], bottomLine.amount, key.replaceAll('_', ' '))!, netAssets);
  }

  // Preferred and common shares.
  const pref = fund.preferred_shares;
  if (pref) {
    const outstanding = line(['preferred_shares', 'outstanding'], pref.outstanding, 'preferred shares outstanding')!;
    const preference = line(['preferred_shares', 'liquidation_preference_per_share'], pref.liquidation_preference_per_share)!;
    const liquidation = formula(pref.outstanding.times(pref.liquidation_preference_per_share), 'shares outstanding x liquidation preference per share', outstanding, preference);
    c.equal('Preferred series shares sum to shares outstanding', ['preferred_shares', 'outstanding'], pref.outstanding,
      total(...pref.series.map((s, i) => line(['preferred_shares', 'series', i, 'shares'], s.shares, `series ${s.series} shares`))));
    c.equal('Preferred series amounts (000) sum to liquidation value', ['preferred_shares', 'series'], sum(pref.series.map((s) => s.amount_000)).times(1000), liquidation);
    c.equal('Preferred: shares x liquidation preference = statement of assets and liabilities', ['preferred_shares', 'outstanding'], pref.outstanding.times(pref.liquidation_preference_per_share), preferredOnSal);
    c.equal('Preferred: beginning - retired = outstanding', ['preferred_shares', 'outstanding'], pref.outstanding,
      total(line(['preferred_shares', 'outstanding_beginning'], pref.outstanding_beginning), less(line(['preferred_shares', 'shares_retired'], pref.shares_retired))));
    pref.series.forEach((s, i) => {
      c.equal(`Preferred series ${s.series}: shares x liquidation preference`, ['preferred_shares', 'series', i, 'amount_000'], s.amount_000.times(1000),
        formula(s.shares.times(pref.liquidation_preference_per_share), 'series shares x liquidation preference per share', line(['preferred_shares', 'series', i, 'shares'], s.shares, `series ${s.series} shares`), preference));
    });
  }
  fund.common_shares?.forEach((col, i) => {
    const p = ['common_shares', i];
    c.equal(`Common shares ${col.label}: beginning + issued - repurchased = ending`, [...p, 'ending'], col.ending,
      total(line([...p, 'beginning'], col.beginning), line([...p, 'issued_through_reinvestment'], col.issued_through_reinvestment), less(line([...p, 'repurchased'], col.repurchased))));
  });
  if (fund.common_shares?.[0]) {
    c.equal('Common shares at end = statement of assets and liabilities', ['common_shares', 0, 'ending'], fund.common_shares[0].ending, total(sharesOutstanding));
  }

  // Financial highlights: each column's per-share roll-forward, and the current column against the statements.
  const perShare = new Decimal('0.01');
  fund.financial_highlights.columns.forEach((col, i) => {
    const v = col.values;
    const p = ['financial_highlights', 'columns', i, 'values'];
    const of = (k: keyof typeof v) => line([...p, k], v[k]);
    if (v.total_from_operations && v.net_investment_income && v.net_gains_losses) {
      c.equal(`Highlights ${col.label}: total from operations`, [...p, 'total_from_operations'], v.total_from_operations,
        total(of('net_investment_income'), of('net_gains_losses'), of('preferred_dividends_from_nii')), perShare);
    }
    if (v.total_distributions) {
      c.equal(`Highlights ${col.label}: total distributions`, [...p, 'total_distributions'], v.total_distributions,
        total(of('dividends_from_nii'), of('distributions_from_gains')), perShare);
    }
    if (v.nav_beginning && v.nav_end && v.total_from_operations) {
      c.equal(`Highlights ${col.label}: NAV beginning + operations + distributions = NAV end`, [...p, 'nav_end'], v.nav_end,
        total(of('nav_beginning'), of('total_from_operations'), of('total_distributions'), of('anti_dilutive_effect')), perShare);
    }
    const earlier = fund.financial_highlights.columns[i + 1];
    if (earlier && v.nav_beginning && earlier.values.nav_end) {
      c.equal(`Highlights ${col.label}: NAV beginning = prior column's NAV end`, [...p, 'nav_beginning'], v.nav_beginning,
        total(line(['financial_highlights', 'columns', i + 1, 'values', 'nav_end'], earlier.values.nav_end)));
    }
  });
  const hl = fund.financial_highlights.columns[0]!.values;
  const hlPath = ['financial_highlights', 'columns', 0, 'values'];
  if (hl.nav_end) c.equal('Highlights: NAV end = statement of assets and liabilities', [...hlPath, 'nav_end'], hl.nav_end, total(line(at('nav_per_share'), sal.nav_per_share)));
  if (hl.market_value_end && sal.market_price_per_share) c.equal('Highlights: market value = statement of assets and liabilities', [...hlPath, 'market_value_end'], hl.market_value_end, total(line(at('market_price_per_share'), sal.market_price_per_share)));
  if (hl.net_assets_end_000) c.rounded('Highlights: net assets (000) = statement of assets and liabilities', [...hlPath, 'net_assets_end_000'], hl.net_assets_end_000, formula(sal.net_assets.dividedBy(1000), 'net assets / 1,000', netAssets));
  const all = seniorSecurities(fund);
  const amountOf = (debt: boolean) => all.filter((x) => (x.kind !== 'preferred_shares') === debt).map((x) => line(x.path, x.amount, x.label)!);
  const inThousands = (parts: TieOutPart[], what: string) => formula(sum(parts.map((x) => x.amount)).dividedBy(1000), `${what} / 1,000`, ...parts);
  if (hl.preferred_outstanding_000) c.rounded('Highlights: preferred outstanding (000)', [...hlPath, 'preferred_outstanding_000'], hl.preferred_outstanding_000, inThousands(amountOf(false), 'preferred shares at liquidation value'));
  if (hl.senior_debt_outstanding_000) c.rounded('Highlights: senior debt outstanding (000)', [...hlPath, 'senior_debt_outstanding_000'], hl.senior_debt_outstanding_000, inThousands(amountOf(true), 'senior debt'));

  // Notes.
  const notes = fund.notes_data;
  if (notes?.capital_loss_carryforward) {
    const clc = notes.capital_loss_carryforward;
    c.equal('Capital loss carryforward rows sum to the total', ['notes_data', 'capital_loss_carryforward', 'total'], clc.total,
      total(...clc.rows.map((r, i) => line(['notes_data', 'capital_loss_carryforward', 'rows', i, 'amount'], r.amount, `expiring ${r.expires ?? i + 1}`))));
  }
  if (notes?.tax_basis) {
    const t = notes.tax_basis;
    const tp = (k: keyof typeof t) => line(['notes_data', 'tax_basis', k], t[k]);
    c.equal('Tax basis: appreciation + depreciation = net', ['notes_data', 'tax_basis', 'net'], t.net, total(tp('appreciation'), tp('depreciation')));
    c.equal('Tax basis: cost + net appreciation = investments at value', ['notes_data', 'tax_basis', 'cost'], t.cost.plus(t.net), total(asset('investments_at_value')));
  }
  notes?.fair_value_levels?.forEach((row, i) => {
    const p = ['notes_data', 'fair_value_levels', i];
    c.equal(`Fair value levels ${row.label}: levels sum to total`, [...p, 'total'], row.total,
      total(line([...p, 'level_1'], row.level_1), line([...p, 'level_2'], row.level_2), line([...p, 'level_3'], row.level_3)));
  });
  if (notes?.fair_value_levels) {
    c.equal('Fair value levels total = investments at value', ['notes_data', 'fair_value_levels'], sum(notes.fair_value_levels.map((r) => r.total)), total(asset('investments_at_value')));
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
  /** How `computed` comes from `parts` when it is not their sum. */
  formula: string | null;
  /** The lines `computed` comes from, each with its amount (negative where taken away) and where it is. */
  parts: { label: string; amount: string; path: string; location: string | null }[];
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
    formula: t.formula ?? null,
    parts: t.parts.map((x) => ({ label: x.label, amount: x.amount.toString(), path: formatPath(x.path), location: locate ? whereIs(locate, x.path) : null })),
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
