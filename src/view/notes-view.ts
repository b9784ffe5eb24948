// The notes to financial statements: the fund's own Markdown, with fundbook's figures in the slots.
import type { Figures } from '../calc/compute.js';
import type { FundPeriod, NoteSlot } from '../load/schema.js';
import { longDate, money, numericDate, percent } from './format.js';
import { cell, TableBuilder, type Table } from './table.js';
import { addDays } from '../calc/period-days.js';

interface NoteBlock {
  markdown?: string;
  paragraphs?: string[];
  table?: Table;
  tableTitle?: string;
  footnotes?: string[];
}

export interface NoteView {
  number: number;
  title: string;
  blocks: NoteBlock[];
}


function periodPhrase(fund: FundPeriod): string {
  return fund.period.label.charAt(0).toLowerCase() + fund.period.label.slice(1);
}

function englishList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}`;
}

function slotBlocks(slot: NoteSlot, fund: FundPeriod, figures: Figures): NoteBlock[] {
  const during = `during the ${periodPhrase(fund)}`;
  const notes = fund.notes_data;
  switch (slot) {
    case 'advisory_fee': {
      const adv = fund.agreements.advisory;
      const flat = adv.schedule.length === 1;
      const intro = `The Trust has entered into a master investment advisory agreement with ${adv.adviser} (${adv.defined_as ?? 'the Adviser'}). Under the terms of the investment advisory agreement, the Trust pays an advisory fee to the Adviser based on the annual rate${flat ? ` ${percent(adv.schedule[0]!.rate)}` : 's below'} of the Trust's ${adv.base_description}.`;
      if (flat) return [{ paragraphs: [intro] }];
      const t = new TableBuilder(1);
      // The schedule's bands as the advisory-fee calculator measured them.
      for (const tier of figures.advisoryFee.tiers) {
        const label = tier.width ? (tier.from.isZero() ? `First $${money(tier.width)}` : `Next $${money(tier.width)}`) : `Over $${money(tier.from)}`;
        t.row(label, [{ text: percent(tier.rate, 3), negative: false, dollar: false }], 'line', 0, undefined, false);
      }
      return [{ paragraphs: [intro] }, { table: t.build([{ label: 'Rate' }]) }];
    }
    case 'expense_limitation': {
      const lim = fund.agreements.expense_limitation;
      const cap = figures.expenseCap;
      if (!lim || !cap) return [];
      const excluded = englishList(lim.excluded.map((e, i) => `(${i + 1}) ${e.description}`));
      const outcome = cap.excess.isZero()
        ? 'The Adviser did not waive fees and/or reimburse expenses during the period under this expense limitation.'
        : `For the ${periodPhrase(fund)}, the Adviser waived advisory fees of $${money(cap.waiver)}${cap.reimbursement.isZero() ? '' : ` and reimbursed expenses of $${money(cap.reimbursement)}`} under this expense limitation.`;
      return [{
        paragraphs: [
          `The Adviser has contractually agreed, through at least ${longDate(lim.through)}, to waive advisory fees and/or reimburse expenses to the extent necessary to limit the Trust's expenses (excluding certain items discussed below) to ${percent(lim.limit)}. In determining the Adviser's obligation to waive advisory fees and/or reimburse expenses, the following expenses are not taken into account, and could cause the Trust's expenses to exceed the limit reflected above: ${excluded}. Unless the Board of Trustees and the Adviser mutually agree to amend or continue the fee waiver agreement, it will terminate on ${longDate(lim.through)}. ${outcome}`,
        ],
      }];
    }
    case 'fair_value_levels': {
      const rows = notes?.fair_value_levels ?? [];
      const t = new TableBuilder(4);
      for (const r of rows) t.row(r.label, [r.level_1, r.level_2, r.level_3, r.total].map((v) => (v.isZero() ? { text: '—', negative: false, dollar: false } : cell(v))));
      return [{ table: t.build([{ label: 'Level 1' }, { label: 'Level 2' }, { label: 'Level 3' }, { label: 'Total' }]) }];
    }
    case 'floating_rate_average': {
      const f = notes?.floating_rate_average;
      if (!f) return [];
      return [{ paragraphs: [`Inverse floating rate obligations resulting from the transfer of bonds to Dealer Trusts are accounted for as secured borrowings. The average floating rate notes outstanding and average annual interest and fees related to inverse floating rate note obligations ${during} were $${money(f.amount)} and ${percent(f.rate)}, respectively.`] }];
    }
    case 'capital_loss_carryforward': {
      const c = notes?.capital_loss_carryforward;
      if (!c) return [];
      const t = new TableBuilder(1);
      for (const r of c.rows) t.row(longDate(r.expires), [cell(r.amount)]);
      t.row('Total capital loss carryforward', [cell(c.total)], 'total');
      return [{ table: t.build([{ label: 'Capital Loss Carryforward*' }], { unitNote: 'Expiration' }), footnotes: ['* Capital loss carryforward as of the date listed above is reduced for limitations, if any, to the extent required by the Internal Revenue Code.'] }];
    }
    case 'purchases_and_sales': {
      const p = notes?.purchases_and_sales;
      if (!p) return [];
      return [{ paragraphs: [`The aggregate amount of investment securities (other than short-term securities, U.S. Treasury obligations and money market funds, if any) purchased and sold by the Trust ${during} was $${money(p.purchases)} and $${money(p.sales)}, respectively.`] }];
    }
    case 'tax_basis_appreciation': {
      const tb = notes?.tax_basis;
      if (!tb) return [];
      const t = new TableBuilder(1);
      t.row('Aggregate unrealized appreciation of investment securities', [cell(tb.appreciation)]);
      t.row('Aggregate unrealized (depreciation) of investment securities', [cell(tb.depreciation)]);
      t.row(`Net unrealized ${tb.net.isNegative() ? 'depreciation' : 'appreciation'} of investment securities`, [cell(tb.net)], 'total');
      return [
        { table: t.build([{ label: '' }]), tableTitle: 'Unrealized Appreciation (Depreciation) of Investment Securities on a Tax Basis' },
        { paragraphs: [`Cost of investments for tax purposes is $${money(tb.cost)}.`] },
      ];
    }
    case 'preferred_series': {
      const pref = fund.preferred_shares;
      if (!pref) return [];
      const t = new TableBuilder(5, [1]);
      for (const s of pref.series) {
        t.row(s.series, [
          cell(s.shares, 'count'),
          cell(s.amount_000),
          { text: percent(s.rate, 3), negative: false, dollar: false },
          { text: numericDate(s.reset_date), negative: false, dollar: false },
          { text: `${percent(s.rate_low, 3).replace('%', '')}–${percent(s.rate_high, 3)}`, negative: false, dollar: false },
        ]);
      }
      return [{
        table: t.build([{ label: 'Shares' }, { label: "Amount (000's omitted)" }, { label: 'Rate†' }, { label: 'Reset Date' }, { label: 'Range of Dividend Rates‡' }], { unitNote: 'Series' }),
        footnotes: [`† As of ${longDate(fund.period.end)}.`, `‡ For the ${periodPhrase(fund)}.`],
      }];
    }
    case 'preferred_transactions': {
      const activity = figures.preferredShareActivity;
      if (!activity) return [];
      const { beginning, retired, outstanding } = activity;
      const t = new TableBuilder(2, [1]);
      t.row(`Outstanding at ${longDate(addDays(fund.period.start, -1))}`, [cell(beginning.shares, 'count'), cell(beginning.value)]);
      t.row('Shares retired', [retired.shares.isZero() ? null : cell(retired.shares.negated(), 'count'), retired.shares.isZero() ? null : cell(retired.value.negated())]);
      t.row(`Outstanding at ${longDate(fund.period.end)}`, [cell(outstanding.shares, 'count'), cell(outstanding.value)], 'total');
      return [{ table: t.build([{ label: 'Shares' }, { label: 'Value' }]) }];
    }
    case 'common_share_transactions': {
      const cols = fund.common_shares ?? [];
      const t = new TableBuilder(cols.length);
      t.row('Beginning shares', cols.map((c) => cell(c.beginning, 'count')), 'line', 0, undefined, false);
      t.row('Shares issued through dividend reinvestment', cols.map((c) => cell(c.issued_through_reinvestment, 'count')), 'line', 0, undefined, false);
      if (cols.some((c) => c.repurchased)) t.row('Shares repurchased', cols.map((c) => cell(c.repurchased?.negated(), 'count')), 'line', 0, undefined, false);
      t.row('Ending shares', cols.map((c) => cell(c.ending, 'count')), 'total', 0, undefined, false);
      return [{ table: t.build(cols.map((c) => ({ label: c.label }))) }];
    }
    case 'dividends_declared': {
      const rows = fund.dividends_declared ?? [];
      const t = new TableBuilder(3);
      for (const d of rows) {
        t.row(longDate(d.declared), [
          { text: `$${money(d.per_share, 4)}`, negative: false, dollar: false },
          { text: longDate(d.record), negative: false, dollar: false },
          { text: longDate(d.payable), negative: false, dollar: false },
        ], 'line', 0, undefined, false);
      }
      return [{ table: t.build([{ label: 'Amount Per Share' }, { label: 'Record Date' }, { label: 'Payable Date' }], { unitNote: 'Declaration Date' }) }];
    }
    case 'financial_highlights':
      return [];
  }
}

export function notesView(fund: FundPeriod, figures: Figures): { notes: NoteView[]; highlightsNote?: number } {
  let highlightsNote: number | undefined;
  const notes: NoteView[] = [];
  for (const note of fund.narrative.notes) {
    if (note.body.some((b) => typeof b !== 'string' && b.slot === 'financial_highlights')) {
      highlightsNote = note.number;
      continue;
    }
    const blocks = note.body.flatMap((b) => (typeof b === 'string' ? [{ markdown: b }] : slotBlocks(b.slot, fund, figures)));
    notes.push({ number: note.number, title: note.title, blocks });
  }
  return { notes, highlightsNote };
}

