// A run's shared Chromium, ended however the run ends: normally, on an error, or on Ctrl-C/SIGTERM (which
// also removes any half-written temporary file).
import { BrowserPool } from '../render/browser-pool.js';
import { removePendingTemps } from './atomic-write.js';

/** Run `work` with a pool, ending Chromium however the run ends (Ctrl-C included). */
export async function withPool<T>(work: (pool: BrowserPool) => Promise<T>): Promise<T> {
  const pool = new BrowserPool();
  const stop = (signal: NodeJS.Signals) => {
    pool.killAll();
    removePendingTemps();
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
