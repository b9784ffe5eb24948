// The fund's senior securities as one list, however the file writes them: the statement of assets and
// liabilities' `senior_securities` list, or the older way (liabilities.borrowings as debt, preferred
// shares at liquidation value below total liabilities, described by the top-level preferred_shares
// section). Every calculator and view reads this list, so the two ways of writing agree. Pure.
import { Decimal } from '../decimal.js';
import type { DataPath } from '../load/locate.js';
import type { FundPeriod, SeniorSecurityKind } from '../load/schema.js';

export interface SeniorSecurity {
  kind: SeniorSecurityKind;
  label: string;
  /** Principal of debt; liquidation value of preferred shares. */
  amount: Decimal;
  shares?: Decimal;
  liquidationPerShare?: Decimal;
  /** Carried within total liabilities. */
  liability: boolean;
  /** Where the amount is written. */
  path: DataPath;
}

const KIND_LABELS: Record<SeniorSecurityKind, string> = {
  notes_payable: 'Notes payable',
  credit_facility: 'Borrowings under credit facility',
  preferred_shares: 'Preferred shares',
};

export const isDebt = (s: SeniorSecurity): boolean => s.kind !== 'preferred_shares';

export function seniorSecurities(fund: FundPeriod): SeniorSecurity[] {
  const sal = fund.statements.assets_and_liabilities;
  const salPath = ['statements', 'assets_and_liabilities'];
  if (sal.senior_securities) {
    return sal.senior_securities.map((s, i) => ({
      kind: s.kind,
      label: s.label ?? KIND_LABELS[s.kind],
      amount: s.amount,
      shares: s.shares,
      liquidationPerShare: s.liquidation_preference_per_share,
      liability: s.liability,
      path: [...salPath, 'senior_securities', i, 'amount'],
    }));
  }
  const list: SeniorSecurity[] = [];
  const borrowings = sal.liabilities.borrowings;
  if (borrowings) {
    list.push({ kind: 'credit_facility', label: 'Borrowings', amount: borrowings, liability: true, path: [...salPath, 'liabilities', 'borrowings'] });
  }
  const pref = fund.preferred_shares;
  if (pref) {
    list.push({
      kind: 'preferred_shares',
      label: pref.kind,
      amount: pref.outstanding.times(pref.liquidation_preference_per_share),
      shares: pref.outstanding,
      liquidationPerShare: pref.liquidation_preference_per_share,
      liability: false,
      path: ['preferred_shares', 'outstanding'],
    });
  }
  return list;
}
