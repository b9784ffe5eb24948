// The loader on input nobody meant to write: random bytes, random text, YAML-shaped noise, and the IQM
// file with small random edits. Whatever it is given, loading never throws; it either returns a fund or
// at least one error; every problem has a message and a 1-based line and column inside the file. A fund
// that loads from an edited file goes through the calculators without throwing too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../src/calc/compute.js';
import { loadFundFile, loadFundText, type LoadedFund } from '../src/load/load-fund.js';
import { HANG_MS } from './hang.js';
import { runCli } from './run-cli.js';

const IQM_TEXT = readFileSync('data/iqm/2011-08-31.yaml', 'utf8');
/** FUZZ_SCALE=20 runs every property twenty times as often (for a hunt, not for CI). */
const SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1));
const runs = (n: number) => ({ numRuns: n * SCALE });

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fundbook-fuzz-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Lines of `text` as the loader counts them (a final newline opens one more, empty, line). */
const lineCount = (text: string) => text.split('\n').length;

/**
 * What every load must satisfy. `lines` bounds the line numbers when the text is known (for raw bytes
 * only the loader knows how it decoded them).
 */
function expectWellFormed(loaded: LoadedFund, file: string, lines?: number) {
  if (!loaded.fund) expect(loaded.problems.some((p) => p.severity === 'error'), 'no fund and no error').toBe(true);
  else expect(loaded.problems.every((p) => p.severity !== 'error'), 'a fund despite an error').toBe(true);
  for (const p of loaded.problems) {
    expect(p.location.file).toBe(file);
    expect(Number.isInteger(p.location.line) && p.location.line >= 1, `line ${p.location.line}: ${p.message}`).toBe(true);
    expect(Number.isInteger(p.location.col) && p.location.col >= 1, `col ${p.location.col}: ${p.message}`).toBe(true);
    if (lines !== undefined) expect(p.location.line, `line ${p.location.line} of ${lines}: ${p.message}`).toBeLessThanOrEqual(lines);
    expect(typeof p.message === 'string' && p.message.trim().length > 0, `empty message at ${p.location.line}:${p.location.col}`).toBe(true);
  }
}

// ---- generators ---------------------------------------------------------------------------------------

/** Text made of YAML's own punctuation and keywords, so the parser goes down its rarer paths. */
const YAML_TOKENS = [
  '- ', ': ', ':', '? ', '{', '}', '[', ']', ',', '\n', '\n  ', '\n    ', '  ', '\t', '"', "'", '\\', '#', '# c\n',
  '&a ', '*a', '&b ', '*b', '!!str ', '!!js/function ', '!tag ', '|', '|-\n', '>', '---\n', '...\n', '%YAML 1.2\n',
  '<<: ', 'fund', 'fundbook: 1', 'id', 'name', 'period', '__proto__', 'constructor', 'TO BE FILLED', '1,234', '(5)',
  '0.27%', '2011-08-31', 'true', '~', 'null', '\u00e9', '\u{1F600}', '\uFEFF', '\r\n', '\u0000',
];
const yamlNoise = fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 120 }).map((parts) => parts.join(''));

type Edit =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-chars'; at: number }
  | { kind: 'insert-char'; at: number; char: string }
  | { kind: 'digit-to-letter'; at: number; letter: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-chars' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert-char' as const), at: fc.nat(), char: fc.constantFrom(' ', '\t', '\n', ':', '-', '#', '"', "'", '[', '{', '%', ',', '.', '(', 'x', '9', '&', '*', '!', '|') }),
  fc.record({ kind: fc.constant('digit-to-letter' as const), at: fc.nat(), letter: fc.constantFrom('O', 'l', 'x', 'e', 'k') }),
);

function applyEdit(text: string, e: Edit): string {
  switch (e.kind) {
    case 'delete-line':
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      lines.splice(i, e.kind === 'delete-line' ? 1 : 0, ...(e.kind === 'duplicate-line' ? [lines[i]!] : []));
      return lines.join('\n');
    }
    case 'swap-chars': {
      const i = e.at % (text.length - 1);
      return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
    }
    case 'insert-char': {
      const i = e.at % (text.length + 1);
      return text.slice(0, i) + e.char + text.slice(i);
    }
    case 'digit-to-letter': {
      const digits = [...text.matchAll(/\d/g)].map((m) => m.index);
      const i = digits[e.at % digits.length]!;
      return text.slice(0, i) + e.letter + text.slice(i + 1);
    }
  }
}

// ---- properties ---------------------------------------------------------------------------------------

