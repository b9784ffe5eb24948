// Proportional set size (PSS) of this process and every process below it (Chromium and its renderers),
// read from /proc on Linux; sampled while a batch runs to find its peak.
import { readdirSync, readFileSync } from 'node:fs';

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = tree.get(ppid) ?? [];
      list.push(Number(entry));
      tree.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return tree;
}

function pssKb(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** PSS in MB of the process tree rooted at `root`: [node itself, everything below it]. */
export function treePss(root = process.pid): { self: number; children: number } {
  const tree = children();
  let below = 0;
  const stack = [...(tree.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    below += pssKb(pid);
    stack.push(...(tree.get(pid) ?? []));
  }
  return { self: pssKb(root) / 1024, children: below / 1024 };
}

/** Sample the PSS of the tree under `root` every `ms` until stopped; returns the peaks. */
export function samplePeak(ms = 250, root = process.pid): () => { self: number; children: number; total: number } {
  let peak = { self: 0, children: 0, total: 0 };
  const timer = setInterval(() => {
    const now = treePss(root);
    peak = { self: Math.max(peak.self, now.self), children: Math.max(peak.children, now.children), total: Math.max(peak.total, now.self + now.children) };
  }, ms);
  return () => {
    clearInterval(timer);
    return peak;
  };
}
