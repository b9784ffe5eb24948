// Outputs are written whole or not at all: each file goes to a temporary name beside its target and is
// renamed over it, so a failed or interrupted run leaves the previous output untouched.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Temporary files being written right now: a signal handler removes them before the process exits. */
const pending = new Set<string>();
let counter = 0;

export function writeAtomically(path: string, data: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.fundbook-${process.pid}-${++counter}.tmp`);
  pending.add(temp);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  } finally {
    pending.delete(temp);
  }
}

export function removePendingTemps(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

/** Write several files, only after every one of them has been produced. */
export function writeAllAtomically(files: Record<string, Uint8Array | string>): void {
  for (const [path, data] of Object.entries(files)) writeAtomically(path, data);
}
