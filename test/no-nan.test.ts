// No NaN or Infinity reaches any output. Generated funds (and the levered fund, which has debt) with each
// numeric field zeroed in turn, in-process: the loader's schema, then `check`'s lines and figures.json
// never say NaN or Infinity. A small sample of zeroed funds that build is printed to real PDFs and read
// back with pdftotext.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLoaded } from '../src/check.js';
import { figuresJson } from '../src/figures/figures-json.js';
import { loadFundText } from '../src/load/load-fund.js';
import { FundPeriodSchema } from '../src/load/schema.js';
import { generateFund } from '../src/synthetic/generate-fund.js';
import { pdfText } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const BAD = /NaN|Infinity|infinite|not a number/;
const NUMERIC = /^\(?-?\$?\s*\d[\d,]*(\.\d+)?\s*%?\)?%?$/;
const dir = mkdtempSync(join(tmpdir(), 'fundbook-nonan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Raw = Record<string, unknown> | unknown[];
type Path = (string | number)[];

/**
 * Every numeric scalar of a fund (as the failsafe YAML gives it: text), by path. Holdings after the
 * first group's first holding are left out: they play the same part and would multiply the runs.
 */
function numericPaths(raw: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(raw)) {
    const at = path.join('.');
    raw.forEach((v, i) => {
      if (i === 0 || !(at.endsWith('.holdings') || at === 'schedule_of_investments.groups')) numericPaths(v, [...path, i], out);
    });
  } else if (raw && typeof raw === 'object') {
    for (const [k, v] of Object.entries(raw)) numericPaths(v, [...path, k], out);
  } else if (typeof raw === 'string' && NUMERIC.test(raw.trim())) out.push(path);
  return out;
}

/**
 * `raw` with the field at `path` zeroed while `use` runs on it, then put back: zeroed in place, as a
 * copy of the whole fund for each of its hundreds of fields cost more than checking it.
 */
function withZero<T>(raw: Raw, path: Path, use: (variant: Raw) => T): T {
  let node = raw as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const original = node[last];
  node[last] = String(original).includes('%') ? '0%' : '0';
  try {
    return use(raw);
  } finally {
    node[last] = original;
  }
}

/** The zeroings that check without an error: the fund and the field zeroed, made again to be printed. */
const buildable: { path: string; raw: Raw; at: Path }[] = [];

/** Zero each numeric field in turn; `check`'s lines and figures.json must hold no NaN or Infinity. */
function assertNoNaN(text: string, file: string) {
  const loaded = loadFundText(text, file);
  expect(loaded.problems).toEqual([]);
  const raw = parseDocument(text, { schema: 'failsafe' }).toJS() as Raw;
  const paths = numericPaths(raw);
  expect(paths.length).toBeGreaterThan(100);
  for (const path of paths) {
    withZero(raw, path, (variant) => {
      const parsed = FundPeriodSchema.safeParse(variant);
      if (!parsed.success) return; // refused at load (e.g. average daily net assets must be more than zero)
      // Zeroing a value moves no line or column: the original file's locator serves the variant.
      const checked = checkLoaded({ ...loaded, fund: parsed.data });
      const outputs = checked.lines.join('\n') + JSON.stringify(figuresJson(parsed.data, checked.figures!, loaded.locate));
      const bad = BAD.exec(outputs);
      expect(bad ? `${path.join('.')} = 0 gives "${outputs.slice(Math.max(0, bad.index - 160), bad.index + 40)}"` : '').toBe('');
      if (checked.errors === 0) buildable.push({ path: path.join('.'), raw, at: path });
    });
  }
}

describe('no NaN or Infinity in any output, each numeric field zeroed in turn', () => {
  it('generated funds (with and without preferred shares)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, preferred) => {
        const generated = generateFund({ seed, fundId: 'zeroed', holdings: 50, preferred, floatingRateNotes: true, waiverStartPeriod: null, failedQuorum: false, periods: 1 });
        assertNoNaN(generated.periods[0]!.yaml, 'generated.yaml');
      }),
      { numRuns: 2 },
    );
  }, 600_000);

  it('the levered fund (notes payable and preferred carried as a liability)', () => {
    const file = 'data/synthetic-levered/2024-06-30.yaml';
    assertNoNaN(readFileSync(file, 'utf8'), file);
  }, 600_000);

  // Zeros that still build: an advisory fee rate of zero (the fee mismatch is a warning; the implied base
  // divides by the rate) and a stated coverage per preferred share of zero (a finding, printed as stated).
  it.each(['agreements.advisory.schedule.0.rate', 'financial_highlights.columns.0.values.asset_coverage_per_preferred_share'])(
    'printed to PDF with %s zeroed, the text holds no NaN or Infinity',
    async (path) => {
      const sample = buildable.find((b) => b.path === path);
      expect(sample, `${path} = 0 builds`).toBeDefined();
      const file = join(dir, `${path}.yaml`);
      const text = withZero(sample!.raw, sample!.at, (variant) => stringify(variant));
      expect(String(parseDocument(text, { schema: 'failsafe' }).getIn(sample!.at))).toMatch(/^0%?$/);
      writeFileSync(file, text);
      const out = join(dir, 'out');
      const run = await runCli(['build', file, '--out', out]);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const pdfs = [...run.stdout.matchAll(/built (\S+\.pdf)/g)].map((m) => m[1]!);
      expect(pdfs).toHaveLength(2);
      for (const pdf of pdfs) expect(BAD.exec(pdfText(pdf))?.[0], `${path} = 0 in ${pdf}`).toBeUndefined();
    },
    300_000,
  );
});
