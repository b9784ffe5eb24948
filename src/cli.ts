// The command line: it only wires the stages together (load -> calculate -> render -> diff).
// The printing stages (Chromium's driver, the workbook and font libraries: about two seconds of module
// loading) are imported by the commands that print, so `check`, `figures` and the review commands start
// without them.
import { Command } from 'commander';
import { rollForwardFile } from './rollforward/roll-forward-file.js';
import { checkFile, checkJson } from './check.js';
import { csv } from './sheets/csv.js';
import { figureRows } from './sheets/workbook-data.js';
import { figuresJson } from './figures/figures-json.js';
import { findInputs } from './load/find-inputs.js';
import { loadFundFile } from './load/load-fund.js';
import { formatDiagnostic } from './diagnostic.js';
import { computeFigures } from './calc/compute.js';
import { parseShard, type Shard } from './pipeline/shard.js';
import { DOCUMENT_NAMES, type DocumentName } from './pipeline/documents.js';
import { validateInput, validateMeeting } from './pipeline/validated.js';
import { isMeetingFile } from './load/load-meeting.js';
import { BrowserStartError } from './render/browser-error.js';
import { parseInRange, RANGES } from './options.js';
import { FUNDBOOK_VERSION } from './version.js';
import { acknowledge, sign } from './review/record.js';
import { debugPhase, setDebug } from './debug-log.js';
import { initFile } from './init/init-file.js';
import { OutputLockedError } from './pipeline/output-lock.js';
import type { BrowserPool } from './render/browser-pool.js';
import type { Preparer } from './pipeline/preparer.js';

/** Today's date, YYYY-MM-DD (UTC): the default date of an acknowledgement or sign-off. */
const today = () => new Date().toISOString().slice(0, 10);

/** A repeatable option's values, in the order given. */
const collect = (value: string, previous: string[]) => [...previous, value];

/** What each command's help ends with: examples, the exit codes, and the page to read. */
function teach(examples: string, exitCodes: string, docs: string): string {
  return `\nExamples:\n${examples}\n\nExit codes:\n${exitCodes}\n\nRead: ${docs} (in the fundbook package)\n`;
}

/**
 * Run one command. `lent.pool`: a browser pool the caller keeps between commands and closes (a process
 * that runs command after command, as the test suite does, then starts Chromium once). `lent.preparer`:
 * likewise a batch's preparing thread, which then loads its modules and compiles its templates once.
 */
