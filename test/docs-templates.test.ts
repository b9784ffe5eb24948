// docs/templates.md against the code: its list of the names a user may replace is the templates
// folder's, its field tables are the view types' fields, and its example error is what fundbook prints.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/diagnostic.js';
import { DOCUMENT_FORMATS } from '../src/pipeline/documents.js';
import { checkTemplateDirs, overridableNames } from '../src/render/templates.js';

const doc = readFileSync('docs/templates.md', 'utf8');
/** The text between `<!-- NAME: begin -->` and `<!-- NAME: end -->`. */
const between = (name: string) => {
  const m = new RegExp(`<!-- ${name}: begin -->([\\s\\S]*?)<!-- ${name}: end -->`).exec(doc);
  if (!m) throw new Error(`docs/templates.md has no "${name}" block`);
  return m[1]!;
};

/** The top-level fields of `export interface NAME { ... }` in `file`. */
function interfaceFields(file: string, name: string): string[] {
  const source = readFileSync(file, 'utf8');
  const body = source.slice(source.indexOf(`export interface ${name} {`)).split('\n');
  const end = body.indexOf('}');
  return body.slice(1, end).map((l) => /^ {2}(\w+)\??:/.exec(l)?.[1]).filter((f): f is string => f !== undefined);
}

describe('docs/templates.md', () => {
  it('lists exactly the names a template folder may hold', () => {
    const listed = [...between('overridable names').matchAll(/`([^`]+)`/g)].map((m) => m[1]!).sort();
    expect(listed).toEqual(overridableNames());
  });

  it.each([
    ['ReportView', 'src/view/report-view.ts'],
    ['BoardView', 'src/view/board-view.ts'],
    ['DiffView', 'src/view/diff-view.ts'],
  ])('lists the fields of %s in order', (name, file) => {
    const listed = [...between(`fields ${name}`).matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!);
    const fields = interfaceFields(file, name);
    expect(fields.length).toBeGreaterThan(10);
    expect(listed).toEqual(fields);
  });

  it("shows an unknown helper's error as fundbook prints it", () => {
    const shown = /^fundbook build: (examples\/house-style\/(\S+)):(\d+):(\d+) (.*)$/m.exec(doc)!;
    const dir = mkdtempSync(join(tmpdir(), 'fundbook-docs-templates-'));
    try {
      const file = join(dir, shown[2]!);
      mkdirSync(join(file, '..'), { recursive: true });
      // The helper call at the line and column the doc shows.
      writeFileSync(file, `${'\n'.repeat(Number(shown[3]) - 1)}${' '.repeat(Number(shown[4]) - 1)}{{upper fundName}}\n`);
      expect(checkTemplateDirs([dir], DOCUMENT_FORMATS).map(formatDiagnostic)).toEqual([`${file}:${shown[3]}:${shown[4]} ${shown[5]}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
