// The board review (section 15(c) contract renewal) of a synthetic fund: trustees, a synthetic expense
// group and performance universe, and the facts the narrative's board-approval text states about them
// (fee against the median, quintiles), computed with the board calculator's conventions.
import { Decimal } from '../decimal.js';
import { addDays, iso, longDate } from './calendar.js';
import { annualFee, median, quintileOf, type Tier } from './formulas.js';
import { dec, fmtMoney, fmtPercent, type Money } from './money.js';
import { PEER_WORDS } from './names.js';
import type { BoardFacts } from './narrative.js';
import type { Rng } from './prng.js';
import { block, type YamlMap } from './yaml-emit.js';

export interface Trustee {
  name: string;
  independent: boolean;
  chair: boolean;
}

interface BoardSetup {
  trustees: Trustee[];
  peers: { name: string; feeMilliBp: number; terBp: number }[];
  meetingDay: number;
  indexName: string;
  universeSize: number;
}

export function boardSetup(rng: Rng, trustees: Trustee[], indexName: string): BoardSetup {
  const count = rng.int(8, 15);
  const words = rng.sample(PEER_WORDS, count);
  return {
    trustees,
    // Fees in thousandths of a basis point of a percent: 65000 -> 0.650%.
    peers: words.map((w) => ({ name: `${w} Municipal Income Trust (synthetic)`, feeMilliBp: rng.int(40, 95) * 1000 + rng.pick([0, 250, 500, 750]), terBp: rng.int(85, 190) })),
    meetingDay: rng.int(8, 22),
    indexName,
    universeSize: rng.int(18, 40),
  };
}

interface BoardReviewResult {
  yaml: YamlMap;
  facts: BoardFacts;
}

/**
 * The board review for fiscal year `year` (contract renewal in June). `fundReturnBp` are the fund's
 * returns for 1, 3 and 5 years in basis points; ranks are drawn within the universe.
 */
export function boardReview(rng: Rng, setup: BoardSetup, opts: {
  periodEnd: string;
  schedule: readonly Tier[];
  commonAssetLevel: Money;
  limitPercent: string;
  capThrough: string;
  waiverInPlay: boolean;
  services: string;
}): BoardReviewResult {
  // The renewal meeting follows the period: its book draws on this period's figures, and a book shows
  // only what was known before its meeting. 38 to 52 days after the period end, over two days.
  const meetingStart = addDays(opts.periodEnd, 30 + setup.meetingDay);
  const meetingEnd = addDays(meetingStart, 1);
  const year = Number(meetingStart.slice(0, 4));
  const month = Number(meetingStart.slice(5, 7));
  const effective = month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1);
  const level = dec(opts.commonAssetLevel);
  // The fund's contractual fee at the common asset level, to 0.001%.
  const fundFee = annualFee(opts.schedule, level).dividedBy(level).toDecimalPlaces(5, Decimal.ROUND_HALF_UP);
  const peers = setup.peers.map((p) => ({
    name: p.name,
    fee: dec(p.feeMilliBp).dividedBy(10_000_000),
    ter: dec(p.terBp + rng.int(-4, 4)).dividedBy(10_000),
  }));
  const feeMedian = median([fundFee, ...peers.map((p) => p.fee)]);
  const feeVsMedian = fundFee.lessThan(feeMedian) ? 'below' : fundFee.greaterThan(feeMedian) ? 'above' : 'at';
  const periods = [1, 3, 5].map((years) => {
    const size = setup.universeSize - Math.floor(years / 2) * rng.int(1, 3);
    const rank = rng.int(1, size);
    const fundBp = rng.int(-350, 650);
    const indexBp = fundBp + rng.int(-120, 120);
    return { years, size, rank, fundBp, indexBp };
  });
  const independent = setup.trustees.filter((t) => t.independent).length;
  const independentShare = `${Math.round((independent * 100) / setup.trustees.length)}%`;
  const yaml: YamlMap = {
    meeting: { start: meetingStart, end: meetingEnd, agreement_effective: effective, term_months: '12' },
    trustees: setup.trustees.map((t) => ({ name: t.name, independent: String(t.independent), chair: t.chair ? 'true' : undefined })),
    expense_group: {
      source: 'Synthetic peer expense group (SYNTHETIC rows)',
      as_of: iso(year - 1, 12, 31),
      common_asset_level: fmtMoney(opts.commonAssetLevel),
      synthetic: 'true',
      fund_contractual_fee: fmtPercent(fundFee, 3),
      peers: peers.map((p) => ({ name: p.name, contractual_fee: fmtPercent(p.fee, 3), total_expense_ratio: fmtPercent(p.ter) })),
    },
    performance_universe: {
      source: 'Synthetic performance universe (SYNTHETIC returns and ranks)',
      as_of: iso(year - 1, 12, 31),
      synthetic: 'true',
      index_name: setup.indexName,
      periods: periods.map((p) => ({
        years: String(p.years),
        fund_return: fmtPercent(dec(p.fundBp).dividedBy(10_000)),
        index_return: fmtPercent(dec(p.indexBp).dividedBy(10_000)),
        rank: String(p.rank),
        universe_size: String(p.size),
      })),
    },
    services: block(`The adviser provides the Trust's investment advisory services: portfolio management, independent credit analysis, investment risk management and oversight of the investment process. ${opts.services}\n`),
    fall_out_benefits: block('The adviser and its affiliates receive fees for administrative services provided to the Trust under contracts the Board reviews each year. They may benefit from soft dollar arrangements on the Trust\'s portfolio brokerage.\n'),
    thresholds: { fee_above_median_bps: '0', worst_acceptable_quintile: '3', cap_ending_within_months: '12', coverage_headroom_minimum: '25%' },
  };
  const facts: BoardFacts = {
    meetingLong: `${longDate(meetingStart).replace(/, \d{4}$/, '')}-${Number(meetingEnd.slice(8))}, ${year}`,
    effectiveLong: longDate(effective),
    feeVsMedian,
    quintiles: periods.map((p) => ({ years: p.years, quintile: quintileOf(p.rank, p.size) })),
    indexComparison: periods.map((p) => ({ years: p.years, relation: p.fundBp > p.indexBp ? 'above' : p.fundBp < p.indexBp ? 'below' : 'at' })),
    capLong: longDate(opts.capThrough),
    capPercent: opts.limitPercent,
    waiverInPlay: opts.waiverInPlay,
    independentShare,
  };
  return { yaml, facts };
}
