// Load stage: YAML text -> validated, typed FundPeriod, plus every problem found, each a value that
// carries file, line, column and field path. Like Beancount's loader, it never stops at the first
// problem: a run reports them all.
import { createHash } from 'node:crypto';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type * as z from 'zod';
import { FundPeriodSchema, type FundPeriod } from './schema.js';
import { readInput } from './read-input.js';
import { firstInvalidUtf8, lineColOfByte } from './utf8.js';
import type { Diagnostic } from '../diagnostic.js';
import { makeLocator, nodeAt, pathAt, type DataPath, type Location, type Locator } from './locate.js';
import { nearestKey } from './schema-keys.js';
import { PLACEHOLDER } from './scalars.js';

/**
 * A load problem: a located Diagnostic, always an error. Codes: FILE (missing, too big, not UTF-8),
 * YAML (the text is not one well-formed YAML mapping), YAML_TAG (a tag: fund files use none), DUPLICATE_KEY, UNKNOWN_KEY, REQUIRED,
 * TO_BE_FILLED (a roll-forward placeholder), INVALID_VALUE (a value of the wrong shape).
 */
export type Problem = Diagnostic & { severity: 'error'; location: Location };

export interface LoadedFund {
  file: string;
  /** Present only when the file has no errors. */
  fund?: FundPeriod;
  problems: Problem[];
  locate: Locator;
  sha256: string;
}

/** A YAML file of any of fundbook's kinds, loaded against its schema (one parser, one set of messages). */
export interface LoadedYaml<T> {
  file: string;
  /** Present only when the file has no errors. */
  data?: T;
  problems: Problem[];
  locate: Locator;
  sha256: string;
}

/** What a kind of file is called in messages, and the keys its top level starts with. */
export interface YamlKind {
  noun: string;
  keys: string;
}

const FUND_FILE: YamlKind = { noun: 'fund file', keys: 'fundbook:, fund:, period:, ...' };
/** Collections nested deeper than this are refused: a fund-period file nests fewer than ten. */
const MAX_DEPTH = 64;

/** Files larger than this are refused before parsing: no fund-period file comes near it. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Parsing holds about 1.25 KB per YAML value, so the size limit alone does not bound memory (a megabyte
 * of `[a, a, a, ...]` is 300,000 values). Lines plus flow-collection commas bound the number of values;
 * a 10,000-holding fund has about 100,000.
 */
const MAX_VALUES = 250_000;

/** An upper bound on the number of YAML values in `source`: lines plus commas. */
function countValues(source: string): number {
  let values = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 44) values++;
  }
  return values;
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
  const node = nodeAt(doc, issue.path as DataPath);
  if (node && 'value' in node && node.value === '' && issue.code === 'custom') return 'has no value';
  // The placeholder, in a field of any kind (a choice, a flag, a pattern), is a field still to be filled.
  if (node && isScalar(node) && typeof node.value === 'string' && node.value.trim() === PLACEHOLDER) return 'to be filled';
  switch (issue.code) {
    case 'invalid_type':
      if (found === 'missing') return 'is required';
      if (issue.expected === 'string') return `expected a single value, found ${found}`;
      if (issue.expected === 'array') return `expected a list, found ${found}`;
      if (issue.expected === 'object') return `expected a mapping, found ${found}`;
      return issue.message;
    case 'invalid_value': {
      if (found === 'missing') return 'is required';
      if (!issue.message.startsWith('Invalid')) return issue.message;
      const options = (issue.values as unknown[]).map(String).join(', ');
      const given = nodeAt(doc, issue.path as DataPath);
      const value = given && 'value' in given ? JSON.stringify(String(given.value)) : 'this value';
      return `${value} is not one of: ${options}`;
    }
    default:
      return issue.message;
  }
}

