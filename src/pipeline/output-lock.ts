// One writer at a time in a fund-period's output folder. Two builds into the same folder would otherwise
// share its staging folder (pipeline/output-set.ts): the second's crash recovery would remove the first's
// half-swapped set. The lock is a file beside the staging folder, `.fundbook-staging.lock`, created
// exclusively and holding the owner's pid. A run that finds it held waits (a swap takes milliseconds),
// up to `waitMs`, then gives up with one line naming the lock; a lock whose pid no longer runs (a build
// killed outright) is stale and taken over, and that build's unfinished swap undone as usual.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGING } from './output-set.js';

export const LOCK = `${STAGING}.lock`;
/** How long a run waits for another to finish its swap in the same folder. */
const LOCK_WAIT_MS = 10_000;

/** The folder is being written by another live fundbook process; nothing was written. */
export class OutputLockedError extends Error {}

/** Whether process `pid` runs (one of another user counts: it cannot be signalled, but it is there). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Sleep `ms` without returning to the event loop: the output set is written synchronously. */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Run `write` holding `dir`'s lock. */
export function withOutputLock<T>(dir: string, write: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = join(dir, LOCK);
  const started = Date.now();
  let holder = '';
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    try {
      holder = readFileSync(lock, 'utf8').trim();
    } catch {
      continue; // released between our two calls: try again
    }
    const pid = Number(holder);
    // Stale: its process is gone, or it is this one (never two writes at once in one process: they are
    // synchronous). An empty file is a lock being written this instant, unless it stays empty.
    const stale = holder === '' ? Date.now() - started > 1000 : !Number.isInteger(pid) || pid === process.pid || !running(pid);
    if (stale) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() - started >= waitMs) {
      throw new OutputLockedError(`${lock} is held by fundbook process ${holder} (another build writing into the same folder); gave up after ${waitMs / 1000} s, nothing written for this fund-period (remove the file if no such build runs)`);
    }
    pause(50);
  }
  try {
    return write();
  } finally {
    rmSync(lock, { force: true });
  }
}
