// One Chromium per test worker, started on first use and kept warm: the commands a test runs in this
// process (test/run-cli.ts) and the tests that print directly share it. Starting Chromium and its first
// print cost about three times a warm print's CPU, and the suite runs on two busy cores. A test of how
// fundbook starts or ends Chromium runs its own (a spawned fundbook, or runCli's `ownBrowser`).
//
// Likewise one preparing thread per test worker for the batches runCli builds (pipeline/preparer.ts): a
// fresh thread loads every module and compiles the templates again, about a CPU-second a batch.
import type { Browser } from 'puppeteer-core';
import { BrowserPool } from '../src/render/browser-pool.js';
import { Preparer } from '../src/pipeline/preparer.js';

export const warmPool = new BrowserPool();

let preparer: Preparer | undefined;
/** The worker's preparing thread, started on first use. */
export const warmPreparer = (): Preparer => (preparer ??= new Preparer(1));

// Chromium ends by itself when this process's end of its pipe closes; this also removes its profile.
process.once('exit', () => warmPool.killAll());

/** The worker's browser; a test closes the pages it opens, never the browser. */
export async function warmBrowser(): Promise<Browser> {
  return (await warmPool.acquire()).browser;
}