/** The offset of the last `open` bracket before `pos` that is not closed before it, or -1. */
function unclosedOpener(source: string, pos: number, open: '[' | '{'): number {
  const close = open === '[' ? ']' : '}';
  let depth = 0;
  for (let i = Math.min(pos, source.length) - 1; i >= 0; i--) {
    if (source[i] === close) depth++;
    else if (source[i] === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** A tag as it is written: `!!binary` for the YAML core's, as is for the rest (`!env`). */
function tagName(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

// The document each load parsed, by its locator: roll-forward edits a copy of it rather than parse again.
const parsed = new WeakMap<Locator, Document>();

/** The YAML document (comments and order intact) the loader parsed for `loaded`, when its text parsed. */
export function parsedDocument(loaded: { locate: Locator }): Document | undefined {
  return parsed.get(loaded.locate);
}

/** Let the parsed document go (its locator keeps working): for a holder of many loads that never edits one. */
export function forgetDocument(loaded: { locate: Locator }): void {
  parsed.delete(loaded.locate);
}

/** Parse and validate fund-period YAML text. Pure: no file access. */
export function loadFundText(source: string, file: string): LoadedFund {
  const { data, ...loaded } = loadYamlText(source, file, FundPeriodSchema, FUND_FILE);
  return { ...loaded, fund: data };
}

/** Parse YAML text and validate it against `schema`, every problem located. Pure: no file access. */
export function loadYamlText<S extends z.ZodType>(source: string, file: string, schema: S, kind: YamlKind): LoadedYaml<z.output<S>> {
  const lineCounter = new LineCounter();
  const sha256 = createHash('sha256').update(source).digest('hex');
  const values = countValues(source);
  if (values > MAX_VALUES) {
    const problem: Problem = { severity: 'error', code: 'FILE', location: { file, line: 1, col: 1 }, message: `has about ${values.toLocaleString('en-US')} values; ${kind.noun}s are limited to ${MAX_VALUES.toLocaleString('en-US')}` };
    return { file, problems: [problem], locate: () => problem.location, sha256 };
  }
  // A carriage return alone ends a line for YAML but for no editor or diff tool a reviewer uses, so
  // every line number would disagree with theirs: refused, at the first one.
  const loneCr = /\r(?!\n)/.exec(source);
  if (loneCr) {
    const lineStart = source.lastIndexOf('\n', loneCr.index) + 1;
    const line = source.slice(0, lineStart).split('\n').length;
    const problem: Problem = { severity: 'error', code: 'YAML', location: { file, line, col: loneCr.index - lineStart + 1 }, message: 'a line ends in a carriage return alone (old Mac line endings); fund files end lines with LF or CR LF' };
    return { file, problems: [problem], locate: () => problem.location, sha256 };
  }
  const doc = parseDocument(source, { schema: 'failsafe', lineCounter, uniqueKeys: true, prettyErrors: false });
  const locate = makeLocator(doc, lineCounter, file);
  parsed.set(locate, doc);
  const problems: Problem[] = [];
  const at = (offset: number): Location => ({ file, ...lineCounter.linePos(offset) });

  // Collections nested deeper than MAX_DEPTH, whether or not the parser ran out of stack on them (which
  // depends on the stack it was given): reported where the nesting starts on its line.
  const tooDeep = (offset: number): Problem => {
    const lineStart = source.lastIndexOf('\n', offset) + 1;
    const opener = source.slice(lineStart, offset).search(/[[{]/);
    return { severity: 'error', code: 'YAML', location: at(opener >= 0 ? lineStart + opener : offset), message: 'lists and mappings are nested too deeply here' };
  };

  // After the first syntax error the parser's later complaints are mostly echoes of it (a tab throws
  // off every line below it): report the first, and every duplicate key, which stands on its own.
  let syntaxReported = false;
  const pathOf = (offset: number) => pathAt(doc, offset);
  for (const err of [...doc.errors, ...doc.warnings]) {
    // Tags are refused by name in the pass below, wherever they resolve or not.
    if (err.code === 'TAG_RESOLVE_FAILED') continue;
    if (err.code === 'DUPLICATE_KEY') {
      const key = /^\s*("[^"]*"|'[^']*'|[^:\n]+?)\s*:/.exec(source.slice(err.pos[0]))?.[1] ?? source.slice(err.pos[0], err.pos[1]);
      problems.push({ severity: 'error', code: 'DUPLICATE_KEY', location: at(err.pos[0]), message: `duplicate key ${JSON.stringify(key.replace(/^["']|["']$/g, ''))}` });
      continue;
    }
    if (syntaxReported) continue;
    syntaxReported = true;
    if (err.code === 'MULTIPLE_DOCS') {
      problems.push({ severity: 'error', code: 'YAML', location: at(err.pos[0]), message: `a ${kind.noun} is one YAML document, but a second one starts here` });
      continue;
    }
    if (err.code === 'RESOURCE_EXHAUSTION') {
      // The parser ran out of stack inside deeply nested collections.
      problems.push(tooDeep(err.pos[0]));
      continue;
    }
    if (err.code === 'KEY_OVER_1024_CHARS') {
      problems.push({ severity: 'error', code: 'YAML', location: at(err.pos[0]), path: pathOf(err.pos[0]), message: 'a key is at most 1024 characters long; this one is longer' });
      continue;
    }
    const message = err.message.split('\n')[0]!;
    const opener = /^Flow (sequence|mapping)/.test(message) ? unclosedOpener(source, err.pos[0], message.includes('sequence') ? '[' : '{') : -1;
    const offset = opener >= 0 ? opener : err.pos[0];
    problems.push({ severity: 'error', code: 'YAML', location: at(offset), path: pathOf(offset), message });
  }
  if (doc.contents === null || (doc.contents as { value?: unknown }).value === '' && !isMap(doc.contents)) {
    problems.push({ severity: 'error', code: 'YAML', location: at(0), message: 'the file is empty' });
  }
  const syntaxBroken = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY');
  if (syntaxBroken || problems.length > 0 && doc.contents === null) return { file, problems, locate, sha256 };

  // Keys must be plain text, and every alias must name an anchor set before it (one pass, in document
  // order: Alias.resolve() searches the whole document each time, which is slow for thousands of aliases).
  const anchors = new Set<string>();
  let deepReported = false;
  visit(doc, {
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        const start = (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0;
        problems.push({ severity: 'error', code: 'YAML', location: at(start), message: 'a key must be plain text, not a list or mapping' });
      }
    },
    Node(_, node, path) {
      if (!deepReported && (isMap(node) || isSeq(node)) && path.filter((p) => isMap(p) || isSeq(p)).length >= MAX_DEPTH) {
        deepReported = true;
        problems.push(tooDeep(node.range?.[0] ?? 0));
        return visit.BREAK;
      }
      if (node.tag) {
        // The node's range starts at its value; the tag is written before it.
        let start = source.lastIndexOf('!', node.range?.[0] ?? 0);
        while (start > 0 && source[start - 1] === '!') start--;
        problems.push({ severity: 'error', code: 'YAML_TAG', location: at(start), path: pathOf(start), message: `the YAML tag ${tagName(node.tag)} is not used in fund files; write the value without it` });
      }
      if (isAlias(node)) {
        if (!anchors.has(node.source)) {
          problems.push({ severity: 'error', code: 'YAML', location: at(node.range?.[0] ?? 0), message: `no anchor &${node.source} is set before this alias` });
        }
      } else if (node.anchor) {
        anchors.add(node.anchor);
      }
    },
  });
  if (problems.length > 0) return { file, problems, locate, sha256 };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    problems.push({ severity: 'error', code: 'YAML', location: at(0), message: (err as Error).message });
    return { file, problems, locate, sha256 };
  }
  if (!isMap(doc.contents)) {
    problems.push({ severity: 'error', code: 'YAML', location: at(0), message: `a ${kind.noun} is a mapping of keys (${kind.keys})` });
    return { file, problems, locate, sha256 };
  }

  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key] as DataPath;
          const near = nearestKey(issue.path as DataPath, key, schema);
          problems.push({ severity: 'error', code: 'UNKNOWN_KEY', location: locate(path, true), path, message: near ? `unknown key; did you mean \`${near}\`?` : 'unknown key' });
        }
        continue;
      }
      const path = issue.path as DataPath;
      const message = messageFor(issue, doc);
      const code = message === 'to be filled' ? 'TO_BE_FILLED' : message === 'is required' ? 'REQUIRED' : 'INVALID_VALUE';
      problems.push({ severity: 'error', code, location: locate(path), path, message });
    }
  }
  problems.sort((a, b) => a.location.line - b.location.line || a.location.col - b.location.col);
  return { file, data: problems.length === 0 && result.success ? (result.data as z.output<S>) : undefined, problems, locate, sha256 };
}

/** Read one fund-period file as text; I/O problems (missing, not a regular file, too big, not UTF-8) become a failed load. */
export function readFundSource(file: string, kind: YamlKind = FUND_FILE): { text: string } | { failed: LoadedFund } {
  const fail = (message: string, location = { file, line: 1, col: 1 }) => ({
    failed: { file, problems: [{ severity: 'error' as const, code: 'FILE', location, message }], locate: () => ({ file, line: 1, col: 1 }), sha256: '' },
  });
  const read = readInput(file, MAX_FILE_BYTES);
  if ('error' in read) return fail(read.error.replace('not a fund file', `not a ${kind.noun}`).replace('fund files are limited', `${kind.noun}s are limited`));
  const bytes = read.bytes;
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, col } = lineColOfByte(bytes, bad);
    return fail(`is not UTF-8 text (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')})`, { file, line, col });
  }
  return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
}

/** Read and load one fund-period file; I/O problems become problems too. */
export function loadFundFile(file: string): LoadedFund {
  const source = readFundSource(file);
  return 'failed' in source ? source.failed : loadFundText(source.text, file);
}
