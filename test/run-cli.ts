// The CLI in the test's own process: `main(argv)` from src/cli.ts, exactly as bin/fundbook.js calls it,
// with what it prints captured instead of written. A test that checks what a command prints for many
// inputs runs it here; only a behaviour that needs a real process (exit status of bin/fundbook.js, a
// process that must exit, a heap limit) spawns one. An exception that would reach bin/fundbook.js is
// reported as it would print it: "fundbook: internal error: ...", status 70.
import { main } from '../src/cli.js';
import { warmPool, warmPreparer } from './warm-browser.js';

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs one command, in `cwd` if given (relative paths then print as the user typed them); calls are
 * serialized, since the console and the working directory are process-wide. A command that prints does
 * so on the worker's warm browser, and a batch on its preparing thread (test/warm-browser.ts), unless
 * `ownBrowser`: then it starts and ends its own of both, as bin/fundbook.js does.
 */
export function runCli(argv: string[], cwd?: string, options: { ownBrowser?: boolean } = {}): Promise<CliRun> {
  // A build of more than one input prepares on the worker's preparing thread too (none starts for a check).
  const lent = options.ownBrowser ? {} : { pool: warmPool, ...(argv.includes('build') ? { preparer: warmPreparer() } : {}) };
  const run = queue.then(() => capture(argv, cwd, lent));
  queue = run.catch(() => undefined);
  return run;
}

async function capture(argv: string[], cwd: string | undefined, lent: Parameters<typeof main>[1]): Promise<CliRun> {
  const home = process.cwd();
  if (cwd) process.chdir(cwd);
  let stdout = '';
  let stderr = '';
  const saved = { log: console.log, error: console.error, warn: console.warn, out: process.stdout.write, err: process.stderr.write };
  const text = (args: unknown[]) => `${args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ')}\n`;
  console.log = (...args: unknown[]) => void (stdout += text(args));
  console.error = console.warn = (...args: unknown[]) => void (stderr += text(args));
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const status = await main(argv, lent);
    return { status, stdout, stderr };
  } catch (err) {
    stderr += `fundbook: internal error: ${err instanceof Error ? err.message : String(err)} (run with --debug for the stack trace)\n`;
    return { status: 70, stdout, stderr };
  } finally {
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn });
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.chdir(home);
  }
}
