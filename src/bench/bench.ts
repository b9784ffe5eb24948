// `npm run bench`: fundbook's costs measured side by side in one run (the machine is shared and noisy,
// so only ratios taken in the same run mean much). Prints a table; results go to docs/performance.md.
//   BENCH_ROUNDS=7 (single-fund rounds)   BENCH_COMPLEX=20 (funds per concurrency run)   BENCH_BIG=100
//   (funds in the big batch: throughput and memory)   BENCH_COMPLEX_ROUNDS=3   BENCH_INCREMENTAL=100 (funds
//   rebuilt with nothing changed and with one changed, against a full build; bench/incremental.ts)
//   BENCH_PARTS=memory (a comma list of single, diff, complex, big, memory, sizes, incremental, large: only those)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildAll } from '../pipeline/build-all.js';
import { diffJson } from '../pipeline/build-diff.js';
import { buildFund, compiledDocument, prepareFund } from '../pipeline/build-fund.js';
import { fillContentsPages, placeholderHtml, renderPaged } from '../render/render-document.js';
import { computeFigures } from '../calc/compute.js';
import { diffPeriods } from '../diff/period-diff.js';
import { findInputs } from '../load/find-inputs.js';
import { loadFundFile } from '../load/load-fund.js';
import { launchBrowser } from '../render/browser.js';
import { openPrintPage, printOn, printPdf } from '../render/print.js';
import { diffView } from '../view/diff-view.js';
import { reportView } from '../view/report-view.js';
import { samplePeak } from './memory.js';
import { benchIncremental } from './incremental.js';
import { largeFundText } from '../synthetic/large-fund.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const IQM_PREVIOUS = 'data/iqm/2011-02-28.yaml';
const IQM_MEETING = 'data/iqm/board/2011-06-15.yaml';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const COMPLEX = Number(process.env.BENCH_COMPLEX ?? 20);
const BIG = Number(process.env.BENCH_BIG ?? 100);
const COMPLEX_ROUNDS = Number(process.env.BENCH_COMPLEX_ROUNDS ?? 3);
/** BENCH_PARTS=single,diff,complex,big,memory,sizes,incremental,large: run only these (default: all). */
const PARTS = process.env.BENCH_PARTS?.split(',');
const part = (name: string) => !PARTS || PARTS.includes(name);
const quiet = () => undefined;
/** Metadata for prints the bench makes only to learn a document's page numbers. */
const BENCH_META = { title: 'bench', author: 'bench', subject: 'bench', date: '2011-08-31', creator: 'fundbook bench', producer: 'bench' };

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

/** `fundbook <args>` in a process of its own, as run: its exit code, time and peak PSS (node, and Chromium below it). */
async function fundbookProcess(args: string[]): Promise<{ code: number | null; ms: number; peak: ReturnType<ReturnType<typeof samplePeak>> }> {
  const child = spawn('node', ['bin/fundbook.js', ...args], { stdio: 'ignore' });
  const stop = samplePeak(100, child.pid);
  const [ms, code] = await time(() => new Promise<number | null>((resolve) => child.on('exit', resolve)));
  return { code, ms, peak: stop() };
}

const ms = (v: number) => `${Math.trunc(v)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toPrecision(3)}x`;
const row = (what: string, value: string) => console.log(`${what.padEnd(78)} ${value}`);

/**
 * Print `htmls` with one fresh browser and `inFlight` pages at once; documents per second. The browser's
 * launch is inside the time, as it is in a `fundbook build` run. `reusePages`: each of the pages in
 * flight prints document after document (as fundbook does), else every document gets a new page.
 */
