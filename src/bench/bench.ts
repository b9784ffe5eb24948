// `npm run bench`: fundbook's costs measured side by side in one run (the machine is shared and noisy,
// so only ratios taken in the same run mean much). Prints a table; results go to docs/performance.md.
//   BENCH_ROUNDS=7 (single-fund rounds)   BENCH_COMPLEX=20 (funds per throughput run)   BENCH_BIG=100
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildAll } from '../build/build-all.js';
import { diffJson } from '../build/build-diff.js';
import { buildFund, compiledDocument } from '../build/build-fund.js';
import { fillContentsPages, placeholderHtml, renderPaged } from '../build/render-document.js';
import { computeFigures } from '../calc/compute.js';
import { diffPeriods } from '../diff/period-diff.js';
import { findInputs } from '../load/find-inputs.js';
import { loadFundFile } from '../load/load-fund.js';
import { launchBrowser } from '../render/browser.js';
import { printPdf } from '../render/print.js';
import { diffView } from '../view/diff-view.js';
import { reportView } from '../view/report-view.js';
import { samplePeak } from './memory.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const IQM_PREVIOUS = 'data/iqm/2011-02-28.yaml';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const COMPLEX = Number(process.env.BENCH_COMPLEX ?? 20);
const BIG = Number(process.env.BENCH_BIG ?? 100);
const COMPLEX_ROUNDS = Number(process.env.BENCH_COMPLEX_ROUNDS ?? 3);
const quiet = () => undefined;

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

const ms = (v: number) => `${Math.trunc(v)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toPrecision(3)}x`;
const row = (what: string, value: string) => console.log(`${what.padEnd(78)} ${value}`);

/**
 * Print `htmls` with one fresh browser and `inFlight` pages at once; documents per second. The browser's
 * launch is inside the time, as it is in a `fundbook build` run.
 */
async function barePrint(htmls: string[], inFlight: number): Promise<number> {
  const start = performance.now();
  const browser = await launchBrowser();
  try {
    let next = 0;
    await Promise.all(Array.from({ length: inFlight }, async () => {
      while (next < htmls.length) await printPdf(browser, htmls[next++]!);
    }));
    return htmls.length / ((performance.now() - start) / 1000);
  } finally {
    await browser.close();
  }
}

function generate(funds: number, dir: string): string[] {
  execFileSync('node', ['dist/synthetic/gen-complex.js', '--funds', String(funds), '--periods', '1', '--seed', '42', '--out', dir]);
  return findInputs([dir]);
}

