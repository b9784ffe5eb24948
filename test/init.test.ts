// `fundbook init`: a new fund's first file, generated from the schema, that `check` then walks through
// field by field. In-process (test/run-cli.ts): nothing here needs a process of its own.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFundFile } from '../src/load/load-fund.js';
import { runCli, type CliRun } from './run-cli.js';

let root: string;
let file: string;
let init: CliRun;
let text: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fundbook-init-'));
  init = await runCli(['init', 'new-fund', '--period-end', '2012-02-29', '--out', root]);
  file = join(root, 'new-fund', '2012-02-29.yaml');
  text = readFileSync(file, 'utf8');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fundbook init', () => {
  it('writes <out>/<fund-id>/<period-end>.yaml with the id and period end given', () => {
    expect(init).toEqual({ status: 0, stdout: `wrote ${file}; run \`fundbook check ${file}\` to list the fields to fill\n`, stderr: '' });
    expect(text).toMatch(/^fundbook: 1$/m);
    expect(text).toMatch(/^fund:\n {2}id: new-fund\n/m);
    expect(text).toMatch(/^ {2}end: 2012-02-29$/m);
  });

  it('marks each required field TO BE FILLED with a comment saying what it takes and, where the format page says, what it is', () => {
    expect(text).toContain('  name: TO BE FILLED  # text: the fund\'s name\n');
    expect(text).toContain('  kind: TO BE FILLED  # one of: semiannual, annual: ');
    expect(text).toContain('  average_daily_net_assets: TO BE FILLED  # amount (1,234,567; negative (1,234)): for the period\n');
    expect(text).toContain('  start: TO BE FILLED  # date, YYYY-MM-DD: first and last day of the period\n');
    // Optional sections are left out; every placeholder line has its comment.
    expect(text).not.toMatch(/^(board_review|proxy|flux|performance):/m);
    const placeholders = text.split('\n').filter((l) => l.includes(': TO BE FILLED') || l.includes('- TO BE FILLED'));
    expect(placeholders.length).toBeGreaterThan(60);
    for (const l of placeholders) expect(l).toMatch(/TO BE FILLED {2}# \S/);
  });

  it('parses with the one loader: its only problems are the fields to fill', () => {
    const loaded = loadFundFile(file);
    expect(loaded.problems.length).toBeGreaterThan(60);
    expect(loaded.problems.filter((p) => p.code !== 'TO_BE_FILLED')).toEqual([]);
  });

  it('then `check` lists every field still to fill with its file:line, and nothing else', async () => {
    const check = await runCli(['check', file]);
    expect(check.status).toBe(1);
    const lines = check.stdout.trim().split('\n');
    const expected = text.split('\n').flatMap((l, i) => {
      const col = l.indexOf('TO BE FILLED');
      return col >= 0 && !l.startsWith('#') ? [`${file}:${i + 1}:${col + 1} `] : [];
    });
    expect(lines.slice(0, -1).map((l) => /^\S+:\d+:\d+ /.exec(l)![0])).toEqual(expected);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/ error TO_BE_FILLED: to be filled$/);
    expect(lines.at(-1)).toBe(`${file}: not checked further (${expected.length} to be filled, 0 other errors)`);
  });

  it('refuses to overwrite an existing file (exit 1), leaving it as it was', async () => {
    const again = await runCli(['init', 'new-fund', '--period-end', '2012-02-29', '--out', root]);
    expect(again).toEqual({ status: 1, stdout: '', stderr: `fundbook init: ${file} exists; it is never overwritten\n` });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses a fund id or a date the format does not take (exit 2)', async () => {
    expect(await runCli(['init', 'New_Fund', '--period-end', '2012-02-29', '--out', root])).toEqual({ status: 2, stdout: '', stderr: 'fundbook init: "New_Fund": a fund id is lower-case letters, digits and dashes\n' });
    expect(await runCli(['init', 'x', '--period-end', '2012-02-30', '--out', root])).toEqual({ status: 2, stdout: '', stderr: 'fundbook init: --period-end 2012-02-30: "2012-02-30" is not a date that exists\n' });
  });
});
