// The process table, for tests that check fundbook leaves no Chromium behind: Chromium runs in a
// process group of its own, found as a child of the fundbook process. Read from /proc in this process:
// the tests poll it every 50 ms while a build runs, and a `ps` each time (a fork of the test worker and
// a scan of /proc) cost the suite more CPU than some of the builds it watched. The poll reads only the
// fundbook process's own children (/proc/<pid>/task/<tid>/children), not every process's stat.
import { readdirSync, readFileSync } from 'node:fs';

interface Proc {
  pid: number;
  comm: string;
  state: string;
  pgid: number;
}

/** A process from /proc/<pid>/stat, or undefined if it has ended. */
function processOf(pid: string | number): Proc | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ")".
  const close = stat.lastIndexOf(')');
  const [state, , pgid] = stat.slice(close + 2).split(' ');
  return { pid: Number(pid), comm: stat.slice(stat.indexOf('(') + 1, close), state: state!, pgid: Number(pgid) };
}

/** The ids of every process now running (or a zombie). */
const pids = () => readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));

/** Every process now running (or a zombie); one that ends while it is read is left out. */
function processes(): Proc[] {
  return pids()
    .map(processOf)
    .filter((p): p is Proc => p !== undefined);
}

/** The children of `pid`, whichever of its threads started them (none once it has ended). */
function childrenOf(pid: number): Proc[] {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const children = threads.flatMap((tid) => {
    try {
      return readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean);
    } catch {
      return [];
    }
  });
  return children.map(processOf).filter((p): p is Proc => p !== undefined);
}

/**
 * Process-group ids of the Chromiums `pid` started to print with: its children that lead a group of their
 * own. (`chromium --version`, which fundbook also runs, stays in fundbook's group, the test runner's.)
 */
export function chromiumGroups(pid: number): number[] {
  return childrenOf(pid)
    .filter((p) => p.pgid === p.pid && /chrom/.test(p.comm))
    .map((p) => p.pgid);
}

/** Whether any process of the group still runs (zombies, dead and waiting for init to reap them, do not count). */
export function alive(pgid: number): boolean {
  return processes().some((p) => p.pgid === pgid && p.state !== 'Z');
}

/** Whether a running process's command line holds `text` (its arguments as one line, as `ps -o args` shows them). */
export function commandLineHolds(text: string): boolean {
  return pids().some((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(text);
    } catch {
      return false;
    }
  });
}

/** Whether the group is gone within `ms` (SIGKILL is delivered at once, but the kernel needs a moment, longer on a loaded machine). */
export async function gone(pgid: number, ms = 60_000): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise((r) => setTimeout(r, 100))) {
    if (!alive(pgid)) return true;
  }
  return !alive(pgid);
}
