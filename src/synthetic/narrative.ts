// Narrative boilerplate for synthetic funds, in the style of a closed-end municipal fund's report. The
// chair's letter is built from paragraph slots, each with a few interchangeable versions: between two
// periods exactly one slot changes version, and the generator records which. Every other text may
// mention the period freely.
import type { YamlMap, YamlValue } from './yaml-emit.js';
import { block } from './yaml-emit.js';

/** Where the changing paragraphs live, as the record names it. */
export const LETTER_SECTION = 'narrative.letters[0].body';

const LETTER_SLOTS: readonly (readonly string[])[] = [
  [
    'Municipal bond markets spent much of the period adjusting to the prospect of interest rates staying higher for longer. Yields on longer maturities rose and fell with each new reading on inflation, and the prices of the bonds your Trust owns moved with them.',
    'Over the period, investors weighed slowing economic growth against inflation that has been slow to retreat. Tax-exempt yields ended the period higher than they began it, which lowered the prices of longer-dated municipal bonds, including many of those your Trust holds.',
    'New issuance of municipal bonds stayed light during the period while demand from individual investors was uneven, and credit spreads on lower-rated revenue bonds widened modestly. Those conditions weighed on the market value of leveraged municipal portfolios such as your Trust.',
  ],
  [
    'Periods like this one are a reminder of the value of a plan. A financial adviser can help you set goals, choose investments suited to your tolerance for risk and keep a long-term focus when markets are unsettled.',
    'We encourage you to review your financial plan with your adviser at least once a year. Tax-exempt income can play a useful part in a diversified portfolio, and an adviser can help you decide how large that part should be.',
    'No investment can guarantee a profit or protect against loss, but a diversified portfolio and a disciplined, long-term approach can help you ride out the swings that markets inevitably bring.',
  ],
  [
    'Your Board of Trustees oversees the Trust on your behalf. Each year we review the Trust\'s performance, its fees and expenses and the services its adviser provides, and we compare them with those of similar closed-end funds before we renew the advisory agreement.',
    'The Board meets regularly with the Trust\'s portfolio managers and with the adviser\'s risk, compliance and operations staff. Our independent Trustees also meet privately with independent counsel to review the Trust\'s arrangements.',
    'Keeping costs in check remains one of the Board\'s priorities. The adviser has agreed to limit the Trust\'s expenses, and the Board reviews that agreement, and whether it should continue, every year.',
  ],
  [
    'The Trust uses leverage in an effort to enhance the income it pays to common shareholders. Leverage magnifies both gains and losses, and its cost rises with short-term interest rates; the Board monitors the Trust\'s asset coverage closely.',
    'Because the Trust is leveraged, its net asset value moves more than the value of its portfolio when interest rates change. The Board reviews the amount and the cost of the Trust\'s leverage at each of its regular meetings.',
    'The cost of the Trust\'s leverage depends on short-term tax-exempt rates. When those rates rise faster than the income on the portfolio, the benefit of leverage to common shareholders narrows, and the Board weighs that trade-off carefully.',
  ],
  [
    'As always, please contact us with any questions or concerns you may have. On behalf of the Board, we look forward to continuing to represent your interests.',
    'Thank you for your continued investment in the Trust. On behalf of the Board, I welcome your questions and comments at any time.',
    'We appreciate the trust you have placed in us. Please do not hesitate to write to the Board with any questions about your investment.',
  ],
];

export const LETTER_SLOT_COUNT = LETTER_SLOTS.length;
export const LETTER_VERSIONS = LETTER_SLOTS.map((versions) => versions.length);

/** The chair's letter body for one version per slot. */
function chairLetterBody(versions: readonly number[], leveraged: boolean): string {
  return LETTER_SLOTS.map((options, i) => {
    const text = options[versions[i]!]!;
    // The leverage slot reads differently for a fund without preferred shares; still one text per version.
    return i === 3 && !leveraged ? text.replace('The Trust uses leverage', 'The Trust may use leverage').replace('Because the Trust is leveraged', 'To the extent the Trust uses leverage') : text;
  }).join('\n\n');
}

