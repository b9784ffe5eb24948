// A calculator as a named pass (Beancount's plugin list is the model): it takes the fund and the figures
// of the passes before it and returns its figures, workings and diagnostics. It declares the codes it
// raises (each with its one severity), the figure lines it reports (which the period diff compares and
// docs/figures-json.md lists) and its part of figures.json. The list is in passes.ts.
import { round, type Decimal } from '../decimal.js';
import type { Diagnostic, Severity } from '../diagnostic.js';
import type { Locator } from '../load/locate.js';
import type { FundPeriod } from '../load/schema.js';
import type { Figures } from './compute.js';

/**
 * flow: money over the period (income, expenses, gains, distributions, purchases and sales), compared
 * per day when the two periods differ in length; balance: money at the period's end; ratio: a fraction
 * (ratios, rates, returns, coverage), compared in basis points; perShare: dollars per share, compared in
 * cents; count: shares and holdings.
 */
export type FigureUnit = 'flow' | 'balance' | 'ratio' | 'perShare' | 'count';

/** What a figure line is and how the period diff compares it. */
export interface FigureDeclaration {
  label: string;
  unit: FigureUnit;
  /** A per-share amount earned or paid over the period (financial highlights): compared per day. */
  perDay?: boolean;
  /** Ratio changes read in percentage points (returns, coverage) rather than basis points. */
  points?: boolean;
  /** The figure is printed first at this key: compared there, referenced here when the two agree. */
  sameAs?: string;
  /** This line is `sameAs` divided by this (a figure in thousands). */
  scale?: number;
}

/** A figure a pass reports: its path in figures.json (the diff's key is `figures.<path>`) and its value. */
export interface FigureLineDeclaration extends FigureDeclaration {
  path: string;
  value(figures: Figures): Decimal | undefined;
}

/** The figures the passes have produced so far. */
export type FiguresSoFar = Readonly<Partial<Figures>>;

export interface PassOutput<K extends keyof Figures> {
  figures: Pick<Figures, K>;
  workings: string[];
  diagnostics: Diagnostic[];
}

export interface CalculatorPass<K extends keyof Figures = keyof Figures, J extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  /** Every code the pass raises, with its one severity. */
  codes: Readonly<Record<string, Severity>>;
  /** The figure lines it reports, in the order the diff lists them. */
  lines: readonly FigureLineDeclaration[];
  /** Its part of figures.json: top-level keys in the order they print (absent: it has none). */
  json?(figures: Figures, fund: FundPeriod, locate?: Locator): J;
  run(fund: FundPeriod, before: FiguresSoFar): PassOutput<K>;
}

/** The figures a pass needs from the passes before it (a pass listed too early is a programming error). */
export function needs<K extends keyof Figures>(pass: string, before: FiguresSoFar, ...keys: K[]): Pick<Figures, K> {
  for (const k of keys) {
    if (!(k in before)) throw new Error(`calculator pass ${pass} needs ${String(k)}, which no pass before it produces`);
  }
  return before as Pick<Figures, K>;
}

// figures.json's presentation of a decimal (docs/figures-json.md, Conventions).
/** Exact, as decimal text. */
export const jsonDecimal = (d: Decimal | undefined) => (d === undefined ? null : d.toString());
/** Money at the filing's whole-dollar presentation. */
export const jsonMoney = (d: Decimal | undefined) => (d === undefined ? null : round(d, 0).toString());
/** A ratio at the filing's 0.01% presentation, as a fraction. */
export const jsonRatio = (d: Decimal | undefined) => (d === undefined ? null : round(d, 4).toString());
