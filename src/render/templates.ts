// HTML stage: compile a document's Handlebars templates (its own and the shared partials) into a
// function of the view model. Escaping stays on; narrative Markdown goes through render/markdown.ts
// (no raw HTML, images as literal text, links only for http:, https: and mailto:).
import Handlebars from 'handlebars';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderEdgarMarkdown, renderMarkdown } from './markdown.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface CompiledDocument {
  /** The template folder, templates/<kind>/ (the kinds are listed in pipeline/documents.ts). */
  kind: string;
  render(view: object): string;
  /** sha256 of every template file used, by path relative to templates/. */
  templateHashes: Record<string, string>;
}

/** A CSS string literal with every character outside a safe set hex-escaped. */
export function cssString(value: string): string {
  const escaped = Array.from(value)
    .map((ch) => (/[A-Za-z0-9 .,]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16).padStart(6, '0')}`))
    .join('');
  return `"${escaped}"`;
}

function filesIn(dir: string, ext: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/**
 * `format` 'edgar': an EDGAR HTML document (docs/edgar.md): Markdown through the EDGAR renderer, and no
 * style sheet (EDGAR accepts no <style> element; its templates style inline).
 */
export function compileDocument(kind: string, templatesDir = TEMPLATES_DIR, format: 'pdf' | 'edgar' = 'pdf'): CompiledDocument {
  const hb = Handlebars.create();
  const hashes: Record<string, string> = {};
  const read = (path: string) => {
    const text = readFileSync(path, 'utf8');
    hashes[path.slice(templatesDir.length)] = createHash('sha256').update(text).digest('hex');
    return text;
  };
  const markdown = format === 'edgar' ? renderEdgarMarkdown : renderMarkdown;
  hb.registerHelper('markdown', (text: unknown) => new hb.SafeString(markdown(typeof text === 'string' ? text : '')));
  hb.registerHelper('cssString', (text: unknown) => new hb.SafeString(cssString(String(text ?? ''))));
  // EDGAR's templates share no partial with the printed documents' (theirs use tags EDGAR refuses).
  const partialDirs = format === 'edgar' ? [join(templatesDir, kind, 'partials')] : [join(templatesDir, 'shared', 'partials'), join(templatesDir, kind, 'partials')];
  for (const dir of partialDirs) {
    for (const file of filesIn(dir, '.hbs')) hb.registerPartial(basename(file, '.hbs'), read(file));
  }
  const css = format === 'edgar' ? '' : [...filesIn(join(templatesDir, 'shared'), '.css'), ...filesIn(join(templatesDir, kind), '.css')].map(read).join('\n');
  const mainFile = filesIn(join(templatesDir, kind), '.hbs')[0];
  if (!mainFile) throw new Error(`no template in templates/${kind}/`);
  const template = hb.compile(read(mainFile), { strict: false, noEscape: false });
  return {
    kind,
    templateHashes: hashes,
    render: (view: object) => template({ ...view, css }),
  };
}
