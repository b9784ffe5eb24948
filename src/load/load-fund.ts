// Load stage: YAML text -> validated, typed FundPeriod, plus every problem found, each a value that
// carries file, line, column and field path. Like Beancount's loader, it never stops at the first
// problem: a run reports them all.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import { FundPeriodSchema, type FundPeriod } from './schema.js';
import { formatPath, makeLocator, nodeAt, type DataPath, type Location, type Locator } from './locate.js';

export interface Problem {
  severity: 'error' | 'warning';
  /** `to-be-filled` marks a roll-forward placeholder; everything else is `invalid`. */
  kind: 'invalid' | 'to-be-filled';
  location: Location;
  path: string;
  message: string;
}

export interface LoadedFund {
  file: string;
  /** Present only when the file has no errors. */
  fund?: FundPeriod;
  problems: Problem[];
  locate: Locator;
  sha256: string;
}

/** Files larger than this are refused before parsing: no fund-period file comes near it. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function formatProblem(p: Problem): string {
  const where = `${p.location.file}:${p.location.line}:${p.location.col}`;
  return p.path ? `${where} ${p.path}: ${p.message}` : `${where} ${p.message}`;
}

function describeNode(doc: Document, path: DataPath): string {
  const node = nodeAt(doc, path);
  if (node === undefined) return 'missing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  return 'a single value';
}

function messageFor(issue: z.core.$ZodIssue, doc: Document): string {
  const found = describeNode(doc, issue.path as DataPath);
  switch (issue.code) {
    case 'invalid_type':
      if (found === 'missing') return 'is required';
      if (issue.expected === 'string') return `expected a single value, found ${found}`;
      if (issue.expected === 'array') return `expected a list, found ${found}`;
      if (issue.expected === 'object') return `expected a mapping, found ${found}`;
      return issue.message;
    case 'invalid_value': {
      const options = (issue.values as unknown[]).map(String).join(', ');
      const given = nodeAt(doc, issue.path as DataPath);
      const value = given && 'value' in given ? JSON.stringify(String(given.value)) : 'this value';
      return `${value} is not one of: ${options}`;
    }
    default:
      return issue.message;
  }
}

/** Parse and validate fund-period YAML text. Pure: no file access. */
export function loadFundText(source: string, file: string): LoadedFund {
  const lineCounter = new LineCounter();
  const sha256 = createHash('sha256').update(source).digest('hex');
  const doc = parseDocument(source, { schema: 'failsafe', lineCounter, uniqueKeys: true, prettyErrors: false });
  const locate = makeLocator(doc, lineCounter, file);
  const problems: Problem[] = [];
  const at = (offset: number): Location => ({ file, ...lineCounter.linePos(offset) });

  for (const err of [...doc.errors, ...doc.warnings]) {
    const message =
      err.code === 'DUPLICATE_KEY'
        ? `duplicate key ${JSON.stringify(source.slice(err.pos[0], err.pos[1]).trim())}`
        : err.message.split('\n')[0]!;
    problems.push({ severity: 'error', kind: 'invalid', location: at(err.pos[0]), path: '', message });
  }
  if (doc.contents === null || (doc.contents as { value?: unknown }).value === '' && !isMap(doc.contents)) {
    problems.push({ severity: 'error', kind: 'invalid', location: at(0), path: '', message: 'the file is empty' });
  }
  const syntaxBroken = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  if (syntaxBroken || problems.length > 0 && doc.contents === null) return { file, problems, locate, sha256 };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    problems.push({ severity: 'error', kind: 'invalid', location: at(0), path: '', message: (err as Error).message });
    return { file, problems, locate, sha256 };
  }
  if (!isMap(doc.contents)) {
    problems.push({ severity: 'error', kind: 'invalid', location: at(0), path: '', message: 'a fund file is a mapping of keys (fundbook:, fund:, period:, ...)' });
    return { file, problems, locate, sha256 };
  }

  const result = FundPeriodSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key] as DataPath;
          problems.push({ severity: 'error', kind: 'invalid', location: locate(path, true), path: formatPath(path), message: 'unknown key' });
        }
        continue;
      }
      const path = issue.path as DataPath;
      const toBeFilled = issue.message === 'to be filled';
      problems.push({
        severity: 'error',
        kind: toBeFilled ? 'to-be-filled' : 'invalid',
        location: locate(path),
        path: formatPath(path),
        message: messageFor(issue, doc),
      });
    }
  }
  problems.sort((a, b) => a.location.line - b.location.line || a.location.col - b.location.col);
  const clean = problems.every((p) => p.severity !== 'error');
  return { file, fund: clean && result.success ? result.data : undefined, problems, locate, sha256 };
}

/** Read and load one fund-period file; I/O problems become problems too. */
export function loadFundFile(file: string): LoadedFund {
  const fail = (message: string): LoadedFund => ({
    file,
    problems: [{ severity: 'error', kind: 'invalid', location: { file, line: 1, col: 1 }, path: '', message }],
    locate: () => ({ file, line: 1, col: 1 }),
    sha256: '',
  });
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return fail('is a directory, not a fund file');
    size = stat.size;
  } catch {
    return fail('no such file');
  }
  if (size > MAX_FILE_BYTES) {
    return fail(`is ${(size / 1048576).toPrecision(3)} MB; fund files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  }
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('is not UTF-8 text');
  }
  return loadFundText(text.replace(/^\uFEFF/, ''), file);
}
