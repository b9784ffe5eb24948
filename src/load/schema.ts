// The fund-period file, as a zod schema. The schema *is* the type: `FundPeriod` below is what the
// loader returns and what every calculator reads. Objects are strict: an unknown key is an error,
// because a typo is how a wrong number reaches a board.
import * as z from 'zod';
import { amount, count, countOrUnknown, date, flag, marks, ordinal, percent, periodText, standing, text } from './fields.js';

const obj = z.strictObject;

// ---- fund and period -------------------------------------------------------------------------

const Fund = obj({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a fund id is lower-case letters, digits and dashes'),
  name: text,
  ticker: text.optional(),
  exchange: text.optional(),
  file_number: text.optional(),
  legal_form: text.optional(),
  address: text.optional(),
  telephone: text.optional(),
  fiscal_year_end: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'write the fiscal year end as MM-DD').refine((md) => !['02-29', '02-30', '02-31', '04-31', '06-31', '09-31', '11-31'].includes(md), 'is not a day every year has (write 02-28 for the end of February)'),
  adviser: text,
  administrator: text.optional(),
  custodian: text.optional(),
  transfer_agent: text.optional(),
  synthetic: flag.optional(),
});

const Period = obj({
  start: date,
  end: date,
  kind: z.enum(['semiannual', 'annual']),
  label: periodText,
  report_date: date,
  average_daily_net_assets: amount,
}).superRefine((p, ctx) => {
  if (p.end < p.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `${p.end} is before the period's start, ${p.start}` });
  if (!p.average_daily_net_assets.greaterThan(0)) ctx.addIssue({ code: 'custom', path: ['average_daily_net_assets'], message: 'must be more than zero' });
});

// ---- statements --------------------------------------------------------------------------------

/** The kinds of senior security (Investment Company Act section 18(g)) a fund may have outstanding. */
const SENIOR_SECURITY_KINDS = ['notes_payable', 'credit_facility', 'preferred_shares'] as const;
export type SeniorSecurityKind = (typeof SENIOR_SECURITY_KINDS)[number];

/**
 * One class of senior security as the statement of assets and liabilities carries it: debt (notes
 * payable, borrowings under a credit facility) at its principal, preferred shares at liquidation value.
 */
const SeniorSecurity = obj({
  kind: z.enum(SENIOR_SECURITY_KINDS),
  /** The line as the statement prints it ("Variable Rate MuniFund Term Preferred Shares"). */
  label: text.optional(),
  amount,
  shares: count.optional(),
  liquidation_preference_per_share: standing(amount).optional(),
  /** Whether the statement carries it within total liabilities (debt always is). */
  liability: flag,
}).superRefine((s, ctx) => {
  if (s.kind === 'preferred_shares') {
    if (s.shares === undefined) ctx.addIssue({ code: 'custom', path: ['shares'], message: 'is required for preferred shares' });
    if (s.liquidation_preference_per_share === undefined) ctx.addIssue({ code: 'custom', path: ['liquidation_preference_per_share'], message: 'is required for preferred shares' });
  } else {
    if (!s.liability) ctx.addIssue({ code: 'custom', path: ['liability'], message: 'debt is always carried as a liability (write liability: true)' });
    for (const key of ['shares', 'liquidation_preference_per_share'] as const) {
      if (s[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `is for preferred shares, not ${s.kind.replaceAll('_', ' ')}` });
    }
  }
  if (s.amount.isNegative()) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'must not be negative' });
});

const AssetsAndLiabilities = obj({
  assets: obj({
    investments_at_value: amount,
    investments_at_cost: amount,
    cash: amount.optional(),
    receivable_interest: amount.optional(),
    receivable_investments_sold: amount.optional(),
    deferred_compensation_investment: amount.optional(),
    other_assets: amount.optional(),
    total_assets: amount,
  }),
  liabilities: obj({
    borrowings: amount.optional(),
    floating_rate_note_obligations: amount.optional(),
    payable_investments_purchased: amount.optional(),
    payable_common_dividends: amount.optional(),
    payable_preferred_dividends: amount.optional(),
    accrued_expenses: amount.optional(),
    deferred_compensation_liability: amount.optional(),
    total_liabilities: amount,
  }),
  /** Preferred shares at liquidation value, outside total liabilities (the older way to write them). */
  preferred_shares: amount.optional(),
  /** Every senior security outstanding, each saying whether it is carried as a liability. */
  senior_securities: z.array(SeniorSecurity).optional(),
  net_assets: amount,
  net_assets_consist_of: obj({
    paid_in_capital: amount,
    undistributed_net_investment_income: amount,
    undistributed_net_realized_gain_loss: amount,
    unrealized_appreciation_depreciation: amount,
  }),
  common_shares_outstanding: count.refine((n) => n.greaterThan(0), 'must be more than zero'),
  common_par_value: standing(amount).optional(),
  common_shares_authorized: text.optional(),
  nav_per_share: amount,
  market_price_per_share: amount.optional(),
}).superRefine((s, ctx) => {
  // One way to write senior securities per file: the list, or the older borrowings and preferred lines.
  if (!s.senior_securities) return;
  if (s.preferred_shares !== undefined) ctx.addIssue({ code: 'custom', path: ['preferred_shares'], message: 'write preferred shares in senior_securities only (not both)' });
  if (s.liabilities.borrowings !== undefined) ctx.addIssue({ code: 'custom', path: ['liabilities', 'borrowings'], message: 'write borrowings in senior_securities only (not both)' });
});

