// The command line: it only wires the stages together (load -> calculate -> render -> diff).
import { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rollForward } from './rollforward/roll-forward.js';
import { checkFile } from './check.js';
import { figuresJson } from './figures/figures-json.js';
import { findInputs } from './load/find-inputs.js';
import { loadFundFile } from './load/load-fund.js';
import { formatDiagnostic } from './diagnostic.js';
import { computeFigures } from './calc/compute.js';
import { buildAll } from './pipeline/build-all.js';
import { runDiff } from './pipeline/build-diff.js';
import { parseShard } from './pipeline/shard.js';
import { validateInput } from './pipeline/validated.js';
import { FUNDBOOK_VERSION } from './version.js';
import { acknowledge, sign } from './review/record.js';

/** Today's date, YYYY-MM-DD (UTC): the default date of an acknowledgement or sign-off. */
const today = () => new Date().toISOString().slice(0, 10);

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('fundbook')
    .description('Shareholder reports, board-approval books and period diffs from one YAML file per fund and period.')
    .version(FUNDBOOK_VERSION)
    .option('--debug', 'show stack traces for internal errors')
    .exitOverride();

  program
    .command('check')
    .description('validate and compute each fund-period file; print problems and findings')
    .argument('<paths...>', 'fund-period YAML files or directories of them')
    .option('--strict', 'warnings fail the check too')
    .action((paths: string[], opts: { strict?: boolean }) => {
      const files = findInputs(paths);
      if (files.length === 0) {
        console.error(`fundbook check: no fund-period files found in ${paths.join(' ')}`);
        exitCode = 1;
      }
      for (const file of files) {
        const result = checkFile(file);
        for (const line of result.lines) console.log(line);
        if (result.errors > 0 || (opts.strict && result.warnings > 0)) exitCode = 1;
      }
    });

  program
    .command('acknowledge')
    .description('accept a warning as it stands, with a reason: an entry in the review file beside FILE')
    .argument('<file>', 'a fund-period YAML file')
    .argument('<code>', 'the finding code, as `check` prints it (STATED_VS_COMPUTED)')
    .argument('<path>', 'the finding field path, as `check` prints it (performance.market_discount)')
    .requiredOption('--by <name>', 'who accepts it')
    .requiredOption('--reason <text>', 'why the figure stands as it is')
    .option('--on <date>', 'the date, YYYY-MM-DD (default: today)')
    .action((file: string, code: string, path: string, opts: { by: string; reason: string; on?: string }) => {
      const outcome = acknowledge(file, code, path, { by: opts.by, reason: opts.reason, on: opts.on ?? today() });
      for (const line of outcome.lines) (outcome.ok ? console.log : console.error)(line);
      if (!outcome.ok) exitCode = 1;
    });

  program
    .command('sign')
    .description("sign a fund-period off as preparer or reviewer, against the data file's sha256")
    .argument('<file>', 'a fund-period YAML file')
    .requiredOption('--role <role>', 'preparer or reviewer')
    .requiredOption('--by <name>', 'who signs')
    .option('--on <date>', 'the date, YYYY-MM-DD (default: today)')
    .action((file: string, opts: { role: string; by: string; on?: string }) => {
      if (opts.role !== 'preparer' && opts.role !== 'reviewer') {
        console.error(`fundbook sign: --role takes "preparer" or "reviewer", not "${opts.role}"`);
        exitCode = 2;
        return;
      }
      const outcome = sign(file, opts.role, { by: opts.by, on: opts.on ?? today() });
      for (const line of outcome.lines) (outcome.ok ? console.log : console.error)(line);
      if (!outcome.ok) exitCode = 1;
    });

  program
    .command('figures')
    .description('print the computed figures of one fund-period as JSON')
    .argument('<file>', 'a fund-period YAML file')
    .action((file: string) => {
      const loaded = loadFundFile(file);
      if (!loaded.fund) {
        for (const p of loaded.problems) console.error(formatDiagnostic(p));
        exitCode = 1;
        return;
      }
      const figures = computeFigures(loaded.fund);
      process.stdout.write(`${JSON.stringify(figuresJson(loaded.fund, figures, loaded.locate), null, 2)}\n`);
      // The figures are printed either way; an error finding (a statement that does not foot) fails the command.
      if (figures.findings.some((f) => f.severity === 'error')) exitCode = 1;
    });

  program
    .command('build')
    .description('build the PDFs, figures.json and manifest.json of each fund-period into --out')
    .argument('<paths...>', 'fund-period YAML files or directories of them')
    .option('--out <dir>', 'output directory', 'output')
    .option('--only <document>', 'build only one document: report or board')
    .option('--previous <file>', "the previous period's YAML: also write the period diff (default: the file beside the input whose period ends last before it)")
    .option('--no-diff', 'do not write a period diff even when a previous period is found')
    .option('--concurrency <n>', 'documents in flight at once (default: the number of cores)')
    .option('--shard <i/n>', 'build shard i of n (a stable, balanced subset of the funds)')
    .option('--timeout <seconds>', 'per-document print timeout', '120')
    .option('--no-progress', 'plain one-line-per-fund logs even on a terminal')
    .option('--final', 'refuse a fund-period not signed off by a current preparer and reviewer (docs/review.md)')
    .action(async (paths: string[], opts: { out: string; only?: 'report' | 'board'; previous?: string; diff: boolean; concurrency?: string; shard?: string; timeout: string; progress: boolean; final?: boolean }) => {
      const shard = opts.shard ? parseShard(opts.shard) : undefined;
      if (typeof shard === 'string') {
        console.error(`fundbook build: ${shard}`);
        exitCode = 2;
        return;
      }
      const concurrency = opts.concurrency === undefined ? undefined : Number(opts.concurrency);
      const timeout = Number(opts.timeout);
      if ((concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) || !(timeout > 0)) {
        console.error('fundbook build: --concurrency takes a whole number from 1, --timeout a number of seconds');
        exitCode = 2;
        return;
      }
      if (opts.only && !['report', 'board'].includes(opts.only)) {
        console.error(`fundbook build: --only takes "report" or "board", not "${opts.only}"`);
        exitCode = 2;
        return;
      }
      exitCode = await buildAll(findInputs(paths), {
        outDir: opts.out,
        only: opts.only,
        final: opts.final,
        previous: opts.previous,
        diff: opts.diff,
        concurrency,
        shard,
        timeoutMs: timeout * 1000,
        progress: opts.progress === false ? false : undefined,
      });
    });

  program
    .command('diff')
    .description('compare two periods of one fund: variances, findings, holdings, blackline (period-diff.pdf and .json)')
    .argument('<previous>', "the earlier period's YAML file")
    .argument('<current>', "the later period's YAML file")
    .option('--out <dir>', 'output directory (default: output/<fund-id>/<period-end>)')
    .action(async (previous: string, current: string, opts: { out?: string }) => {
      exitCode = await runDiff(previous, current, opts.out);
    });

  program
    .command('roll-forward')
    .description("start the next period's file from this one: carried terms, comparatives moved, figures TO BE FILLED")
    .argument('<file>', "this period's YAML file")
    .requiredOption('--to <period-end>', "the next period's end date, YYYY-MM-DD")
    .option('--out <file>', 'where to write it (default: <period-end>.yaml beside the input); never overwritten')
    .action((file: string, opts: { to: string; out?: string }) => {
      const target = opts.out ?? join(dirname(file), `${opts.to}.yaml`);
      // Only a file that `check` accepts is rolled forward, refused with check's own messages otherwise.
      const { errors } = validateInput(file);
      if (errors.length > 0) {
        for (const e of errors) console.error(`fundbook roll-forward: ${e}`);
        exitCode = 1;
        return;
      }
      const rolled = rollForward(readFileSync(file, 'utf8'), file, opts.to);
      if ('refused' in rolled) {
        console.error(`fundbook roll-forward: ${formatDiagnostic(rolled.refused)}`);
        exitCode = 1;
        return;
      }
      try {
        writeFileSync(target, rolled.text, { flag: 'wx' });
        console.log(`wrote ${target}; run \`fundbook check ${target}\` to list the figures to be filled`);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') console.error(`fundbook roll-forward: ${target} exists; it is never overwritten`);
        else if (code === 'ENOENT') console.error(`fundbook roll-forward: ${dirname(target)}: no such directory`);
        else throw err;
        exitCode = 1;
      }
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    const code = (err as { code?: string; exitCode?: number }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    if (code?.startsWith('commander.')) return 2;
    throw err;
  }
  return exitCode;
}