interface NarrativeFacts {
  fundName: string;
  adviser: string;
  chair: string;
  president: string;
  managers: readonly string[];
  periodLabel: string;
  periodEnd: string;
  periodEndLong: string;
  kind: 'semiannual' | 'annual';
  navReturn: string;
  marketReturn: string;
  indexName: string;
  indexReturn: string;
  preferred: boolean;
  preferredKind?: string;
  liquidationPerShare?: string;
  floatingRateNotes: boolean;
  letterVersions: readonly number[];
  /** Proxy: the meeting this period reports, if any. */
  meeting?: { dateLong: string; proposal: string };
  lastMeetingLong?: string;
  board: BoardFacts;
  hasCarryforward: boolean;
  lastFiscalYearEndLong: string;
}

export interface BoardFacts {
  meetingLong: string;
  effectiveLong: string;
  feeVsMedian: 'below' | 'above' | 'at';
  quintiles: readonly { years: number; quintile: number }[];
  indexComparison: readonly { years: number; relation: 'above' | 'below' | 'at' }[];
  capLong: string;
  capPercent: string;
  waiverInPlay: boolean;
  independentShare: string;
}

const ordinal = (n: number) => ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`;

function letters(f: NarrativeFacts): YamlValue[] {
  const whole = f.kind === 'annual' ? 'annual' : 'semiannual';
  return [
    {
      signer: f.chair,
      signer_titles: ['Independent Chair', 'Board of Trustees'],
      salutation: 'Dear Fellow Shareholders:',
      body: block(`${chairLetterBody(f.letterVersions, f.preferred || f.floatingRateNotes)}\n`),
      closing: 'Sincerely,',
    },
    {
      signer: f.president,
      signer_titles: ['President', f.adviser],
      salutation: 'Dear Shareholders:',
      body: block([
        `Enclosed is the ${whole} report of ${f.fundName} for the ${lowerFirst(f.periodLabel)}, with information about the Trust's performance and its holdings at the close of the period.`,
        `For the period, the Trust returned ${f.navReturn} at net asset value and ${f.marketReturn} at market price, compared with ${f.indexReturn} for the ${f.indexName}. The pages that follow explain what drove those results.`,
        'Our portfolio managers follow a consistent, repeatable process: they look for bonds whose yield rewards their credit risk, spread the Trust\'s holdings across states and sectors, and manage its leverage with the cost of that leverage in mind.',
        `If you have questions about your account, please contact the Trust's transfer agent. All of us at ${f.adviser} thank you for investing with us.`,
      ].join('\n\n') + '\n'),
      closing: 'Sincerely,',
    },
  ];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function note(number: number, title: string, body: YamlValue[]): YamlMap {
  return { number: String(number), title, body };
}

const slot = (name: string): YamlMap => ({ slot: name });

