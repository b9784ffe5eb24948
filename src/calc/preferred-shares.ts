// The preferred shares' activity for the period at liquidation value (the notes' table of preferred
// share transactions): shares outstanding at the beginning, retired and at the end, each times the
// liquidation preference per share. Pure.
import type { Decimal } from '../decimal.js';
import type { FundPeriod } from '../load/schema.js';
import type { CalculatorPass } from './pass.js';
import { fmtMoney } from './workings-format.js';

interface SharesAtValue {
  shares: Decimal;
  /** shares x liquidation preference per share */
  value: Decimal;
}

export interface PreferredShareActivity {
  beginning: SharesAtValue;
  retired: SharesAtValue;
  outstanding: SharesAtValue;
  workings: string[];
}

export function preferredShareActivity(fund: FundPeriod): PreferredShareActivity | undefined {
  const pref = fund.preferred_shares;
  if (!pref) return undefined;
  const per = pref.liquidation_preference_per_share;
  const at = (shares: Decimal): SharesAtValue => ({ shares, value: shares.times(per) });
  const [beginning, retired, outstanding] = [at(pref.outstanding_beginning), at(pref.shares_retired), at(pref.outstanding)];
  const line = (what: string, s: SharesAtValue) => `${what}: ${fmtMoney(s.shares)} shares x ${fmtMoney(per)} = ${fmtMoney(s.value)}.`;
  return { beginning, retired, outstanding, workings: [line('Outstanding at the beginning', beginning), line('Retired', retired), line('Outstanding at the end', outstanding)] };
}

export const preferredSharesPass = {
  name: 'preferred-shares',
  codes: {},
  lines: [],
  run(fund) {
    const activity = preferredShareActivity(fund);
    return { figures: { preferredShareActivity: activity }, workings: activity?.workings ?? [], diagnostics: [] };
  },
} satisfies CalculatorPass<'preferredShareActivity'>;