/** The expense lines a fund may report. Their keys are what the expense-limitation agreement excludes. */
export const EXPENSE_KEYS = [
  'advisory_fees',
  'administrative_services_fees',
  'custodian_fees',
  'interest_facilities_and_maintenance_fees',
  'preferred_share_maintenance',
  'professional_fees',
  'reports_to_shareholders',
  'transfer_agent_fees',
  'trustees_and_officers_fees',
  'taxes',
  'dividend_expense_on_short_sales',
  'extraordinary_expenses',
  'other',
] as const;
export type ExpenseKey = (typeof EXPENSE_KEYS)[number];

const expenseLines = Object.fromEntries(EXPENSE_KEYS.map((k) => [k, amount.optional()])) as Record<
  ExpenseKey,
  z.ZodOptional<typeof amount>
>;

const Operations = obj({
  investment_income: obj({ interest: amount.optional(), dividends: amount.optional(), total: amount.optional() }),
  expenses: obj({
    ...expenseLines,
    total: amount,
    fees_waived_and_expenses_reimbursed: amount.optional(),
    expense_offset: amount.optional(),
    net: amount.optional(),
  }),
  net_investment_income: amount,
  net_realized_gain_loss: amount,
  change_in_unrealized_appreciation: amount,
  net_realized_and_unrealized_gain_loss: amount,
  net_increase_from_operations: amount,
  preferred_distributions: amount.optional(),
  net_increase_applicable_to_common: amount,
});

const ChangesColumn = obj({
  label: periodText,
  /** How the statement's caption names the column's period, where not its label ("the period November 1, 2010 through February 28, 2011"). */
  caption: periodText.optional(),
  start: date,
  end: date,
  net_investment_income: amount,
  net_realized_gain_loss: amount,
  change_in_unrealized_appreciation: amount,
  net_increase_from_operations: amount,
  preferred_distributions: amount.optional(),
  net_increase_applicable_to_common: amount,
  distributions_from_net_investment_income: amount,
  distributions_from_net_realized_gains: amount.optional(),
  capital_share_transactions: amount.optional(),
  net_increase_in_net_assets: amount,
  net_assets_beginning: amount,
  net_assets_end: amount,
  undistributed_net_investment_income_end: amount.optional(),
});

const CashFlowLine = obj({ label: text, amount });

const CashFlows = obj({
  net_increase_applicable_to_common: amount,
  adjustments: z.array(CashFlowLine),
  net_cash_from_operating: amount,
  financing: z.array(CashFlowLine),
  net_cash_from_financing: amount,
  net_change_in_cash: amount,
  cash_beginning: amount,
  cash_end: amount,
  supplemental: z.array(CashFlowLine).optional(),
});

// ---- schedule of investments -------------------------------------------------------------------

const Holding = obj({
  id: text.optional(),
  issuer: text,
  issue: text,
  enhancement: text.optional(),
  rate: percent,
  /** A holding's terms stand until it is sold: carried to the next period's file. */
  maturity: standing(date),
  principal_000: standing(amount),
  value: amount,
  notes: marks,
});

const HoldingGroup = obj({
  name: text,
  percent_of_net_assets: percent,
  subtotal: amount.optional(),
  holdings: z.array(Holding).min(1, 'a group holds at least one investment'),
});

const AmountLine = obj({ amount, percent, description: text.optional(), notes: marks });

