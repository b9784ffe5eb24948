// `fundbook build --dry-run`: what a build would print and why (pipeline/up-to-date.ts), and what it would
// keep. Every input is validated and prepared as a build would, but no browser is started and nothing is
// written.
import { chromiumVersion } from '../render/browser.js';
import type { BuildAllOptions } from './build-all.js';
import { findPreviousPeriod } from './build-diff.js';
import { prepareFund } from './build-fund.js';
import { shardInputs, shardLine } from './shard.js';
import { validateForBuild } from './validated.js';

export async function dryRun(allInputs: readonly string[], options: BuildAllOptions, log = (line: string) => console.log(line)): Promise<number> {
  if (allInputs.length === 0) {
    console.error('fundbook build: no fund-period files given');
    return 1;
  }
  const inputs = options.shard ? shardInputs(allInputs, options.shard) : [...allInputs];
  if (options.shard) log(shardLine(options.shard, inputs, allInputs));
  let chromium: string | undefined;
  if (!options.force) {
    chromium = await chromiumVersion().catch(() => undefined);
    if (!chromium) log("Chromium's version could not be read without starting it: every document is judged as printed by an unknown version");
  }
  let printed = 0;
  let kept = 0;
  let failed = 0;
  for (const input of inputs) {
    const { errors } = validateForBuild(input, options.final ?? false);
    if (errors.length > 0) {
      failed++;
      log(`SKIPPED ${input}: ${errors.length} error${errors.length === 1 ? '' : 's'}`);
      for (const e of errors) log(`  ${e}`);
      continue;
    }
    const step = prepareFund(input, { ...options, incremental: options.force ? undefined : { chromium: chromium ?? 'unknown' } });
    if ('failed' in step) {
      failed++;
      log(`FAILED ${input}:`);
      for (const p of step.failed.problems) log(`  ${p}`);
      continue;
    }
    const keep = (dir: string, file: string) => {
      kept++;
      log(`unchanged, kept ${dir}/${file}`);
    };
    const print = (dir: string, file: string, reason: string | undefined, verb = 'print') => {
      printed++;
      log(`would ${verb} ${dir}/${file}: ${reason ?? 'forced (--force)'}`);
    };
    if ('kept' in step) {
      for (const d of step.kept.documents) keep(step.kept.outDir!, d.file);
      if (step.kept.diffKept) keep(step.kept.outDir!, 'period-diff.pdf');
      continue;
    }
    const { prepared } = step;
    for (const d of prepared.documents) print(prepared.outDir, d.file, d.reason, d.format === 'edgar' ? 'write' : 'print');
    for (const entry of Object.values(prepared.kept.documents)) keep(prepared.outDir, String(entry.file));
    const previous = options.diff === false ? undefined : options.previous ?? findPreviousPeriod(input);
    if (prepared.kept.periodDiff) keep(prepared.outDir, 'period-diff.pdf');
    else if (previous) print(prepared.outDir, 'period-diff.pdf', prepared.diffReason);
  }
  log(`dry run: ${printed} document${printed === 1 ? '' : 's'} would be printed, ${kept} kept; nothing was written`);
  return failed === 0 ? 0 : 1;
}
