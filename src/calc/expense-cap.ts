// Expense limitation: does the adviser owe a waiver or reimbursement this period, and may it recoup
// earlier waivers? Pure: figures in, figures and workings out.
import { Decimal, ZERO, sum } from '../decimal.js';
import { fmtBps, fmtMoney, fmtPct } from './workings-format.js';
import { addYears } from './period-days.js';

export interface PriorWaiver {
  waivedOn: string;
  amount: Decimal;
  /** The expense cap in force when the waiver was made; recoupment may not take expenses above it. */
  capRate: Decimal;
  recovered?: Decimal;
}

export interface ExpenseCapInput {
  /** Expense lines by key (the Statement of Operations), before any waiver. */
  expenses: Readonly<Record<string, Decimal | undefined>>;
  totalExpenses: Decimal;
  /** Keys of the expenses the agreement leaves out of the cap. */
  excludedKeys: readonly string[];
  limit: Decimal;
  averageNetAssets: Decimal;
  days: number;
  daysInYear: number;
  /** The advisory fee for the period: a waiver comes out of it first. */
  advisoryFee: Decimal;
  periodEnd: string;
  recoupmentYears?: number;
  priorWaivers?: readonly PriorWaiver[];
}

export interface RecoupmentLine {
  waivedOn: string;
  amount: Decimal;
  capRate: Decimal;
  expiresOn: string;
  expired: boolean;
  recoverableNow: Decimal;
}

export interface ExpenseCapResult {
  grossRatio: Decimal;
  excludedExpenses: Decimal;
  coveredExpenses: Decimal;
  coveredRatio: Decimal;
  limit: Decimal;
  capAmount: Decimal;
  excess: Decimal;
  waiver: Decimal;
  reimbursement: Decimal;
  netExpenses: Decimal;
  netRatio: Decimal;
  netCoveredRatio: Decimal;
  headroom: Decimal;
  recoupment: { ledger: RecoupmentLine[]; recoverable: Decimal };
  workings: string[];
}

export function calculateExpenseCap(input: ExpenseCapInput): ExpenseCapResult {
  const { averageNetAssets: adna, days, daysInYear, limit } = input;
  const annualise = (amount: Decimal) => amount.dividedBy(adna).times(daysInYear).dividedBy(days);
  const forPeriod = (rate: Decimal) => rate.times(adna).times(days).dividedBy(daysInYear);

  const excludedExpenses = sum(input.excludedKeys.map((k) => input.expenses[k] ?? ZERO));
  const coveredExpenses = input.totalExpenses.minus(excludedExpenses);
  const grossRatio = annualise(input.totalExpenses);
  const coveredRatio = annualise(coveredExpenses);
  const capAmount = forPeriod(limit);
  const excess = Decimal.max(ZERO, coveredExpenses.minus(capAmount));
  const waiver = Decimal.min(excess, Decimal.max(ZERO, input.advisoryFee));
  const reimbursement = excess.minus(waiver);
  const netExpenses = input.totalExpenses.minus(excess);
  const netCovered = coveredExpenses.minus(excess);

  // Recoupment: only while under the cap now, only within the agreement's window, and never above the
  // cap that was in force when the waiver was made.
  const ledger: RecoupmentLine[] = [];
  let recoverable = ZERO;
  let expensesAfter = netCovered;
  const years = input.recoupmentYears;
  for (const w of [...(input.priorWaivers ?? [])].sort((a, b) => a.waivedOn.localeCompare(b.waivedOn))) {
    const expiresOn = years === undefined ? w.waivedOn : addYears(w.waivedOn, years);
    const expired = years === undefined || expiresOn < input.periodEnd;
    let now = ZERO;
    if (!expired) {
      const outstanding = w.amount.minus(w.recovered ?? ZERO);
      const roomUnderCap = Decimal.min(forPeriod(limit), forPeriod(w.capRate)).minus(expensesAfter);
      now = Decimal.max(ZERO, Decimal.min(outstanding, roomUnderCap));
      expensesAfter = expensesAfter.plus(now);
      recoverable = recoverable.plus(now);
    }
    ledger.push({ waivedOn: w.waivedOn, amount: w.amount, capRate: w.capRate, expiresOn, expired, recoverableNow: now });
  }

  const workings = [
    `Average daily net assets ${fmtMoney(adna)}; ${days} days; annualised on actual/${daysInYear}.`,
    `Total expenses ${fmtMoney(input.totalExpenses)} / ${fmtMoney(adna)} x ${daysInYear}/${days} = ${fmtPct(grossRatio, 4)} (gross ratio).`,
    `Excluded by the agreement: ${input.excludedKeys.join(', ')} = ${fmtMoney(excludedExpenses)}.`,
    `Covered expenses ${fmtMoney(input.totalExpenses)} - ${fmtMoney(excludedExpenses)} = ${fmtMoney(coveredExpenses)}; ratio ${fmtPct(coveredRatio, 4)}.`,
    `Cap for the period ${fmtPct(limit, 2)} x ${fmtMoney(adna)} x ${days}/${daysInYear} = ${fmtMoney(capAmount, 2)}.`,
    excess.isZero()
      ? `Covered expenses are ${fmtMoney(capAmount.minus(coveredExpenses), 2)} under the cap: no waiver or reimbursement is required.`
      : `Excess over the cap ${fmtMoney(excess, 2)}: waiver from the advisory fee ${fmtMoney(waiver, 2)}, reimbursement ${fmtMoney(reimbursement, 2)}.`,
    `Headroom: cap ${fmtPct(limit, 2)} - covered ratio ${fmtPct(coveredRatio, 4)} = ${fmtBps(limit.minus(coveredRatio).times(10_000))}.`,
  ];
  if (ledger.length > 0) workings.push(`Recoupable now from prior waivers: ${fmtMoney(recoverable, 2)}.`);

  return {
    grossRatio,
    excludedExpenses,
    coveredExpenses,
    coveredRatio,
    limit,
    capAmount,
    excess,
    waiver,
    reimbursement,
    netExpenses,
    netRatio: annualise(netExpenses),
    netCoveredRatio: annualise(netCovered),
    headroom: limit.minus(coveredRatio),
    recoupment: { ledger, recoverable },
    workings,
  };
}

