// `fundbook check` on bad input: for every case in test/bad-input/cases.ts, the CLI must exit 1, print
// exactly the expected problem lines (file, line, column, field path, message) and never a stack trace.
// Cases whose output is wrong today are `it.fails`, with what is printed instead in `knownBug`.
// A few cases are robustness cases (`exit: 0`): unusual but valid files that must check like base.yaml.
// Then `fundbook build` on every bad case: refused, and a previous good output left untouched.
// The cases run the CLI's main() in this process (test/run-cli.ts); a real process is spawned only for
// what needs one: bin/fundbook.js's own exit status and output, and a build that must exit.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type BadInputCase } from './bad-input/cases.js';
import { runCli, type CliRun } from './run-cli.js';
import { HANG_MS } from './hang.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'fundbook.js');
const BASE = join(ROOT, 'test', 'bad-input', 'base.yaml');
const REFERENCE = join(ROOT, 'data', 'iqm', '2011-08-31.yaml');

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** bin/fundbook.js in a process of its own. */
function spawnFundbook(args: string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: HANG_MS, killSignal: 'SIGKILL' });
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const inProcess = (r: CliRun): Run => ({ ...r, signal: null });
const check = async (arg: string, cwd: string): Promise<Run> => inProcess(await runCli(['check', arg], cwd));

const linesOf = (s: string) => s.split('\n').filter((l) => l !== '');
/** check's lines less its sign-off status line ("signed: …" / "not signed: …"), which counts the open
 *  findings and is the review tests' concern (test/review-commands.test.ts), not the corpus's. */
const findingLines = (s: string) => linesOf(s).filter((l) => !/^(not )?signed: /.test(l));
/** A stack frame, as Node prints it: `    at fn (file:line:col)`. */
const STACK_FRAME = /^\s+at /m;

function expectNoCrash(run: Run) {
  expect(run.signal, 'killed after the timeout: fundbook did not finish').toBeNull();
  expect(run.stdout).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(/internal error/);
}

let work: string;
const runs = new Map<string, Run>();
/** What the CLI is given for a case: its file, or its directory. */
const caseArg = (c: BadInputCase) => ('directory' in c.input ? c.name : `${c.name}.yaml`);
/** base.yaml's own check output (as `reference.yaml`), without its summary line. */
let baseFindings: string[];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    throw new Error('dist/cli.js is missing: build first (`npm run build`; `npm test` does it before vitest)');
  }
  work = mkdtempSync(join(tmpdir(), 'fundbook-bad-input-'));
  const base = readFileSync(BASE, 'utf8');
  writeFileSync(join(work, 'reference.yaml'), base);
  const baseRun = await check('reference.yaml', work);
  baseFindings = findingLines(baseRun.stdout).slice(0, -1);
  // Write every case's input now: a mutation that no longer matches base.yaml throws here, loudly, and
  // cannot be mistaken for an expected failure of an `it.fails` case.
  for (const c of CASES) {
    if ('mutate' in c.input) writeFileSync(join(work, `${c.name}.yaml`), c.input.mutate(base));
    else if ('directory' in c.input) mkdirSync(join(work, c.name));
  }
  // Check every case now; the tests below read these runs.
  for (const c of CASES) runs.set(c.name, await check(caseArg(c), work));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('fundbook check on the reference files', () => {
  it('data/iqm/2011-08-31.yaml checks clean: exit 0, 0 errors', async () => {
    const run = await check(REFERENCE, ROOT);
    expectNoCrash(run);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(linesOf(run.stdout).at(-1)).toMatch(/^\S+2011-08-31\.yaml: \d+ tie-outs checked, \d+ failed; 0 errors, \d+ warnings$/);
  });

  it('test/bad-input/base.yaml, the corpus\'s starting point, checks clean with the current schema', async () => {
    const run = await check('reference.yaml', work);
    expectNoCrash(run);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(linesOf(run.stdout).at(-1)).toBe(`reference.yaml: 159 tie-outs checked, 2 failed; 0 errors, 8 warnings`);
    expect(baseFindings.every((l) => / warning [A-Z_]+: /.test(l))).toBe(true);
  });
});

/** Each case's input is checked once (in beforeAll); both of its tests read the same run. */
const runCase = (c: BadInputCase): Run => runs.get(c.name)!;

