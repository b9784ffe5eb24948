// `fundbook build` over a fund complex: validate every input first (a fund with errors is reported and
// skipped), then render the rest with one shared Chromium and `concurrency` documents in flight. A
// browser crash relaunches Chromium and retries the documents in flight once; Ctrl-C ends Chromium and
// removes any half-written temporary file; a progress bar on a terminal, one line per fund otherwise,
// and a summary table at the end. With an earlier build in --out, only what changed is printed
// (pipeline/up-to-date.ts); Chromium is not even started when nothing needs printing.
import cliProgress from 'cli-progress';
import { availableParallelism } from 'node:os';
import { findPreviousPeriod, prepareDiff, printDiff, type DiffOutput } from './build-diff.js';
import { prepareFundFiles, printFund, writeFundPeriod, type BuildOptions, type BuildOutcome } from './build-fund.js';
import { printTimeoutMs } from '../render/print-timeout.js';
import { DEFAULT_PRINT_TIMEOUT_MS } from '../render/render-document.js';
import { Preparer } from './preparer.js';
import type { Browser } from 'puppeteer-core';
import { openPrintPage, type PrintPage } from '../render/print.js';
import { validateForBuild } from './validated.js';
import { withPool } from './with-pool.js';
import type { BrowserPool } from '../render/browser-pool.js';
import { BrowserStartError, chromiumVersion } from '../render/browser.js';
import { existsSync } from 'node:fs';
import { chromiumNumber } from './up-to-date.js';
import type { KeptFund, PreparedFund } from './build-fund.js';
import { shardInputs, shardLine, type Shard } from './shard.js';
import { checkTemplateDirs } from '../render/templates.js';
import { DOCUMENT_FORMATS } from './documents.js';
import { formatDiagnostic } from '../diagnostic.js';
import { debugPhase } from '../debug-log.js';

export interface BuildAllOptions extends BuildOptions {
  concurrency?: number;
  shard?: Shard;
  /** Show a progress bar (default: when stderr is a terminal). */
  progress?: boolean;
  /** How long Chromium may take to start (default 30 s). */
  launchTimeoutMs?: number;
  /** Print every document, up to date or not. */
  force?: boolean;
  /** A pool the caller lends and closes (with-pool.ts): the run prints on its browser and leaves it running. */
  pool?: BrowserPool;
  /** A preparing thread the caller lends and closes: a batch prepares on it instead of starting its own. */
  preparer?: Preparer;
}

interface JobResult {
  input: string;
  outcome?: BuildOutcome;
  error?: string;
  retried: boolean;
  diff?: string;
  /** Every output up to date: the folder left as it was. */
  untouched?: boolean;
}

/**
 * Documents a page prints before a fresh one replaces it. Measured peak PSS, 100 funds against 10: 1.01x
 * replacing every 3, 1.00-1.08x every 5, 1.14x every 10, 1.27x never.
 */
const PAGE_REUSE = 4;
/** Validations queued ahead on the preparing thread during the validation pass. */
const VALIDATE_AHEAD = 4;
/** Worker threads for loading and HTML: one keeps a few funds ahead of the browser. */
const PREPARE_THREADS = 1;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Validation pass: every input checked before anything is printed; errors reported in input order,
 * valid inputs returned. A batch validates on its preparing thread (which keeps each loaded fund for
 * its prepare step); a single input here. Chromium, started at the first valid input by `onValid`,
 * launches meanwhile.
 */
