// A run's shared Chromium, ended however the run ends: normally, on an error, or on Ctrl-C/SIGTERM. A
// signal never lands in the middle of writing an output set (the write is synchronous, and a handled
// signal waits for it); one that kills outright is undone by the next run (pipeline/output-set.ts).
import { BrowserPool } from '../render/browser-pool.js';

/** Run `work` with a pool, ending Chromium however the run ends (Ctrl-C included). */
export async function withPool<T>(work: (pool: BrowserPool) => Promise<T>, launchTimeoutMs?: number): Promise<T> {
  const pool = new BrowserPool(launchTimeoutMs);
  const stop = (signal: NodeJS.Signals) => {
    pool.killAll();
    console.error(`\nfundbook: stopped by ${signal}; no output was left half-written`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(pool);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await pool.close();
  }
}
