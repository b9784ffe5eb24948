// `fundbook init`: a new fund's first fund-period file, generated from the schema (load/schema.ts, the
// one source of truth for what a file holds): every required field, and only those, with the value
// TO BE FILLED and a comment saying what kind of value it takes and, where docs/data-format.md's table
// for that section has a row for the key, what it means. `check` then lists each field to fill with its
// file:line. A required list gets one entry, with that entry's required fields. Pure: text out.
import type * as z from 'zod';
import { amount, count, countOrUnknown, date, flag, ordinal, percent } from '../load/fields.js';
import { PLACEHOLDER } from '../load/scalars.js';
import { FundPeriodSchema } from '../load/schema.js';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  transform?: unknown;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The field types of load/fields.ts, told apart by their parsing function, in words for the comment. */
const KINDS: [z.ZodType, string][] = [
  [amount, 'amount (1,234,567; negative (1,234))'],
  [count, 'count (1,234,567)'],
  [countOrUnknown, 'count, or unknown'],
  [percent, 'percent (0.78%)'],
  [date, 'date, YYYY-MM-DD'],
  [flag, 'true or false'],
  [ordinal, 'whole number'],
];
const parserOf = (schema: z.ZodType) => {
  const def = defOf(schema);
  return def.type === 'pipe' && def.out ? defOf(def.out).transform : undefined;
};

/** What a scalar field takes, in words. */
function kindOf(schema: z.ZodType): string {
  const def = defOf(schema);
  const parser = parserOf(schema);
  const known = parser ? KINDS.find(([field]) => parserOf(field) === parser) : undefined;
  if (known) return known[1];
  if (def.type === 'enum' && def.entries) return `one of: ${Object.values(def.entries).join(', ')}`;
  return 'text';
}

/** The schema without optional/default wrappers, and whether it was optional. */
function required(schema: z.ZodType): z.ZodType | undefined {
  let def = defOf(schema);
  while (def.innerType) {
    if (def.type === 'optional' || def.type === 'default') return undefined;
    schema = def.innerType;
    def = defOf(schema);
  }
  if (def.type === 'union' && def.options) return required(def.options[0]!);
  return schema;
}

/** Meanings from docs/data-format.md's tables: section path -> key -> meaning. */
type Meanings = Map<string, Map<string, string>>;

/** The `| key | type | | meaning |` rows under each "### `section`" heading of docs/data-format.md. */
export function meaningsFrom(dataFormatMd: string): Meanings {
  const meanings: Meanings = new Map();
  let section: Map<string, string> | undefined;
  for (const line of dataFormatMd.split('\n')) {
    const heading = /^#{3,4} `([a-z_.]+)`/.exec(line);
    if (heading) {
      section = new Map();
      meanings.set(heading[1]!, section);
      continue;
    }
    if (/^#/.test(line)) section = undefined;
    const row = /^\|([^|]+)\|[^|]*\|[^|]*\|([^|]+)\|\s*$/.exec(line);
    if (!section || !row) continue;
    // Links become their text: a comment has nowhere to link to.
    const meaning = row[2]!.trim().replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`/g, '');
    if (!meaning || meaning === 'meaning' || /^-+$/.test(meaning)) continue;
    for (const key of row[1]!.matchAll(/`([a-z_.[\]]+)`/g)) section.set(key[1]!, meaning);
  }
  return meanings;
}

/** The meaning of the field at `path` from the deepest documented section that holds it. */
function meaningOf(path: string[], meanings: Meanings): string | undefined {
  const names = path.filter((p) => p !== '[]');
  for (let i = names.length - 1; i >= 1; i--) {
    const section = meanings.get(names.slice(0, i).join('.'));
    const key = names.slice(i).join('.');
    const found = section?.get(key) ?? section?.get(names.at(-1)!);
    if (found) return found;
  }
  return undefined;
}

const comment = (text: string) => `  # ${text.replace(/\s+/g, ' ')}`;

function lines(schema: z.ZodType, path: string[], indent: string, meanings: Meanings, given: Record<string, string>, out: string[]): void {
  const def = defOf(schema);
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const inner = required(field);
    if (!inner) continue;
    const at = [...path, key];
    const innerDef = defOf(inner);
    if (innerDef.type === 'object') {
      const fields: string[] = [];
      lines(inner, at, `${indent}  `, meanings, given, fields);
      // A section whose every field is optional is there, empty, to be filled as the page describes.
      out.push(fields.length > 0 ? `${indent}${key}:` : `${indent}${key}: {}${comment('no field required; see docs/data-format.md')}`, ...fields);
    } else if (innerDef.type === 'record') {
      out.push(`${indent}${key}: {}${comment(`a mapping, key: value; see docs/data-format.md, ${path.filter((p) => p !== '[]').join('.')}`)}`);
    } else if (innerDef.type === 'array' && innerDef.element) {
      const element = required(innerDef.element) ?? innerDef.element;
      if (defOf(element).type === 'object') {
        out.push(`${indent}${key}:${comment('a list; one entry to start with, add more as needed')}`);
        const entry: string[] = [];
        lines(element, [...at, '[]'], `${indent}    `, meanings, given, entry);
        out.push(...entry.map((l, i) => (i === 0 ? `${indent}  - ${l.slice(indent.length + 4)}` : l)));
      } else {
        out.push(`${indent}${key}:`, `${indent}  - ${PLACEHOLDER}${comment(kindOf(element))}`);
      }
    } else if (innerDef.type === 'literal' && innerDef.values) {
      out.push(`${indent}${key}: ${String(innerDef.values[0])}`);
    } else {
      const name = at.join('.');
      const meaning = meaningOf(at, meanings);
      if (name in given) out.push(`${indent}${key}: ${given[name]}`);
      // A field that takes the placeholder as a value (a title that may be empty) would keep it unnoticed: empty.
      else if (inner.safeParse(PLACEHOLDER).success) out.push(`${indent}${key}: ""${comment(`${kindOf(inner)}, may be empty${meaning ? `: ${meaning}` : ''}`)}`);
      else out.push(`${indent}${key}: ${PLACEHOLDER}${comment(meaning ? `${kindOf(inner)}: ${meaning}` : kindOf(inner))}`);
    }
  }
}

/** The first file of fund `fundId` for the period ending `periodEnd`. */
export function newFundText(fundId: string, periodEnd: string, meanings: Meanings): string {
  const out = [
    `# The first fund-period file of ${fundId}, written by \`fundbook init\`: every required field, each`,
    `# ${PLACEHOLDER} until you enter it. \`fundbook check\` lists the ones still to fill, with their lines.`,
    '# What each section holds: docs/data-format.md (in the fundbook package). Optional sections (the board',
    '# review, proxy voting, performance, notes data, ...) are not here; add them as that page describes.',
  ];
  lines(FundPeriodSchema, [], '', meanings, { 'fund.id': fundId, 'period.end': periodEnd }, out);
  return `${out.join('\n')}\n`;
}