const Schedule = obj({
  category: text,
  category_percent: percent,
  groups: z.array(HoldingGroup),
  total_investments: amount,
  total_percent: percent,
  cost: amount,
  total_notes: marks,
  floating_rate_notes: AmountLine.optional(),
  borrowings: AmountLine.optional(),
  preferred_shares: AmountLine.optional(),
  other_assets_less_liabilities: AmountLine,
  net_assets: AmountLine,
  abbreviations: z.array(obj({ code: text, meaning: text })),
  notes: z.array(obj({ mark: z.string().regex(/^[a-z]{1,2}$/), text })),
  credit_enhancers: z.array(obj({ entity: text, percent })).optional(),
  composition: obj({ title: text, rows: z.array(obj({ sector: text, percent })) }),
});

// ---- capital: preferred and common shares, dividends ----------------------------------------

const PreferredSeries = obj({
  series: text,
  shares: count,
  amount_000: amount,
  rate: percent,
  reset_date: date,
  rate_low: percent,
  rate_high: percent,
});

const PreferredShares = obj({
  kind: text,
  par_value: standing(amount),
  authorized: standing(count),
  outstanding: count,
  liquidation_preference_per_share: standing(amount),
  series: z.array(PreferredSeries),
  shares_retired: count,
  outstanding_beginning: count,
  subsequent_dividends: obj({ through: date, rate_low: percent, rate_high: percent, amount }).optional(),
  /** Stricter asset-coverage minimums the fund's own documents set (the 1940 Act's 200% always applies). */
  coverage_covenants: standing(z.array(obj({ name: text, minimum: percent }))).optional(),
});

const CommonShareColumn = obj({
  label: periodText,
  beginning: count,
  issued_through_reinvestment: count.optional(),
  repurchased: count.optional(),
  ending: count,
});

const DividendDeclared = obj({ declared: date, per_share: amount, record: date, payable: date });

// ---- financial highlights ----------------------------------------------------------------------

const HIGHLIGHT_ROWS = {
  nav_beginning: amount,
  net_investment_income: amount,
  net_gains_losses: amount,
  preferred_dividends_from_nii: amount,
  total_from_operations: amount,
  dividends_from_nii: amount,
  distributions_from_gains: amount,
  total_distributions: amount,
  anti_dilutive_effect: amount,
  nav_end: amount,
  market_value_end: amount,
  total_return_nav: percent,
  total_return_market: percent,
  net_assets_end_000: amount,
  portfolio_turnover: percent,
  expense_ratio: percent,
  expense_ratio_excluding_ifm: percent,
  nii_ratio_before_preferred: percent,
  preferred_dividend_ratio: percent,
  nii_ratio_after_preferred: percent,
  ms_affiliate_contribution: percent,
  senior_debt_outstanding_000: amount,
  asset_coverage_per_1000_of_debt: amount,
  preferred_outstanding_000: amount,
  asset_coverage_per_preferred_share: amount,
  asset_coverage_percent: percent,
  liquidating_preference_per_preferred_share: amount,
} as const;
export type HighlightRow = keyof typeof HIGHLIGHT_ROWS;

const rowKeys = Object.keys(HIGHLIGHT_ROWS) as [HighlightRow, ...HighlightRow[]];
const HighlightValues = obj(
  Object.fromEntries(Object.entries(HIGHLIGHT_ROWS).map(([k, v]) => [k, v.optional()])) as {
    [K in HighlightRow]: z.ZodOptional<(typeof HIGHLIGHT_ROWS)[K]>;
  },
);

const HighlightColumn = obj({
  label: periodText,
  group: text.optional(),
  end: date,
  values: HighlightValues,
  marks: z.partialRecord(z.enum(rowKeys), z.array(z.string().regex(/^[a-z]$/))).optional(),
});

const FinancialHighlights = obj({
  columns: z.array(HighlightColumn).min(1),
  footnotes: z.array(obj({ mark: z.string().regex(/^[a-z]$/), text })),
  /** The filing's own label for a row, where it differs from fundbook's: printed as filed (a wrong one is a finding). */
  printed_labels: z.partialRecord(z.enum(rowKeys), text).optional(),
});

// ---- agreements --------------------------------------------------------------------------------

/** The agreement's terms (fee schedule, waiver rates, the expense limit) stand until it is amended. */
const FeeTier = standing(obj({ up_to: amount.optional(), rate: percent }));

