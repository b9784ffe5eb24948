// One parser: every command reads a fund file through the one loader (the `yaml` library), so what
// `check` refuses, `build`, `diff` and `roll-forward` refuse too, with the same located message, and
// `build` writes nothing. The five inputs below were once accepted by a second, quicker parser that
// `build` used while `check` refused them. The commands run in this process (test/run-cli.ts).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const base = readFileSync('test/bad-input/base.yaml', 'utf8');
const FLOW = '        expense_ratio: [e]\n'; // line 206 of base.yaml
const SHORT_FLOW = 'Flow sequence in block collection must be sufficiently indented and end with a ]';

const CASES: { name: string; text: () => string; message: string }[] = [
  { name: 'yaml-1-3-directive', text: () => `%YAML 1.3\n---\n${base}`, message: '1:7 error YAML: Unsupported YAML version 1.3' },
  { name: 'unknown-directive', text: () => `%FOO bar\n---\n${base}`, message: '1:1 error YAML: Unknown directive %FOO' },
  { name: 'flow-list-at-column-0', text: () => base.replace(FLOW, '        expense_ratio: [\ne]\n'), message: `206:24 financial_highlights.columns[0].marks.expense_ratio: error YAML: ${SHORT_FLOW}` },
  { name: 'tab-in-flow-list', text: () => base.replace(FLOW, '        expense_ratio: [\n\t          e]\n'), message: `206:24 financial_highlights.columns[0].marks.expense_ratio: error YAML: ${SHORT_FLOW}` },
  {
    name: 'cr-line-endings',
    text: () => base.replaceAll('\n', '\r'),
    // Line 1 of base.yaml is a comment of 99 characters: its CR is column 100.
    message: '1:100 error YAML: a line ends in a carriage return alone (old Mac line endings); fund files end lines with LF or CR LF',
  },
];

let dir: string;
const chromium = process.env.FUNDBOOK_CHROMIUM;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fundbook-one-parser-'));
  // No browser here: a refused input must be refused before one is started or even looked for.
  process.env.FUNDBOOK_CHROMIUM = join(dir, 'no-chromium-here');
  expect(base).toContain(FLOW);
  expect(base.split('\n')[0]).toHaveLength(99);
  writeFileSync(join(dir, 'previous.yaml'), base);
  for (const c of CASES) writeFileSync(join(dir, `${c.name}.yaml`), c.text());
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (chromium === undefined) delete process.env.FUNDBOOK_CHROMIUM;
  else process.env.FUNDBOOK_CHROMIUM = chromium;
});

describe.each(CASES)('$name', ({ name, message }) => {
  const line = `${name}.yaml:${message}`;

  it('check refuses it at file:line:col', async () => {
    const r = await runCli(['check', `${name}.yaml`], dir);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(line);
  });

  it('build refuses it with the same message and writes nothing', async () => {
    const r = await runCli(['build', `${name}.yaml`, '--out', 'out', '--no-progress'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`SKIPPED ${name}.yaml: 1 error\n  ${line}\n`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('diff refuses it with the same message', async () => {
    const r = await runCli(['diff', 'previous.yaml', `${name}.yaml`, '--out', 'diff-out'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`fundbook diff: ${line}\n`);
    expect(existsSync(join(dir, 'diff-out'))).toBe(false);
  });

  it('roll-forward refuses it with the same message and writes nothing', async () => {
    const r = await runCli(['roll-forward', `${name}.yaml`, '--to', '2012-02-29', '--out', 'rolled.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fundbook roll-forward: ${line}\n`);
    expect(existsSync(join(dir, 'rolled.yaml'))).toBe(false);
  });
});
