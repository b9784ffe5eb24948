// HTML stage: compile a document's Handlebars templates (its own and the shared partials) into a
// function of the view model. Escaping stays on; narrative Markdown goes through render/markdown.ts
// (no raw HTML, images as literal text, links only for http:, https: and mailto:).
//
// Template folders of the user's (`--templates DIR`, docs/templates.md) are layered over fundbook's own
// templates/: a partial or stylesheet there replaces fundbook's file of the same relative name, a later
// folder's over an earlier one's; everything else falls through. Each template is checked before use
// (template-check.ts): an unknown helper or partial is an error naming the file and line, and a user's
// template may not print unescaped ({{{ }}} or {{& }}).
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderEdgarMarkdown, renderMarkdown } from './markdown.js';
import { checkTemplate, KNOWN_HELPERS, TemplateError } from './template-check.js';

export { TemplateError } from './template-check.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/**
 * How a document is printed: 'pdf' (through Chromium, with the shared partials and the stylesheets), or
 * 'edgar', an EDGAR HTML document (docs/edgar.md): Markdown through the EDGAR renderer, only its own
 * partials (the printed documents' use tags EDGAR refuses) and no stylesheet (EDGAR accepts no <style>).
 */
export type TemplateFormat = 'pdf' | 'edgar';

/** The layer name the manifest gives fundbook's own templates/. */
export const BUILT_IN_LAYER = 'fundbook';

/** One file a document is made from. */
interface TemplateFile {
  /** Its name relative to a template folder: `shareholder-report/partials/cover.hbs`. */
  name: string;
  /** Where it is read from. */
  path: string;
  /** `fundbook`, or the user's template folder it came from, as given. */
  layer: string;
}

export interface CompiledDocument {
  /** The template folder, templates/<kind>/ (the kinds are listed in pipeline/documents.ts). */
  kind: string;
  render(view: object): string;
  /** Every template file used, by name: its sha256 and the layer it came from. */
  templateHashes: Record<string, { sha256: string; layer: string }>;
}

/** A CSS string literal with every character outside a safe set hex-escaped. */
function cssString(value: string): string {
  const escaped = Array.from(value)
    .map((ch) => (/[A-Za-z0-9 .,]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16).padStart(6, '0')}`))
    .join('');
  return `"${escaped}"`;
}

function namesIn(root: string, dir: string, ext: string): string[] {
  try {
    return readdirSync(join(root, dir)).filter((f) => f.endsWith(ext)).sort().map((f) => `${dir}/${f}`);
  } catch {
    return [];
  }
}

/** fundbook's document kinds: the folders of templates/ other than shared/. */
function templateKinds(templatesDir = TEMPLATES_DIR): string[] {
  return readdirSync(templatesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'shared').map((d) => d.name).sort();
}

/** The names of the files a document of `kind` is made from, in fundbook's templates/: main template first. */
function builtInNames(kind: string, templatesDir: string, format: TemplateFormat = 'pdf') {
  const main = namesIn(templatesDir, kind, '.hbs')[0];
  if (!main) throw new Error(`no template in templates/${kind}/`);
  const shared = format === 'edgar' ? [] : namesIn(templatesDir, 'shared/partials', '.hbs');
  return {
    main,
    partials: [...shared, ...namesIn(templatesDir, `${kind}/partials`, '.hbs')],
    stylesheets: format === 'edgar' ? [] : [...namesIn(templatesDir, 'shared', '.css'), ...namesIn(templatesDir, kind, '.css')],
  };
}

/**
 * The files a document of `kind` is made from, each from the last of `userDirs` that has it, else from
 * fundbook's templates/: the main template, the partials, the stylesheets (in the order they are used).
 * The one list of a document's templates: compiling, the manifest and up-to-date checks all read it.
 */
export function templateFiles(kind: string, userDirs: readonly string[] = [], format: TemplateFormat = 'pdf', templatesDir = TEMPLATES_DIR): TemplateFile[] {
  const { main, partials, stylesheets } = builtInNames(kind, templatesDir, format);
  const pick = (name: string): TemplateFile => {
    for (const dir of [...userDirs].reverse()) {
      const path = join(dir, name);
      if (existsSync(path)) return { name, path, layer: dir };
    }
    return { name, path: join(templatesDir, name), layer: BUILT_IN_LAYER };
  };
  // The main template is fundbook's own: it places the stylesheets and the page furniture.
  return [{ name: main, path: join(templatesDir, main), layer: BUILT_IN_LAYER }, ...partials.map(pick), ...stylesheets.map(pick)];
}

/** Every name a user's template folder may hold: each partial and stylesheet of fundbook's templates/. */
export function overridableNames(templatesDir = TEMPLATES_DIR): string[] {
  const names = new Set<string>();
  for (const kind of templateKinds(templatesDir)) {
    const { partials, stylesheets } = builtInNames(kind, templatesDir);
    for (const n of [...partials, ...stylesheets]) names.add(n);
  }
  return [...names].sort();
}

/** Every file under `dir`, as names relative to it (`a/b.hbs`). */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) => {
    const name = prefix ? `${prefix}/${d.name}` : d.name;
    return d.isDirectory() ? filesUnder(dir, name) : [name];
  });
}

export function compileDocument(kind: string, userDirs: readonly string[] = [], format: TemplateFormat = 'pdf', templatesDir = TEMPLATES_DIR): CompiledDocument {
  const hb = Handlebars.create();
  const hashes: CompiledDocument['templateHashes'] = {};
  const files = templateFiles(kind, userDirs, format, templatesDir);
  const read = (file: TemplateFile) => {
    const text = readFileSync(file.path, 'utf8');
    hashes[file.name] = { sha256: createHash('sha256').update(text).digest('hex'), layer: file.layer };
    return text;
  };
  const markdown = format === 'edgar' ? renderEdgarMarkdown : renderMarkdown;
  hb.registerHelper('markdown', (text: unknown) => new hb.SafeString(markdown(typeof text === 'string' ? text : '')));
  hb.registerHelper('cssString', (text: unknown) => new hb.SafeString(cssString(String(text ?? ''))));
  const [main, ...rest] = files;
  const partials = rest.filter((f) => f.name.endsWith('.hbs'));
  const partialNames = new Set(partials.map((f) => basename(f.name, '.hbs')));
  const problems: TemplateError['diagnostics'] = [];
  const compileOptions = { strict: false, noEscape: false, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true };
  const source = (file: TemplateFile) => {
    const text = read(file);
    // fundbook's main templates place the stylesheets with {{{css}}}; a user's template may not unescape.
    problems.push(...checkTemplate(text, file.layer === BUILT_IN_LAYER ? file.name : file.path, { partials: partialNames, allowUnescaped: file.layer === BUILT_IN_LAYER }));
    return text;
  };
  const mainText = source(main!);
  for (const file of partials) hb.registerPartial(basename(file.name, '.hbs'), hb.compile(source(file), compileOptions));
  const css = rest.filter((f) => f.name.endsWith('.css')).map((file) => {
    const text = read(file);
    // A stylesheet is placed inside <style>: it may not close it.
    if (file.layer !== BUILT_IN_LAYER && /<\/style/i.test(text)) {
      const line = text.slice(0, text.search(/<\/style/i)).split('\n').length;
      problems.push({ severity: 'error', code: 'TEMPLATE_CSS', location: { file: file.path, line, col: 1 }, message: 'a stylesheet may not contain "</style"' });
    }
    return text;
  }).join('\n');
  if (problems.length > 0) throw new TemplateError(problems);
  const template = hb.compile(mainText, compileOptions);
  return {
    kind,
    templateHashes: hashes,
    render: (view: object) => template({ ...view, css }),
  };
}

/**
 * Check the user's template folders before a build: each exists, holds only names fundbook's templates
 * have (overridableNames), and every document of `documents` (kind -> format; pipeline/documents.ts)
 * compiles with them. All the problems, in folder order.
 */
export function checkTemplateDirs(userDirs: readonly string[], documents: Readonly<Record<string, TemplateFormat>>, templatesDir = TEMPLATES_DIR): TemplateError['diagnostics'] {
  const problems: TemplateError['diagnostics'] = [];
  const allowed = new Set(overridableNames(templatesDir));
  for (const dir of userDirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push({ severity: 'error', code: 'TEMPLATE_FOLDER', location: { file: dir, line: 1, col: 1 }, message: '--templates names no folder' });
      continue;
    }
    for (const name of filesUnder(dir).sort()) {
      if (allowed.has(name)) continue;
      const main = templateKinds(templatesDir).some((k) => namesIn(templatesDir, k, '.hbs').includes(name));
      problems.push({
        severity: 'error',
        code: 'TEMPLATE_NAME',
        location: { file: join(dir, name), line: 1, col: 1 },
        message: main ? 'a document\'s main template cannot be replaced; replace its partials and stylesheets (docs/templates.md)' : 'replaces none of fundbook\'s templates; the names a folder may hold are listed in docs/templates.md',
      });
    }
  }
  if (problems.length > 0) return problems;
  for (const [kind, format] of Object.entries(documents)) {
    try {
      compileDocument(kind, userDirs, format, templatesDir);
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      for (const d of err.diagnostics) if (!problems.some((p) => p.location?.file === d.location?.file && p.message === d.message && p.location?.line === d.location?.line)) problems.push(d);
    }
  }
  return problems;
}
