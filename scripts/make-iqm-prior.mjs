#!/usr/bin/env node
// Writes data/iqm/2011-02-28.yaml, IQM's previous period (the four months ended February 28, 2011), from
// the comparatives the 2011-08-31 filing carries, filling what the filing does not give consistently and
// marking it SYNTHETIC. Deterministic: run it again and the file is the same.
//
//   node scripts/make-iqm-prior.mjs
//
// Real (from the 2011-08-31 filing): net assets, NAV and market price, shares, preferred shares and their
// asset coverage, the statement of changes in net assets, the financial highlights, undistributed net
// investment income, the capital loss carryforward, and cash at February 28, 2011 (the six months' cash
// flow starts from it). Derived: floating rate notes (the six months' repayment added back), receivables and
// payables (the six months' changes taken back), paid-in capital and the components of net assets.
// Synthetic: the expense lines, income, cash flows, the schedule of investments' values, notes figures.
import { readFileSync, writeFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';

const D = (v) => new Decimal(String(v).replaceAll(',', ''));
const SRC = 'data/iqm/2011-08-31.yaml';
const OUT = 'data/iqm/2011-02-28.yaml';
const text = readFileSync(SRC, 'utf8');

/** The text of a top-level key's block, up to the next top-level key. */
function block(key) {
  const re = new RegExp(`^${key}:.*$`, 'm');
  const m = re.exec(text);
  if (!m) throw new Error(`no ${key}: in ${SRC}`);
  const rest = text.slice(m.index + m[0].length);
  const next = /^(?:[a-z_]+:|# )/m.exec(rest.replace(/^\n/, ''));
  return text.slice(m.index, m.index + m[0].length + (next ? next.index + (rest.startsWith('\n') ? 1 : 0) : rest.length)).trimEnd();
}

const money = (d) => {
  const s = d.abs().toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return d.isNegative() ? `(${s})` : s;
};
const q = (d) => `"${money(d)}"`;
const pct = (fraction, places = 2) => {
  const s = fraction.abs().times(100).toFixed(places);
  return fraction.isNegative() ? `(${s})%` : `${s}%`;
};

// ---- statement of assets and liabilities at February 28, 2011 ---------------------------------------
const netAssets = D('182,074,059');
const preferred = D('55,000,000');
const frn = D('35,690,000').plus(D('4,099,640')); // repaid 4,099,640 in the six months to Aug 31
const pipeline = {
  paidIn: D('198,898,707'), // no share transactions in the six months
  undistributedNii: D('3,680,842'),
  realized: D('-17,811,491').minus(D('-2,977,286')),
  unrealized: D('9,595,577').minus(D('15,266,862')),
};
const liabilities = { frn, prefDividends: D('1,650'), accrued: D('59,569'), deferred: D('62,585') };
const totalLiabilities = Object.values(liabilities).reduce((a, b) => a.plus(b));
const totalAssets = netAssets.plus(preferred).plus(totalLiabilities);
const assets = { cash: D('629,041'), interest: D('2,812,817'), deferred: D('2,528'), other: D('18,524') };
const investments = totalAssets.minus(Object.values(assets).reduce((a, b) => a.plus(b)));
const cost = investments.minus(pipeline.unrealized);

// ---- schedule of investments: the August holdings less the 2011 issues (taken as bought after
// February 28), plus three positions sold before August (SYNTHETIC), revalued to the February total.
const soldLater = [
  { group: 'Illinois', issuer: 'Illinois (State of) Toll Highway Authority (SYNTHETIC)', issue: 'Series 2008 B, Toll Highway Senior Priority RB', enhancement: null, rate: '5.50%', maturity: '2033-01-01', principal: 4000, value: 3900120 },
  { group: 'New Jersey', issuer: 'New Jersey (State of) Transportation Trust Fund Authority (SYNTHETIC)', issue: 'Series 2006 A, Transportation System RB', enhancement: 'INS AGM', rate: '5.25%', maturity: '2022-12-15', principal: 3500, value: 3712450 },
  { group: 'Florida', issuer: 'Orlando (City of) Utilities Commission (SYNTHETIC)', issue: 'Series 2009 B, Utility System RB', enhancement: null, rate: '5.00%', maturity: '2033-10-01', principal: 2500, value: 2536275 },
];
const groups = [];
let group = null;
const soiText = block('schedule_of_investments');
for (const line of soiText.split('\n')) {
  let m;
  if ((m = /^ {4}- name: (.*)$/.exec(line))) groups.push((group = { name: m[1], holdings: [] }));
  else if ((m = /^ {8}- issuer: (.*)$/.exec(line))) group.holdings.push({ issuer: m[1], fields: [] });
  else if (group?.holdings.length && (m = /^ {10}([a-z_0-9]+): (.*?)(\s+#.*)?$/.exec(line))) group.holdings.at(-1).fields.push([m[1], m[2]]);
  else if (/^ {2}category:/.test(line)) break;
}
const field = (h, k) => h.fields.find(([key]) => key === k)?.[1];
for (const g of groups) g.holdings = g.holdings.filter((h) => !/^(Sub)?[Ss]eries 2011/.test(field(h, 'issue').replace(/^"|"$/g, '')));
for (const s of soldLater) {
  const g = groups.find((x) => x.name === s.group);
  g.holdings.push({ issuer: s.issuer, synthetic: true, fields: [['issue', s.issue], ...(s.enhancement ? [['enhancement', s.enhancement]] : []), ['rate', s.rate], ['maturity', s.maturity], ['principal_000', `"${s.principal.toLocaleString('en-US')}"`], ['value', `"${s.value.toLocaleString('en-US')}"`]] });
}
const kept = groups.filter((g) => g.holdings.length > 0);
// Revalue: every August value scaled to the February total, rounded to the dollar; the rounding
// difference goes to the largest holding.
const all = kept.flatMap((g) => g.holdings);
const valueOf = (h) => D(field(h, 'value').replace(/"/g, ''));
const before = all.reduce((s, h) => s.plus(valueOf(h)), new Decimal(0));
const factor = investments.dividedBy(before);
for (const h of all) h.newValue = h.synthetic ? valueOf(h) : valueOf(h).times(factor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
const scaledTotal = all.reduce((s, h) => s.plus(h.newValue), new Decimal(0));
const largest = all.reduce((a, b) => (b.newValue.greaterThan(a.newValue) ? b : a));
largest.newValue = largest.newValue.plus(investments.minus(scaledTotal));

const holdingsYaml = kept.map((g) => {
  const total = g.holdings.reduce((s, h) => s.plus(h.newValue), new Decimal(0));
  const rows = g.holdings.map((h) => {
    const fields = h.fields.map(([k, v]) => (k === 'value' ? `          value: ${q(h.newValue)}` : `          ${k}: ${v}`));
    return [`        - issuer: ${h.issuer}${h.synthetic ? '   # SYNTHETIC: a position sold before August 31, 2011' : ''}`, ...fields].join('\n');
  });
  return [
    `    - name: ${g.name}`,
    `      percent_of_net_assets: ${pct(total.dividedBy(netAssets).toDecimalPlaces(4, Decimal.ROUND_HALF_UP))}`,
    ...(g.holdings.length > 1 ? [`      subtotal: ${q(total)}`] : []),
    '      holdings:',
    ...rows,
  ].join('\n');
}).join('\n');
const pctOf = (amount) => pct(amount.dividedBy(netAssets).toDecimalPlaces(4, Decimal.ROUND_HALF_UP));
const other = netAssets.minus(investments).plus(frn).plus(preferred);
const soiTail = soiText.slice(soiText.indexOf('\n  category:'))
  .replace(/category_percent: .*/, `category_percent: ${pctOf(investments)}`)
  .replace(/total_investments: .*/, `total_investments: ${q(investments)}`)
  .replace(/total_percent: .*/, `total_percent: ${pctOf(investments)}`)
  .replace(/\n  cost: .*/, `\n  cost: ${q(cost)}`)
  .replace(/(floating_rate_notes:\n {4}amount: ).*\n {4}percent: .*/, `$1${q(frn.negated())}\n    percent: ${pctOf(frn.negated())}`)
  .replace(/preferred_shares: \{ amount: .*, percent: .* \}/, `preferred_shares: { amount: ${q(preferred.negated())}, percent: ${pctOf(preferred.negated())} }`)
  .replace(/other_assets_less_liabilities: \{ amount: .*, percent: .* \}/, `other_assets_less_liabilities: { amount: ${q(other)}, percent: ${pctOf(other)} }`)
  .replace(/net_assets: \{ amount: .*, percent: (.*) \}/, `net_assets: { amount: ${q(netAssets)}, percent: $1 }`)
  .replaceAll('08/31/11', '02/28/11')
  .replaceAll('August 31, 2011', 'February 28, 2011');

// ---- statement of operations for the four months (SYNTHETIC lines that give the real NII and the
// highlights' ratios on average daily net assets of $183,328,000 over 120 days) ------------------------
const expenses = { advisory: D('245,732'), admin: D('16,800'), custodian: D('3,900'), ifm: D('126,500'), professional: D('-96,400'), transfer: D('2,800'), trustees: D('9,000'), other: D('53,168') };
const totalExpenses = Object.values(expenses).reduce((a, b) => a.plus(b));
const nii = D('4,140,693');
const interest = nii.plus(totalExpenses);

const cashAdjustments = [
  ['Net realized loss on investments', '588,041'],
  ['Net change in unrealized appreciation (depreciation) on investments', '17,162,059'],
  ['Amortization of premium', '230,000'],
  ['Accretion of discount', '(497,000)'],
  ['Cost of purchases of investments', '(12,500,000)'],
  ['Proceeds from sales of investments', '13,900,000'],
  ['Increase in interest receivables and other assets', '(120,000)'],
  ['Increase in accrued expenses and other payables', '8,000'],
];
const opsCommon = D('-13,688,355');
const operating = cashAdjustments.reduce((s, [, v]) => s.plus(D(v.replace(/[()]/g, '')).times(v.startsWith('(') ? -1 : 1)), opsCommon);
const financing = [['Dividends paid to common shareholders from net investment income', D('-3,767,167')], ['Net proceeds from and repayment of floating rate note obligations', D('-1,300,000')]];
const financingTotal = financing.reduce((s, [, v]) => s.plus(v), new Decimal(0));
const netCash = operating.plus(financingTotal);
const cashBeginning = assets.cash.minus(netCash);

const highlights = block('financial_highlights');
const columnsStart = highlights.indexOf('\n    - label: Four months ended February 28, 2011');
const highlightsPrior = highlights.slice(0, highlights.indexOf('\n  columns:') + '\n  columns:'.length) + highlights.slice(columnsStart)
  .replace('asset_coverage_per_preferred_share: 215,522', 'asset_coverage_per_preferred_share: 215,522\n        liquidating_preference_per_preferred_share: 50,000');

const narrative = block('narrative')
  .replaceAll('six months ended August 31, 2011', 'four months ended February 28, 2011')
  .replaceAll('August 31, 2011', 'February 28, 2011')
  // The two managers who joined on June 28, 2011 were not yet on the team.
  .replace(/\n {6}- name: Richard Berry\n(?: {8}.*\n)+?(?= {6}- name: Thomas Byron)/, '\n')
  .replace(/\n {6}- name: Stephen Turman\n(?: {8}.*\n)+?(?= {6}- name: Thomas Byron)/, '\n')
  // SYNTHETIC: one paragraph of the President's letter reads differently in this period.
  .replace("In light of economic uncertainty and market volatility, I suggest you check the timely market updates and commentary from many of our fund managers and other investment professionals at invesco.com/us.",
           "In light of the market volatility of recent months, I suggest you check the market updates and commentary from our fund managers at invesco.com/us.");

const out = `# Invesco Quality Municipal Securities (NYSE: IQM) — the four months ended February 28, 2011 (a transition
# period: the fiscal year end moved from October 31 to the end of February).
# GENERATED by scripts/make-iqm-prior.mjs from ${SRC}. Real figures come from that filing's comparatives
# (changes in net assets, financial highlights, preferred shares, capital loss carryforward, cash at
# February 28, 2011); derived and SYNTHETIC parts are marked where they stand. This file exists so that
# \`fundbook diff data/iqm/2011-02-28.yaml data/iqm/2011-08-31.yaml\` has a previous period to compare.
fundbook: 1

${block('fund')}

period:
  start: 2010-11-01
  end: 2011-02-28
  kind: annual
  label: Four months ended February 28, 2011
  report_date: 2011-05-06          # SYNTHETIC: the N-CSR for this period is not the reference filing
  # SYNTHETIC: chosen so that the highlights' annualised ratios (6.87%, 0.13%, 6.74%) follow on 120 days.
  average_daily_net_assets: 183,328,000

statements:
  assets_and_liabilities:
    # Derived where the six-month filing allows it (see the file header); the split of receivables and
    # payables between lines is SYNTHETIC.
    assets:
      investments_at_value: ${money(investments)}
      investments_at_cost: ${money(cost)}
      cash: ${money(assets.cash)}
      receivable_interest: ${money(assets.interest)}
      deferred_compensation_investment: ${money(assets.deferred)}
      other_assets: ${money(assets.other)}
      total_assets: ${money(totalAssets)}
    liabilities:
      floating_rate_note_obligations: ${money(frn)}
      payable_preferred_dividends: ${money(liabilities.prefDividends)}
      accrued_expenses: ${money(liabilities.accrued)}
      deferred_compensation_liability: ${money(liabilities.deferred)}
      total_liabilities: ${money(totalLiabilities)}
    preferred_shares: ${money(preferred)}
    net_assets: ${money(netAssets)}
    net_assets_consist_of:
      paid_in_capital: ${money(pipeline.paidIn)}
      undistributed_net_investment_income: ${money(pipeline.undistributedNii)}
      undistributed_net_realized_gain_loss: ${money(pipeline.realized)}
      unrealized_appreciation_depreciation: ${money(pipeline.unrealized)}
    common_shares_outstanding: 13,454,169
    common_par_value: 0.01
    common_shares_authorized: unlimited
    nav_per_share: 13.53
    market_price_per_share: 12.65

  operations:
    # SYNTHETIC lines; net investment income and everything below it are the filing's.
    investment_income:
      interest: ${money(interest)}
    expenses:
      advisory_fees: ${money(expenses.advisory)}
      administrative_services_fees: ${money(expenses.admin)}
      custodian_fees: ${money(expenses.custodian)}
      interest_facilities_and_maintenance_fees: ${money(expenses.ifm)}
      # Highlights note (f): a change in accounting estimate for professional fees lowered the ratios by 0.16%.
      professional_fees: ${money(expenses.professional)}
      transfer_agent_fees: ${money(expenses.transfer)}
      trustees_and_officers_fees: ${money(expenses.trustees)}
      other: ${money(expenses.other)}
      total: ${money(totalExpenses)}
    net_investment_income: 4,140,693
    net_realized_gain_loss: (588,041)
    change_in_unrealized_appreciation: (17,162,059)
    net_realized_and_unrealized_gain_loss: (17,750,100)
    net_increase_from_operations: (13,609,407)
    preferred_distributions: (78,948)
    net_increase_applicable_to_common: (13,688,355)

  changes_in_net_assets:
${block('statements').split('\n  changes_in_net_assets:\n')[1].split('\n  cash_flows:')[0].split('\n').slice(block('statements').split('\n  changes_in_net_assets:\n')[1].split('\n').findIndex((l) => l.startsWith('    - label: Four months'))).join('\n')}

  cash_flows:
    # SYNTHETIC, except the start (operations applicable to common) and the closing cash.
    net_increase_applicable_to_common: (13,688,355)
    adjustments:
${cashAdjustments.map(([l, v]) => `      - { label: ${l}, amount: "${v}" }`).join('\n')}
    net_cash_from_operating: ${q(operating)}
    financing:
${financing.map(([l, v]) => `      - { label: ${l}, amount: ${q(v)} }`).join('\n')}
    net_cash_from_financing: ${q(financingTotal)}
    net_change_in_cash: ${q(netCash)}
    cash_beginning: ${q(cashBeginning)}
    cash_end: ${q(assets.cash)}

preferred_shares:
  kind: Auction Rate Preferred Shares
  par_value: 0.01
  authorized: 1,000,000
  outstanding: 1,100
  liquidation_preference_per_share: 50,000
  outstanding_beginning: 1,100
  shares_retired: 0
  # SYNTHETIC: the series' rates and reset dates at February 28, 2011 are not in the reference filing.
  series:
    - { series: "1", shares: 193, amount_000: "9,650", rate: 0.320%, reset_date: 2011-03-03, rate_low: 0.110%, rate_high: 0.450% }
    - { series: "2", shares: 170, amount_000: "8,500", rate: 0.305%, reset_date: 2011-03-07, rate_low: 0.110%, rate_high: 0.450% }
    - { series: "3", shares: 170, amount_000: "8,500", rate: 0.290%, reset_date: 2011-03-08, rate_low: 0.110%, rate_high: 0.450% }
    - { series: "4", shares: 340, amount_000: "17,000", rate: 0.320%, reset_date: 2011-03-03, rate_low: 0.110%, rate_high: 0.450% }
    - { series: "5", shares: 227, amount_000: "11,350", rate: 0.320%, reset_date: 2011-03-03, rate_low: 0.110%, rate_high: 0.450% }

common_shares:
  - { label: "Four months ended February 28, 2011", beginning: "13,454,169", ending: "13,454,169" }
  - { label: "Year ended October 31, 2010", beginning: "13,454,169", ending: "13,454,169" }

# SYNTHETIC
dividends_declared:
  - { declared: 2011-03-01, per_share: 0.0700, record: 2011-03-15, payable: 2011-03-31 }

${highlightsPrior}

agreements:
  advisory:
    adviser: Invesco Advisers, Inc.
    base: managed_assets
    base_description: average weekly net assets including leverage entered into to retire previously issued preferred shares of the Trust
    averaging: weekly
    schedule:
      - rate: 0.27%
    # SYNTHETIC: average daily net assets, the preferred shares' liquidation value, and retirement leverage
    # chosen so that 0.27% x 120/365 gives the synthetic booked fee.
    average_base:
      net_assets: 183,328,000
      preferred_liquidation: 55,000,000
      retirement_leverage: 38,500,000
      unit: 1,000
    sub_advisory_share: 40%
${block('agreements').split('\n  expense_limitation:')[1] ? `  expense_limitation:${block('agreements').split('\n  expense_limitation:')[1]}` : ''}

# SYNTHETIC: the performance page of the February 2011 report is not in the reference filing; the
# returns are the highlights' and the index return is invented.
performance:
  period_label: Cumulative total returns, 10/31/10 to 2/28/11
  rows:
    - { key: nav, label: Trust at NAV, value: (6.78)% }
    - { key: market, label: Trust at Market Value, value: (9.67)% }
    - { key: index, label: Barclays Capital Municipal Bond Index, value: (2.62)% }
  market_discount: ${pct(D('12.65').minus(D('13.53')).dividedBy(D('13.53')).toDecimalPlaces(4, Decimal.ROUND_HALF_UP)).replace(/^\((.*)\)%$/, '-$1%')}

notes_data:
  floating_rate_average: { amount: "38,900,000", rate: 0.95% }   # SYNTHETIC
  fair_value_levels:
    - { label: Municipal Obligations, level_1: 0, level_2: ${q(investments)}, level_3: 0, total: ${q(investments)} }
${block('notes_data').split('\n').filter((l, i, a) => { const s = a.findIndex((x) => x.startsWith('  capital_loss_carryforward:')); const e = a.findIndex((x) => x.startsWith('  purchases_and_sales:')); return i >= s && i < e; }).join('\n')}
  purchases_and_sales: { purchases: "12,500,000", sales: "13,900,000" }   # SYNTHETIC
  # SYNTHETIC: tax-basis figures that agree with the February values.
  tax_basis: { appreciation: "8,120,400", depreciation: "(13,791,685)", net: "(5,671,285)", cost: ${q(investments.plus(D('5,671,285')))} }

schedule_of_investments:
  # SYNTHETIC values: the August holdings revalued to the February total (x ${factor.toFixed(6)}), less
  # the 2011 issues (taken as bought after February 28), plus three positions sold before August.
  groups:
${holdingsYaml}
${soiTail}

${narrative}
`;
writeFileSync(OUT, out);
console.log(`wrote ${OUT}: investments ${money(investments)}, ${all.length} holdings in ${kept.length} groups`);
