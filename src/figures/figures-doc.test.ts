import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { FIGURE_LINES, PASSES } from '../calc/passes.js';
import { passesSection, withPassesSection } from './figures-doc.js';

const DOC = 'docs/figures-json.md';

it('docs/figures-json.md holds the passes and figure lines as src/calc/passes.ts declares them (npm run docs:figures)', () => {
  const doc = readFileSync(DOC, 'utf8');
  expect(doc).toBe(withPassesSection(doc));
});

it('the generated part names every pass and every figure line', () => {
  const section = passesSection();
  for (const p of PASSES) expect(section).toContain(`| \`${p.name}\` |`);
  for (const l of FIGURE_LINES) expect(section).toContain(`| \`figures.${l.path}\` | ${l.label} | ${l.unit} |`);
  expect(section).toContain('| `tie-outs` | `TIE_OUT` (error), `STATED_PERCENT` (warning) | — |');
});

it('every code a pass declares is in the table of finding codes, with its severity', () => {
  const doc = readFileSync(DOC, 'utf8');
  const table = doc.slice(doc.indexOf('## Finding codes'));
  for (const p of PASSES) {
    for (const [code, severity] of Object.entries(p.codes)) expect(table, code).toMatch(new RegExp(`\\| \`${code}\` \\| ${severity} \\|`));
  }
});
