// Incremental builds: whether an output already in a fund-period's folder is what building it again would
// give. fundbook's outputs are byte-identical for identical inputs, so each output's manifest entry
// records what went into it (`inputs`: the input file, the review file, the previous period, every
// template file, the fonts, the fundbook and Chromium versions), and an output is kept when that record is
// unchanged and its files still have the sha256 the manifest recorded. Otherwise it is built again, and
// the verdict says why. Options that change output are in the record through what they select (`--previous`
// names the previous period; `--no-diff` leaves it out); `--final` changes nothing printed (it refuses a
// draft), and the DRAFT mark follows from the input and the review file, both recorded.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_DIRS } from '../render/fontconfig.js';
import { reviewFileFor } from '../review/review-file.js';
import { FUNDBOOK_VERSION } from '../version.js';

/** A file that goes into an output: its name as given, and its sha256. */
interface FileRecord {
  file: string;
  sha256: string;
}

/** What goes into one output, as its manifest entry records it (`inputs`). */
export interface OutputInputs {
  input: FileRecord;
  /** The review file beside the input (DRAFT mark, open items); null when there is none. */
  review?: FileRecord | null;
  /** The previous period (the period diff, tie-outs.xlsx's Variances sheet); null when there is none. */
  previous?: FileRecord | null;
  /** The previous period's review file (the period diff's carried acknowledgements). */
  previousReview?: FileRecord | null;
  /** A meeting's book: the fund-period file and peers' CSV it draws on (board/<meeting>.yaml). */
  drawsOn?: FileRecord[];
  /** sha256 of every template, partial and stylesheet used, by path under templates/. */
  templates?: Record<string, string>;
  /** sha256 over the pinned font files (name and sha256 of each), or "system" when they are not installed. */
  fonts?: string;
  fundbook: string;
  /** The Chromium version that prints it (a PDF's record only), e.g. "156.0.8078.114". */
  chromium?: string;
}

type Verdict = { keep: true } | { keep: false; reason: string };

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

export function fileRecord(file: string): FileRecord {
  return { file, sha256: sha256(readFileSync(file)) };
}

/** The review file beside `input`, or null. */
function reviewRecord(input: string): FileRecord | null {
  const file = reviewFileFor(input);
  return existsSync(file) ? fileRecord(file) : null;
}

let fontsHash: string | undefined;

/** The fonts Chromium is given (render/fontconfig.ts): hashed once a process. */
function fontsRecord(): string {
  if (fontsHash) return fontsHash;
  if (!FONT_DIRS.every((d) => existsSync(d))) return (fontsHash = 'system');
  const lines = FONT_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((f) => `${f} ${sha256(readFileSync(f))}\n`),
  );
  return (fontsHash = sha256(lines.join('')));
}

/** The dotted version in what Chromium calls itself ("HeadlessChrome/156.0.8078.114", "Chromium 156.0.8078.114 built on ..."). */
export function chromiumNumber(version: string): string {
  return /\d+(?:\.\d+){3}/.exec(version)?.[0] ?? version.trim();
}

/**
 * A fund document's record: its input, review file, templates, fundbook; and for a printed one the fonts
 * (the printer adds the Chromium version).
 */
export function documentInputs(input: FileRecord, templates: TemplateHashes, printed = true): OutputInputs {
  return { input, review: reviewRecord(input.file), templates: sorted(templates), ...(printed ? { fonts: fontsRecord() } : {}), fundbook: FUNDBOOK_VERSION };
}

/** The period diff's record: both periods and their review files, its templates, fonts, fundbook. */
export function diffInputs(previousFile: string, currentFile: string, templates: TemplateHashes): OutputInputs {
  return {
    input: fileRecord(currentFile),
    review: reviewRecord(currentFile),
    previous: fileRecord(previousFile),
    previousReview: reviewRecord(previousFile),
    templates: sorted(templates),
    fonts: fontsRecord(),
    fundbook: FUNDBOOK_VERSION,
  };
}

