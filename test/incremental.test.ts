// Incremental builds (pipeline/up-to-date.ts) on a small generated complex, two funds of two periods,
// reports and period diffs: a rebuild with nothing changed prints nothing and touches no file; one
// fund's changed file reprints that fund-period's document and the diff of the period after it; a
// tampered output or manifest is printed again and the run says why; --force prints; --dry-run writes
// nothing; a changed template (in a copy of the package) reprints every document that uses it.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const ROOT = resolve(import.meta.dirname, '..');
let work: string;
let data: string;
let out: string;
/** The generated funds' ids, sorted, and their two period ends. */
let funds: string[];
let periods: string[];

const input = (fund: string, period: string) => join(data, fund, `${period}.yaml`);
const folder = (fund: string, period: string) => join(out, fund, period);

/** Every file under `out`: its sha256 and modification time. */
function snapshot(): Map<string, { sha256: string; mtimeMs: number }> {
  const files = readdirSync(out, { recursive: true }).map(String).filter((f) => statSync(join(out, f)).isFile()).sort();
  return new Map(files.map((f) => [f, { sha256: sha256File(join(out, f)), mtimeMs: statSync(join(out, f)).mtimeMs }]));
}

/** The files whose bytes or modification time differ between two snapshots. */
function touched(a: ReturnType<typeof snapshot>, b: ReturnType<typeof snapshot>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f)?.sha256 !== b.get(f)?.sha256 || a.get(f)?.mtimeMs !== b.get(f)?.mtimeMs).sort();
}

const build = (...args: string[]) => runCli(['build', data, '--out', out, '--only', 'report', '--no-progress', '--concurrency', '2', ...args]);

