// Template folders of the user's, layered over fundbook's templates/: which file wins, what the
// manifest records, and the checks that refuse a template before it is used (file and line).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostic.js';
import { DOCUMENT_FORMATS } from '../pipeline/documents.js';
import { checkTemplateDirs, compileDocument, overridableNames, TEMPLATES_DIR, templateFiles, TemplateError } from './templates.js';

const made: string[] = [];
/** A template folder holding `files` (name -> text). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fundbook-templates-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const COVER = 'shareholder-report/partials/cover.hbs';
const problems = (dirs: string[]) => checkTemplateDirs(dirs, DOCUMENT_FORMATS).map(formatDiagnostic);

describe('template folders', () => {
  it('lists every partial and stylesheet of templates/ as overridable, and no main template', () => {
    const names = overridableNames();
    expect(names).toContain(COVER);
    expect(names).toContain('shared/print.css');
    expect(names).toContain('shared/partials/table.hbs');
    expect(names).toContain('board-approval/board.css');
    expect(names).not.toContain('shareholder-report/report.hbs');
    expect(names.every((n) => /\/partials\/[^/]+\.hbs$|\.css$/.test(n))).toBe(true);
  });

  it('takes a file from the last folder that has it, the rest from fundbook', () => {
    const a = folder({ [COVER]: '<p class="a">{{fundName}}</p>', 'shared/print.css': 'body { color: red; }' });
    const b = folder({ [COVER]: '<p class="b">{{fundName}} &amp; {{asOf}}</p>' });
    const files = Object.fromEntries(templateFiles('shareholder-report', [a, b]).map((f) => [f.name, f]));
    expect(files[COVER]).toMatchObject({ path: join(b, COVER), layer: b });
    expect(files['shared/print.css']).toMatchObject({ path: join(a, 'shared/print.css'), layer: a });
    expect(files['shareholder-report/report.css']).toMatchObject({ path: join(TEMPLATES_DIR, 'shareholder-report/report.css'), layer: 'fundbook' });

    const doc = compileDocument('shareholder-report', [a, b]);
    expect(doc.templateHashes[COVER]).toEqual({ sha256: sha(readFileSync(join(b, COVER), 'utf8')), layer: b });
    expect(doc.templateHashes['shared/print.css']).toEqual({ sha256: sha('body { color: red; }'), layer: a });
    expect(doc.templateHashes['shareholder-report/report.hbs']).toEqual({ sha256: sha(readFileSync(join(TEMPLATES_DIR, 'shareholder-report/report.hbs'), 'utf8')), layer: 'fundbook' });
    const html = doc.render({ fundName: '<Fund & Co>', asOf: 'August 31, 2011', sections: [] });
    // The user's partial is used, its data escaped; the user's stylesheet replaces print.css.
    expect(html).toContain('<p class="b">&lt;Fund &amp; Co&gt; &amp; August 31, 2011</p>');
    expect(html).toContain('body { color: red; }');
    expect(html).not.toContain('Liberation Sans", "DejaVu Sans"');
    expect(problems([a, b])).toEqual([]);
  });

  it('refuses a helper that does not exist, with the file, line and column', () => {
    const dir = folder({ [COVER]: '<p>\n  {{upper fundName}}\n</p>\n{{#each sections}}{{sum page 1}}{{/each}}' });
    expect(problems([dir])).toEqual([
      `${join(dir, COVER)}:2:3 error TEMPLATE_HELPER: no helper "upper": a template may use if, unless, each, with, lookup, log, markdown, cssString (templates only format; docs/templates.md)`,
      `${join(dir, COVER)}:4:19 error TEMPLATE_HELPER: no helper "sum": a template may use if, unless, each, with, lookup, log, markdown, cssString (templates only format; docs/templates.md)`,
    ]);
    expect(() => compileDocument('shareholder-report', [dir])).toThrow(TemplateError);
  });

  it('refuses a partial that does not exist (or belongs to another document), with file and line', () => {
    const dir = folder({ [COVER]: '<p>{{fundName}}</p>\n{{#if coverNote}}\n  {{> house-logo}}\n{{/if}}\n{{> vote}}' });
    const found = problems([dir]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(new RegExp(`^${join(dir, COVER)}:3:3 error TEMPLATE_PARTIAL: no partial "house-logo"; this document has approval, back-matter, cover, `));
    // vote is the board book's partial, not the report's.
    expect(found[1]).toMatch(new RegExp(`^${join(dir, COVER)}:5:1 error TEMPLATE_PARTIAL: no partial "vote";`));
  });

  it('knows the inline partials a file defines, and refuses other decorators', () => {
    const ok = folder({ [COVER]: '{{#*inline "row"}}<tr><td>{{title}}</td></tr>{{/inline}}\n<table>{{#each sections}}{{> row}}{{/each}}</table>' });
    expect(problems([ok])).toEqual([]);
    const bad = folder({ [COVER]: '<p>{{fundName}}</p>\n{{* trace}}' });
    expect(problems([bad])).toEqual([`${join(bad, COVER)}:2:1 error TEMPLATE_DECORATOR: decorators ({{* }}) other than {{#*inline}} are not supported`]);
  });

  it('refuses unescaped output in a user template: {{{ }}} and {{& }}', () => {
    const dir = folder({ [COVER]: '<h1>{{{fundName}}}</h1>\n<p>{{& asOf}}</p>' });
    expect(problems([dir])).toEqual([
      `${join(dir, COVER)}:1:5 error TEMPLATE_UNESCAPED: prints without escaping ({{{ }}} or {{& }}); a user's template prints data escaped, use {{ }}`,
      `${join(dir, COVER)}:2:4 error TEMPLATE_UNESCAPED: prints without escaping ({{{ }}} or {{& }}); a user's template prints data escaped, use {{ }}`,
    ]);
  });

  it('reports a syntax error at its line', () => {
    const dir = folder({ [COVER]: '<p>{{fundName}}</p>\n{{#if coverNote}}\n<p>{{coverNote}}</p>\n{{/iff}}' });
    expect(problems([dir])).toEqual([`${join(dir, COVER)}:2:4 error TEMPLATE_SYNTAX: not a valid Handlebars template: if doesn't match iff`]);
    const unclosed = folder({ [COVER]: '<p>\n{{fundName</p>' });
    expect(problems([unclosed])[0]).toMatch(new RegExp(`^${join(unclosed, COVER)}:2:1 error TEMPLATE_SYNTAX: not a valid Handlebars template: Expecting `));
  });

  it('refuses a name fundbook has no file of, a main template, a stylesheet that closes <style>, and a missing folder', () => {
    const dir = folder({
      'shareholder-report/partials/covr.hbs': '<p></p>',
      'shareholder-report/report.hbs': '<html></html>',
      'shared/print.css': 'body { color: red; }\n</style><script>alert(1)</script>',
    });
    expect(problems([dir])).toEqual([
      `${join(dir, 'shareholder-report/partials/covr.hbs')}:1:1 error TEMPLATE_NAME: replaces none of fundbook's templates; the names a folder may hold are listed in docs/templates.md`,
      `${join(dir, 'shareholder-report/report.hbs')}:1:1 error TEMPLATE_NAME: a document's main template cannot be replaced; replace its partials and stylesheets (docs/templates.md)`,
    ]);
    const css = folder({ 'shared/print.css': 'body { color: red; }\n</style><script>alert(1)</script>' });
    expect(problems([css])).toEqual([`${join(css, 'shared/print.css')}:2:1 error TEMPLATE_CSS: a stylesheet may not contain "</style"`]);
    expect(problems([join(css, 'nowhere')])).toEqual([`${join(css, 'nowhere')}:1:1 error TEMPLATE_FOLDER: --templates names no folder`]);
  });

  it('refuses a bad folder in the library API before any browser starts', async () => {
    const { buildDocuments } = await import('../index.js');
    const dir = folder({ [COVER]: '{{> logo}}' });
    expect(await buildDocuments('data/iqm/2011-08-31.yaml', { templates: [dir], write: false })).toEqual({
      ok: false,
      problems: [expect.stringMatching(new RegExp(`^${join(dir, COVER)}:1:1 error TEMPLATE_PARTIAL: no partial "logo";`))],
      files: {},
    });
  });

  it("passes fundbook's own templates and the worked example", () => {
    expect(checkTemplateDirs([], DOCUMENT_FORMATS)).toEqual([]);
    expect(checkTemplateDirs([fileURLToPath(new URL('../../examples/house-style', import.meta.url))], DOCUMENT_FORMATS)).toEqual([]);
  });
});