const work = mkdtempSync(join(tmpdir(), 'fundbook-bench-'));
const browser = await launchBrowser();
try {
  const version = await browser.version();
  console.log(`fundbook bench: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ${version}, node ${process.version}\n`);

  // ---- one fund: the IQM shareholder report ----------------------------------------------------
  const loaded = loadFundFile(IQM);
  const figures = computeFigures(loaded.fund!);
  const doc = compiledDocument('shareholder-report');
  const iqmView = reportView(loaded.fund!, figures);
  const { pdf, pages } = await renderPaged(browser, placeholderHtml(doc, iqmView), iqmView.sections.map((s) => s.title));
  const html = fillContentsPages(placeholderHtml(doc, iqmView), pages);
  const data: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const l = loadFundFile(IQM);
    placeholderHtml(doc, reportView(l.fund!, computeFigures(l.fund!)));
    data.push(performance.now() - start);
  }
  const bare: number[] = [];
  const built: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bare.push((await time(() => printPdf(browser, html)))[0]);
    built.push((await time(() => buildFund(browser, version, IQM, { outDir: join(work, 'one'), only: 'report' })))[0]);
  }
  console.log(`One fund: IQM shareholder report, ${ROUNDS} rounds, medians`);
  row('data stage (load, compute, view model, HTML)', ms(median(data)));
  row('bare Chromium page.pdf() of the same HTML (tagged, bookmarks)', ms(median(bare)));
  row('fundbook build --only report (one print, contents numbers written in)', `${ms(median(built))}  ${ratio(median(built), median(bare))} of bare`);

  // ---- the period diff's data part --------------------------------------------------------------
  const cpu = process.cpuUsage();
  const started = performance.now();
  const prev = loadFundFile(IQM_PREVIOUS);
  const curr = loadFundFile(IQM);
  const d = diffPeriods({ fund: prev.fund!, figures: computeFigures(prev.fund!), file: IQM_PREVIOUS }, { fund: curr.fund!, figures: computeFigures(curr.fund!), file: IQM });
  diffView(d);
  diffJson(d);
  const used = process.cpuUsage(cpu);
  console.log('\nPeriod diff, IQM 2011-02-28 -> 2011-08-31');
  row('data part (load both, compute, compare, view model, JSON): CPU time', ms((used.user + used.system) / 1000));
  row('  wall time', ms(performance.now() - started));

  // ---- a fund complex: throughput ---------------------------------------------------------------
  const complex = generate(COMPLEX, join(work, 'complex'));
  const htmls: string[] = [];
  for (const input of complex) {
    const l = loadFundFile(input);
    const view = reportView(l.fund!, computeFigures(l.fund!));
    const first = placeholderHtml(doc, view);
    htmls.push(fillContentsPages(first, (await renderPaged(browser, first, view.sections.map((s) => s.title))).pages));
  }
  await browser.close();
  console.log(`\nA ${complex.length}-fund synthetic complex, shareholder reports only (documents/second, a fresh browser per run;`);
  console.log(`runs interleaved, ${COMPLEX_ROUNDS} rounds, medians)`);
  const runs: Record<string, number[]> = {};
  const add = (key: string, rate: number) => (runs[key] ??= []).push(rate);
  const fundbookRate = async (c: number, round: number) => {
    const out = join(work, `complex-out-${c}-${round}`);
    const [t] = await time(() => buildAll(complex, { outDir: out, only: 'report', diff: false, concurrency: c, progress: false }, quiet));
    return complex.length / (t / 1000);
  };
  for (let round = 0; round < COMPLEX_ROUNDS; round++) {
    add('bare1', await barePrint(htmls, 1));
    add('bare2', await barePrint(htmls, 2));
    for (const c of [1, 2, 4]) add(`fundbook${c}`, await fundbookRate(c, round));
  }
  const m = (key: string) => median(runs[key]!);
  row('bare Chromium, 1 page in flight', `${m('bare1').toPrecision(3)} docs/s`);
  row('bare Chromium, 2 pages in flight', `${m('bare2').toPrecision(3)} docs/s  (${ratio(m('bare2'), m('bare1'))} of 1)`);
  for (const c of [1, 2, 4]) row(`fundbook build, concurrency ${c}`, `${m(`fundbook${c}`).toPrecision(3)} docs/s  (${ratio(m(`fundbook${c}`), m('fundbook1'))} of concurrency 1)`);
  row('  ratio: fundbook at concurrency 1 / bare Chromium at 1 in flight', ratio(m('fundbook1'), m('bare1')));
  row('  ratio: fundbook at concurrency 2 / bare Chromium at 2 in flight', ratio(m('fundbook2'), m('bare2')));

  // ---- memory over a big batch --------------------------------------------------------------------
  console.log(`\nPeak PSS (node + Chromium) over batches of 10 and ${BIG} funds, concurrency 2`);
  const big = generate(BIG, join(work, 'big'));
  const peaks: Record<number, ReturnType<ReturnType<typeof samplePeak>>> = {};
  for (const n of [10, BIG]) {
    const stop = samplePeak();
    await buildAll(big.slice(0, n), { outDir: join(work, `big-out-${n}`), only: 'report', diff: false, concurrency: 2, progress: false }, quiet);
    peaks[n] = stop();
    row(`${n} funds: peak PSS node / Chromium / together`, `${Math.round(peaks[n]!.self)} / ${Math.round(peaks[n]!.children)} / ${Math.round(peaks[n]!.total)} MB`);
  }
  row(`  ratio: ${BIG} funds / 10 funds`, ratio(peaks[BIG]!.total, peaks[10]!.total));

  // ---- sizes ------------------------------------------------------------------------------------
  const size = (f: string) => `${Math.round(statSync(f).size / 1024)} KB`;
  const sizes = readdirSync(join(work, `big-out-${BIG}`), { recursive: true }).map(String).filter((f) => f.endsWith('.pdf')).map((f) => statSync(join(work, `big-out-${BIG}`, f)).size);
  console.log('\nPDF sizes');
  row('IQM shareholder report (tagged, bookmarks)', `${Math.round(pdf.length / 1024)} KB`);
  const both = join(work, 'iqm-all');
  await buildAll([IQM], { outDir: both, progress: false }, quiet);
  row('IQM board-approval book', size(join(both, 'iqm', '2011-08-31', 'board-approval.pdf')));
  row('IQM period diff', size(join(both, 'iqm', '2011-08-31', 'period-diff.pdf')));
  if (sizes.length) row(`synthetic reports (${sizes.length}): median / largest`, `${Math.round(median(sizes) / 1024)} / ${Math.round(Math.max(...sizes) / 1024)} KB`);
} finally {
  await browser.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
