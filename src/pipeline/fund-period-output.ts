// What a fund-period's output folder holds, and the manifest that lists it. The manifest's `files` lists
// every fundbook output in the folder with its sha256 and size: those this run wrote, and those it did
// not rebuild (`--only report` leaves the board book; `--no-diff` the period diff; `fundbook diff` the
// documents), which stay and are listed as `carried` from the previous build, hashed as they are on disk.
// A carried document keeps its previous `documents` entry, marked carried, when that entry's hash matches.
// An incremental build (pipeline/up-to-date.ts) lists the outputs it found up to date as `kept`: their
// entries as the earlier build wrote them, and in `files` hashed again as they are on disk.
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { commitOutputSet, MANIFEST, recoverOutputSet, type OutputFs } from './output-set.js';
import { withOutputLock } from './output-lock.js';

/** Every file fundbook writes into a fund-period's folder, besides the manifest. */
const OUTPUT_FILES = ['shareholder-report.pdf', 'board-approval.pdf', 'figures.json', 'tie-outs.xlsx', 'period-diff.pdf', 'period-diff.json'] as const;

interface ListedFile {
  sha256: string;
  bytes: number;
  /** Not written by this run, nor judged up to date: left from an earlier one. */
  carried?: true;
  /** Not written by this run: up to date (same inputs, same bytes), kept from an earlier one. */
  kept?: true;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/**
 * The manifest's `files`: what `written` puts in `dir`, and the outputs already there that it leaves.
 * `listedBefore`: the files the previous manifest listed (an output whose name is the fund's own, like
 * the EDGAR HTML's, is found there).
 */
function listFiles(dir: string, written: Record<string, Uint8Array | string>, fs: Pick<OutputFs, 'existsSync'> & { readFileSync(path: string): Buffer } = nodeFs, listedBefore: readonly string[] = []): Record<string, ListedFile> {
  const files: Record<string, ListedFile> = {};
  const names = [...OUTPUT_FILES, ...listedBefore.filter((n) => n !== MANIFEST && !n.includes('/')), ...Object.keys(written)];
  for (const name of [...new Set(names)].sort()) {
    const data = written[name];
    if (data !== undefined) {
      files[name] = { sha256: sha256(data), bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length };
    } else if (fs.existsSync(join(dir, name))) {
      const kept = fs.readFileSync(join(dir, name));
      files[name] = { sha256: sha256(kept), bytes: kept.length, carried: true };
    }
  }
  return files;
}

/** The manifest now in `dir`, if there is one that parses. */
export function previousManifest(dir: string, fs: Pick<OutputFs, 'existsSync' | 'readFileSync'> = nodeFs): Record<string, unknown> | undefined {
  try {
    const file = join(dir, MANIFEST);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

interface Entry {
  file?: string;
  sha256?: string;
  kept?: boolean;
  json?: Entry;
  [key: string]: unknown;
}

/** Mark the files of kept entries `kept` in `files`, if every one is there with the entry's sha256. */
function markKept(files: Record<string, ListedFile>, entries: Entry[]): boolean {
  const listed = entries.map((e) => (e.file ? files[e.file] : undefined));
  if (!entries.every((e, i) => listed[i]?.sha256 === e.sha256)) return false;
  for (const l of listed) {
    delete l!.carried;
    l!.kept = true;
  }
  return true;
}

/**
 * Write `written` (name -> bytes) into `dir` as one set with its manifest: `manifest` plus `files`, and,
 * for a document kept from the previous build, its previous `documents` entry marked carried. Holds the
 * folder's lock (pipeline/output-lock.ts) throughout.
 */
export function commitFundPeriod(dir: string, written: Record<string, Uint8Array | string>, manifest: Record<string, unknown>, fs: OutputFs = nodeFs): void {
  fs.mkdirSync(dir, { recursive: true });
  // Held from the recovery to the last rename: what is carried is read from a folder no one else is swapping.
  withOutputLock(dir, () => {
    recoverOutputSet(dir, fs);
    commitLocked(dir, written, manifest, fs);
  });
}

function commitLocked(dir: string, written: Record<string, Uint8Array | string>, manifest: Record<string, unknown>, fs: OutputFs): void {
  const before = previousManifest(dir, fs) as { documents?: Record<string, Entry>; files?: Record<string, unknown> } | undefined;
  const files = listFiles(dir, written, nodeFs, Object.keys(before?.files ?? {}));
  const documents = { ...(manifest.documents as Record<string, Entry> | undefined) };
  // Kept by an incremental build: listed so only while the file on disk still has the entry's hash.
  for (const [kind, entry] of Object.entries(documents)) if (entry.kept && !markKept(files, [entry])) delete documents[kind];
  let periodDiff = manifest.periodDiff as Entry | undefined;
  if (periodDiff?.kept && !markKept(files, [periodDiff, periodDiff.json ?? {}])) periodDiff = undefined;
  for (const [kind, entry] of Object.entries(before?.documents ?? {})) {
    const listed = entry.file ? files[entry.file] : undefined;
    if (!(kind in documents) && listed?.carried && listed.sha256 === entry.sha256) documents[kind] = { ...entry, carried: true };
  }
  const full = { ...manifest, documents, ...(periodDiff ? { periodDiff } : {}), files };
  commitOutputSet(dir, { ...written, [MANIFEST]: `${JSON.stringify(full, null, 2)}\n` }, fs);
}
