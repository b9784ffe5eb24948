// Expand the command line's files and directories into fund-period YAML files, in a stable order.
// Files whose name starts with "_" or "." are fragments or hidden, and `*.review.yaml` files are the
// review records beside fund-periods (docs/review.md), not fund-periods. Symbolic links are followed, to
// files and to folders (a folder reached twice, as by a link that loops, is walked once). Anything else
// with a fund file's name (a FIFO, a broken link) is passed on, so the loader reports it.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

const isFundFile = (name: string) => /\.ya?ml$/i.test(name) && !/^[_.]/.test(name) && !/\.review\.ya?ml$/i.test(name);

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing or a broken link: passed through, and the loader names it
  }
}

export function findInputs(args: readonly string[]): string[] {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = (dir: string) => {
    const real = realpathSync(dir);
    if (walked.has(real)) return;
    walked.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      const directory = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path));
      if (directory) walk(path);
      else if (isFundFile(entry.name)) out.push(path);
    }
  };
  for (const arg of args) {
    if (isDirectory(arg)) walk(arg);
    else out.push(arg);
  }
  return out;
}