const AdvisoryAgreement = obj({
  adviser: text,
  /** The short names the notes define for the adviser, "the Adviser" unless given ("the Adviser or Invesco"). */
  defined_as: text.optional(),
  base: z.enum(['average_daily_net_assets', 'average_weekly_net_assets', 'managed_assets']),
  base_description: text,
  averaging: z.enum(['daily', 'weekly']),
  schedule: z.array(FeeTier).min(1, 'a fee schedule has at least one rate'),
  /** The period's average base, stated (or derived) as its components. */
  average_base: obj({
    net_assets: amount,
    preferred_liquidation: amount.optional(),
    retirement_leverage: amount.optional(),
    other_leverage: amount.optional(),
    unit: standing(amount).optional(),
  }).optional(),
  /** Or the base itself, one value per day or week: each value holds until the next date. */
  base_values: z.array(obj({ date, value: amount })).optional(),
  contractual_waiver_rate: standing(percent).optional(),
  sub_advisory_share: standing(percent).optional(),
});

const RecoupableWaiver = obj({ waived_on: date, amount, cap_rate: percent, recovered: amount.optional() });

/** The limit, its exclusions and the record of past waivers subject to recoupment: carried. */
const ExpenseLimitation = standing(obj({
  limit: percent,
  through: date,
  excluded: z.array(
    obj({ key: z.enum([...EXPENSE_KEYS, 'expense_offset']), description: text }),
  ),
  day_count: z.enum(['actual/365', 'actual/actual']).optional(),
  recoupment_years: ordinal.optional(),
  prior_waivers: z.array(RecoupableWaiver).optional(),
}));

// ---- proxy -------------------------------------------------------------------------------------

const VOTING_GROUPS = ['common_and_preferred', 'common', 'preferred'] as const;

const Nominee = obj({ name: text, for: count, withheld: count, note: marks });

const VoteTally = obj({ for: count, against: count, abstain: count.optional(), broker_non_votes: count.optional() });

const ProposalGroup = obj({
  group: z.enum(VOTING_GROUPS),
  seats: ordinal.optional(),
  nominees: z.array(Nominee).optional(),
  votes: VoteTally.optional(),
});

const Proposal = obj({
  number: ordinal,
  title: text,
  standard: z.enum(['plurality', 'majority_of_votes_cast', 'majority_of_outstanding_1940_act']),
  groups: z.array(ProposalGroup).min(1),
});

const Meeting = obj({
  date,
  kind: text,
  shares_outstanding: obj({ common: countOrUnknown, preferred: countOrUnknown.optional() }),
  quorum: obj({ common_and_preferred: percent.optional(), common: percent.optional(), preferred: percent.optional() }).optional(),
  proposals: z.array(Proposal).min(1),
});

// ---- notes and performance ---------------------------------------------------------------------

const Performance = obj({
  period_label: periodText,
  rows: z.array(obj({ key: z.enum(['nav', 'market', 'index']), label: text, value: percent })),
  market_discount: percent.optional(),
});

const NotesData = obj({
  floating_rate_average: obj({ amount, rate: percent }).optional(),
  fair_value_levels: z.array(obj({ label: text, level_1: amount, level_2: amount, level_3: amount, total: amount })).optional(),
  capital_loss_carryforward: obj({
    as_of: date,
    rows: z.array(obj({ expires: date, amount })),
    total: amount,
  }).optional(),
  purchases_and_sales: obj({ purchases: amount, sales: amount }).optional(),
  tax_basis: obj({ appreciation: amount, depreciation: amount, net: amount, cost: amount }).optional(),
});

/** Places in the notes where fundbook prints figures from the data and calculators. */
const NOTE_SLOTS = [
  'advisory_fee',
  'expense_limitation',
  'fair_value_levels',
  'floating_rate_average',
  'capital_loss_carryforward',
  'purchases_and_sales',
  'tax_basis_appreciation',
  'preferred_series',
  'preferred_transactions',
  'common_share_transactions',
  'dividends_declared',
  'financial_highlights',
] as const;
export type NoteSlot = (typeof NOTE_SLOTS)[number];

const MarkdownBlock = z.union([text, obj({ slot: z.enum(NOTE_SLOTS) })], { error: 'expected Markdown text or { slot: NAME }' });

const Narrative = obj({
  letters: z.array(obj({ signer: text, signer_titles: z.array(text), salutation: text, body: text, closing: text })),
  performance_text: obj({ intro: text, index_descriptions: text, source: text.optional() }),
  portfolio_managers: obj({ intro: text, managers: z.array(obj({ name: text, text })) }).optional(),
  dividend_reinvestment_plan: text,
  notes: z.array(obj({ number: ordinal, title: text, body: z.array(MarkdownBlock) })),
  board_approval: obj({ title: text, body: text }),
  proxy_text: obj({ intro: text, proposal: text }),
  back_matter: z.array(obj({ title: z.string(), body: text })),
  /** The cover's line under the contents, e.g. "Unless otherwise noted, all data provided by Invesco." */
  cover_note: text.optional(),
  /** The line at the foot of each schedule and financial-statement page ("See accompanying Notes ..."). */
  statements_footer: text.optional(),
  /** The back cover's last line: the report's code and the distributor. */
  back_cover: obj({ code: text, distributor: text }).optional(),
});

