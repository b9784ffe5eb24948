// The docs say only what is true of a fresh clone: every file or folder they name exists (or is one a
// command they show writes), every `fundbook` command they show answers `--help`, every `npm run`
// script exists, and no doc names a path outside the clone or speaks of a working session.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = ['README.md', 'SECURITY.md', 'src/synthetic/README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = (doc: string) => readFileSync(join(ROOT, doc), 'utf8');

/** Files the docs name as what a command they show writes: not in a clone until it is run. */
const WRITTEN = new Set(['data/iqm/2012-02-29.yaml', 'data/complex/', 'data/synthetic-muni/2012-02-29.yaml', 'test/page-images/diff/', 'data/my-fund/2012-02-29.yaml']);
const REPO_DIRS = ['src/', 'test/', 'docs/', 'data/', 'scripts/', 'templates/', 'bin/', '.ci/', 'examples/'];

/** Every repository path a doc names: in backticks, or as a link target (relative to the doc). */
function pathsNamed(doc: string): string[] {
  const body = text(doc);
  const out = new Set<string>();
  for (const m of body.matchAll(/`([^`\n]+)`/g)) {
    for (const token of m[1]!.split(/\s+/)) {
      const t = token.replace(/[),.;:]+$/, '').replace(/:\d+(:\d+)?$/, '');
      if (REPO_DIRS.some((d) => t.startsWith(d)) || /^[A-Z]+\.md$/.test(t) || t === 'package.json') out.add(t);
    }
  }
  for (const m of body.matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
    const target = m[1]!;
    if (/^[a-z]+:/.test(target)) continue;
    out.add(normalize(join(dirname(doc), target)));
  }
  // Placeholders and globs name no one file.
  return [...out].filter((p) => !/[<>*{}…]|\.\.\.|OUT\b|output\//.test(p) && !WRITTEN.has(p));
}

describe.each(DOCS)('%s', (doc) => {
  it('names only files and folders a fresh clone has', () => {
    const missing = pathsNamed(doc).filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('names no path outside the clone and no working session', () => {
    const body = text(doc);
    expect(body).not.toMatch(/\.\.\/shared|\/work\/|this session/i);
  });

  it('shows only npm scripts package.json has', () => {
    const scripts = Object.keys((JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts);
    const named = [...text(doc).matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]!);
    expect(named.filter((s) => !scripts.includes(s))).toEqual([]);
  });
});

describe('every fundbook command the docs show', async () => {
  const commands = new Set<string>();
  // A command line: a code block's line, or a code span, starting `fundbook X` (or npx / node bin/...).
  const command = /^\s*(?:\$ )?(?:npx |node bin\/)?fundbook(?:\.js)? ([a-z][a-z-]+)/;
  for (const doc of DOCS) {
    const body = text(doc);
    for (const block of body.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
      for (const line of block[1]!.split('\n')) {
        const m = command.exec(line.replace(/^.*&& /, ''));
        if (m) commands.add(m[1]!);
      }
    }
    for (const span of body.matchAll(/`([^`\n]+)`/g)) {
      const m = command.exec(span[1]!);
      if (m) commands.add(m[1]!);
    }
  }

  it('includes the main commands', () => {
    for (const c of ['check', 'figures', 'build', 'diff', 'roll-forward']) expect(commands).toContain(c);
  });

  it.each([...commands].sort())('fundbook %s --help exits 0', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: fundbook ${command} `));
  });
});

describe('each command\'s help teaches', () => {
  it.each(['check', 'figures', 'build', 'diff', 'roll-forward', 'acknowledge', 'sign'])('fundbook %s --help: examples of itself, the exit codes, a page to read that exists', async (command) => {
    const { stdout } = await runCli([command, '--help']);
    const examples = stdout.slice(stdout.indexOf('Examples:\n'), stdout.indexOf('Exit codes:'));
    expect(examples).toMatch(new RegExp(`\\$ fundbook ${command} `));
    expect(stdout).toMatch(/Exit codes:\n {2}0 +\S.*\n {2}1 +\S.*\n(.*\n)* {2}2 +a usage error\n/);
    const read = /^Read: (.*)$/m.exec(stdout)?.[1] ?? '';
    const pages = [...read.matchAll(/\b((?:docs\/)?[\w-]+\.md)\b/g)].map((m) => m[1]!);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(existsSync(join(ROOT, page)), page).toBe(true);
  });
});

