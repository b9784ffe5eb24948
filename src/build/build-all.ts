// `fundbook build`: every input through the pipeline with one shared browser, one line per fund.
import { buildFund, type BuildOptions, type BuildOutcome } from './build-fund.js';
import { launchBrowser } from '../render/browser.js';

export async function buildAll(inputs: readonly string[], options: BuildOptions, log = (line: string) => console.log(line)): Promise<number> {
  if (inputs.length === 0) {
    console.error('fundbook build: no fund-period files given');
    return 1;
  }
  const browser = await launchBrowser();
  const stop = () => {
    void browser.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const outcomes: BuildOutcome[] = [];
  try {
    const version = await browser.version();
    for (const input of inputs) {
      const outcome = await buildFund(browser, version, input, options);
      outcomes.push(outcome);
      if (outcome.ok) {
        for (const d of outcome.documents) log(`built ${outcome.outDir}/${d.file} (${d.pages} pages, ${Math.ceil(d.bytes / 1024)} KB, ${d.prints} prints)`);
        log(`built ${outcome.outDir}/figures.json, manifest.json in ${(outcome.ms / 1000).toPrecision(3)} s`);
      } else {
        log(`FAILED ${input}:`);
        for (const p of outcome.problems) log(`  ${p}`);
      }
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await browser.close();
  }
  return outcomes.every((o) => o.ok) ? 0 : 1;
}
