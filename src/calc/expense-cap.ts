// Expense limitation: does the adviser owe a waiver or reimbursement this period, and may it recoup
// earlier waivers? Pure: figures in, figures and workings out.
import { Decimal, ZERO, round, sum } from '../decimal.js';
import type { FundPeriod } from '../load/schema.js';
import { annualise as annualiseOn } from './annualise.js';
import { jsonMoney, jsonRatio, needs, type CalculatorPass } from './pass.js';
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

interface RecoupmentLine {
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
  const annualise = (amount: Decimal) => annualiseOn(amount, adna, days, daysInYear);
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


/** The expense cap as a calculator pass: runs when the file has `agreements.expense_limitation`. */
export const expenseCapPass = {
  name: 'expense-cap',
  codes: { EXPENSE_CAP_WAIVER: 'info' },
  lines: [
    // Without a cap, the gross ratio is still compared: it is the annualised expense ratio.
    { path: 'expenseCap.grossRatio', label: 'Expense ratio, all expenses (computed)', unit: 'ratio', sameAs: 'financial_highlights.current.expense_ratio', value: (f) => f.expenseCap?.grossRatio ?? f.ratios.expenses },
    { path: 'expenseCap.coveredRatio', label: 'Expense ratio under the cap (computed)', unit: 'ratio', value: (f) => f.expenseCap?.coveredRatio },
    { path: 'expenseCap.limit', label: 'Expense limitation', unit: 'ratio', value: (f) => f.expenseCap?.limit },
    { path: 'expenseCap.waiver', label: 'Fees waived under the cap (computed)', unit: 'flow', value: (f) => f.expenseCap?.waiver },
    { path: 'expenseCap.reimbursement', label: 'Expenses reimbursed under the cap (computed)', unit: 'flow', value: (f) => f.expenseCap?.reimbursement },
  ],
  json: ({ expenseCap: cap }) => ({
    expenseCap: cap && {
      limit: jsonRatio(cap.limit),
      grossRatio: jsonRatio(cap.grossRatio),
      coveredRatio: jsonRatio(cap.coveredRatio),
      netRatio: jsonRatio(cap.netRatio),
      headroomBps: round(cap.headroom.times(10_000), 1).toString(),
      coveredExpenses: jsonMoney(cap.coveredExpenses),
      capAmount: jsonMoney(cap.capAmount),
      waiver: jsonMoney(cap.waiver),
      reimbursement: jsonMoney(cap.reimbursement),
      netExpenses: jsonMoney(cap.netExpenses),
      recoupable: jsonMoney(cap.recoupment.recoverable),
      workings: cap.workings,
    },
  }),
  run(fund: FundPeriod, before) {
    const { days, daysInYear } = needs('expense-cap', before, 'days', 'daysInYear');
    const limitation = fund.agreements.expense_limitation;
    const ops = fund.statements.operations;
    const expenseCap = limitation
      ? calculateExpenseCap({
          expenses: { ...ops.expenses, expense_offset: ops.expenses.expense_offset?.abs() },
          totalExpenses: ops.expenses.total,
          excludedKeys: limitation.excluded.map((e) => e.key),
          limit: limitation.limit,
          averageNetAssets: fund.period.average_daily_net_assets,
          days,
          daysInYear,
          advisoryFee: ops.expenses.advisory_fees ?? ZERO,
          periodEnd: fund.period.end,
          recoupmentYears: limitation.recoupment_years,
          priorWaivers: limitation.prior_waivers?.map((w) => ({ waivedOn: w.waived_on, amount: w.amount, capRate: w.cap_rate, recovered: w.recovered })),
        })
      : undefined;
    const diagnostics = expenseCap && !expenseCap.excess.isZero()
      ? [{
          severity: 'info' as const,
          code: 'EXPENSE_CAP_WAIVER',
          message: `covered expenses exceed the ${fmtPct(expenseCap.limit, 2)} cap: waiver ${fmtMoney(expenseCap.waiver)}, reimbursement ${fmtMoney(expenseCap.reimbursement)}`,
          computed: expenseCap.excess.toString(),
          path: ['agreements', 'expense_limitation', 'limit'],
        }]
      : [];
    return { figures: { expenseCap }, workings: expenseCap?.workings ?? [], diagnostics };
  },
} satisfies CalculatorPass<'expenseCap'>;