async function barePrint(htmls: string[], inFlight: number, reusePages = true): Promise<number> {
  const start = performance.now();
  const browser = await launchBrowser();
  try {
    let next = 0;
    await Promise.all(Array.from({ length: inFlight }, async () => {
      const page = reusePages ? await openPrintPage(browser) : undefined;
      while (next < htmls.length) await (page ? printOn(page, htmls[next++]!) : printPdf(browser, htmls[next++]!));
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

  const doc = compiledDocument('shareholder-report');
  // Throughputs by name, a list of one per round.
  const runs: Record<string, number[]> = {};
  const add = (key: string, rate: number) => (runs[key] ??= []).push(rate);
  const m = (key: string) => median(runs[key]!);
  const fundbookRate2 = async (inputs: string[], out: string) => {
    const [t] = await time(() => buildAll(inputs, { outDir: out, only: 'report', diff: false, concurrency: 2, progress: false }, quiet));
    return inputs.length / (t / 1000);
  };
  if (part('single')) {
    // ---- one fund: the IQM shareholder report ----------------------------------------------------
    const loaded = loadFundFile(IQM);
    const figures = computeFigures(loaded.fund!);
    const iqmView = reportView(loaded.fund!, figures);
    const { pdf, pages } = await renderPaged(browser, placeholderHtml(doc, iqmView), iqmView.sections.map((s) => s.title), BENCH_META);
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
      built.push((await time(() => buildFund(browser, version, IQM, { outDir: join(work, `one-${i}`), only: 'report' })))[0]);
    }
    // The whole run, as a user starts it: launch Chromium, print, close; fundbook prepares the data while
    // Chromium starts.
    const bareRun: number[] = [];
    const oneRun: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bareRun.push((await time(async () => {
        const b = await launchBrowser();
        try {
          await printPdf(b, html);
        } finally {
          await b.close();
        }
      }))[0]);
      oneRun.push((await time(() => buildAll([IQM], { outDir: join(work, `one-run-${i}`), only: 'report', diff: false, concurrency: 1, progress: false }, quiet)))[0]);
    }
    console.log(`One fund: IQM shareholder report, ${ROUNDS} rounds, medians`);
    row('data stage (load, compute, view model, HTML)', ms(median(data)));
    row('with a running browser: bare page.pdf() of the same HTML (tagged, bookmarks)', ms(median(bare)));
    row('  fundbook buildFund (data stage, one print, numbers written in, finish, write)', `${ms(median(built))}  ${ratio(median(built), median(bare))} of bare`);
    row('whole run: bare launch + page.pdf() + close', ms(median(bareRun)));
    row('  fundbook build --only report (validate, launch, print, write, close)', `${ms(median(oneRun))}  ${ratio(median(oneRun), median(bareRun))} of bare`);

  }
  if (part('diff')) {
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

  }
  if (part('complex')) {
    // ---- a fund complex: throughput ---------------------------------------------------------------
    const complex = generate(COMPLEX, join(work, 'complex'));
    const htmls: string[] = [];
    for (const input of complex) {
      const l = loadFundFile(input);
      const view = reportView(l.fund!, computeFigures(l.fund!));
      const first = placeholderHtml(doc, view);
      htmls.push(fillContentsPages(first, (await renderPaged(browser, first, view.sections.map((s) => s.title), BENCH_META)).pages));
    }
    await browser.close();
    console.log(`\nA ${complex.length}-fund synthetic complex, shareholder reports only (documents/second, a fresh browser per run;`);
    console.log(`runs interleaved, ${COMPLEX_ROUNDS} rounds, medians)`);
    const fundbookRate = async (c: number, round: number) => {
      const out = join(work, `complex-out-${c}-${round}`);
      const [t] = await time(() => buildAll(complex, { outDir: out, only: 'report', diff: false, concurrency: c, progress: false }, quiet));
      return complex.length / (t / 1000);
    };
    for (let round = 0; round < COMPLEX_ROUNDS; round++) {
      add('bare1', await barePrint(htmls, 1));
      add('bare2', await barePrint(htmls, 2));
      add('bare2new', await barePrint(htmls, 2, false));
      for (const c of [1, 2, 4]) add(`fundbook${c}`, await fundbookRate(c, round));
    }
    row('bare Chromium, 1 page in flight (reused for every document)', `${m('bare1').toPrecision(3)} docs/s`);
    row('bare Chromium, 2 pages in flight (reused)', `${m('bare2').toPrecision(3)} docs/s  (${ratio(m('bare2'), m('bare1'))} of 1)`);
    row('bare Chromium, 2 in flight, a new page for every document', `${m('bare2new').toPrecision(3)} docs/s`);
    for (const c of [1, 2, 4]) row(`fundbook build, concurrency ${c}`, `${m(`fundbook${c}`).toPrecision(3)} docs/s  (${ratio(m(`fundbook${c}`), m('fundbook1'))} of concurrency 1)`);
    row('  ratio: fundbook at concurrency 1 / bare Chromium at 1 in flight', ratio(m('fundbook1'), m('bare1')));
    row('  ratio: fundbook at concurrency 2 / bare Chromium at 2 in flight', ratio(m('fundbook2'), m('bare2')));
    row('  ratio: fundbook at concurrency 2 / bare, a new page for every document', ratio(m('fundbook2'), m('bare2new')));

  }
  // ---- a big batch: throughput and memory --------------------------------------------------------
  const big = part('big') || part('memory') || part('sizes') ? generate(BIG, join(work, 'big')) : [];
  if (part('big')) {
    const bigHtmls = big.map((input) => {
      const step = prepareFund(input, { outDir: work, only: 'report' });
      if ('failed' in step) throw new Error(`${input} did not prepare`);
      return step.prepared.documents[0]!.html;
    });
    console.log(`\nThe ${BIG}-fund complex at 2 in flight (documents/second, runs interleaved, 2 rounds, medians)`);
    for (let round = 0; round < 2; round++) {
      add('bigBare2', await barePrint(bigHtmls, 2));
      add('bigFundbook2', await fundbookRate2(big, join(work, `big-rate-${round}`)));
    }
    row(`bare Chromium, 2 pages in flight (reused)`, `${m('bigBare2').toPrecision(3)} docs/s`);
    row(`fundbook build, concurrency 2`, `${m('bigFundbook2').toPrecision(3)} docs/s`);
    row('  ratio: fundbook at concurrency 2 / bare Chromium at 2 in flight', ratio(m('bigFundbook2'), m('bigBare2')));

  }
  if (part('memory')) {
    // Peak memory of a `fundbook build` process (node, its worker thread, Chromium) over the whole batch
    // against a batch of 10 of its funds: every tenth by input size, the largest included, so that both
    // print the biggest document and only accumulation would differ. Each in a fresh process, as run.
    const bySize = [...big].sort((a, b) => statSync(b).size - statSync(a).size);
    const ten = bySize.filter((_, i) => i % 10 === 0);
    console.log(`\nPeak PSS of a fundbook build process, concurrency 2: ${BIG} funds against 10 of them (every tenth by size, the largest included)`);
    const peaks: Record<number, ReturnType<ReturnType<typeof samplePeak>>> = {};
    for (const batch of [ten, big]) {
      const n = batch.length;
      const run = await fundbookProcess(['build', ...batch, '--out', join(work, `big-out-${n}`), '--only', 'report', '--no-diff', '--concurrency', '2', '--no-progress']);
      peaks[n] = run.peak;
      if (run.code !== 0) throw new Error(`fundbook build of ${n} funds exited ${run.code}`);
      row(`${n} funds: peak PSS node / Chromium / together`, `${Math.round(peaks[n]!.self)} / ${Math.round(peaks[n]!.children)} / ${Math.round(peaks[n]!.total)} MB`);
    }
    row(`  ratio: ${BIG} funds / 10 funds`, ratio(peaks[BIG]!.total, peaks[ten.length]!.total));

  }
  if (part('sizes')) {
    // ---- sizes ------------------------------------------------------------------------------------
    const size = (f: string) => `${Math.round(statSync(f).size / 1024)} KB`;
    // The big batch's reports, where the memory part printed them.
    const bigOut = join(work, `big-out-${BIG}`);
    const sizes = existsSync(bigOut) ? readdirSync(bigOut, { recursive: true }).map(String).filter((f) => f.endsWith('.pdf')).map((f) => statSync(join(bigOut, f)).size) : [];
    console.log('\nPDF sizes');
    const both = join(work, 'iqm-all');
    await buildAll([IQM, IQM_MEETING], { outDir: both, progress: false }, quiet);
    row('IQM shareholder report (tagged, bookmarks)', size(join(both, 'iqm', '2011-08-31', 'shareholder-report.pdf')));
    row('IQM board-approval book (meeting of 2011-06-15)', size(join(both, 'iqm', 'board-2011-06-15', 'board-approval.pdf')));
    row('IQM period diff', size(join(both, 'iqm', '2011-08-31', 'period-diff.pdf')));
    if (sizes.length) row(`synthetic reports (${sizes.length}): median / largest`, `${Math.round(median(sizes) / 1024)} / ${Math.round(Math.max(...sizes) / 1024)} KB`);

  }
  if (part('incremental')) {
    // ---- incremental builds: nothing changed, one fund changed, against a full build ----------------
    await benchIncremental(work);
  }
  if (part('large')) {
    // ---- a 10,000-holding fund (synthetic/large-fund.ts): check and the report's build, each in a
    // process of its own, as run; the peak PSS of node and of Chromium with its renderer ----------------
    const dir = join(work, 'large', 'iqm');
    mkdirSync(dir, { recursive: true });
    const input = join(dir, '2011-08-31.yaml');
    writeFileSync(input, largeFundText(readFileSync(IQM, 'utf8'), 10_000).text);
    console.log(`\nA 10,000-holding fund (${(statSync(input).size / 1048576).toFixed(2)} MB of YAML), each command in a fresh process`);
    for (const args of [['check', input], ['build', input, '--out', join(work, 'large-out'), '--only', 'report', '--no-diff', '--no-progress', '--timeout', '600']]) {
      const { code, ms: took, peak } = await fundbookProcess(args);
      if (code !== 0) throw new Error(`fundbook ${args[0]} of the 10,000-holding fund exited ${code}`);
      row(`fundbook ${args[0]}: time; peak PSS node / Chromium`, `${(took / 1000).toFixed(1)} s; ${Math.round(peak.self)} / ${Math.round(peak.children)} MB`);
    }
    const pdf = join(work, 'large-out', 'iqm', '2011-08-31', 'shareholder-report.pdf');
    const manifest = JSON.parse(readFileSync(join(work, 'large-out', 'iqm', '2011-08-31', 'manifest.json'), 'utf8')) as { documents: Record<string, { pages: number }> };
    row('  its report: pages, size', `${manifest.documents['shareholder-report']!.pages} pages, ${(statSync(pdf).size / 1048576).toFixed(1)} MB`);
  }
} finally {
  await browser.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