function notes(f: NarrativeFacts): YamlValue[] {
  const out: YamlValue[] = [];
  let n = 0;
  out.push(note(++n, 'Significant Accounting Policies', [block([
    `${f.fundName} (the Trust), a Delaware statutory trust, is registered under the Investment Company Act of 1940, as amended (the 1940 Act), as a diversified, closed-end management investment company. The Trust is a synthetic fund: its figures were generated for testing and describe no real investment company.`,
    'The Trust\'s investment objective is to provide current income exempt from federal income tax, consistent with preservation of capital.',
    '**A. Security Valuations** Municipal securities are fair valued using an evaluated quote provided by an independent pricing service approved by the Board of Trustees. Evaluated quotes may reflect factors such as institution-size trading in similar groups of securities, yield, quality, coupon rate, maturity, type of issue, individual trading characteristics and other market data.',
    '**B. Securities Transactions and Investment Income** Securities transactions are accounted for on a trade date basis. Realized gains or losses on sales are computed on the basis of specific identification of the securities sold. Interest income is recorded on the accrual basis from settlement date.',
    '**C. Distributions** The Trust declares and pays monthly dividends from net investment income to common shareholders. Distributions from net realized capital gain, if any, are generally paid annually.',
    '**D. Federal Income Taxes** The Trust intends to comply with the requirements of Subchapter M of the Internal Revenue Code necessary to qualify as a regulated investment company and to distribute substantially all of its taxable earnings to shareholders. As such, the Trust will not be subject to federal income taxes on otherwise taxable income that is distributed to shareholders.',
    '**E. Accounting Estimates** The preparation of financial statements in conformity with accounting principles generally accepted in the United States of America requires management to make estimates and assumptions that affect the reported amounts of assets and liabilities at the date of the financial statements and the reported amounts of revenues and expenses during the reporting period.',
    ...(f.floatingRateNotes ? ['**F. Floating Rate Note Obligations** The Trust invests in inverse floating rate securities for investment purposes and to enhance its yield. It accounts for the transfer of bonds to the dealer trusts as secured borrowings: the bonds remain among its investments, and the related floating rate notes are reflected as liabilities under the caption *Floating rate note obligations*.'] : []),
  ].join('\n\n') + '\n')]));
  out.push(note(++n, 'Advisory Fees and Other Fees Paid to Affiliates', [
    slot('advisory_fee'),
    block(`The Adviser pays all compensation of any sub-adviser out of its own fee. ${f.adviser} also provides the Trust with administrative services under a separate agreement.\n`),
    slot('expense_limitation'),
    block('Certain officers and trustees of the Trust are officers and directors of the Adviser.\n'),
  ]));
  out.push(note(++n, 'Additional Valuation Information', [
    block([
      'Generally accepted accounting principles establish a hierarchy that prioritizes the inputs to valuation methods, giving the highest priority to readily available unadjusted quoted prices in an active market for identical assets (Level 1) and the lowest priority to significant unobservable inputs (Level 3).',
      `The following is a summary of the tiered valuation input levels as of ${f.periodEndLong}. The level assigned to a security's valuation may not indicate the risk or liquidity associated with investing in it.`,
    ].join('\n\n') + '\n'),
    slot('fair_value_levels'),
  ]));
  out.push(note(++n, 'Trustees and Officers Fees and Benefits', [block('Trustees and Officers Fees and Benefits include amounts accrued by the Trust to pay remuneration to certain Trustees and Officers of the Trust. Trustees may defer compensation payable by the Trust; the deferred amounts are invested as the Trustee directs and remain obligations of the Trust.\n')]));
  out.push(note(++n, 'Cash Balances and Borrowings', [
    block('The Trust is permitted to carry a negative or overdrawn balance in its account with the custodian bank temporarily. To compensate the custodian for such overdrafts, the Trust may leave funds as a compensating balance in the account or pay interest at a rate agreed with the custodian.\n'),
    ...(f.floatingRateNotes ? [slot('floating_rate_average')] : []),
  ]));
  out.push(note(++n, 'Tax Information', [
    block('The amount and character of income and gains to be distributed are determined in accordance with income tax regulations, which may differ from generally accepted accounting principles. Reclassifications are made to the capital accounts to reflect income and gains available for distribution under those regulations.\n'),
    ...(f.hasCarryforward ? [block(`The Trust had a capital loss carryforward as of ${f.lastFiscalYearEndLong}, which expires as follows:\n`), slot('capital_loss_carryforward')] : []),
  ]));
  out.push(note(++n, 'Investment Securities', [
    slot('purchases_and_sales'),
    block('Cost of investments on a tax basis includes the adjustments for financial reporting purposes as of the most recently completed federal income tax reporting period-end.\n'),
    slot('tax_basis_appreciation'),
  ]));
  if (f.preferred) {
    out.push(note(++n, 'Preferred Shares', [
      block(`The Trust has issued ${f.preferredKind} (preferred shares) with a liquidation preference of $${f.liquidationPerShare} per share plus accumulated but unpaid dividends. Dividends, which are cumulative, are reset periodically.\n`),
      slot('preferred_series'),
      block('The Trust is subject to certain restrictions relating to the preferred shares. Failure to comply with them could preclude the Trust from declaring distributions to common shareholders and could trigger the mandatory redemption of preferred shares at liquidation value. The preferred shares, which are entitled to one vote per share, generally vote with the common shares but vote separately as a class to elect two Trustees. Transactions in preferred shares were as follows:\n'),
      slot('preferred_transactions'),
    ]));
  }
  out.push(note(++n, 'Common Shares of Beneficial Interest', [
    block('Transactions in common shares of beneficial interest were as follows:\n'),
    slot('common_share_transactions'),
    block('The Trustees have approved share repurchases whereby the Trust may, when appropriate, purchase shares in the open market or in privately negotiated transactions at a price not above market value or net asset value, whichever is lower at the time of purchase.\n'),
  ]));
  out.push(note(++n, 'Dividends', [
    block(`The Trust declared the following dividends to common shareholders from net investment income subsequent to ${f.periodEndLong}:\n`),
    slot('dividends_declared'),
  ]));
  out.push(note(++n, 'Financial Highlights', [slot('financial_highlights')]));
  return out;
}