// ---- board review (section 15(c) contract renewal) ------------------------------------------

const PerformancePeriod = obj({
  years: ordinal,
  fund_return: percent,
  index_return: percent.optional(),
  /** Either the fund's rank and the universe size ... */
  rank: ordinal.optional(),
  universe_size: ordinal.optional(),
  /** ... or every return in the universe (the fund's included), from which fundbook ranks the fund. */
  universe_returns: z.array(percent).optional(),
  /** The universe's median return, when the vendor gives ranks rather than every return. */
  median_return: percent.optional(),
}).superRefine((p, ctx) => {
  if (p.universe_returns && p.median_return) {
    ctx.addIssue({ code: 'custom', path: ['median_return'], message: 'is computed from universe_returns; give one or the other' });
  }
  if (p.universe_returns) {
    if (p.rank !== undefined || p.universe_size !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['rank'], message: 'give either rank and universe_size or universe_returns, not both' });
    }
    if (!p.universe_returns.some((r) => r.equals(p.fund_return))) {
      ctx.addIssue({ code: 'custom', path: ['universe_returns'], message: "must include the fund's own return" });
    }
  } else if (p.rank === undefined || p.universe_size === undefined) {
    ctx.addIssue({ code: 'custom', path: [p.rank === undefined ? 'rank' : 'universe_size'], message: 'is required (or give universe_returns)' });
  } else if (p.rank < 1 || p.rank > p.universe_size) {
    ctx.addIssue({ code: 'custom', path: ['rank'], message: `${p.rank} is not a rank in a universe of ${p.universe_size}` });
  }
});

/** How a ratio was measured: before or after the adviser's waivers, with or without interest expense. */
const ExpenseBasis = obj({
  waivers: z.enum(['gross', 'net']),
  interest_expense: z.enum(['included', 'excluded']),
});

export const PeerSchema = obj({ name: text, contractual_fee: percent, total_expense_ratio: percent });

const BoardReview = obj({
  meeting: obj({ start: date, end: date, agreement_effective: date, term_months: ordinal }).superRefine((m, ctx) => {
    if (m.end < m.start) ctx.addIssue({ code: 'custom', path: ['end'], message: `${m.end} is before the meeting's start, ${m.start}` });
  }),
  /** Every agreement the board is asked to continue; the draft resolution names each. */
  agreements_under_renewal: z.array(obj({ kind: z.enum(['advisory', 'sub-advisory']), name: text, parties: text })).min(1).optional(),
  trustees: z.array(obj({ name: text, independent: flag, chair: flag.optional() })).min(1),
  /** What a filing or charter states about the board, checked against the roster. */
  board_composition: obj({ independent_share_stated: percent, source: text }).optional(),
  expense_group: obj({
    source: text,
    as_of: date,
    common_asset_level: amount,
    synthetic: flag.optional(),
    /** The basis of the peers' total expense ratios; the fund's ratio is computed on the same basis. */
    basis: ExpenseBasis.optional(),
    fund_contractual_fee: percent,
    fund_total_expense_ratio: percent.optional(),
    /** The peers, here or in a CSV file (path relative to this file) with the same columns. */
    peers: z.array(PeerSchema).min(1).optional(),
    peers_file: text.optional(),
  }).superRefine((g, ctx) => {
    if (g.peers && g.peers_file) ctx.addIssue({ code: 'custom', path: ['peers_file'], message: 'give either peers or peers_file, not both' });
    if (!g.peers && !g.peers_file) ctx.addIssue({ code: 'custom', path: ['peers'], message: 'is required (or give peers_file)' });
  }),
  performance_universe: obj({
    source: text,
    as_of: date,
    synthetic: flag.optional(),
    /** Whether returns are at net asset value or at market price. */
    return_basis: z.enum(['nav', 'market']).optional(),
    index_name: text,
    periods: z.array(PerformancePeriod).min(1),
  }),
  breakpoint_levels: z.array(amount).optional(),
  /** The adviser's profitability from the fund: revenue and allocated costs, pre-tax. */
  profitability: obj({
    as_of: date,
    period: text,
    source: text,
    synthetic: flag.optional(),
    revenue: z.array(obj({ label: text, amount })).min(1),
    allocated_costs: z.array(obj({ label: text, amount })).min(1),
    note: text.optional(),
  }).optional(),
  /** The adviser's affiliates' revenues from the fund: an amount, or a fund expense line of the fund period. */
  affiliated_revenues: obj({
    source: text,
    synthetic: flag.optional(),
    rows: z.array(obj({ label: text, amount: amount.optional(), fund_expense: text.optional() }).superRefine((r, ctx) => {
      if ((r.amount === undefined) === (r.fund_expense === undefined)) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'give either amount or fund_expense' });
    })).min(1),
  }).optional(),
  /** The portfolio managers as of the meeting (default: those the fund period's narrative names). */
  portfolio_managers: z.array(obj({ name: text, text })).optional(),
  services: text,
  fall_out_benefits: text,
  thresholds: obj({
    fee_above_median_bps: amount.optional(),
    worst_acceptable_quintile: ordinal.optional(),
    cap_ending_within_months: ordinal.optional(),
    coverage_headroom_minimum: percent.optional(),
  }).optional(),
  resolution: text.optional(),
});

