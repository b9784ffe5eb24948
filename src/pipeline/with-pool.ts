// A run's shared Chromium, ended however the run ends: normally, on an error, or on Ctrl-C/SIGTERM.
//
// Ctrl-C and SIGTERM: until a Chromium is started, the signal's default action ends fundbook at once,
// even in the middle of reading or validating a large input (nothing is written before printing, and
// a handler could only run once that synchronous work finished). From the moment one is started, a
// handler ends every Chromium process group (profile folders included) and exits 130 (SIGINT) or 143
// (SIGTERM). A signal never lands in the middle of writing an output set (the write is synchronous,
// and a handled signal waits for it); one that kills outright is undone by the next run
// (pipeline/output-set.ts).
import { BrowserPool } from '../render/browser-pool.js';
import { debugPhase } from '../debug-log.js';

/**
 * Run `work` with a pool, ending Chromium however the run ends (Ctrl-C included). A `lent` pool is the
 * caller's: a process that builds again and again (a program using the library, a test suite) starts
 * Chromium once and keeps it warm; the caller closes it, and handles its own signals.
 */
export async function withPool<T>(work: (pool: BrowserPool) => Promise<T>, launchTimeoutMs?: number, lent?: BrowserPool): Promise<T> {
  if (lent) return work(lent);
  let handling = false;
  const stop = (signal: NodeJS.Signals) => {
    pool.killAll();
    console.error(`\nfundbook: stopped by ${signal}; no output was left half-written`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const pool = new BrowserPool(launchTimeoutMs, () => {
    if (handling) return;
    handling = true;
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    debugPhase('starting Chromium');
  });
  try {
    return await work(pool);
  } finally {
    await pool.close();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
