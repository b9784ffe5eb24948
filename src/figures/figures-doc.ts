// The part of docs/figures-json.md that the calculator passes declare: each pass with the figures.json
// keys it writes and the codes it raises, and every figure line the period diff compares. Generated
// (`npm run docs:figures`), so the doc cannot drift from the declarations; a test checks the committed doc.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CalculatorPass, FigureLineDeclaration } from '../calc/pass.js';
import { FIGURE_LINES, PASSES } from '../calc/passes.js';

const BEGIN = '<!-- generated from src/calc/passes.ts by `npm run docs:figures`: do not edit by hand -->';
const END = '<!-- end of generated part -->';

const code = (s: string) => `\`${s}\``;

function compared(l: FigureLineDeclaration): string {
  const how = { flow: 'change in dollars, per day when the periods differ in length', balance: 'change in dollars', ratio: l.points ? 'change in percentage points' : 'change in basis points', perShare: 'change in cents', count: 'change in units' }[l.unit];
  return l.sameAs ? `where first printed, at ${code(l.sameAs)}` : how;
}

/** The generated part, between its markers. */
export function passesSection(): string {
  const rows = (PASSES as readonly CalculatorPass<never>[]).map((p) => {
    const codes = Object.entries(p.codes).map(([c, s]) => `${code(c)} (${s})`).join(', ') || '—';
    const lines = p.lines.map((l) => code(l.path)).join(', ') || '—';
    return `| ${code(p.name)} | ${codes} | ${lines} |`;
  });
  const lines = FIGURE_LINES.map((l) => `| ${code(`figures.${l.path}`)} | ${l.label} | ${l.unit} | ${compared(l)} |`);
  return [
    BEGIN,
    '',
    '### The calculator passes',
    '',
    'The calculators run as passes, in this order (`src/calc/passes.ts`); each sees the figures of the passes',
    'before it, writes its part of the JSON in this order, and raises only the codes listed, each with the one',
    'severity shown. A pass with figure lines reports them to the period diff.',
    '',
    '| pass | codes (severity) | figure lines |',
    '|---|---|---|',
    ...rows,
    '',
    '### Figure lines of the calculators',
    '',
    'The calculators\' figures that the period diff compares with the previous period (its figure key, the',
    'figures.json path after `figures.`), as the passes declare them:',
    '',
    '| key | label | unit | compared as |',
    '|---|---|---|---|',
    ...lines,
    '',
    END,
  ].join('\n');
}

/** `doc` with its generated part replaced by the passes' declarations. */
export function withPassesSection(doc: string): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/figures-json.md: the markers of the generated part are missing');
  return doc.slice(0, a) + passesSection() + doc.slice(b + END.length);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? 'docs/figures-json.md';
  writeFileSync(file, withPassesSection(readFileSync(file, 'utf8')));
}
