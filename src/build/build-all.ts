// `fundbook build`: every input through the pipeline with one shared browser, one line per fund.
import { buildFund, type BuildOptions, type BuildOutcome } from './build-fund.js';
import { buildDiff, findPreviousPeriod } from './build-diff.js';
import { launchBrowser } from '../render/browser.js';
import type { Browser } from 'puppeteer';

export interface BuildAllOptions extends BuildOptions {
  /** The previous period to diff against (one input only); otherwise found beside each input. */
  previous?: string;
  diff?: boolean;
}

/** Run `work` with one browser, closed however it ends (Ctrl-C included). */
async function withBrowser<T>(work: (browser: Browser, version: string) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  const stop = () => {
    void browser.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(browser, await browser.version());
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await browser.close();
  }
}

export async function runDiff(previous: string, current: string, outDir?: string, log = (line: string) => console.log(line)): Promise<number> {
  return withBrowser(async (browser, version) => {
    const outcome = await buildDiff(browser, version, previous, current, outDir);
    for (const w of outcome.warnings) console.error(`fundbook diff: warning: ${w}`);
    if (!outcome.ok) {
      for (const p of outcome.problems) console.error(`fundbook diff: ${p}`);
      return 1;
    }
    const d = outcome.diff!;
    if (d.empty) log(`no differences between ${previous} and ${current}`);
    else {
      const flagged = d.variances.filter((v) => v.flagged);
      log(`${d.variances.filter((v) => !v.change.isZero()).length} figures changed, ${flagged.length} flagged (${flagged.filter((v) => !v.explanation).length} without explanation); holdings ${d.holdings.added.length} added, ${d.holdings.removed.length} removed, ${d.holdings.changed.length} changed; ${d.blackline.filter((s) => s.changed).length} narrative sections changed`);
    }
    log(`wrote ${outcome.outDir}/period-diff.pdf, period-diff.json`);
    return 0;
  });
}

export async function buildAll(inputs: readonly string[], options: BuildAllOptions, log = (line: string) => console.log(line)): Promise<number> {
  if (inputs.length === 0) {
    console.error('fundbook build: no fund-period files given');
    return 1;
  }
  if (options.previous && inputs.length > 1) {
    console.error('fundbook build: --previous goes with a single input file');
    return 2;
  }
  return withBrowser(async (browser, version) => {
    let ok = true;
    for (const input of inputs) {
      const outcome: BuildOutcome = await buildFund(browser, version, input, options);
      if (!outcome.ok) {
        ok = false;
        log(`FAILED ${input}:`);
        for (const p of outcome.problems) log(`  ${p}`);
        continue;
      }
      for (const d of outcome.documents) log(`built ${outcome.outDir}/${d.file} (${d.pages} pages, ${Math.ceil(d.bytes / 1024)} KB, ${d.prints} prints)`);
      log(`built ${outcome.outDir}/figures.json, manifest.json in ${(outcome.ms / 1000).toPrecision(3)} s`);
      const previous = options.diff === false ? undefined : options.previous ?? findPreviousPeriod(input);
      if (previous) {
        const diff = await buildDiff(browser, version, previous, input, outcome.outDir);
        for (const w of diff.warnings) log(`  warning: ${w}`);
        if (diff.ok) log(`built ${outcome.outDir}/period-diff.pdf, period-diff.json against ${previous}`);
        else {
          ok = false;
          log(`FAILED period diff of ${input} against ${previous}:`);
          for (const p of diff.problems) log(`  ${p}`);
        }
      }
    }
    return ok ? 0 : 1;
  });
}