/** figures.json and tie-outs.xlsx: the input and, for the Variances sheet, the previous period. */
export function dataInputs(input: FileRecord, previousFile: string | undefined): OutputInputs {
  return { input, previous: previousFile ? fileRecord(previousFile) : null, fundbook: FUNDBOOK_VERSION };
}

/** Template hashes by name, sorted; which folder a file came from does not change what it gives. */
function sorted(hashes: TemplateHashes): Record<string, string> {
  return Object.fromEntries(Object.entries(hashes).map(([name, h]) => [name, h.sha256]).sort(([a], [b]) => a!.localeCompare(b!)));
}

type TemplateHashes = Record<string, { sha256: string }>;

/** A manifest entry as this module reads it: its file and sha256, a second file (`json`), its record. */
interface Entry {
  file?: string;
  sha256?: string;
  json?: { file?: string; sha256?: string };
  inputs?: OutputInputs;
}

export interface Manifest {
  files?: Record<string, { sha256?: string }>;
  [key: string]: unknown;
}

/**
 * Keep or print one output: `want` is what would go into it now, `entry` its entry in `manifest` (the one
 * beside the existing outputs in `dir`). Kept only when the record matches and every file it names is on
 * disk with the sha256 both the entry and the manifest's `files` record.
 */
export function judge(want: OutputInputs, manifest: Manifest | undefined, entry: unknown, dir: string): Verdict {
  const print = (reason: string): Verdict => ({ keep: false, reason });
  if (!manifest) return print('not built before (no manifest.json)');
  if (!entry || typeof entry !== 'object') return print('not in manifest.json');
  const e = entry as Entry;
  if (!e.inputs) return print('manifest.json does not record what went into it');
  const changed = differences(e.inputs, want);
  if (changed.length > 0) return print(changed.join(', '));
  for (const f of [e, e.json]) {
    if (!f) continue;
    if (!f.file || !f.sha256) return print('its manifest entry names no file and sha256');
    if (manifest.files?.[f.file]?.sha256 !== f.sha256) return print(`manifest.json disagrees with itself about ${f.file}: not trusted`);
    const path = join(dir, f.file);
    if (!existsSync(path)) return print(`${f.file} is missing`);
    if (sha256(readFileSync(path)) !== f.sha256) return print(`${f.file} does not have the sha256 manifest.json records (changed since it was written): not trusted`);
  }
  return { keep: true };
}

/** What differs between the record of an existing output (`was`) and what would go into it now. */
export function differences(was: OutputInputs, now: OutputInputs): string[] {
  const out: string[] = [];
  const file = (what: string, a: FileRecord | null | undefined, b: FileRecord | null | undefined) => {
    if (!a && !b) return;
    if (!a) out.push(`${what} ${b!.file} is new`);
    else if (!b) out.push(`${what} ${a.file} is gone`);
    else if (a.file !== b.file) out.push(`${what} is now ${b.file} (was ${a.file})`);
    else if (a.sha256 !== b.sha256) out.push(`${what} ${b.file} changed`);
  };
  file('the input', was.input, now.input);
  file('the review file', was.review, now.review);
  file('the previous period', was.previous, now.previous);
  file("the previous period's review file", was.previousReview, now.previousReview);
  const templates = new Set([...Object.keys(was.templates ?? {}), ...Object.keys(now.templates ?? {})]);
  const templateChanges = [...templates].sort().filter((t) => was.templates?.[t] !== now.templates?.[t]);
  for (const t of templateChanges.slice(0, 3)) out.push(`template ${t} ${!was.templates?.[t] ? 'is new' : !now.templates?.[t] ? 'is gone' : 'changed'}`);
  if (templateChanges.length > 3) out.push(`${templateChanges.length - 3} more templates`);
  if (was.fonts !== now.fonts) out.push('the fonts changed');
  if (was.fundbook !== now.fundbook) out.push(`fundbook ${was.fundbook} -> ${now.fundbook}`);
  if (was.chromium !== now.chromium) out.push(`Chromium ${was.chromium ?? 'unknown'} -> ${now.chromium ?? 'unknown'}`);
  return out;
}
