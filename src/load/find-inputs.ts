// Expand the command line's files and directories into fund-period YAML files, in a stable order.
// Files whose name starts with "_" or "." are fragments or hidden, and `*.review.yaml` files are the
// review records beside fund-periods (docs/review.md), not fund-periods.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const isFundFile = (name: string) => /\.ya?ml$/i.test(name) && !/^[_.]/.test(name) && !/\.review\.ya?ml$/i.test(name);

export function findInputs(args: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isFundFile(entry.name)) out.push(path);
    }
  };
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // A missing path is passed through: the loader reports it with the file's name.
    }
    if (isDir) walk(arg);
    else out.push(arg);
  }
  return out;
}
