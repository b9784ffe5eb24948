// tie-outs.xlsx: the fund accountant's tie-out workbook, written with exceljs. Sheets Figures, Tie-outs,
// Tie-out lines (the lines each tie-out computes from), Findings and (with a period diff) Variances; numbers are numbers with number formats, each sheet has a
// frozen header row and a filter. The same data gives the same bytes: the workbook's dates are the
// period's report date and the zip is re-packed with fixed entry dates (exceljs stamps the clock).
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type JSZipType from 'jszip';
import { fmtMoney } from '../calc/workings-format.js';
import { Decimal } from '../decimal.js';
import type { TieOutRow, WorkbookData } from './workbook-data.js';

type Unit = 'flow' | 'balance' | 'perShare' | 'ratio' | 'count' | 'amount' | 'percent';

// exceljs's main module loads its streaming reader and writer and its CSV support as well, about half a
// CPU-second for each process and preparing thread; fundbook only writes a workbook, so it loads just
// that, and only when a build writes one.
const load = createRequire(import.meta.url);
const workbookClass = () => load('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
const jszip = () => load('jszip') as typeof JSZipType;

/** Decimal places written in the exact decimal string (at most 10). */
function places(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(10, text.length - dot - 1);
}

/** The number format for a value of `unit` written as `text`: as many places as the data has. */
function numberFormat(unit: Unit, text: string): string {
  const dp = places(text);
  if (unit === 'ratio' || unit === 'percent') return `0.${'0'.repeat(Math.max(2, dp - 2))}%`;
  const body = `#,##0${dp > 0 ? `.${'0'.repeat(dp)}` : ''}`;
  return `${body};(${body})`;
}

/**
 * A decimal string as a spreadsheet number. A number cell is an IEEE double by the file format itself:
 * this is the one place a fundbook figure becomes one, at the cell, and it stays Decimal up to here (the
 * exact text is in figures.json and the CSV).
 */
const cellNumber = (text: string | null) => (text === null ? null : Number(text));

function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  headers: { header: string; width: number }[],
  rows: (string | number | boolean | null)[][],
  formats: (rowIndex: number, col: number) => string | undefined,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h) => ({ header: h.header, width: h.width }));
  ws.getRow(1).font = { bold: true };
  rows.forEach((values, i) => {
    const row = ws.addRow(values);
    values.forEach((_, c) => {
      const fmt = formats(i, c);
      if (fmt) row.getCell(c + 1).numFmt = fmt;
    });
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: headers.length } };
  return ws;
}

/** A tie-out's lines in words: `investments at value 282,691,934 + cash 685,354`, or its formula and operands. */
function linesText(t: TieOutRow): string {
  const shown = t.parts.map((x) => `${x.label} ${fmtMoney(new Decimal(x.amount), places(x.amount))}`);
  return t.formula ? `${t.formula}: ${shown.join('; ')}` : shown.join(' + ');
}

