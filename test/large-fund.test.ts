// A fund with 10,000 holdings that still ties out exactly, generated from the IQM file: each of IQM's
// 177 holdings is split into tranches (56 or 57 each), numbered 1 to 10,000 in their issue names, whose values and
// principal amounts sum to the original holding's. Every group's holdings therefore still sum to its
// stated subtotal and percent, and nothing else in the file changes: the statements, totals, cost and
// net assets are IQM's own. `check` must find exactly IQM's findings, and `build` must print the report
// (hundreds of pages) within the time the suite allows.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { pdfInfo, pdfText } from './pdf-tools.js';
import { runCli } from './run-cli.js';
import { sharedLargeFund } from './shared-build.js';

const IQM = 'data/iqm/2011-08-31.yaml';
const HOLDINGS = 10_000;

const asNumber = (s: string) => Number(s.replaceAll(',', ''));

/** A finding line without its `file:line:col` (the schedule is longer, so lines after it move). */
const withoutLocation = (line: string) => line.replace(/^\S+?:\d+:\d+ /, '');

let work: string;
let input: string;
let generated: { text: string; holdings: number };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'fundbook-large-'));
  // Generated once a run (test/shared-build.ts); signals.test.ts reads the same file.
  const shared = await sharedLargeFund();
  input = shared.file;
  generated = { text: readFileSync(input, 'utf8'), holdings: shared.holdings };
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a 10,000-holding fund', () => {
  it('is generated: 10,000 holdings with distinct issues, the same groups and subtotals', () => {
    expect(generated.holdings).toBe(HOLDINGS);
    type Schedule = { schedule_of_investments: { groups: { name: string; holdings: { issuer: string; issue: string; value: string; principal_000: string }[] }[] } };
    const groups = (parseDocument(generated.text, { schema: 'failsafe' }).toJS() as Schedule).schedule_of_investments.groups;
    const iqmGroups = (parseDocument(readFileSync(IQM, 'utf8'), { schema: 'failsafe' }).toJS() as Schedule).schedule_of_investments.groups;
    const all = groups.flatMap((g) => g.holdings);
    expect(all.length).toBe(HOLDINGS);
    expect(new Set(all.map((h) => `${h.issuer}|${h.issue}`)).size).toBe(HOLDINGS);
    // Group by group, the values and principal amounts sum to IQM's.
    const sums = (gs: Schedule['schedule_of_investments']['groups']) =>
      gs.map((g) => [g.name, g.holdings.reduce((s, h) => s + asNumber(h.value), 0), g.holdings.reduce((s, h) => s + asNumber(h.principal_000), 0)]);
    expect(sums(groups)).toEqual(sums(iqmGroups));
    expect(statSync(input).size).toBeLessThan(20 * 1024 * 1024);
  });

  it('checks clean: exit 0, the same findings as IQM itself (9 warnings, all from the filing)', async () => {
    const started = performance.now();
    const large = await runCli(['check', input]);
    const seconds = (performance.now() - started) / 1000;
    const iqm = await runCli(['check', IQM]);
    expect(large.stderr).toBe('');
    expect(large.status).toBe(0);
    const lines = large.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe(`${input}: 159 tie-outs checked, 2 failed; 0 errors, 9 warnings`);
    expect(lines.slice(0, -1).map(withoutLocation)).toEqual(iqm.stdout.trim().split('\n').slice(0, -1).map(withoutLocation));
    console.log(`fundbook check, 10,000 holdings: ${seconds.toFixed(2)} s`);
  });

  it('builds its shareholder report: hundreds of pages, every holding printed', async () => {
    const out = join(work, 'out');
    const started = performance.now();
    // In this process, on the worker's warm Chromium (test/run-cli.ts); the peak memory of a build
    // process of this fund is measured by `BENCH_PARTS=large npm run bench` (docs/performance.md).
    const r = await runCli(['build', input, '--out', out, '--only', 'report', '--no-diff', '--no-progress', '--timeout', '600']);
    const seconds = (performance.now() - started) / 1000;
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const pdf = join(out, 'iqm', '2011-08-31', 'shareholder-report.pdf');
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(100);
    expect(pages).toBeLessThan(1_000);
    const text = pdfText(pdf);
    // Every tranche, 1 to 10,000, on some page.
    expect(text).toContain('Series 2010, Airport RB, tranche 1 (INS AGM)');
    const printed = new Set([...text.matchAll(/,\s+tranche\s+(\d+)\b/g)].map((m) => Number(m[1])));
    expect(printed.size).toBe(HOLDINGS);
    expect(Math.min(...printed)).toBe(1);
    expect(Math.max(...printed)).toBe(HOLDINGS);
    const manifest = JSON.parse(readFileSync(join(out, 'iqm', '2011-08-31', 'manifest.json'), 'utf8')) as {
      documents: Record<string, { pages: number; bytes: number; requestsBlocked: string[] }>;
    };
    expect(manifest.documents['shareholder-report']!.pages).toBe(pages);
    expect(manifest.documents['shareholder-report']!.requestsBlocked).toEqual([]);
    console.log(`fundbook build --only report, 10,000 holdings: ${seconds.toFixed(1)} s, ${pages} pages, ${(manifest.documents['shareholder-report']!.bytes / 1048576).toFixed(1)} MB`);
  });
});
