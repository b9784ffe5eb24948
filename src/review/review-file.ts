// The review file on disk: where it stands beside its fund-period file, reading it through the one YAML
// loader (strict keys, file:line:column problems), and adding an entry to it. Edits go through the
// `yaml` library's Document, so comments and layout written by hand survive; the file is replaced
// whole (temp file, then rename) or not at all.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import { loadYamlText, readFundSource, type LoadedYaml, type YamlKind } from '../load/load-fund.js';
import { EMPTY_REVIEW, ReviewSchema, type Acknowledgement, type Review, type Signoff } from './schema.js';

export const REVIEW_FILE: YamlKind = { noun: 'review file', keys: 'fundbook_review:, acknowledged:, signoffs:' };

export interface LoadedReview extends LoadedYaml<Review> {
  /** False when no review file exists yet: the review is empty, nothing is acknowledged or signed. */
  exists: boolean;
}

/** `data/iqm/2011-08-31.yaml` -> `data/iqm/2011-08-31.review.yaml`. */
export function reviewFileFor(dataFile: string): string {
  return join(dirname(dataFile), `${basename(dataFile).replace(/\.ya?ml$/i, '')}.review.yaml`);
}

/** sha256 of the file's bytes, as `sha256sum` prints it: what a sign-off covers. */
export function sha256OfFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Load the review file beside `dataFile`; a missing one is an empty review. */
export function loadReviewFor(dataFile: string): LoadedReview {
  const file = reviewFileFor(dataFile);
  if (!existsSync(file)) {
    return { file, exists: false, data: EMPTY_REVIEW, problems: [], locate: () => ({ file, line: 1, col: 1 }), sha256: '' };
  }
  const source = readFundSource(file, REVIEW_FILE);
  if ('failed' in source) return { ...source.failed, file, exists: true };
  return { ...loadYamlText(source.text, file, ReviewSchema, REVIEW_FILE), exists: true };
}

const NEW_FILE = (dataFile: string) => `# The review record of ${basename(dataFile)}: findings acknowledged, with reasons, and the sign-offs.
# \`fundbook acknowledge\` and \`fundbook sign\` write it; see docs/review.md.
fundbook_review: 1
acknowledged: []
signoffs: []
`;

/** Replace `file` with `text` atomically: a temporary file beside it, then a rename. */
function replaceFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

type Edit = { add: 'acknowledged'; entry: Acknowledgement } | { add: 'signoffs'; entry: Signoff };

/**
 * Apply one edit to the review file's text (or a new file's), keeping its comments. A sign-off replaces
 * the earlier one of the same role. Pure: text in, text out.
 */
export function editReviewText(text: string | undefined, dataFile: string, edit: Edit): string {
  const doc = parseDocument(text ?? NEW_FILE(dataFile), { schema: 'failsafe' });
  if (!isMap(doc.contents)) throw new Error('the review file is not a mapping');
  let list = doc.get(edit.add, true);
  if (!isSeq(list)) {
    list = new YAMLSeq();
    doc.set(edit.add, list);
  }
  const seq = list as YAMLSeq;
  seq.flow = false;
  if (edit.add === 'signoffs') {
    const i = seq.items.findIndex((item) => isMap(item) && String(item.get('role')) === edit.entry.role);
    const node = doc.createNode({ ...edit.entry });
    if (i >= 0) seq.items[i] = node;
    else seq.items.push(node);
  } else {
    seq.items.push(doc.createNode({ ...edit.entry }));
  }
  return doc.toString({ lineWidth: 0 });
}

/** Write one edit into the review file beside `dataFile`. The caller has loaded it without problems. */
export function writeReviewEdit(dataFile: string, edit: Edit): string {
  const file = reviewFileFor(dataFile);
  const text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  replaceFile(file, editReviewText(text, dataFile, edit));
  return file;
}

export type { Edit as ReviewEdit };
