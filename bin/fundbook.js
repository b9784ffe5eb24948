#!/usr/bin/env node
// fundbook's command line. Internal errors print one line; --debug shows the stack.
import { main } from '../dist/cli.js';

const debug = process.argv.includes('--debug');
try {
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
} catch (err) {
  if (debug) console.error(err);
  else console.error(`fundbook: internal error: ${err instanceof Error ? err.message : String(err)} (run with --debug for the stack trace)`);
  process.exitCode = 70;
}
