// The quick path (src/load/quick-load.ts: js-yaml, no source positions) must never disagree with the
// full loader (the `yaml` library): whatever it accepts, the full loader accepts too, with the same fund,
// value for value; whatever it refuses goes to the full loader. Held over every bundled data file, the
// whole bad-input corpus, and IQM written out again in many YAML styles.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { validateInput } from '../src/build/validate-input.js';
import { computeFigures } from '../src/calc/compute.js';
import { formatFinding } from '../src/check.js';
import { findInputs } from '../src/load/find-inputs.js';
import { formatProblem, loadFundFile, loadFundText } from '../src/load/load-fund.js';
import { loadFundFileQuickly, quickLoad } from '../src/load/quick-load.js';
import { CASES } from './bad-input/cases.js';

const dir = mkdtempSync(join(tmpdir(), 'fundbook-quick-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The validation pass as it was before the quick path: the full loader, then every error finding. */
function fullErrors(file: string): string[] {
  const loaded = loadFundFile(file);
  const errors = loaded.problems.filter((p) => p.severity === 'error').map(formatProblem);
  if (loaded.fund) for (const f of computeFigures(loaded.fund).findings.filter((x) => x.severity === 'error')) errors.push(formatFinding(loaded, f));
  return errors;
}

describe('the quick loader agrees with the full loader', () => {
  it.each(findInputs(['data']))('%s: the same fund, and the quick path is taken', (file) => {
    const text = readFileSync(file, 'utf8');
    const quick = quickLoad(text);
    expect(quick).toBeDefined();
    expect(quick).toEqual(loadFundText(text, file).fund);
  });

  const base = readFileSync('test/bad-input/base.yaml', 'utf8');
  const mutated = CASES.filter((c) => 'mutate' in c.input);
  it(`every bad-input case (${mutated.length}): the batch's validation reports exactly what the full loader reports`, () => {
    let quickAccepted = 0;
    for (const c of mutated) {
      const input = (c.input as { mutate: (b: string) => string | Uint8Array }).mutate(base);
      const file = join(dir, `${c.name}.yaml`);
      writeFileSync(file, input);
      expect(validateInput(file).errors, c.name).toEqual(fullErrors(file));
      const quick = loadFundFileQuickly(file);
      if (quick.fund && quick.problems.length === 0 && typeof input === 'string' && quickLoad(input.replace(/^\uFEFF/, ''))) {
        quickAccepted++;
        expect(quick.fund, c.name).toEqual(loadFundFile(file).fund);
      }
    }
    // The robustness and calculator cases load; the quick path must have taken part of the corpus.
    expect(quickAccepted).toBeGreaterThan(5);
  });

  it('a quickly loaded fund still locates a finding by a full parse, at the same line and column', () => {
    const file = 'data/iqm/2011-08-31.yaml';
    const path = ['statements', 'operations', 'expenses', 'advisory_fees'];
    expect(loadFundFileQuickly(file).locate(path)).toEqual(loadFundFile(file).locate(path));
  });

  it('IQM written out again in many YAML styles loads to the same fund either way', () => {
    const data = parseDocument(readFileSync('data/iqm/2011-08-31.yaml', 'utf8'), { schema: 'failsafe' }).toJS() as object;
    const style = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      lineWidth: fc.integer({ min: 20, max: 200 }),
      indent: fc.integer({ min: 1, max: 6 }),
      indentSeq: fc.boolean(),
    });
    let quickTaken = 0;
    fc.assert(
      fc.property(style, (options) => {
        const text = stringify(data, { ...options, schema: 'failsafe' } as Parameters<typeof stringify>[2]);
        const full = loadFundText(text, 'restyled.yaml');
        // (The yaml library's own writer can fold a long double-quoted line into text its reader refuses.)
        fc.pre(full.problems.length === 0);
        const quick = quickLoad(text);
        if (quick) {
          quickTaken++;
          expect(quick).toEqual(full.fund);
        }
      }),
      { numRuns: 40, seed: 20261125 },
    );
    expect(quickTaken).toBeGreaterThan(25);
  });
});
