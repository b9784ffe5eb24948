// IQM's tie-out workbook, read back with exceljs itself: every sheet, numbers as numbers with their
// formats, frozen header rows and filters, and the same bytes from the same data.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeFigures } from '../calc/compute.js';
import { diffPeriods } from '../diff/period-diff.js';
import { loadFundFile } from '../load/load-fund.js';
import { tieOutsXlsx } from './tie-outs-xlsx.js';
import { workbookData } from './workbook-data.js';

const loaded = loadFundFile('data/iqm/2011-08-31.yaml');
const fund = loaded.fund!;
const figures = computeFigures(fund);
const prior = loadFundFile('data/iqm/2011-02-28.yaml').fund!;
const diff = diffPeriods({ fund: prior, figures: computeFigures(prior), file: 'prior' }, { fund, figures, file: 'current' });

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((r) => rows.push(r));
  return rows;
};

describe('tie-outs.xlsx for IQM 2011-08-31', async () => {
  const bytes = await tieOutsXlsx(workbookData(fund, figures, loaded.locate, diff.variances));
  const wb = await read(bytes);

  it('has the sheets Figures, Tie-outs, Tie-out lines, Findings and Variances, each with a frozen, filtered header row', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Figures', 'Tie-outs', 'Tie-out lines', 'Findings', 'Variances']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it('lists all 159 tie-outs, stated, computed and difference as numbers, with the YAML location', () => {
    const ws = wb.getWorksheet('Tie-outs')!;
    const rows = rowsOf(ws);
    expect(rows[0]!.values).toEqual([undefined, 'tie-out', 'path', 'stated', 'computed', 'difference', 'tolerance', 'unit', 'severity', 'ok', 'YAML location', 'computed from']);
    const body = rows.slice(1);
    expect(body).toHaveLength(159);
    for (const r of body) {
      for (const c of [3, 4, 5, 6]) expect(typeof r.getCell(c).value, `${r.getCell(1).value} column ${c}`).toBe('number');
    }
    // The first tie-out: total assets foot, stated $286,382,448 (the filing's statement of assets and liabilities).
    const total = body.find((r) => r.getCell(1).value === 'Total assets foot')!;
    expect(total.getCell(2).value).toBe('statements.assets_and_liabilities.assets.total_assets');
    expect(total.getCell(3).value).toBe(286382448);
    expect(total.getCell(4).value).toBe(286382448);
    expect(total.getCell(5).value).toBe(0);
    expect(total.getCell(3).numFmt).toBe('#,##0;(#,##0)');
    expect(total.getCell(10).value).toMatch(/^data\/iqm\/2011-08-31\.yaml:\d+:\d+$/);
    // Two fail, both printed percentages of net assets (New Mexico 0.88%, Rhode Island 0.80%).
    const failed = body.filter((r) => r.getCell(9).value === false);
    expect(failed.map((r) => [r.getCell(3).value, r.getCell(4).value, r.getCell(3).numFmt])).toEqual([
      [0.0088, 0.0087, '0.00%'],
      [0.008, 0.0079, '0.00%'],
    ]);
  });

  it("shows each tie-out's lines: in words on the Tie-outs sheet, one numeric row each on Tie-out lines", () => {
    const tieOuts = rowsOf(wb.getWorksheet('Tie-outs')!);
    const total = tieOuts.findIndex((r) => r.getCell(1).value === 'Total assets foot');
    // The filing's statement of assets and liabilities: 282,691,934 + 685,354 + 2,983,346 + 2,528 + 19,286 = 286,382,448.
    expect(tieOuts[total]!.getCell(11).value).toBe('investments at value 282,691,934 + cash 685,354 + receivable interest 2,983,346 + deferred compensation investment 2,528 + other assets 19,286');
    const nav = tieOuts.find((r) => r.getCell(2).value === 'statements.assets_and_liabilities.nav_per_share')!;
    expect(nav.getCell(11).value).toBe('net assets / common shares outstanding: net assets 194,748,628; common shares outstanding 13,454,169');
    const lines = rowsOf(wb.getWorksheet('Tie-out lines')!);
    expect(lines[0]!.values).toEqual([undefined, 'tie-out row', 'tie-out', 'line', 'amount', 'path', 'YAML location']);
    const ofTotal = lines.filter((r) => r.getCell(1).value === total + 1);
    expect(ofTotal.map((r) => [r.getCell(3).value, r.getCell(4).value])).toEqual([
      ['investments at value', 282691934], ['cash', 685354], ['receivable interest', 2983346], ['deferred compensation investment', 2528], ['other assets', 19286],
    ]);
    for (const r of ofTotal) expect(r.getCell(6).value).toMatch(/^data\/iqm\/2011-08-31\.yaml:\d+:\d+$/);
    expect(ofTotal[0]!.getCell(4).numFmt).toBe('#,##0;(#,##0)');
    // Every line of every tie-out is a row, and each row's amount is a number.
    expect(lines.length - 1).toBe(figures.tieOuts.reduce((n, t) => n + t.parts.length, 0));
    for (const r of lines.slice(1)) expect(typeof r.getCell(4).value).toBe('number');
  });

  it('has one Figures row per figure path, values as numbers with their unit and format', () => {
    const ws = wb.getWorksheet('Figures')!;
    const body = rowsOf(ws).slice(1);
    const byPath = new Map(body.map((r) => [r.getCell(1).value as string, r]));
    expect(byPath.size).toBe(body.length);
    const net = byPath.get('statements.assets_and_liabilities.net_assets')!;
    expect(net.getCell(3).value).toBe(Number(fund.statements.assets_and_liabilities.net_assets.toString()));
    expect(net.getCell(4).value).toBe('balance');
    expect(net.getCell(3).numFmt).toBe('#,##0;(#,##0)');
    const ratio = byPath.get('figures.expenseCap.grossRatio')!;
    expect(ratio.getCell(4).value).toBe('ratio');
    expect(ratio.getCell(3).numFmt).toMatch(/%$/);
  });

  it('has the findings check prints (IQM\'s warnings, no error) and the diff\'s variances', () => {
    const findings = rowsOf(wb.getWorksheet('Findings')!).slice(1);
    expect(findings.map((r) => r.getCell(1).value)).toEqual(figures.findings.map((f) => f.severity));
    expect(findings.filter((r) => r.getCell(1).value === 'warning').length).toBeGreaterThanOrEqual(8);
    expect(findings.find((r) => r.getCell(2).value === 'QUORUM_NOT_MET')?.getCell(7).value).toMatch(/^data\/iqm\/2011-08-31\.yaml:\d+:20$/);
    const variances = rowsOf(wb.getWorksheet('Variances')!).slice(1);
    expect(variances).toHaveLength(diff.variances.length);
    expect(variances.some((r) => r.getCell(9).value === true)).toBe(true);
  });

  it('is the same bytes when written again', async () => {
    const again = await tieOutsXlsx(workbookData(fund, figures, loaded.locate, diff.variances));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