async function validate(inputs: readonly string[], preparer: Preparer | undefined, log: (line: string) => void, onValid: (input: string) => void, final = false): Promise<{ valid: string[]; invalid: string[] }> {
  const valid: string[] = [];
  const invalid: string[] = [];
  // A few validations queued ahead on the thread, so the first funds' prepare jobs queue between them.
  const queued: Promise<{ errors: string[] }>[] = [];
  const queue = (i: number) => {
    if (!preparer || i >= inputs.length || queued[i]) return;
    queued[i] = preparer.validate(inputs[i]!, final).catch((err: unknown) => ({ errors: [`${inputs[i]}: ${err instanceof Error ? err.message : String(err)}`] }));
  };
  for (const [i, input] of inputs.entries()) {
    for (let j = i; j < i + VALIDATE_AHEAD; j++) queue(j);
    debugPhase(`validating ${input}${preparer ? ' (on the preparing thread)' : ''}`);
    // `final`: a fund-period not signed off by a current preparer and reviewer is refused too.
    const { errors } = preparer ? await queued[i]! : validateForBuild(input, final);
    if (errors.length > 0) {
      invalid.push(input);
      log(`SKIPPED ${input}: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
      for (const e of errors) log(`  ${e}`);
    } else {
      valid.push(input);
      onValid(input);
    }
    await new Promise(setImmediate);
  }
  return { valid, invalid };
}

export async function buildAll(allInputs: readonly string[], options: BuildAllOptions, log = (line: string) => console.log(line)): Promise<number> {
  const inputs = options.shard ? shardInputs(allInputs, options.shard) : [...allInputs];
  if (allInputs.length === 0) {
    console.error('fundbook build: no fund-period files given');
    return 1;
  }
  if (options.previous && inputs.length > 1) {
    console.error('fundbook build: --previous goes with a single input file');
    return 2;
  }
  // The user's template folders are checked once, before any fund: a bad one fails the run.
  const templateProblems = checkTemplateDirs(options.templates ?? [], DOCUMENT_FORMATS);
  for (const p of templateProblems) console.error(`fundbook build: ${formatDiagnostic(p)}`);
  if (templateProblems.length > 0) return 1;
  if (options.shard) log(shardLine(options.shard, inputs, allInputs));
  let invalid: string[] = [];
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const timeoutMs = options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS;
  const showBar = options.progress ?? Boolean(process.stderr.isTTY);
  const started = performance.now();
  // An earlier build in --out: each output is judged against it, and only what changed is printed.
  const incremental = !options.force && existsSync(options.outDir);

  // A batch prepares on a worker thread; a single fund on the main thread, while Chromium starts (a
  // fresh worker would have to load and warm up all its modules first, which costs more than it saves).
  const preparer = inputs.length > 1 ? (options.preparer ?? new Preparer(PREPARE_THREADS)) : undefined;
  const results = await withPool(async (pool) => {
    // The data half of each fund (load, calculate, HTML) is prepared a few funds ahead of the browser,
    // so a page in flight never waits for it; only a few ahead, so memory stays flat however long the
    // batch. The first few are prepared while the rest are still being validated.
    const ahead = new Map<string, ReturnType<Preparer['prepare']>>();
    // The Chromium version outputs are judged against: asked of the program (alongside validation), or
    // of the browser itself should that fail.
    let version: Promise<string> | undefined;
    const buildOptions = async (): Promise<BuildOptions> => {
      if (!incremental) return options;
      version ??= chromiumVersion().then(async (v) => v ?? (await pool.acquire(), chromiumNumber(pool.version)));
      return { ...options, incremental: { chromium: await version } };
    };
    // Chromium starts up once the first input proves valid, while the rest are validated; in an
    // incremental build, once the first fund-period proves to need printing.
    let warming: Promise<unknown> | undefined;
    const warm = () => (warming ??= pool.acquire().then(() => undefined, (err: unknown) => err));
    const warmIfPrinting = <T>(step: T): T => {
      if (needsPrinting(step as PrepareStep)) void warm();
      return step;
    };
    const prepareAhead = (input: string) => {
      if (ahead.has(input) || !preparer) return;
      ahead.set(input, buildOptions().then((o) => preparer.prepare(input, o)).then(warmIfPrinting));
    };
    // Once an input proves valid: Chromium starts (or, in an incremental build, its version is asked for,
    // alongside validation); a run whose every input is refused starts neither.
    const validated = await validate(inputs, preparer, log, (input) => {
      if (incremental) void buildOptions().catch(() => undefined);
      else void warm();
      if (ahead.size <= concurrency) prepareAhead(input);
    }, options.final);
    invalid = validated.invalid;
    const valid = validated.valid;
    if (!preparer && valid.length > 0) ahead.set(valid[0]!, buildOptions().then((o) => prepareFundFiles(valid[0]!, o)).then(warmIfPrinting));
    // A browser that cannot start fails the run at once, in one line (cli.ts), rather than every fund.
    const launchError = valid.length > 0 ? await warming : undefined;
    if (launchError instanceof BrowserStartError) throw launchError;
    const bar = showBar
      ? new cliProgress.SingleBar(
          { format: ' {bar} {value}/{total} fund-periods | {documents} documents printed, {rate}, {kept} kept | {name} | elapsed {duration_formatted} | ETA {eta_formatted}', hideCursor: true, stream: process.stderr, etaBuffer: 20 },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    // The bar names what prints by fund and period, counts documents as they finish and their rate.
    let documentsDone = 0;
    let documentsKept = 0;
    const barStarted = performance.now();
    const progress = (name: string) => ({
      name,
      documents: documentsDone,
      kept: documentsKept,
      rate: documentsDone === 0 ? '- s/document' : `${((performance.now() - barStarted) / 1000 / documentsDone).toFixed(1)} s/document`,
    });
    bar?.start(valid.length, 0, progress(''));
    const out: JobResult[] = new Array(valid.length);
    let next = 0;
    const claim = (i: number) => {
      for (let j = i; j < Math.min(valid.length, i + concurrency + 1); j++) prepareAhead(valid[j]!);
      const step = ahead.get(valid[i]!)!;
      ahead.delete(valid[i]!);
      return step;
    };

    // Each slot prints its documents one after another on a page of its own, opened on the current
    // browser and replaced after any failure (a page that timed out or crashed is not reused).
    // A page is also replaced after PAGE_REUSE documents: a renderer that prints document after document
    // keeps growing (measured: 757 MB of Chromium over 10 funds, 980 MB over 100, pages never replaced).
    interface Slot { page?: PrintPage; generation: number; uses: number }
    const slotPage = async (slot: Slot, browser: Browser, generation: number): Promise<PrintPage> => {
      if (slot.page && slot.uses >= PAGE_REUSE) dropPage(slot);
      if (!slot.page || slot.generation !== generation) {
        slot.page = await openPrintPage(browser);
        slot.generation = generation;
        slot.uses = 0;
      }
      slot.uses++;
      return slot.page;
    };
    const dropPage = (slot: Slot) => {
      void slot.page?.page.close().catch(() => undefined);
      slot.page = undefined;
    };

    const runOne = async (i: number, slot: Slot): Promise<JobResult> => {
      const input = valid[i]!;
      let step: Awaited<ReturnType<Preparer['prepare']>>;
      try {
        step = await claim(i);
      } catch (err) {
        if (err instanceof BrowserStartError) throw err;
        return { input, error: err instanceof Error ? err.message : String(err), retried: false };
      }
      if ('failed' in step) return { input, outcome: step.failed, retried: false };
      if ('kept' in step) return { input, outcome: step.kept, retried: false, diff: step.kept.diffKept ? KEPT_DIFF : undefined, untouched: true };
      const previous = options.diff === false ? undefined : options.previous ?? findPreviousPeriod(input);
      const keptDiff = step.prepared.kept.periodDiff !== undefined;
      // Only a fund-period with something to print takes the browser.
      const printing = step.prepared.documents.some((d) => d.format === 'pdf') || (previous !== undefined && !keptDiff);
      for (let attempt = 0; ; attempt++) {
        const { browser, generation } = printing ? await pool.acquire() : { browser: undefined, generation: -1 };
        try {
          const page = browser ? await slotPage(slot, browser, generation) : undefined;
          // A guard over the whole fund, beyond each print's own timeout: as those, it scales with size.
          const htmlBytes = step.prepared.documents.reduce((n, d) => n + Buffer.byteLength(d.html), 0);
          const what = `${step.prepared.fundId} ${periodLabel(step.prepared)}`;
          debugPhase(`printing ${what}`);
          const { output, ...outcome } = await withTimeout(printFund(browser, pool.version, step.prepared, { timeoutMs, finish: preparer?.finish, page }), printTimeoutMs(timeoutMs, htmlBytes) * 4, `building ${what} (${input})`);
          let diff: string | undefined = keptDiff ? KEPT_DIFF : undefined;
          let diffOutput: DiffOutput | undefined;
          if (previous && !keptDiff) {
            const diffStep = preparer ? await preparer.diff(previous, input, outcome.outDir, options.templates) : prepareDiff(previous, input, outcome.outDir, options.templates);
            const d = 'failed' in diffStep ? diffStep.failed : await withTimeout(printDiff(browser!, pool.version, diffStep.prepared, { timeoutMs, finish: preparer?.finish, page }), printTimeoutMs(timeoutMs, Buffer.byteLength(diffStep.prepared.html)) * 4, `the period diff of ${what} (${input})`);
            diff = d.ok ? `period-diff against ${previous}${step.prepared.diffReason ? `: ${step.prepared.diffReason}` : ''}` : `period diff FAILED: ${d.problems.join('; ')}; nothing written for this fund-period`;
            if ('output' in d) diffOutput = d.output as DiffOutput;
            if (!d.ok) outcome.ok = false;
          }
          // The fund-period's outputs are written as one set, period diff included, or not at all.
          if (outcome.ok) {
            debugPhase(`writing ${outcome.outDir}`);
            writeFundPeriod(output, diffOutput);
          }
          return { input, outcome, retried: attempt > 0, diff };
        } catch (err) {
          dropPage(slot);
          if (err instanceof BrowserStartError) throw err;
          // A document in flight when Chromium died is retried once on the relaunched browser.
          if (attempt === 0 && browser && pool.crashed(generation)) continue;
          return { input, error: err instanceof Error ? err.message : String(err), retried: attempt > 0 };
        }
      }
    };

    const worker = async () => {
      const slot: Slot = { generation: -1, uses: 0 };
      while (next < valid.length) {
        const i = next++;
        const input = valid[i]!;
        bar?.update(progress(input));
        const r = await runOne(i, slot);
        out[i] = r;
        documentsDone += r.outcome?.documents.filter((d) => !d.kept).length ?? 0;
        documentsKept += r.outcome?.documents.filter((d) => d.kept).length ?? 0;
        bar?.increment(1, progress(r.outcome?.fundId ? `${r.outcome.fundId} ${periodLabel(r.outcome)}` : input));
        if (!bar) logResult(r, log);
      }
      // The browser may outlive the run (a lent pool): the slot's page does not.
      dropPage(slot);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, valid.length) }, worker));
    bar?.stop();
    // Under a bar, why each document printed again is said once the bar is done.
    if (bar) for (const r of out) for (const d of r.outcome?.documents ?? []) if (d.reason) log(`printed ${r.outcome!.outDir}/${d.file}: ${d.reason}`);
    return out;
  }, options.launchTimeoutMs, options.pool).finally(() => (preparer === options.preparer ? undefined : preparer?.close()));

  const seconds = (performance.now() - started) / 1000;
  log('');
  log(summaryTable(results, invalid));
  const failed = results.filter((r) => !r.outcome?.ok).length;
  log(`${results.length - failed} built, ${failed} failed, ${invalid.length} skipped with errors, in ${seconds.toPrecision(3)} s at concurrency ${concurrency}`);
  const docs = results.flatMap((r) => r.outcome?.documents ?? []);
  const diffs = results.filter((r) => r.outcome?.ok && r.diff);
  log(`documents: ${docs.filter((d) => !d.kept).length} printed, ${docs.filter((d) => d.kept).length} kept (unchanged); period diffs: ${diffs.filter((r) => r.diff !== KEPT_DIFF).length} printed, ${diffs.filter((r) => r.diff === KEPT_DIFF).length} kept`);
  return failed + invalid.length === 0 ? 0 : 1;
}

const KEPT_DIFF = 'period-diff.pdf, unchanged, kept';

type PrepareStep = { prepared: PreparedFund } | { failed: BuildOutcome } | { kept: KeptFund };

/** Whether a prepared fund-period has a document or period diff to print (the latter: unless kept). */
function needsPrinting(step: PrepareStep): boolean {
  if (!('prepared' in step)) return false;
  return step.prepared.documents.some((d) => d.format === 'pdf') || step.prepared.diffReason !== undefined;
}

function logResult(r: JobResult, log: (line: string) => void): void {
  if (r.outcome?.ok) {
    for (const d of r.outcome.documents) {
      if (d.kept) log(`unchanged, kept ${r.outcome.outDir}/${d.file}`);
      else log(`built ${r.outcome.outDir}/${d.file} (${d.format === 'edgar' ? 'EDGAR HTML' : `${d.pages} pages`}, ${Math.ceil(d.bytes / 1024)} KB${d.format === 'edgar' ? '' : `, ${d.prints} print${d.prints === 1 ? '' : 's'}`}${r.retried ? ', retried after a browser crash' : ''})${d.reason ? `: ${d.reason}` : ''}`);
    }
    if (r.diff === KEPT_DIFF) log(`unchanged, kept ${r.outcome.outDir}/period-diff.pdf`);
    else if (r.diff) log(`built ${r.outcome.outDir}/${r.diff}`);
  } else {
    log(`FAILED ${r.input}:`);
    for (const p of r.outcome?.problems ?? [r.error ?? 'unknown error']) log(`  ${p}`);
    if (r.diff) log(`  ${r.diff}`);
  }
}

/** What a fund-period's row and progress say of its period: a board book's meeting, else the period's end. */
const periodLabel = (r: { periodEnd?: string; meeting?: string }) => (r.meeting ? `board ${r.meeting}` : (r.periodEnd ?? ''));

function summaryTable(results: JobResult[], invalid: string[]): string {
  const rows = [
    ['fund', 'period', 'status', 'findings: errors / warnings / acknowledged', 'printed', 'kept', 'pages', 'seconds'],
    ...results.map((r) => {
      const docs = r.outcome?.documents ?? [];
      const printed = docs.filter((d) => !d.kept).length;
      const kept = docs.length - printed;
      const diff = r.diff && r.outcome?.ok ? '+diff' : '';
      const status = !r.outcome?.ok ? 'FAILED' : r.untouched ? 'unchanged' : r.retried ? 'built (retried)' : 'built';
      return [
        r.outcome?.fundId ?? r.input,
        r.outcome ? periodLabel(r.outcome) : '',
        status,
        r.outcome?.findings ? `${r.outcome.findings.errors} / ${r.outcome.findings.warnings} / ${r.outcome.findings.acknowledged}` : '',
        String(printed) + (diff && r.diff !== KEPT_DIFF ? diff : ''),
        String(kept) + (diff && r.diff === KEPT_DIFF ? diff : ''),
        String(docs.reduce((n, d) => n + d.pages, 0)),
        r.outcome ? (r.outcome.ms / 1000).toPrecision(3) : '',
      ];
    }),
    ...invalid.map((f) => [f, '', 'SKIPPED (errors)', '', '0', '0', '0', '']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}