export async function tieOutsXlsx(data: WorkbookData): Promise<Uint8Array> {
  const wb = new (workbookClass())();
  const [y, m, d] = data.reportDate.split('-').map(Number) as [number, number, number];
  const stamp = new Date(Date.UTC(y, m - 1, d));
  wb.creator = 'fundbook';
  wb.lastModifiedBy = 'fundbook';
  wb.title = `${data.fundName}: tie-outs, period ended ${data.periodEnd}`;
  wb.created = stamp;
  wb.modified = stamp;

  addSheet(
    wb,
    'Figures',
    [{ header: 'path', width: 60 }, { header: 'label', width: 50 }, { header: 'value', width: 18 }, { header: 'unit', width: 10 }],
    data.figures.map((f) => [f.path, f.label, cellNumber(f.value), f.unit]),
    (i, c) => (c === 2 ? numberFormat(data.figures[i]!.unit, data.figures[i]!.value) : undefined),
  );

  addSheet(
    wb,
    'Tie-outs',
    [
      { header: 'tie-out', width: 60 },
      { header: 'path', width: 60 },
      { header: 'stated', width: 18 },
      { header: 'computed', width: 18 },
      { header: 'difference', width: 14 },
      { header: 'tolerance', width: 11 },
      { header: 'unit', width: 9 },
      { header: 'severity', width: 9 },
      { header: 'ok', width: 6 },
      { header: 'YAML location', width: 40 },
      { header: 'computed from', width: 100 },
    ],
    data.tieOuts.map((t) => [t.label, t.path, cellNumber(t.stated), cellNumber(t.computed), cellNumber(t.difference), cellNumber(t.tolerance), t.unit, t.severity, t.ok, t.location ?? '', linesText(t)]),
    (i, c) => {
      const t = data.tieOuts[i]!;
      const text = [t.stated, t.computed, t.difference, t.tolerance][c - 2];
      return text === undefined ? undefined : numberFormat(t.unit, [t.stated, t.computed].reduce((a, b) => (places(b) > places(a) ? b : a)));
    },
  );

  // One row per line a tie-out computes from; `tie-out row` is the tie-out's row in the Tie-outs sheet.
  const lines = data.tieOuts.flatMap((t, i) => t.parts.map((x) => ({ row: i + 2, tieOut: t.label, ...x })));
  addSheet(
    wb,
    'Tie-out lines',
    [
      { header: 'tie-out row', width: 11 },
      { header: 'tie-out', width: 60 },
      { header: 'line', width: 50 },
      { header: 'amount', width: 18 },
      { header: 'path', width: 60 },
      { header: 'YAML location', width: 40 },
    ],
    lines.map((x) => [x.row, x.tieOut, x.label, cellNumber(x.amount), x.path, x.location ?? '']),
    (i, c) => (c === 3 ? numberFormat('amount', lines[i]!.amount) : undefined),
  );

  addSheet(
    wb,
    'Findings',
    [
      { header: 'severity', width: 9 },
      { header: 'code', width: 24 },
      { header: 'path', width: 60 },
      { header: 'message', width: 100 },
      { header: 'stated', width: 16 },
      { header: 'computed', width: 16 },
      { header: 'YAML location', width: 40 },
    ],
    data.findings.map((f) => [f.severity, f.code, f.path, f.message, f.stated, f.computed, f.location]),
    () => undefined,
  );

  if (data.variances) {
    const v = data.variances;
    addSheet(
      wb,
      'Variances',
      [
        { header: 'path', width: 60 },
        { header: 'label', width: 50 },
        { header: 'unit', width: 9 },
        { header: 'previous', width: 18 },
        { header: 'current', width: 18 },
        { header: 'change', width: 16 },
        { header: 'change %', width: 10 },
        { header: 'change (bps)', width: 12 },
        { header: 'flagged', width: 8 },
        { header: 'explanation', width: 60 },
      ],
      v.map((r) => [r.path, r.label, r.unit, cellNumber(r.previous), cellNumber(r.current), cellNumber(r.change), cellNumber(r.changePercent), cellNumber(r.changeBps), r.flagged, r.explanation]),
      (i, c) => {
        const r = v[i]!;
        if (c >= 3 && c <= 5) return numberFormat(r.unit, [r.previous ?? '', r.current ?? '', r.change].reduce((a, b) => (places(b) > places(a) ? b : a)));
        if (c === 6) return '0.0%';
        if (c === 7) return '0.00';
        return undefined;
      },
    );
  }

  // Stored, not compressed: repack compresses each entry once, for the file as written.
  return repack(new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })), new Date(y, m - 1, d));
}

/** The same zip with every entry dated `date` (zip dates are local time) and no folder entries. */
async function repack(xlsx: Uint8Array, date: Date): Promise<Uint8Array> {
  const JSZip = jszip();
  const zip = await JSZip.loadAsync(xlsx);
  const out = new JSZip();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name]!;
    if (!entry.dir) out.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
