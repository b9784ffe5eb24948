// `npm run bench`: fundbook's costs measured side by side in one run (the machine is shared and noisy,
// so only ratios taken in the same run mean much). Prints a table; see docs/performance.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildFund } from '../build/build-fund.js';
import { computeFigures } from '../calc/compute.js';
import { loadFundFile } from '../load/load-fund.js';
import { launchBrowser } from '../render/browser.js';
import { printPdf } from '../render/print.js';
import { compileDocument } from '../render/templates.js';
import { reportView } from '../view/report-view.js';
import { renderPaged } from '../build/render-document.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

const rows: [string, string][] = [];
const row = (what: string, value: string) => {
  rows.push([what, value]);
  console.log(`${what.padEnd(64)} ${value}`);
};

const browser = await launchBrowser();
const out = mkdtempSync(join(tmpdir(), 'fundbook-bench-'));
try {
  const version = await browser.version();
  console.log(`fundbook bench: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${version}, node ${process.version}, ${ROUNDS} rounds\n`);

  // The final HTML of the IQM report, contents page numbers filled in, as `fundbook build` prints it.
  const loaded = loadFundFile(IQM);
  const fund = loaded.fund!;
  const figures = computeFigures(fund);
  const doc = compileDocument('shareholder-report');
  const { html, pdf } = await renderPaged(browser, doc, reportView(fund, figures));

  // Data stage alone: load + compute + view model + HTML.
  const data: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const l = loadFundFile(IQM);
    const f = computeFigures(l.fund!);
    doc.render(reportView(l.fund!, f));
    data.push(performance.now() - start);
  }

  // Interleave the measurements so drift on a shared machine hits each alike.
  const bare: number[] = [];
  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push((await time(() => printPdf(browser, html)))[0]);
    warm.push((await time(() => buildFund(browser, version, IQM, { outDir: join(out, 'warm'), only: 'report' })))[0]);
    rmSync(join(out, 'cold'), { recursive: true, force: true });
    cold.push((await time(() => buildFund(browser, version, IQM, { outDir: join(out, 'cold'), only: 'report' })))[0]);
  }
  const ms = (v: number) => `${Math.trunc(v)} ms`;
  row('IQM data stage (load, compute, view model, HTML), median', ms(median(data)));
  row('IQM bare Chromium page.pdf() of the same HTML, median', ms(median(bare)));
  row('IQM fundbook build, previous build present (1 print), median', ms(median(warm)));
  row('IQM fundbook build, first build (untagged layout probe + final print), median', ms(median(cold)));
  row('  ratio: build with previous build / bare print', `${(median(warm) / median(bare)).toPrecision(3)}x`);
  row('  ratio: first build / bare print', `${(median(cold) / median(bare)).toPrecision(3)}x`);
  row('IQM shareholder report size (tagged, bookmarks)', `${Math.round(pdf.length / 1024)} KB`);
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