function boardApproval(f: NarrativeFacts): YamlMap {
  const b = f.board;
  const perf = b.quintiles.map((q) => `the ${ordinal(q.quintile)} quintile for the ${q.years}-year period`).join(', ');
  const vsIndex = b.indexComparison.map((c) => `${c.relation === 'at' ? 'at the level of' : `${c.relation}`} the index for the ${c.years}-year period`).join(', ');
  return {
    title: 'Approval of Investment Advisory Agreement',
    body: block([
      `The Board of Trustees (the Board) of ${f.fundName} (the Fund) is required under the Investment Company Act of 1940, as amended, to approve annually the renewal of the Fund's investment advisory agreement with ${f.adviser}. During contract renewal meetings held on ${b.meetingLong}, the Board as a whole, and the independent Trustees, who comprise ${b.independentShare} of the Board, voting separately, approved the continuance of the agreement for another year, effective ${b.effectiveLong}.`,
      '### The Board\'s Evaluation Process',
      'The Trustees receive comparative performance and fee data prepared by an independent data provider, and they review the services the adviser provides throughout the year. The independent Trustees are assisted by independent legal counsel and discuss the continuance of the agreement in private sessions.',
      '### A. Nature, Extent and Quality of Services',
      'The Board reviewed the advisory services provided to the Fund, the credentials and experience of the officers and employees who provide them, and the adviser\'s investment process, credit research and risk management. The Board concluded that the nature, extent and quality of the services are appropriate and satisfactory.',
      '### B. Fund Performance',
      `The Board compared the Fund's performance with that of funds in its performance universe and with its benchmark index. The Board noted that the Fund's performance was in ${perf} (the first quintile being the best performing funds), and ${vsIndex}.`,
      '### C. Advisory Fees and Fee Waivers',
      `The Board noted that the Fund's contractual advisory fee rate was ${b.feeVsMedian === 'at' ? 'at' : b.feeVsMedian} the median contractual advisory fee rate of the funds in its expense group. The adviser has contractually agreed, through at least ${b.capLong}, to waive fees and/or reimburse expenses to limit the Fund's covered expenses to ${b.capPercent} of average daily net assets${b.waiverInPlay ? '; the Board noted that the limit has required a waiver recently' : '; at the Fund\'s current expense ratio the limit has had no effect'}.`,
      '### D. Economies of Scale',
      'The Board considered the extent to which the Fund benefits from economies of scale, noting that as a closed-end fund it does not continuously offer shares and so is unlikely to grow substantially.',
      '### E. Profitability and Collateral Benefits',
      'The Board reviewed information about the adviser\'s costs and profitability in providing services to the Fund, and other benefits the adviser and its affiliates receive from their relationship with the Fund, and concluded that the profits are not excessive.',
    ].join('\n\n') + '\n'),
  };
}

