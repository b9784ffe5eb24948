// `fundbook roll-forward`: the next period's file started from this one, on the real IQM file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFundText } from '../src/load/load-fund.js';
import { rollForwardFile } from '../src/rollforward/roll-forward-file.js';
import { runCli } from './run-cli.js';

/** The command in this process (test/run-cli.ts), its status as `code`. */
const fundbook = async (args: string[]) => {
  const r = await runCli(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const IQM = 'data/iqm/2011-08-31.yaml';
let dir: string;
let target: string;
let run: Awaited<ReturnType<typeof fundbook>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fundbook-roll-'));
  target = join(dir, '2012-02-29.yaml');
  run = await fundbook(['roll-forward', IQM, '--to', '2012-02-29', '--out', target]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fundbook roll-forward data/iqm/2011-08-31.yaml --to 2012-02-29', () => {
  const text = () => readFileSync(target, 'utf8');

  it('writes the next period, an annual one over the fiscal year ending 2012-02-29', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`wrote ${target}`);
    expect(text()).toMatch(/^period:\n  start: 2011-03-01\n  end: 2012-02-29\n  kind: annual\n  label: TO BE FILLED$/m);
  });

  it('an annual report after the half year: opens at the fiscal year\'s beginning, compares with the earlier fiscal period', () => {
    const t = text();
    // The fiscal year began with the half year's opening net assets (182,074,059), and the half-year
    // column gives way to the four months ended February 28, 2011.
    expect(t).toMatch(/changes_in_net_assets:\n    - label: TO BE FILLED\n      start: 2011-03-01\n      end: 2012-02-29\n(?:      .*\n)*?      net_assets_beginning: 182,074,059\n(?:      .*\n)*    - label: Four months ended February 28, 2011\n/);
    expect(t).not.toContain('- label: Six months ended August 31, 2011');
    expect(t).toMatch(/columns:\n    - label: TO BE FILLED\n      end: 2012-02-29\n      values:\n        nav_beginning: 13.53\n/);
    expect(t).toMatch(/common_shares:\n  - label: TO BE FILLED\n    beginning: 13,454,169\n    ending: TO BE FILLED\n  - \{ label: "Four months ended February 28, 2011"/);
    expect(t).toMatch(/outstanding_beginning: 1,100/);
  });

  it('a half year after an annual report: opens at the annual report\'s closing figures', async () => {
    const out = join(dir, '2011-08-31.yaml');
    expect((await fundbook(['roll-forward', 'data/iqm/2011-02-28.yaml', '--to', '2011-08-31', '--out', out])).code).toBe(0);
    const t = readFileSync(out, 'utf8');
    expect(t).toMatch(/^period:\n  start: 2011-03-01\n  end: 2011-08-31\n  kind: semiannual\n/m);
    expect(t).toMatch(/net_assets_beginning: 182,074,059\n(?:      .*\n)*    - label: Four months ended February 28, 2011\n/);
    expect(t).toMatch(/values:\n        nav_beginning: 13.53\n/);
  });

  it('carries the fund, agreements, narrative and holdings\' descriptions; drops period events', () => {
    const t = text();
    for (const carried of ['  id: iqm', 'base_description: average weekly net assets including leverage', 'limit: 0.66%', '- issuer: "Birmingham (City of) Airport Authority"', 'Dear Fellow Shareholders:']) expect(t).toContain(carried);
    expect(t).not.toMatch(/^proxy:/m);
    expect(t).not.toMatch(/^dividends_declared:/m);
    expect(t).not.toContain('574,458');
  });

  it('leaves every period figure as TO BE FILLED, which check reports until filled', async () => {
    const loaded = loadFundText(text(), target);
    expect(loaded.fund).toBeUndefined();
    expect(loaded.problems.length).toBeGreaterThan(500);
    expect(loaded.problems.every((p) => p.code === 'TO_BE_FILLED')).toBe(true);
    const check = await fundbook(['check', target]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/statements\.assets_and_liabilities\.net_assets: error TO_BE_FILLED: to be filled$/m);
    expect(check.stdout).toMatch(/not checked further \(\d+ to be filled, 0 other errors\)$/m);
  });

  it('never overwrites an existing file', async () => {
    const before = statSync(target).mtimeMs;
    const again = await fundbook(['roll-forward', IQM, '--to', '2012-02-29', '--out', target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`fundbook roll-forward: ${target} exists; it is never overwritten`);
    expect(statSync(target).mtimeMs).toBe(before);
  });

  it('refuses a date that is not after the period', async () => {
    const r = await fundbook(['roll-forward', IQM, '--to', '2011-08-31', '--out', join(dir, 'x.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`fundbook roll-forward: ${IQM}:24:8 period.end: error ROLL_FORWARD_TO: --to 2011-08-31 must be after the period's end, 2011-08-31\n`);
  });
});

describe('roll-forward on bad arguments: one line naming the right path, nothing written', () => {
  const filesIn = (d: string) => readdirSync(d).sort();
  it('refuses a --to that is not a real date, or not a date', () => {
    const out = join(dir, 'bad-to.yaml');
    expect(rollForwardFile(IQM, '2012-02-30', out)).toEqual({ error: `${IQM}:24:8 period.end: error ROLL_FORWARD_TO: --to 2012-02-30: is not a date that exists` });
    expect(rollForwardFile(IQM, '2012-2-29', out)).toEqual({ error: `${IQM}:24:8 period.end: error ROLL_FORWARD_TO: --to 2012-2-29: is not a date (write YYYY-MM-DD)` });
    expect(existsSync(out)).toBe(false);
  });
  it('names the input when it is missing, a folder or a device, and the output folder when that is missing', () => {
    expect(rollForwardFile(join(dir, 'nope.yaml'), '2012-02-29')).toEqual({ error: `${join(dir, 'nope.yaml')}:1:1 error FILE: no such file` });
    expect(rollForwardFile(dir, '2012-02-29')).toEqual({ error: `${dir}:1:1 error FILE: is a directory, not a fund file` });
    expect(rollForwardFile('/dev/zero', '2012-02-29')).toEqual({ error: '/dev/zero:1:1 error FILE: is a character device, not a regular file; fundbook reads only regular files' });
    const out = join(dir, 'no-such-folder', '2012-02-29.yaml');
    expect(rollForwardFile(IQM, '2012-02-29', out)).toEqual({ error: `cannot write ${out}: ${join(dir, 'no-such-folder')}: no such folder` });
  });
  it('reports a folder as the target, and a folder it may not write in, plainly', () => {
    const before = filesIn(dir);
    expect(rollForwardFile(IQM, '2012-02-29', dir)).toEqual({ error: `${dir} is a folder; --out names the file to write` });
    // /sys refuses new files to everyone, root included.
    expect(rollForwardFile(IQM, '2012-02-29', '/sys/2012-02-29.yaml')).toEqual({ error: 'cannot write /sys/2012-02-29.yaml: permission denied in /sys' });
    expect(filesIn(dir)).toEqual(before);
  });
});