describe('bin/fundbook.js check, in a process of its own', () => {
  it('prints what main() prints and exits with its status: 1 for a bad file, 0 for a good one', () => {
    const c = CASES.find((x) => x.name === 'amount-trailing-letter')!;
    const run = spawnFundbook(['check', caseArg(c)], work);
    expectNoCrash(run);
    expect(run).toEqual({ ...runCase(c), signal: null });
    expect(run.status).toBe(1);
    expect(spawnFundbook(['check', 'reference.yaml'], work).status).toBe(0);
  });
});

describe.each(CASES.map((c) => [c.name, c] as const))('fundbook check %s', (_name, c) => {
  const status = c.exit ?? 1;
  it(`exits ${status} without a stack trace (${c.broken})`, () => {
    const run = runCase(c);
    expectNoCrash(run);
    expect(run.status).toBe(status);
  });

  // BAD_INPUT_SHOW_KNOWN_BUGS=1 runs the known-bug cases as plain tests, to see their diffs.
  const exact = c.knownBug && !process.env.BAD_INPUT_SHOW_KNOWN_BUGS ? it.fails : it;
  exact(`prints exactly the expected lines${c.knownBug ? ` — KNOWN BUG: ${c.knownBug}` : ''}`, () => {
    const run = runCase(c);
    expectNoCrash(run);
    expect(run.status).toBe(status);
    const stdout = findingLines(run.stdout);
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

// `fundbook build` on the same inputs: every bad input is refused at validation (reported SKIPPED, never
// FAILED at printing), and an output directory that already holds a good build is left exactly as it was:
// no file created, changed or deleted (paths, sizes, sha256 and mtimes of every file and directory, before
// and after). Chromium is replaced by a stand-in that records that it was started and then fails to
// start, so no bad input can be printed, and a build that got past validation would say FAILED.

/** path (relative to the tree's root) -> what it is; a directory's mtime changes when an entry is added or removed. */
type Tree = Record<string, { type: 'file' | 'dir' | 'other'; size: number; mtimeMs: number; sha256?: string }>;

function snapshot(root: string): Tree {
  const tree: Tree = {};
  if (!existsSync(root)) return tree;
  const walk = (rel: string) => {
    const path = join(root, rel);
    const st = lstatSync(path);
    const type = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
    tree[rel || '.'] = { type, size: st.size, mtimeMs: st.mtimeMs, ...(type === 'file' ? { sha256: createHash('sha256').update(readFileSync(path)).digest('hex') } : {}) };
    if (type === 'dir') for (const name of readdirSync(path).sort()) walk(rel ? join(rel, name) : name);
  };
  walk('');
  return tree;
}

interface BuildRun extends Run {
  chromiumStarted: boolean;
  /** Whether `chromium --version` was asked (to judge an earlier build's outputs against). */
  versionAsked: boolean;
  before: Tree;
  after: Tree;
}

let fakeChromium: string;
function buildArgs(arg: string, outDir: string): string[] {
  return ['build', arg, '--out', outDir, '--only', 'report', '--no-diff', '--no-progress'];
}
/** `fundbook build` (in this process, starting its own browser) with the stand-in Chromium, which touches `marker` if it is ever started. */
async function build(arg: string, outDir: string, marker: string): Promise<BuildRun> {
  rmSync(marker, { force: true });
  rmSync(`${marker}.version`, { force: true });
  const before = snapshot(outDir);
  const saved = { chromium: process.env.FUNDBOOK_CHROMIUM, marker: process.env.FAKE_CHROMIUM_MARKER };
  process.env.FUNDBOOK_CHROMIUM = fakeChromium;
  process.env.FAKE_CHROMIUM_MARKER = marker;
  try {
    const run = inProcess(await runCli(buildArgs(arg, outDir), work, { ownBrowser: true }));
    return { ...run, chromiumStarted: existsSync(marker), versionAsked: existsSync(`${marker}.version`), before, after: snapshot(outDir) };
  } finally {
    for (const [key, value] of [['FUNDBOOK_CHROMIUM', saved.chromium], ['FAKE_CHROMIUM_MARKER', saved.marker]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** A tree's files only (path, size, sha256), which a copy keeps. */
const contentOf = (tree: Tree) =>
  Object.fromEntries(Object.entries(tree).filter(([, e]) => e.type === 'file').map(([p, e]) => [p, { size: e.size, sha256: e.sha256 }]));

describe('fundbook build refuses every bad input and leaves a previous good build untouched', () => {
  let good: Tree;
  const bad = CASES.filter((c) => (c.exit ?? 1) === 1);
  const builds = new Map<string, BuildRun>();

  beforeAll(async () => {
    // One real build of base.yaml, with the real Chromium: the output each bad case is built over.
    const goodDir = join(work, 'output');
    const r = await runCli(buildArgs('reference.yaml', goodDir), work);
    if (r.status !== 0) throw new Error(`the good build of base.yaml failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    good = snapshot(goodDir);
    fakeChromium = join(work, 'fake-chromium.sh');
    // Answers `--version` (asked to record what went into a document, which starts no browser); any
    // other invocation is a launch: it records that it was started, then fails.
    writeFileSync(fakeChromium, '#!/bin/sh\nif [ "$1" = --version ]; then touch "$FAKE_CHROMIUM_MARKER.version"; echo "Chromium 156.0.0.0"; exit 0; fi\ntouch "$FAKE_CHROMIUM_MARKER"\nexit 1\n');
    chmodSync(fakeChromium, 0o755);
    // Each case builds over its own copy of the good output.
    for (const c of bad) {
      const outDir = join(work, 'outputs', c.name);
      cpSync(goodDir, outDir, { recursive: true });
      builds.set(c.name, await build(caseArg(c), outDir, join(work, `chromium-started-${c.name}`)));
    }
  });

  it('starts from a good build: shareholder-report.pdf, figures.json, manifest.json and tie-outs.xlsx', () => {
    const files = Object.keys(contentOf(good)).sort();
    expect(files).toEqual(['iqm/2011-08-31/figures.json', 'iqm/2011-08-31/manifest.json', 'iqm/2011-08-31/shareholder-report.pdf', 'iqm/2011-08-31/tie-outs.xlsx']);
  });

  it('notices when the stand-in Chromium is started (a valid file\'s build starts it)', async () => {
    const run = await build('reference.yaml', join(work, 'output-launch-check'), join(work, 'chromium-started-reference'));
    expect(run.chromiumStarted).toBe(true);
    expect(run.status).not.toBe(0);
  });

  it('notices when the stand-in Chromium is asked its version (a valid file built over an earlier build)', async () => {
    const outDir = join(work, 'output-version-check');
    cpSync(join(work, 'output'), outDir, { recursive: true });
    const run = await build('reference.yaml', outDir, join(work, 'chromium-version-reference'));
    expect(run.versionAsked).toBe(true);
  });

  it.each(bad.map((c) => [c.name, c] as const))('%s: exits 1, refused at validation, changes nothing in the output directory', (_name, c) => {
    const run = builds.get(c.name)!;
    expect(contentOf(run.before), 'the output directory held the good build').toEqual(contentOf(good));
    expectNoCrash(run);
    expect(run.status).toBe(1);
    expect(run.after).toEqual(run.before);
    if ('directory' in c.input) expect(linesOf(run.stderr)).toEqual(['fundbook build: no fund-period files given']);
    else {
      expect(run.stdout).toContain(`SKIPPED ${caseArg(c)}: `);
      const [summary, totals] = linesOf(run.stdout).slice(-2);
      expect(summary).toMatch(/^0 built, 0 failed, 1 skipped with errors, in /);
      expect(totals).toBe('documents: 0 printed, 0 kept (unchanged); period diffs: 0 printed, 0 kept');
    }
  });

  // Chromium starts, and its version is asked, only once an input proves valid: a build that can print
  // nothing starts no browser and runs no Chromium program.
  it('starts no browser when every input is invalid, nor asks its version (each builds over an earlier build, which a valid input is judged against)', () => {
    const started = bad.filter((c) => !('directory' in c.input) && builds.get(c.name)!.chromiumStarted).map((c) => c.name);
    expect(started).toEqual([]);
    const asked = bad.filter((c) => !('directory' in c.input) && builds.get(c.name)!.versionAsked).map((c) => c.name);
    expect(asked).toEqual([]);
  });

  // Once a bug: with every input invalid, buildAll() closed its browser pool while Chromium was still
  // starting, and the browser launched afterwards kept `fundbook build bad.yaml` alive for ever after its
  // summary. A hang is what this checks (killed after HANG_MS), not a time budget.
  it('with the real Chromium, a build whose only input is invalid exits', () => {
    const run = spawnFundbook(buildArgs('amount-trailing-letter.yaml', join(work, 'output-real-chromium')), work);
    expect(run.stdout).toContain('SKIPPED amount-trailing-letter.yaml: ');
    expect(run.signal, 'still running: killed').toBeNull();
    expect(run.status).toBe(1);
  });
});

describe('the corpus', () => {
  it('has at least 55 cases, each named once, each with an expectation', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(55);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    for (const c of CASES) expect(Boolean(c.stdout) !== Boolean(c.findings), c.name).toBe(true);
  });
});