function proxyText(f: NarrativeFacts): YamlMap {
  if (f.meeting) {
    return {
      intro: `An Annual Meeting (Meeting) of Shareholders of ${f.fundName} was held on ${f.meeting.dateLong}. The Meeting was held for the following purpose:`,
      proposal: f.meeting.proposal,
    };
  }
  return {
    intro: `No meeting of shareholders of ${f.fundName} was held during the second half of the fiscal year. ${f.lastMeetingLong ? `The results of the Annual Meeting held on ${f.lastMeetingLong} were reported in the Trust's semiannual report.` : ''}`.trim(),
    proposal: 'No proposal was submitted to a vote of shareholders during this part of the period.',
  };
}

export function narrative(f: NarrativeFacts): YamlMap {
  return {
    letters: letters(f),
    performance_text: {
      intro: block([
        'The performance data quoted represent past performance and cannot guarantee comparable future results; current performance may be lower or higher. Investment return, net asset value and common share market price will fluctuate so that you may have a gain or loss when you sell shares.',
        'Since the Trust is a closed-end management investment company, shares of the Trust may trade at a discount or premium from the net asset value (NAV). The Trust cannot predict whether shares will trade at, above or below NAV. The Trust should not be viewed as a vehicle for trading purposes.',
      ].join('\n\n') + '\n'),
      index_descriptions: block(`The **${f.indexName}** is a synthetic, unmanaged index standing for the tax-exempt bond market in this generated report.\n\nA direct investment cannot be made in an index.\n`),
      source: 'Synthetic data',
    },
    portfolio_managers: {
      intro: `The following individuals are jointly and primarily responsible for the day-to-day management of ${f.fundName}.`,
      managers: f.managers.map((name, i) => ({ name, text: `**${name}** has managed the Trust since ${2015 + i * 3} and has been associated with the Adviser in an investment capacity since ${2005 + i * 2}.` })),
    },
    dividend_reinvestment_plan: block([
      'The dividend reinvestment plan (the Plan) offers you a prompt and simple way to reinvest your dividends and capital gains distributions (Distributions) into additional shares of your Trust.',
      '### Plan benefits',
      '- **Add to your account:** You may increase the amount of shares in your Trust easily and automatically with the Plan.\n- **Low transaction costs:** Shares are bought in blocks and the brokerage commission is shared among all participants.\n- **Convenience:** The plan agent sends you a detailed account statement showing your Distributions, dates of investment, shares acquired and price per share.',
      '### How the Plan works',
      `If you participate in the Plan, whenever the Trust declares a Distribution it will be invested in additional shares of the Trust, bought on the open market when the shares trade at a discount to NAV and issued by the Trust at the greater of NAV or 95% of the market price when they trade at a premium.`,
      '### How to withdraw from the Plan',
      'You may withdraw from the Plan at any time by notifying the plan agent. Whole shares will be held in your name and any fractional share will be sold.',
    ].join('\n\n') + '\n'),
    notes: notes(f),
    board_approval: boardApproval(f),
    proxy_text: proxyText(f),
    back_matter: [
      { title: 'Correspondence information', body: block('Send general correspondence to the plan agent at the address shown in the Trust\'s most recent proxy statement.\n') },
      { title: 'Trust holdings and proxy voting information', body: block('The Trust provides a complete list of its holdings four times in each fiscal year, at the quarter-ends. For the second and fourth quarters, the lists appear in the Trust\'s semiannual and annual reports to shareholders.\n') },
      { title: '', body: block(`This report was generated by fundbook's synthetic-fund generator. ${f.fundName} and ${f.adviser} are fictitious, and no figure in it describes a real fund.\n`) },
    ],
  };
}
