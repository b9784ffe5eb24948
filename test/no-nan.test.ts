// No NaN or Infinity reaches any output. Generated funds (and the levered fund, which has debt) with each
// numeric field zeroed in turn: `check`'s lines, figures.json and, where the file builds, the HTML the
// PDFs are printed from never say NaN or Infinity. Everything in-process; a small sample is printed to
// real PDFs and read back with pdftotext.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareFund } from '../src/build/build-fund.js';
import { checkFile } from '../src/check.js';
import { figuresJson } from '../src/figures/figures-json.js';
import { generateFund } from '../src/synthetic/generate-fund.js';
import { fundbook, pdfText } from './pdf-tools.js';

const BAD = /NaN|Infinity|infinite|not a number/;
const NUMERIC = /^\(?-?\$?\s*\d[\d,]*(\.\d+)?\s*%?\)?%?$/;
const dir = mkdtempSync(join(tmpdir(), 'fundbook-nonan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Field {
  path: string;
  start: number;
  end: number;
  percent: boolean;
}

/**
 * Every numeric scalar of a fund file, with its source range. Holdings after the first group's first
 * holding are left out: they play the same part and would multiply the runs.
 */
function numericFields(text: string): Field[] {
  const doc = parseDocument(text, { schema: 'failsafe' });
  const out: Field[] = [];
  const walk = (node: Node | null | undefined, path: (string | number)[]) => {
    if (!node) return;
    if (isMap(node)) for (const pair of node.items) walk(pair.value as Node, [...path, String((pair.key as { value?: unknown }).value)]);
    else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = path.join('.');
        if (i > 0 && (p.endsWith('.holdings') || p === 'schedule_of_investments.groups')) return;
        walk(item as Node, [...path, i]);
      });
    } else if (isScalar(node) && typeof node.value === 'string' && NUMERIC.test(node.value.trim()) && node.range) {
      out.push({ path: path.join('.'), start: node.range[0], end: node.range[1], percent: node.value.includes('%') });
    }
  };
  walk(doc.contents as Node, []);
  return out;
}

let written = 0;
/** The fund with one field zeroed, through check, figures.json and (when it has no errors) the document HTML. */
function outputsWithZero(text: string, field: Field): { outputs: string; builds: string | undefined } {
  const zero = field.percent ? '0%' : '0';
  const file = join(dir, `v${written++}.yaml`);
  writeFileSync(file, text.slice(0, field.start) + zero + text.slice(field.end));
  const checked = checkFile(file);
  let outputs = checked.lines.join('\n');
  if (checked.loaded.fund && checked.figures) outputs += JSON.stringify(figuresJson(checked.loaded.fund, checked.figures, checked.loaded.locate));
  let builds: string | undefined;
  if (checked.errors === 0) {
    const prepared = prepareFund(file, { outDir: dir });
    if ('prepared' in prepared) {
      outputs += prepared.prepared.figuresText + prepared.prepared.documents.map((d) => d.html).join('');
      builds = file;
    }
  }
  return { outputs, builds };
}

const builtSamples: { field: string; file: string }[] = [];

function assertNoNaN(text: string) {
  const fields = numericFields(text);
  expect(fields.length).toBeGreaterThan(100);
  for (const field of fields) {
    const { outputs, builds } = outputsWithZero(text, field);
    const bad = BAD.exec(outputs);
    expect(bad ? `${field.path} = 0 gives "${outputs.slice(Math.max(0, bad.index - 120), bad.index + 40)}"` : '').toBe('');
    if (builds && /liquidation_preference|nav_per_share|shares_outstanding|outstanding$/.test(field.path)) builtSamples.push({ field: field.path, file: builds });
  }
}

describe('no NaN or Infinity in any output, each numeric field zeroed in turn', () => {
  it('generated funds (with and without preferred shares)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), fc.boolean(), (seed, preferred, floatingRateNotes) => {
        const generated = generateFund({ seed, fundId: 'zeroed', holdings: 50, preferred, floatingRateNotes, waiverStartPeriod: null, failedQuorum: false, periods: 1 });
        assertNoNaN(generated.periods[0]!.yaml);
      }),
      { numRuns: 2 },
    );
  });

  it('the levered fund (notes payable and preferred carried as a liability)', () => {
    assertNoNaN(readFileSync('data/synthetic-levered/2024-06-30.yaml', 'utf8'));
  });

  it('a small sample of the zeroed funds that build, printed to PDF and read back', () => {
    expect(builtSamples.length).toBeGreaterThan(0);
    for (const sample of builtSamples.slice(0, 2)) {
      const out = join(dir, 'pdf');
      const run = fundbook(['build', sample.file, '--out', out]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      const pdfs = [...run.stdout.matchAll(/built (\S+\.pdf)/g)].map((m) => m[1]!);
      expect(pdfs.length).toBeGreaterThan(0);
      for (const pdf of pdfs) expect(BAD.exec(pdfText(pdf))?.[0], `${sample.field} = 0 in ${pdf}`).toBeUndefined();
    }
  });
});