export async function main(argv: string[], lent: { pool?: BrowserPool; preparer?: Preparer } = {}): Promise<number> {
  let exitCode = 0;
  setDebug(argv.includes('--debug'));
  const program = new Command()
    .name('fundbook')
    .description('Shareholder reports, board-approval books and period diffs from one YAML file per fund and period.')
    .version(FUNDBOOK_VERSION)
    .option('--debug', 'show stack traces for internal errors, and each phase of a run (on stderr)')
    .exitOverride();

  program
    .command('check')
    .description('validate and compute each fund-period file; print problems and findings')
    .argument('<paths...>', 'fund-period YAML files or directories of them')
    .option('--strict', 'warnings fail the check too')
    .option('--format <format>', 'text (one line per problem) or json (every file\'s diagnostics)', 'text')
    .addHelpText('after', teach(`  $ fundbook check data/iqm/2011-08-31.yaml
  $ fundbook check --strict data/
  $ fundbook check --format json data/ > diagnostics.json`, `  0  no errors (warnings allowed)
  1  an error in some file (with --strict, a warning too), or no file found
  2  a usage error`, 'docs/data-format.md: the file format, and what each message means'))
    .action((paths: string[], opts: { strict?: boolean; format: string }) => {
      if (!['text', 'json'].includes(opts.format)) {
        console.error(`fundbook check: --format takes "text" or "json", not "${opts.format}"`);
        exitCode = 2;
        return;
      }
      const files = findInputs(paths);
      if (files.length === 0) {
        console.error(`fundbook check: no fund-period files found in ${paths.join(' ')}`);
        exitCode = 1;
      }
      const report = [];
      for (const file of files) {
        debugPhase(`checking ${file}`);
        const result = checkFile(file);
        if (opts.format === 'text') for (const line of result.lines) console.log(line);
        else report.push(checkJson(file, result));
        if (result.errors > 0 || (opts.strict && result.warnings > 0)) exitCode = 1;
      }
      if (opts.format === 'json') process.stdout.write(`${JSON.stringify({ files: report }, null, 2)}\n`);
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
    .addHelpText('after', teach(`  $ fundbook acknowledge data/iqm/2011-08-31.yaml STATED_VS_COMPUTED performance.market_discount --by "A. Reviewer" --reason "As filed"`, `  0    acknowledged: an entry added to the review file beside FILE
  1    refused: no such finding, an error (errors cannot be acknowledged), already acknowledged, or a bad file
  2    a usage error`, 'docs/review.md'))
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
    .addHelpText('after', teach(`  $ fundbook sign data/iqm/2011-08-31.yaml --role preparer --by "P. Preparer"
  $ fundbook sign data/iqm/2011-08-31.yaml --role reviewer --by "A. Reviewer" --on 2011-10-22`, `  0    signed: the sign-off, with the data file's sha256, written to the review file
  1    refused: a finding is open, a review entry is stale, the reviewer is the preparer, or no current preparer sign-off
  2    a usage error`, 'docs/review.md'))
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
    .description('print the computed figures of one fund-period as JSON, or one CSV row per figure')
    .argument('<file>', 'a fund-period YAML file')
    .option('--format <format>', 'json (docs/figures-json.md) or csv (path,label,unit,value)', 'json')
    .addHelpText('after', teach(`  $ fundbook figures data/iqm/2011-08-31.yaml > figures.json
  $ fundbook figures --format csv data/iqm/2011-08-31.yaml > figures.csv`, `  0  the figures, no error finding
  1  the file does not load (problems on stderr), or a finding is an error (the figures are printed)
  2  a usage error`, 'docs/figures-json.md: every figure, its type and unit; the CSV columns'))
    .action((file: string, opts: { format: string }) => {
      if (!['json', 'csv'].includes(opts.format)) {
        console.error(`fundbook figures: --format takes "json" or "csv", not "${opts.format}"`);
        exitCode = 2;
        return;
      }
      debugPhase(`loading ${file}`);
      // A meeting file (board/<meeting>.yaml): its fund period's figures with the board review added.
      const meeting = isMeetingFile(file) ? validateMeeting(file) : undefined;
      const loaded = meeting?.loaded ?? loadFundFile(file);
      if (!loaded.fund || (meeting && !meeting.figures)) {
        const problems = meeting ? meeting.errors : loaded.problems.map(formatDiagnostic);
        for (const p of problems) console.error(p);
        exitCode = 1;
        return;
      }
      const figures = meeting?.figures ?? computeFigures(loaded.fund);
      if (opts.format === 'csv') {
        const rows = figureRows(loaded.fund, figures).map((r) => [r.path, r.label, r.unit, r.value]);
        process.stdout.write(csv([['path', 'label', 'unit', 'value'], ...rows]));
      } else {
        process.stdout.write(`${JSON.stringify(figuresJson(loaded.fund, figures, loaded.locate), null, 2)}\n`);
      }
      // The figures are printed either way; an error finding (a statement that does not foot) fails the command.
      if (figures.findings.some((f) => f.severity === 'error')) exitCode = 1;
    });

  program
    .command('build')
    .description('build the PDFs, figures.json and manifest.json of each fund-period into --out')
    .argument('<paths...>', 'fund-period YAML files or directories of them')
    .option('--out <dir>', 'output directory', 'output')
    .option('--only <document>', `build only one document: ${DOCUMENT_NAMES.join(' or ')}`)
    .option('--previous <file>', "the previous period's YAML: also write the period diff (default: the file beside the input whose period ends last before it)")
    .option('--no-diff', 'do not write a period diff even when a previous period is found')
    .option('--concurrency <n>', `documents in flight at once, ${RANGES.concurrency.min}-${RANGES.concurrency.max} (default: the number of cores)`)
    .option('--shard <i/n>', 'build shard i of n (a stable, balanced subset of the funds)')
    .option('--timeout <seconds>', `print timeout of a document of up to 1 MB of HTML, longer in proportion for a larger one; ${RANGES.timeout.min}-${RANGES.timeout.max}`, '120')
    .option('--launch-timeout <seconds>', `how long Chromium may take to start, ${RANGES.launchTimeout.min}-${RANGES.launchTimeout.max}`, '30')
    .option('--no-progress', 'plain one-line-per-fund logs even on a terminal')
    .option('--final', 'refuse a fund-period not signed off by a current preparer and reviewer (docs/review.md)')
    .option('--force', 'print every document again, even those whose inputs have not changed since the last build')
    .option('--dry-run', 'list what would be printed and why (which input changed) and what kept; write nothing')
    .option('--templates <dir>', "a folder of templates over fundbook's own; repeatable, a later folder over an earlier (docs/templates.md)", collect, [])
    .addHelpText('after', teach(`  $ fundbook build data/iqm/2011-08-31.yaml --out output
  $ fundbook build data/ --out output --concurrency 2 --shard 1/4
  $ fundbook build data/ --out output --dry-run     # what changed since the last build
  $ fundbook build data/ --out output --force       # print everything again
  $ fundbook build data/iqm/2011-08-31.yaml --final

A document already in --out whose input, review file, templates, fonts, fundbook and Chromium versions
and previous period (for the period diff) are unchanged, and whose file still has the sha256 its
manifest.json records, is kept ("unchanged, kept"), not printed again.`, `  0    every fund-period built (or, with --dry-run, every input valid)
  1    a fund-period failed or was skipped with errors (with --final: not signed off), or no Chromium was found
  2    a usage error
  130  stopped by Ctrl-C (nothing half-written)`, 'README.md (Commands; A fund complex; Incremental builds), docs/review.md (--final) and docs/library.md (the browser)'))
    .action(async (paths: string[], opts: { out: string; only?: DocumentName; previous?: string; diff: boolean; concurrency?: string; shard?: string; timeout: string; progress: boolean; launchTimeout: string; final?: boolean; templates: string[]; force?: boolean; dryRun?: boolean }) => {
      const shard = opts.shard ? parseShard(opts.shard) : undefined;
      const concurrency = opts.concurrency === undefined ? undefined : parseInRange('--concurrency', opts.concurrency, RANGES.concurrency);
      const timeout = parseInRange('--timeout', opts.timeout, RANGES.timeout);
      const launchTimeout = parseInRange('--launch-timeout', opts.launchTimeout, RANGES.launchTimeout);
      const refused = [shard, concurrency, timeout, launchTimeout].find((v): v is string => typeof v === 'string');
      if (refused !== undefined) {
        console.error(`fundbook build: ${refused}`);
        exitCode = 2;
        return;
      }
      if (opts.only && !DOCUMENT_NAMES.includes(opts.only)) {
        console.error(`fundbook build: --only takes ${DOCUMENT_NAMES.map((n) => `"${n}"`).join(' or ')}, not "${opts.only}"`);
        exitCode = 2;
        return;
      }
      const run = opts.dryRun ? (await import('./pipeline/dry-run.js')).dryRun : (await import('./pipeline/build-all.js')).buildAll;
      exitCode = await run(findInputs(paths), {
        outDir: opts.out,
        force: opts.force,
        only: opts.only,
        final: opts.final,
        templates: opts.templates,
        previous: opts.previous,
        diff: opts.diff,
        concurrency: concurrency as number | undefined,
        shard: shard as Shard | undefined,
        timeoutMs: (timeout as number) * 1000,
        launchTimeoutMs: (launchTimeout as number) * 1000,
        progress: opts.progress === false ? false : undefined,
        pool: lent.pool,
        preparer: lent.preparer,
      });
    });

  program
    .command('diff')
    .description('compare two periods of one fund: variances, findings, holdings, blackline (period-diff.pdf and .json)')
    .argument('<previous>', "the earlier period's YAML file")
    .argument('<current>', "the later period's YAML file")
    .option('--out <dir>', 'output directory (default: output/<fund-id>/<period-end>)')
    .addHelpText('after', teach(`  $ fundbook diff data/iqm/2011-02-28.yaml data/iqm/2011-08-31.yaml --out output/iqm/2011-08-31`, `  0  the diff was written (or there are no differences)
  1  a file does not load, or the two files are different funds
  2  a usage error`, 'README.md (The period diff) and docs/data-format.md (flux)'))
    .option('--launch-timeout <seconds>', `how long Chromium may take to start, ${RANGES.launchTimeout.min}-${RANGES.launchTimeout.max}`, '30')
    .option('--templates <dir>', "a folder of templates over fundbook's own; repeatable, a later folder over an earlier (docs/templates.md)", collect, [])
    .action(async (previous: string, current: string, opts: { out?: string; launchTimeout: string; templates: string[] }) => {
      const launchTimeout = parseInRange('--launch-timeout', opts.launchTimeout, RANGES.launchTimeout);
      if (typeof launchTimeout === 'string') {
        console.error(`fundbook diff: ${launchTimeout}`);
        exitCode = 2;
        return;
      }
      const { runDiff } = await import('./pipeline/build-diff.js');
      exitCode = await runDiff(previous, current, opts.out, { launchTimeoutMs: launchTimeout * 1000, templates: opts.templates, pool: lent.pool });
    });

  program
    .command('preview')
    .description('show the documents of a fund-period in the browser, with its findings; reloads on every save')
    .argument('<file>', 'a fund-period YAML file')
    .option('--port <n>', `the port to listen on, ${RANGES.port.min}-${RANGES.port.max} (0: any free port)`, '4700')
    .option('--host <address>', 'the address to listen on (default: this machine only)', '127.0.0.1')
    .option('--out <dir>', 'where "Print PDF" builds, as build --out', 'output')
    .option('--templates <dir>', "a folder of templates over fundbook's own; repeatable, a later folder over an earlier (docs/templates.md)", collect, [])
    .addHelpText('after', teach(`  $ fundbook preview data/iqm/2011-08-31.yaml
  $ fundbook preview data/iqm/2011-08-31.yaml --port 8080 --templates examples/house-style`, `  0  stopped with Ctrl-C
  1  the template folders are refused, or the port cannot be used
  2  a usage error`, 'docs/templates.md (Preview)'))
    .action(async (file: string, opts: { port: string; host: string; out: string; templates: string[] }) => {
      const port = parseInRange('--port', opts.port, RANGES.port);
      if (typeof port === 'string') {
        console.error(`fundbook preview: ${port}`);
        exitCode = 2;
        return;
      }
      const { runPreview } = await import('./preview/run-preview.js');
      exitCode = await runPreview({ file, port, host: opts.host, outDir: opts.out, templates: opts.templates });
    });

  program
    .command('roll-forward')
    .description("start the next period's file from this one: carried terms, comparatives moved, figures TO BE FILLED")
    .argument('<file>', "this period's YAML file")
    .requiredOption('--to <period-end>', "the next period's end date, YYYY-MM-DD")
    .option('--out <file>', 'where to write it (default: <period-end>.yaml beside the input); never overwritten')
    .addHelpText('after', teach(`  $ fundbook roll-forward data/iqm/2011-08-31.yaml --to 2012-02-29
  $ fundbook check data/iqm/2012-02-29.yaml     # lists every figure still to be filled`, `  0  the next period's file was written
  1  the input does not load, or the target exists (never overwritten)
  2  a usage error`, 'README.md (Roll-forward) and docs/data-format.md (TO BE FILLED)'))
    .action((file: string, opts: { to: string; out?: string }) => {
      // Only a file that `check` accepts is rolled forward, refused with check's own messages otherwise.
      debugPhase(`validating ${file}`);
      const { errors } = validateInput(file);
      if (errors.length > 0) {
        for (const e of errors) console.error(`fundbook roll-forward: ${e}`);
        exitCode = 1;
        return;
      }
      const result = rollForwardFile(file, opts.to, opts.out);
      if ('error' in result) {
        console.error(`fundbook roll-forward: ${result.error}`);
        exitCode = 1;
        return;
      }
      console.log(`wrote ${result.written}; run \`fundbook check ${result.written}\` to list the figures to be filled`);
    });

  program
    .command('init')
    .description("start a new fund: its first fund-period file, every required field TO BE FILLED, each with a comment saying what it is")
    .argument('<fund-id>', 'the fund id: lower-case letters, digits and dashes')
    .requiredOption('--period-end <date>', "the first period's end date, YYYY-MM-DD")
    .option('--out <dir>', 'the data folder; the file is written as <dir>/<fund-id>/<period-end>.yaml', 'data')
    .addHelpText('after', teach(`  $ fundbook init my-fund --period-end 2012-02-29
  $ fundbook check data/my-fund/2012-02-29.yaml     # lists every field still to be filled, with its line`, `  0  the file was written
  1  the target exists (never overwritten), or the folder cannot be written
  2  a usage error (a fund id or date the format does not take)`, 'docs/data-format.md (every section and field)'))
    .action((fundId: string, opts: { periodEnd: string; out: string }) => {
      const result = initFile(fundId, opts.periodEnd, opts.out);
      if ('usage' in result || 'error' in result) {
        console.error(`fundbook init: ${'usage' in result ? result.usage : result.error}`);
        exitCode = 'usage' in result ? 2 : 1;
        return;
      }
      console.log(`wrote ${result.written}; run \`fundbook check ${result.written}\` to list the fields to fill`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    const code = (err as { code?: string; exitCode?: number }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    if (code?.startsWith('commander.')) return 2;
    // The browser could not be started or used: one line that names it, whatever the command.
    // Likewise an output folder another build is writing into (pipeline/output-lock.ts).
    if (err instanceof BrowserStartError || err instanceof OutputLockedError) {
      console.error(`fundbook: ${err.message}`);
      return 1;
    }
    throw err;
  }
  return exitCode;
}