function manifest(fund: string, period: string) {
  return JSON.parse(readFileSync(join(folder(fund, period), 'manifest.json'), 'utf8')) as {
    documents: Record<string, { sha256: string; kept?: boolean; inputs: { input: { sha256: string }; chromium: string; templates: Record<string, string> } }>;
    periodDiff?: { kept?: boolean; inputs: { previous: { sha256: string } } };
    files: Record<string, { sha256: string; kept?: boolean; carried?: boolean }>;
  };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fundbook-incremental-'));
  data = join(work, 'data');
  out = join(work, 'out');
  execFileSync('node', [join(ROOT, 'dist/synthetic/gen-complex.js'), '--funds', '2', '--periods', '2', '--seed', '21', '--min-holdings', '50', '--max-holdings', '50', '--out', data]);
  funds = readdirSync(data).filter((f) => !f.endsWith('.json')).sort();
  periods = readdirSync(join(data, funds[0]!)).map((f) => f.slice(0, 10)).sort();
  const first = await build();
  expect(first.status, first.stdout + first.stderr).toBe(0);
  expect(first.stdout).toMatch(/^documents: 4 printed, 0 kept \(unchanged\); period diffs: 2 printed, 0 kept$/m);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('fundbook build over an earlier build', () => {
  it('with nothing changed prints nothing and leaves every file as it was, bytes and modification times', async () => {
    const before = snapshot();
    const again = await build();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^documents: 0 printed, 4 kept \(unchanged\); period diffs: 0 printed, 2 kept$/m);
    expect(again.stdout).not.toMatch(/^built /m);
    for (const f of funds) for (const p of periods) expect(again.stdout).toContain(`unchanged, kept ${folder(f, p)}/shareholder-report.pdf`);
    expect(again.stdout).toMatch(new RegExp(`^${funds[0]} +${periods[0]} +unchanged +0 / \\d+ / \\d+ +0 +1 `, 'm'));
    expect(touched(before, snapshot())).toEqual([]);
    // What each record holds: the input's sha256 as the manifest has it, the Chromium version, the templates.
    const m = manifest(funds[0]!, periods[1]!);
    expect(m.documents['shareholder-report']!.inputs.input.sha256).toBe(sha256File(input(funds[0]!, periods[1]!)));
    expect(m.documents['shareholder-report']!.inputs.chromium).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(Object.keys(m.documents['shareholder-report']!.inputs.templates)).toContain('shareholder-report/report.css');
    expect(m.periodDiff!.inputs.previous.sha256).toBe(sha256File(input(funds[0]!, periods[0]!)));
  });

  it('--dry-run lists what would be printed and why, and writes nothing', async () => {
    const [a, b] = funds as [string, string];
    appendFileSync(input(b, periods[0]!), '# corrected after review\n');
    const before = snapshot();
    const dry = await build('--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`would print ${folder(b, periods[0]!)}/shareholder-report.pdf: the input ${input(b, periods[0]!)} changed`);
    expect(dry.stdout).toContain(`would print ${folder(b, periods[1]!)}/period-diff.pdf: the previous period ${input(b, periods[0]!)} changed`);
    expect(dry.stdout).toContain(`unchanged, kept ${folder(b, periods[1]!)}/shareholder-report.pdf`);
    expect(dry.stdout).toContain(`unchanged, kept ${folder(a, periods[1]!)}/period-diff.pdf`);
    expect(dry.stdout).toMatch(/^dry run: 2 documents would be printed, 4 kept; nothing was written$/m);
    expect(touched(before, snapshot())).toEqual([]);
  });

  it("one fund's changed file reprints that fund-period's document and the next period's diff only", async () => {
    const [a, b] = funds as [string, string];
    const before = snapshot();
    const run = await build();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^documents: 1 printed, 3 kept \(unchanged\); period diffs: 1 printed, 1 kept$/m);
    expect(run.stdout).toContain(`built ${folder(b, periods[0]!)}/shareholder-report.pdf (`);
    expect(run.stdout).toMatch(new RegExp(`^built .*${b}/${periods[1]}/period-diff against .*: the previous period .* changed$`, 'm'));
    const changed = touched(before, snapshot());
    // The other fund untouched; in the changed fund's second period only the diff, the workbook (its
    // Variances sheet compares with the first period) and the manifest are written.
    expect(changed.filter((f) => f.startsWith(a))).toEqual([]);
    expect(changed.filter((f) => f.startsWith(`${b}/${periods[1]}/`)).sort()).toEqual(['figures.json', 'manifest.json', 'period-diff.json', 'period-diff.pdf', 'tie-outs.xlsx'].map((f) => `${b}/${periods[1]}/${f}`));
    expect(changed).toContain(`${b}/${periods[0]}/shareholder-report.pdf`);
    // The kept report is listed as kept, with the hash of the file as it is.
    const m = manifest(b, periods[1]!);
    expect(m.documents['shareholder-report']!.kept).toBe(true);
    expect(m.files['shareholder-report.pdf']).toEqual({ sha256: sha256File(join(folder(b, periods[1]!), 'shareholder-report.pdf')), bytes: statSync(join(folder(b, periods[1]!), 'shareholder-report.pdf')).size, kept: true });
    expect(m.periodDiff!.kept).toBeUndefined();
    expect(m.periodDiff!.inputs.previous.sha256).toBe(sha256File(input(b, periods[0]!)));
    // A comment changes no figure: the reprinted report has the same bytes as before.
    expect(sha256File(join(folder(b, periods[0]!), 'shareholder-report.pdf'))).toBe(before.get(`${b}/${periods[0]}/shareholder-report.pdf`)!.sha256);
  });

  it('a tampered output, or a manifest that disagrees with itself, is not trusted: printed again, and the run says why', async () => {
    const [a] = funds as [string];
    const report = join(folder(a, periods[0]!), 'shareholder-report.pdf');
    const original = sha256File(report);
    appendFileSync(report, '%tampered\n');
    const manifestFile = join(folder(a, periods[1]!), 'manifest.json');
    const edited = JSON.parse(readFileSync(manifestFile, 'utf8')) as { documents: Record<string, { sha256: string }> };
    edited.documents['shareholder-report']!.sha256 = '0'.repeat(64);
    writeFileSync(manifestFile, JSON.stringify(edited));
    const run = await build();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`built ${report} (`);
    expect(run.stdout).toMatch(/shareholder-report\.pdf \(.*\): shareholder-report\.pdf does not have the sha256 manifest\.json records \(changed since it was written\): not trusted$/m);
    expect(run.stdout).toMatch(/shareholder-report\.pdf \(.*\): manifest\.json disagrees with itself about shareholder-report\.pdf: not trusted$/m);
    expect(run.stdout).toMatch(/^documents: 2 printed, 2 kept \(unchanged\); period diffs: 0 printed, 2 kept$/m);
    expect(sha256File(report)).toBe(original);
    expect(manifest(a, periods[1]!).documents['shareholder-report']!.sha256).toBe(sha256File(join(folder(a, periods[1]!), 'shareholder-report.pdf')));
  });

  it('--force prints again what is up to date', async () => {
    const [a] = funds as [string];
    const report = join(folder(a, periods[0]!), 'shareholder-report.pdf');
    const before = statSync(report).mtimeMs;
    const sha = sha256File(report);
    const run = await runCli(['build', input(a, periods[0]!), '--out', out, '--only', 'report', '--no-progress', '--force']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^documents: 1 printed, 0 kept \(unchanged\)/m);
    expect(statSync(report).mtimeMs).not.toBe(before);
    expect(sha256File(report)).toBe(sha);
    const plan = await runCli(['build', input(a, periods[0]!), '--out', out, '--only', 'report', '--force', '--dry-run']);
    expect(plan.stdout).toContain(`would print ${report}: forced (--force)`);
  });

  it('a changed template reprints every document that uses it and keeps the rest (a copy of the package, its report stylesheet edited; one fund built)', () => {
    const pkg = join(work, 'package');
    mkdirSync(pkg);
    for (const d of ['bin', 'dist', 'templates']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    appendFileSync(join(pkg, 'templates/shareholder-report/report.css'), '\n/* house style, revised */\n');
    const before = snapshot();
    const [a, b] = funds as [string, string];
    const run = spawnSync('node', [join(pkg, 'bin/fundbook.js'), 'build', join(data, a), '--out', out, '--only', 'report', '--no-progress', '--concurrency', '2'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^documents: 2 printed, 0 kept \(unchanged\); period diffs: 0 printed, 1 kept$/m);
    for (const f of [a]) for (const p of periods) expect(run.stdout).toMatch(new RegExp(`^built ${folder(f, p)}/shareholder-report\\.pdf \\(.*\\): template shareholder-report/report\\.css changed$`, 'm'));
    const changed = touched(before, snapshot());
    for (const f of funds) expect(changed).not.toContain(`${f}/${periods[1]}/period-diff.pdf`);
    expect(changed.filter((f) => f.startsWith(`${b}/`))).toEqual([]);
    expect(manifest(funds[0]!, periods[0]!).documents['shareholder-report']!.inputs.templates['shareholder-report/report.css']).toBe(sha256File(join(pkg, 'templates/shareholder-report/report.css')));
  });
});