/**
 * A board meeting's file (`<fund folder>/board/<meeting>.yaml`): the board-review data and the
 * fund-period file (a path relative to this file) whose figures the book shows.
 */
export const MeetingFileSchema = obj({
  fundbook: z.literal('1', { error: (issue) => `${JSON.stringify(String(issue.input ?? ''))} is not a file format this fundbook reads (write fundbook: 1)` }),
  fund_period: text,
  board_review: BoardReview,
});

// ---- period-over-period review (flux analysis) ------------------------------------------------

/** The reviewer's thresholds are policy: carried. */
const Flux = standing(obj({
  /** A figure is flagged when it moves by at least this fraction ... */
  threshold: percent.optional(),
  /** ... and by at least this amount (balances; default 0.5% of net assets). */
  materiality: amount.optional(),
  /** Flows (income, expenses, gains, distributions): the amount their comparable move must reach
   *  (default: the ratio threshold's basis points a year of average daily net assets, over the period). */
  flow_materiality: amount.optional(),
  /** Ratios are flagged when they move by at least this many basis points. */
  ratio_threshold_bps: amount.optional(),
  /** Per-share amounts are flagged when they move by at least this many dollars (default 0.05). */
  per_share_threshold: amount.optional(),
  /** Explanations for this period's moves, by figure key (as `fundbook diff` names them). */
  explanations: z.array(obj({ figure: text, text })).optional(),
}));

// ---- the file ----------------------------------------------------------------------------------

export const FundPeriodSchema = obj({
  fundbook: z.literal('1', { error: (issue) => `${JSON.stringify(String(issue.input ?? ''))} is not a file format this fundbook reads (write fundbook: 1)` }),
  fund: Fund,
  period: Period,
  statements: obj({
    assets_and_liabilities: AssetsAndLiabilities,
    operations: Operations,
    changes_in_net_assets: z.array(ChangesColumn).min(1),
    cash_flows: CashFlows.optional(),
  }),
  schedule_of_investments: Schedule,
  preferred_shares: PreferredShares.optional(),
  common_shares: z.array(CommonShareColumn).optional(),
  dividends_declared: z.array(DividendDeclared).optional(),
  financial_highlights: FinancialHighlights,
  agreements: obj({ advisory: AdvisoryAgreement, expense_limitation: ExpenseLimitation.optional() }),
  proxy: z.array(Meeting).optional(),
  performance: Performance.optional(),
  notes_data: NotesData.optional(),
  narrative: Narrative,
  board_review: BoardReview.optional(),
  flux: Flux.optional(),
});

export type FundPeriod = z.output<typeof FundPeriodSchema>;
export type Holding = z.output<typeof Holding>;
type HoldingGroup = z.output<typeof HoldingGroup>;
type Meeting = z.output<typeof Meeting>;
type Proposal = z.output<typeof Proposal>;
type AdvisoryAgreement = z.output<typeof AdvisoryAgreement>;
type ExpenseLimitation = z.output<typeof ExpenseLimitation>;
type HighlightColumn = z.output<typeof HighlightColumn>;
export type BoardReview = z.output<typeof BoardReview>;
export type Peer = z.output<typeof PeerSchema>;
export type ExpenseBasis = z.output<typeof ExpenseBasis>;
