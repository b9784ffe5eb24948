// No word of the period diff's PDF is split across lines: every token of its text (pdftotext) is a token
// of the inputs, of the diff's template, or of the code that names its figures and writes its sentences;
// or a number as the diff prints numbers. A word cut by a narrow column ("Californi" / "a", "2036-01-" /
// "01") is neither. Run over IQM's diff (the one the test files share: test/shared-build.ts) and the
// synthetic fund's.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundbook, pdfText } from './pdf-tools.js';
import { sharedIqmBuild } from './shared-build.js';

const SOURCES = [
  ...readdirSync('templates/period-diff').filter((f) => f.endsWith('.hbs')).map((f) => join('templates/period-diff', f)),
  ...readdirSync('templates/period-diff/partials').map((f) => join('templates/period-diff/partials', f)),
  'src/view/diff-view.ts', 'src/view/format.ts', 'src/view/statements-view.ts',
  // A draft's running header and watermark (issue 17).
  'templates/shared/partials/draft-mark.hbs', 'templates/shared/draft.css', 'src/view/draft-view.ts',
  ...readdirSync('src/diff').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join('src/diff', f)),
  // The findings' codes and messages come from the calculators.
  ...readdirSync('src/calc').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join('src/calc', f)),
];

/** The pieces of a token: its runs of letters, digits, dashes and underscores ("adjustments[Cost" is two). */
const pieces = (text: string) => text.split(/[^\p{L}\p{M}\p{N}_-]+/u).filter(Boolean);
/** Numbers as the diff prints them: grouped by thousands, negative in parentheses, with $, %, a sign. */
const NUMBER = /^[+-]?\$?\(?(\d{1,3}(,\d{3})*|\d+)(\.\d+)?\)?%?$/;
const bare = (t: string) => t.replace(/^[("“‘'[]+|[)"”’'\].,;:!?]+$/g, '');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fundbook-diff-words-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The folder of the period diff of `previous` and `current`: IQM's from the shared build, another printed here. */
async function diffFolder(previous: string, current: string): Promise<string> {
  if (current === 'data/iqm/2011-08-31.yaml') {
    const built = await sharedIqmBuild();
    expect(built.stdout).toContain(`against ${previous}`);
    return join(built.out, 'iqm', '2011-08-31');
  }
  const out = join(dir, current.replaceAll('/', '_'));
  expect((await fundbook(['diff', previous, current, '--out', out])).code).toBe(0);
  return out;
}

describe.each([
  ['IQM', 'data/iqm/2011-02-28.yaml', 'data/iqm/2011-08-31.yaml'],
  ['the synthetic fund', 'data/synthetic-muni/2023-12-31.yaml', 'data/synthetic-muni/2024-06-30.yaml'],
])('the period diff of %s', (_name, previous, current) => {
  it('prints no word split across lines', async () => {
    const out = await diffFolder(previous, current);
    // Case aside: the findings table prints severities in capitals (CSS text-transform).
    // The inputs' names are printed too (the cover's provenance names each file).
    const known = new Set([...[previous, current, ...SOURCES].flatMap((f) => pieces(readFileSync(f, 'utf8').toLowerCase())), ...pieces(`${previous} ${current}`)]);
    // A token is whole when it is a number, or each of its pieces is a word of the inputs or sources (a figure
    // key such as statements.operations.expenses.total is pieces of the schema's keys).
    const whole = (token: string) => NUMBER.test(bare(token)) || pieces(token.toLowerCase()).every((p) => known.has(p) || /^\d+$/.test(p) || /^\d+-[a-z]+$/.test(p) && known.has(p.replace(/^\d+-/, '')));
    const tokens = [...new Set(pdfText(join(out, 'period-diff.pdf')).split(/\s+/).filter(Boolean))];
    expect(tokens.length).toBeGreaterThan(500);
    expect(tokens.filter((t) => !whole(t))).toEqual([]);
    // The test can fail: the pieces of a word cut in two are caught, at a letter or after a dash.
    expect(['Californi', '2036-01-', 'obligatio', 'WAR'].filter(whole)).toEqual([]);
  });
});