describe('the loader never throws', () => {
  it('on random bytes, read from a file', () => {
    const file = join(work, 'bytes.yaml');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        writeFileSync(file, bytes);
        expectWellFormed(loadFundFile(file), file);
      }),
      runs(300),
    );
  });

  it('on random bytes that start like a fund file, read from a file', () => {
    const file = join(work, 'prefixed.yaml');
    const head = Buffer.from(IQM_TEXT.slice(0, 600), 'utf8');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        writeFileSync(file, Buffer.concat([head, bytes]));
        expectWellFormed(loadFundFile(file), file);
      }),
      runs(200),
    );
  });

  it('on random strings (any code unit, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 1_000 }), (text) => {
        expectWellFormed(loadFundText(text, 'random.yaml'), 'random.yaml', lineCount(text));
      }),
      runs(300),
    );
  });

  it('on YAML-shaped noise (anchors, aliases, tags, flow and block collections, documents)', () => {
    fc.assert(
      fc.property(yamlNoise, (text) => {
        expectWellFormed(loadFundText(text, 'noise.yaml'), 'noise.yaml', lineCount(text));
      }),
      runs(500),
    );
  });

  it('on the IQM file with one to three small random edits; a fund that still loads computes without throwing', () => {
    let loadedFunds = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const text = edits.reduce(applyEdit, IQM_TEXT);
        const loaded = loadFundText(text, 'edited.yaml');
        expectWellFormed(loaded, 'edited.yaml', lineCount(text));
        if (loaded.fund) {
          loadedFunds++;
          const figures = computeFigures(loaded.fund);
          for (const f of figures.findings) {
            const at = f.path ? loaded.locate(f.path) : { line: 1, col: 1 };
            expect(at.line >= 1 && at.line <= lineCount(text) && at.col >= 1, `${f.code} at ${at.line}:${at.col}`).toBe(true);
            expect(f.message.length).toBeGreaterThan(0);
          }
        }
      }),
      // 60 edited files (each a whole load and calculation of IQM, most of this file's time): enough for
      // one to three edits anywhere in 2,300 lines to reach every section; FUZZ_SCALE runs more.
      runs(60),
    );
    // Most small edits (a swapped letter in a sentence, a duplicated blank line) leave a valid file.
    expect(loadedFunds).toBeGreaterThan(0);
  });
});

describe('edge values the edits above never make', () => {
  const SHARES_LINE = '    common_shares_outstanding: 13,454,169';
  it('(the IQM file still has the line the next test edits)', () => {
    expect(IQM_TEXT.split('\n').filter((l) => l === SHARES_LINE)).toHaveLength(1);
  });

  // KNOWN BUG: `common_shares_outstanding: 0` (IQM line 56) loads (a count may be zero), then the NAV
  // per share tie-out divides net assets by zero; the tie-out's message formats the quotient with
  // fmtMoney() (src/calc/workings-format.ts), whose Decimal#toFixed throws on it, and `fundbook check`
  // ends with "fundbook: internal error: [DecimalError] Invalid argument: NaN (run with --debug for the
  // stack trace)", exit 70 (`build` the same). Setting each of the file's other 1,266 numbers to zero,
  // one at a time, loads and computes without throwing (net assets of 0 gives "computed Infinity%" in
  // the percent warnings, but no crash).
  it('a fund with 0 common shares outstanding is reported, not an internal error', async () => {
    const file = join(work, 'no-common-shares.yaml');
    writeFileSync(file, IQM_TEXT.replace(SHARES_LINE, '    common_shares_outstanding: 0'));
    const r = await runCli(['check', file]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(1);
  });
});

describe('resource limits', () => {
  // KNOWN BUG: the 20 MB size limit does not bound memory. Loading costs about 1.25 KB of heap per YAML
  // node, so a 1 MB file of 300,000 one-letter list items (`x: [a, a, a, ...]`) needs about 475 MB and
  // crashes a 256 MB heap; a 3 MB file takes 9 s and 1.3 GB; an 18 MB file (6,000,000 items), under the
  // limit, ran out of the default 4 GB heap after 45 s: V8's "FATAL ERROR: ... JavaScript heap out of
  // memory" and a native stack dump on stderr, exit 134. The real 2,300-line IQM file checks in 128 MB.
  it('(the IQM file itself checks within a 128 MB heap)', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=128', 'bin/fundbook.js', 'check', 'data/iqm/2011-08-31.yaml'], { encoding: 'utf8', timeout: HANG_MS });
    expect(r.status).toBe(0);
  });

  it('a 1 MB file of 300,000 list items is checked within a 256 MB heap: exit 1, no crash', () => {
    const file = join(work, 'many-items.yaml');
    writeFileSync(file, `${IQM_TEXT}\nx: [${Array(300_000).fill('a').join(', ')}]\n`);
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', 'bin/fundbook.js', 'check', file], { encoding: 'utf8', timeout: HANG_MS });
    expect(r.stderr).not.toMatch(/heap out of memory/);
    expect(r.status).toBe(1);
  });
});
