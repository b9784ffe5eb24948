// The synthetic-fund generator: deterministic output, generated files that `fundbook check` passes with
// no errors and only the warnings the generator planted and recorded, the committed data/synthetic-muni
// reproduced byte for byte from its recorded seed, and a record whose portfolio changes, waiver,
// coverage and changed paragraph are really in the files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures } from '../src/calc/compute.js';
import { loadFundFile } from '../src/load/load-fund.js';
import type { FundPeriod, Holding } from '../src/load/schema.js';
import { generateComplex } from '../src/synthetic/complex.js';
import { generateFund, type FundRecord, type GenerateFundOptions } from '../src/synthetic/generate-fund.js';
import { HANG_MS } from './hang.js';
import { runCli } from './run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GEN = join(ROOT, 'dist', 'synthetic', 'gen-complex.js');
const MUNI = join(ROOT, 'data', 'synthetic-muni');

interface MuniRecord extends FundRecord {
  args: { funds: number; periods: number; seed: string; id: string; firstYear: number };
}

const record = JSON.parse(readFileSync(join(MUNI, 'generator-record.json'), 'utf8')) as MuniRecord;

function run(file: string, args: string[]) {
  const r = spawnSync(process.execPath, [file, ...args], { cwd: ROOT, encoding: 'utf8', timeout: HANG_MS });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The board review's rules, which `check` lists whenever a file has a board_review section. The
 * generator records the core checks' warnings it plants; the board's rules on its peer data are
 * src/calc/board-review.test.ts's subject, so they are left out of `findings` and the warning count here.
 */
const BOARD_RULES = new Set(['FEE_ABOVE_MEDIAN', 'PERFORMANCE_QUINTILE', 'CAP_ENDING', 'COVERAGE_HEADROOM']);

/** `fundbook check` on one path (its main(), in this process): exit status, core findings other than info as `CODE@path`, and the summary's counts less the board rules' warnings. */
async function check(path: string) {
  const r = await runCli(['check', path]);
  const findings = r.stdout.split('\n').flatMap((line) => {
    // FILE:LINE:COL[ PATH:] SEVERITY CODE: message
    const m = /^(.+?):\d+:\d+(?: (\S+):)? (error|warning) ([A-Z_]+):/.exec(line);
    return m ? [{ file: m[1]!, code: m[4]!, path: m[2] ?? '', severity: m[3]! }] : [];
  });
  const boardWarnings = findings.filter((f) => BOARD_RULES.has(f.code) && f.severity === 'warning').length;
  const summaries = [...r.stdout.matchAll(/(\d+) errors?, (\d+) warnings?$/gm)];
  const errors = summaries.reduce((n, m) => n + Number(m[1]), 0);
  const warnings = summaries.reduce((n, m) => n + Number(m[2]), 0);
  return { ...r, findings: findings.filter((f) => !BOARD_RULES.has(f.code)), errors, warnings: warnings - boardWarnings, files: summaries.length };
}

function loaded(file: string): FundPeriod {
  const l = loadFundFile(file);
  expect(l.problems.filter((p) => p.severity === 'error'), file).toEqual([]);
  return l.fund!;
}

const holdingsOf = (f: FundPeriod): Holding[] => f.schedule_of_investments.groups.flatMap((g) => g.holdings);
const byId = (f: FundPeriod) => new Map(holdingsOf(f).map((h) => [h.id!, h]));
const keyOf = (h: Holding) => `${h.issuer} | ${h.issue} | ${h.rate.toString()} | ${h.maturity}`;

const SMALL: GenerateFundOptions = { seed: 'unit-1', fundId: 'unit-fund', holdings: 50, preferred: true, waiverStartPeriod: 3, failedQuorum: true, periods: 4 };

let work: string;

beforeAll(() => {
  for (const built of [join(ROOT, 'dist', 'cli.js'), GEN]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: build first (\`npm run build\`; \`npm test\` does it before vitest)`);
  }
  work = mkdtempSync(join(tmpdir(), 'fundbook-synthetic-'));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('determinism', () => {
  it('the same seed gives identical YAML and record; another seed gives other figures', () => {
    const a = generateFund(SMALL);
    const b = generateFund(SMALL);
    expect(b.periods.map((p) => p.yaml)).toEqual(a.periods.map((p) => p.yaml));
    expect(JSON.stringify(b.record)).toBe(JSON.stringify(a.record));
    const c = generateFund({ ...SMALL, seed: 'unit-2' });
    expect(c.periods[0]!.yaml).not.toBe(a.periods[0]!.yaml);
  });

  it('a complex from one seed is identical twice over', () => {
    const a = generateComplex({ seed: 11, funds: 3, periods: 2, maxHoldings: 80 });
    const b = generateComplex({ seed: 11, funds: 3, periods: 2, maxHoldings: 80 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('periods alternate semiannual and annual, fiscal year ending December 31', () => {
    const ends = generateFund(SMALL).periods.map((p) => p.periodEnd);
    expect(ends).toEqual(['2023-06-30', '2023-12-31', '2024-06-30', '2024-12-31']);
  });
});

describe('data/synthetic-muni', () => {
  const files = readdirSync(MUNI).filter((f) => f.endsWith('.yaml')).sort();

  it('has the three periods the record lists, each marked synthetic with its generator and seed', () => {
    expect(files).toEqual(record.periods.map((p) => p.file));
    expect(files).toHaveLength(3);
    expect(record.args).toMatchObject({ funds: 1, periods: 3, id: 'synthetic-muni' });
    for (const file of files) {
      const text = readFileSync(join(MUNI, file), 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# SYNTHETIC/);
      expect(text).toContain(`Generated by src/synthetic/gen-complex.ts --id synthetic-muni --seed ${record.seed}`);
      expect(loaded(join(MUNI, file)).fund.synthetic).toBe(true);
    }
  });

  it.each(record.periods.map((p) => [p.file, p] as const))('%s: check finds 0 errors and only the recorded warnings', async (file, period) => {
    const r = await check(join(MUNI, file));
    expect(r.status).toBe(0);
    expect(r.errors).toBe(0);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.warnings).toBe(period.expectedWarnings.length);
    expect(r.findings.map((f) => `${f.code}@${f.path}`).sort()).toEqual(period.expectedWarnings.map((w) => `${w.code}@${w.path}`).sort());
    expect(period.expectedWarnings.every((w) => w.code === 'QUORUM_NOT_MET')).toBe(true);
  });

  it('plants what the brief asks: ~60 holdings, preferred, a waiver from period 2 or 3, one failed preferred quorum, coverage falling', () => {
    expect(record.options.holdings).toBeGreaterThanOrEqual(50);
    expect(record.options.holdings).toBeLessThanOrEqual(70);
    expect(record.options.preferred).toBe(true);
    expect([2, 3]).toContain(record.options.waiverStartPeriod);
    expect(record.periods.flatMap((p) => p.expectedWarnings)).toEqual([{ code: 'QUORUM_NOT_MET', path: expect.stringMatching(/groups\[1\]/) }]);
    const funds = files.map((f) => loaded(join(MUNI, f)));
    const figures = funds.map(computeFigures);
    figures.forEach((fig, i) => {
      expect(fig.expenseCap!.excess.isZero()).toBe(i + 1 < record.options.waiverStartPeriod!);
      expect(fig.tieOuts.filter((t) => !t.ok)).toEqual([]);
    });
    const ratios = figures.map((fig) => fig.preferredCoverage!.ratio);
    for (let i = 1; i < ratios.length; i++) expect(ratios[i]!.lessThan(ratios[i - 1]!)).toBe(true);
    const failed = figures.flatMap((fig) => fig.findings.filter((f) => f.code === 'QUORUM_NOT_MET').map((f) => f.message));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/\(preferred\)/);
  });

  it('regenerating with the recorded seed reproduces the committed files byte for byte', () => {
    const out = join(work, 'regenerated');
    const a = record.args;
    const r = run(GEN, ['--funds', String(a.funds), '--periods', String(a.periods), '--seed', a.seed, '--id', a.id, '--first-year', String(a.firstYear), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const produced = readdirSync(join(out, a.id)).sort();
    expect(produced).toEqual([...files, 'generator-record.json'].sort());
    for (const name of produced) {
      expect(readFileSync(join(out, a.id, name)).equals(readFileSync(join(MUNI, name))), name).toBe(true);
    }
  });

  it('the record\'s added, removed and revalued holdings are what differs between the files, by id', () => {
    expect(record.transitions).toHaveLength(files.length - 1);
    record.transitions.forEach((t, i) => {
      expect(t.from).toBe(record.periods[i]!.periodEnd);
      expect(t.to).toBe(record.periods[i + 1]!.periodEnd);
      const before = loaded(join(MUNI, `${t.from}.yaml`));
      const after = loaded(join(MUNI, `${t.to}.yaml`));
      const prev = byId(before);
      const curr = byId(after);
      // Every holding has an id, and ids are unique within a file.
      expect(prev.size).toBe(holdingsOf(before).length);
      expect(curr.size).toBe(holdingsOf(after).length);
      const added = [...curr.keys()].filter((id) => !prev.has(id)).sort();
      const removed = [...prev.keys()].filter((id) => !curr.has(id)).sort();
      const kept = [...curr.keys()].filter((id) => prev.has(id));
      const revalued = kept.filter((id) => !prev.get(id)!.value.equals(curr.get(id)!.value)).sort();
      expect(t.added).toEqual(added);
      expect(t.removed).toEqual(removed);
      expect(t.revalued).toEqual(revalued);
      expect(added.length).toBeGreaterThan(0);
      expect(removed.length).toBeGreaterThan(0);
      expect(revalued.length).toBeGreaterThan(0);
      // A kept holding is the same bond: same key and principal; only its value may move.
      for (const id of kept) {
        expect(keyOf(curr.get(id)!)).toBe(keyOf(prev.get(id)!));
        expect(curr.get(id)!.principal_000.equals(prev.get(id)!.principal_000)).toBe(true);
      }
      // A new holding is a new bond: its key was not in the earlier file.
      const earlierKeys = new Set(holdingsOf(before).map(keyOf));
      for (const id of added) expect(earlierKeys.has(keyOf(curr.get(id)!))).toBe(false);
      // Exactly the recorded paragraph of the first letter changed.
      expect(t.changedParagraph.section).toBe('narrative.letters[0].body');
      const pa = before.narrative.letters[0]!.body.split('\n\n');
      const pb = after.narrative.letters[0]!.body.split('\n\n');
      expect(pb).toHaveLength(pa.length);
      expect(pa.map((p, j) => (p === pb[j] ? -1 : j)).filter((j) => j >= 0)).toEqual([t.changedParagraph.index]);
    });
  });
});

describe('a generated fund complex', () => {
  it('5 funds: check passes with 0 errors and only the recorded QUORUM_NOT_MET warnings', async () => {
    const out = join(work, 'complex');
    const g = run(GEN, ['--funds', '5', '--periods', '3', '--seed', '424242', '--max-holdings', '70', '--out', out]);
    expect(g.status, g.stderr).toBe(0);
    const complex = JSON.parse(readFileSync(join(out, 'record.json'), 'utf8')) as { funds: FundRecord[] };
    expect(complex.funds).toHaveLength(5);
    expect(new Set(complex.funds.map((f) => f.fundId)).size).toBe(5);
    const r = await check(out);
    expect(r.status).toBe(0);
    expect(r.files).toBe(15);
    expect(r.errors).toBe(0);
    const expected = complex.funds.flatMap((f) => f.periods.flatMap((p) => p.expectedWarnings.map((w) => `${f.fundId}/${p.file} ${w.code}@${w.path}`)));
    const found = r.findings.map((f) => `${f.file.slice(out.length + 1)} ${f.code}@${f.path}`);
    expect(found.sort()).toEqual(expected.sort());
    expect(r.warnings).toBe(expected.length);
  });

  it('varies size, preferred shares, waivers and quorums across funds', () => {
    const plan = generateComplex({ seed: 'variety', funds: 12, periods: 3, maxHoldings: 120 }).record.funds.map((f) => f.options);
    expect(Math.min(...plan.map((o) => o.holdings))).toBe(50);
    expect(Math.max(...plan.map((o) => o.holdings))).toBe(120);
    expect(plan.filter((o) => o.preferred)).toHaveLength(6);
    expect(plan.some((o) => o.waiverStartPeriod !== null)).toBe(true);
    expect(plan.some((o) => o.waiverStartPeriod === null)).toBe(true);
    expect(plan.some((o) => o.failedQuorum)).toBe(true);
  });
});
