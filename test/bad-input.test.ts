// `fundbook check` on bad input: for every case in test/bad-input/cases.ts, the real CLI must exit 1,
// print exactly the expected problem lines (file, line, column, field path, message) and never a stack
// trace. Cases whose output is wrong today are `it.fails`, with what is printed instead in `knownBug`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type BadInputCase } from './bad-input/cases.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'fundbook.js');
const BASE = join(ROOT, 'test', 'bad-input', 'base.yaml');
const REFERENCE = join(ROOT, 'data', 'iqm', '2011-08-31.yaml');
/** Long enough for a slow CI machine; a hang (e.g. on the alias bomb) is killed and fails the case. */
const TIMEOUT_MS = 30_000;

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function check(arg: string, cwd: string): Run {
  const r = spawnSync(process.execPath, [BIN, 'check', arg], { cwd, encoding: 'utf8', timeout: TIMEOUT_MS });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const linesOf = (s: string) => s.split('\n').filter((l) => l !== '');
/** A stack frame, as Node prints it: `    at fn (file:line:col)`. */
const STACK_FRAME = /^\s+at /m;

function expectNoCrash(run: Run) {
  expect(run.signal, 'killed after the timeout: fundbook did not finish').toBeNull();
  expect(run.stdout).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(/internal error/);
}

let work: string;
/** base.yaml's own check output (as `reference.yaml`), without its summary line. */
let baseFindings: string[];

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    throw new Error('dist/cli.js is missing: build first (`npx tsc -p .`; `npm test` does it before vitest)');
  }
  work = mkdtempSync(join(tmpdir(), 'fundbook-bad-input-'));
  const base = readFileSync(BASE, 'utf8');
  writeFileSync(join(work, 'reference.yaml'), base);
  const baseRun = check('reference.yaml', work);
  baseFindings = linesOf(baseRun.stdout).slice(0, -1);
  // Write every case's input now: a mutation that no longer matches base.yaml throws here, loudly, and
  // cannot be mistaken for an expected failure of an `it.fails` case.
  for (const c of CASES) {
    if ('mutate' in c.input) writeFileSync(join(work, `${c.name}.yaml`), c.input.mutate(base));
    else if ('directory' in c.input) mkdirSync(join(work, c.name));
  }
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('fundbook check on the reference files', () => {
  it('data/iqm/2011-08-31.yaml checks clean: exit 0, 0 errors', () => {
    const run = check(REFERENCE, ROOT);
    expectNoCrash(run);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(linesOf(run.stdout).at(-1)).toMatch(/^\S+2011-08-31\.yaml: \d+ tie-outs checked, \d+ failed; 0 errors, \d+ warnings$/);
  });

  it('test/bad-input/base.yaml, the corpus\'s starting point, checks clean with the current schema', () => {
    const run = check('reference.yaml', work);
    expectNoCrash(run);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(linesOf(run.stdout).at(-1)).toBe(`reference.yaml: 159 tie-outs checked, 2 failed; 0 errors, 8 warnings`);
    expect(baseFindings.every((l) => / warning [A-Z_]+: /.test(l))).toBe(true);
  });
});

const runs = new Map<string, Run>();
/** Each case's input is checked once; both of its tests read the same run. */
function runCase(c: BadInputCase): Run {
  let run = runs.get(c.name);
  if (!run) {
    run = check('directory' in c.input ? c.name : `${c.name}.yaml`, work);
    runs.set(c.name, run);
  }
  return run;
}

describe.each(CASES.map((c) => [c.name, c] as const))('fundbook check %s', (_name, c) => {
  it(`exits 1 without a stack trace (${c.broken})`, () => {
    const run = runCase(c);
    expectNoCrash(run);
    expect(run.status).toBe(1);
  });

  // BAD_INPUT_SHOW_KNOWN_BUGS=1 runs the known-bug cases as plain tests, to see their diffs.
  const exact = c.knownBug && !process.env.BAD_INPUT_SHOW_KNOWN_BUGS ? it.fails : it;
  exact(`prints exactly the expected lines${c.knownBug ? ` — KNOWN BUG: ${c.knownBug}` : ''}`, () => {
    const run = runCase(c);
    expectNoCrash(run);
    expect(run.status).toBe(1);
    const stdout = linesOf(run.stdout);
    const stderr = linesOf(run.stderr);
    if (c.findings) {
      const summary = stdout.pop();
      const own = baseFindings.map((l) => l.replace(/^reference\.yaml:/, `${c.name}.yaml:`));
      const added = stdout.filter((l) => !own.includes(l));
      const removed = own.filter((l) => !stdout.includes(l));
      expect({ added, removed, summary, stderr }).toEqual({
        added: c.findings.added,
        removed: c.findings.removed ?? [],
        summary: c.findings.summary,
        stderr: c.stderr ?? [],
      });
    } else {
      expect({ stdout, stderr }).toEqual({ stdout: c.stdout ?? [], stderr: c.stderr ?? [] });
    }
  });
});

describe('the corpus', () => {
  it('has at least 24 cases, each named once, each with an expectation', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(24);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    for (const c of CASES) expect(Boolean(c.stdout) !== Boolean(c.findings), c.name).toBe(true);
  });
});
