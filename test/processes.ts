// The process table, for tests that check fundbook leaves no Chromium behind: Chromium runs in a
// process group of its own, found as a child of the fundbook process.
import { execFileSync } from 'node:child_process';

/** Process-group ids of Chromium processes whose parent is `pid`. */
export function chromiumGroups(pid: number): number[] {
  try {
    const out = execFileSync('ps', ['-o', 'pid=,pgid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' });
    return out.split('\n').filter((l) => /chrom/.test(l)).map((l) => Number(l.trim().split(/\s+/)[1]));
  } catch {
    return [];
  }
}

/** Whether any process of the group still runs (zombies, dead and waiting for init to reap them, do not count). */
export function alive(pgid: number): boolean {
  try {
    const states = execFileSync('ps', ['-o', 'stat=', '-g', String(pgid)], { encoding: 'utf8' });
    return states.split('\n').some((s) => s.trim() !== '' && !s.trim().startsWith('Z'));
  } catch {
    return false;
  }
}

/** Whether the group is gone within `ms` (SIGKILL is delivered at once, but the kernel needs a moment, longer on a loaded machine). */
export async function gone(pgid: number, ms = 60_000): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 100))) {
    if (!alive(pgid)) return true;
  }
  return !alive(pgid);
}
