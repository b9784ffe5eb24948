// Statement tables as the templates receive them: rows of labelled, already-formatted cells. The
// conventions of financial statements are decided here, once: negatives in parentheses, "$" on a
// column's first figure and on totals, a single rule above subtotals, single above and double below totals.
import type { Decimal } from '../decimal.js';
import { money, percent } from './format.js';

interface Cell {
  text: string;
  negative: boolean;
  dollar: boolean;
  marks?: string;
  /** `text` cut for print: the figure, and what hangs right of the column's figure edge (")", "%", ")%"). */
  figure?: string;
  suffix?: string;
}

/** "(6.78)%" -> ["(6.78", ")%"]: a column's figures align on their last digit, closing marks hang. */
function splitFigure(text: string): { figure: string; suffix: string } {
  const m = /^(.*?)([)%]*)$/.exec(text)!;
  return { figure: m[1]!, suffix: m[2]! };
}

type RowStyle = 'heading' | 'line' | 'subtotal' | 'total';

interface Row {
  label: string;
  labelMarks?: string;
  style: RowStyle;
  indent: number;
  cells: (Cell | null)[];
}

export interface Table {
  columns: { label: string; group?: string }[];
  /** Column-group headers spanning several columns, e.g. "Year ended October 31,". */
  groups?: { label: string; span: number }[];
  rows: Row[];
  /** Text over the label column, e.g. "Series". */
  unitNote?: string;
  /** Whether any column has a header to print. */
  header: boolean;
  /** Whether any cell carries footnote marks (they hang right of the figures, keeping them aligned). */
  hasMarks: boolean;
  /** Whether any figure ends in "%" (the hanging space right of the figures then fits ")%"). */
  hasPercent: boolean;
}

type Figure = Decimal | undefined | null;
export type Kind = 'money' | 'perShare' | 'percent' | 'count' | 'money2';

export function cell(value: Figure, kind: Kind = 'money', cellMarks?: string): Cell | null {
  if (value === undefined || value === null) return null;
  const text =
    kind === 'percent' ? percent(value) : kind === 'perShare' || kind === 'money2' ? money(value, 2) : money(value, 0);
  return { text, negative: value.isNegative() && !value.isZero(), dollar: false, marks: cellMarks };
}

export class TableBuilder {
  private readonly rows: Row[] = [];
  private readonly seenFigure: boolean[] = [];

  /** `dollarColumns`: the columns whose figures are money (all, when not given). */
  constructor(
    private readonly width: number,
    private readonly dollarColumns?: readonly number[],
  ) {}

  heading(label: string, indent = 0): this {
    this.rows.push({ label, style: 'heading', indent, cells: Array(this.width).fill(null) });
    return this;
  }

  /**
   * Add a row. With `dollars` true, the first figure in each column and every total carries the "$";
   * with 'all', every figure of this row does; with false, none.
   */
  row(label: string, cells: (Cell | null)[], style: RowStyle = 'line', indent = 0, labelMarks?: string, dollars: boolean | 'all' = true): this {
    const withDollar = cells.map((c, i) => {
      if (!c) return null;
      const first = !this.seenFigure[i];
      this.seenFigure[i] = true;
      const moneyColumn = !this.dollarColumns || this.dollarColumns.includes(i);
      return { ...c, ...splitFigure(c.text), dollar: dollars === 'all' || (dollars && moneyColumn && (first || style === 'total')) };
    });
    this.rows.push({ label, labelMarks, style, indent, cells: withDollar });
    return this;
  }

  /** Start a new section whose first figure carries "$" again (e.g. "Net assets consist of"). */
  restartDollars(): this {
    this.seenFigure.length = 0;
    return this;
  }

  build(columns: Table['columns'], extra: Pick<Partial<Table>, 'groups' | 'unitNote'> = {}): Table {
    const header = Boolean(extra.unitNote) || columns.some((c) => c.label !== '') || Boolean(extra.groups);
    const hasMarks = this.rows.some((r) => r.cells.some((c) => c?.marks));
    const hasPercent = this.rows.some((r) => r.cells.some((c) => c?.suffix?.includes('%')));
    return { columns, rows: this.rows, header, hasMarks, hasPercent, ...extra };
  }
}
