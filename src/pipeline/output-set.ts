// A fund-period's outputs are replaced as one set: all or nothing. Every new file is first written
// into a staging folder inside the output folder (same file system, so renames are atomic); only when all
// are written is the set swapped in: the old manifest is moved aside first, then each old file is moved
// aside and its new one renamed into place, and the new manifest comes last. Any failure moves the old
// files back, the manifest last, and removes the staging folder. A journal in the staging folder lets the
// next run finish that undo after a crash (kill -9, power loss) in the middle of the swap.
//
// What a reader can rely on: while manifest.json is in the folder, the files match it. In the middle of
// a swap there is no manifest.json; the next fundbook run in the folder restores the previous set.
import * as nodeFs from 'node:fs';
import { join } from 'node:path';

/** The file-system calls the swap uses; tests pass one that fails on a chosen call. */
export interface OutputFs {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: Uint8Array | string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { recursive?: boolean; force: true }): void;
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

export const STAGING = '.fundbook-staging';
export const MANIFEST = 'manifest.json';

interface Journal {
  /** Every name in the set, the manifest included. */
  names: string[];
  /** The names that existed before the swap (moved to old/ before their replacement goes in). */
  previous: string[];
}

/**
 * Undo a swap a crash left unfinished in `dir`, if any: put every moved file back, the manifest last;
 * then remove the staging folder. A swap that got as far as placing its manifest is kept.
 */
export function recoverOutputSet(dir: string, fs: OutputFs = nodeFs): void {
  const staging = join(dir, STAGING);
  if (!fs.existsSync(staging)) return;
  const journalFile = join(staging, 'journal.json');
  if (fs.existsSync(journalFile)) {
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal;
    const committed = !fs.existsSync(join(staging, 'new', MANIFEST));
    if (!committed) rollBack(dir, journal, fs);
  }
  fs.rmSync(staging, { recursive: true, force: true });
}

function rollBack(dir: string, journal: Journal, fs: OutputFs): void {
  const staging = join(dir, STAGING);
  const ordered = [...journal.names.filter((n) => n !== MANIFEST), MANIFEST];
  for (const name of ordered) {
    const old = join(staging, 'old', name);
    if (journal.previous.includes(name)) {
      // Moved aside: put it back. Not moved: it never left.
      if (fs.existsSync(old)) fs.renameSync(old, join(dir, name));
    } else if (!fs.existsSync(join(staging, 'new', name))) {
      // New to the folder and already moved in: take it out.
      fs.rmSync(join(dir, name), { force: true });
    }
  }
}

/**
 * Replace the set of outputs in `dir` with `files` (name -> bytes), `files[MANIFEST]` last. Throws the
 * first error after restoring the previous set; then nothing of the new set is left behind.
 */
export function commitOutputSet(dir: string, files: Record<string, Uint8Array | string>, fs: OutputFs = nodeFs): void {
  if (!(MANIFEST in files)) throw new Error('an output set has a manifest');
  fs.mkdirSync(dir, { recursive: true });
  recoverOutputSet(dir, fs);
  const staging = join(dir, STAGING);
  const names = [...Object.keys(files).filter((n) => n !== MANIFEST), MANIFEST];
  const journal: Journal = { names, previous: names.filter((n) => fs.existsSync(join(dir, n))) };
  let swapping = false;
  try {
    fs.mkdirSync(join(staging, 'new'), { recursive: true });
    fs.mkdirSync(join(staging, 'old'), { recursive: true });
    for (const name of names) fs.writeFileSync(join(staging, 'new', name), files[name]!);
    fs.writeFileSync(join(staging, 'journal.json'), JSON.stringify(journal));
    swapping = true;
    // The manifest leaves first and comes back last: no manifest ever describes a half-swapped folder.
    if (journal.previous.includes(MANIFEST)) fs.renameSync(join(dir, MANIFEST), join(staging, 'old', MANIFEST));
    for (const name of names.slice(0, -1)) {
      if (journal.previous.includes(name)) fs.renameSync(join(dir, name), join(staging, 'old', name));
      fs.renameSync(join(staging, 'new', name), join(dir, name));
    }
    fs.renameSync(join(staging, 'new', MANIFEST), join(dir, MANIFEST));
  } catch (err) {
    try {
      if (swapping) rollBack(dir, journal, fs);
      fs.rmSync(staging, { recursive: true, force: true });
    } catch {
      // The undo failed too (the disk is gone?): the journal stays, and the next run finishes the undo.
    }
    throw err;
  }
  // Committed. Removing the staging folder can fail harmlessly: the next run removes it.
  try {
    fs.rmSync(staging, { recursive: true, force: true });
  } catch {
    // left for the next run
  }
}
