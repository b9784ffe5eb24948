// The EDGAR conformance check of an HTML document (docs/edgar.md says what it checks, from where, and
// what it does not). The HTML is read with parse5, the WHATWG parser browsers follow, so an element or
// an id is what a browser would see; elements the parser implies (html, head, body, tbody) have no place
// in the source and are not the document's own. Characters and character references are checked on
// the bytes, before any parser decodes them.
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { edgarFileNameProblem } from './file-name.js';
import { EDGAR_ARCHIVES } from '../render/markdown.js';

interface Violation {
  rule: 'file-name' | 'ascii' | 'entity' | 'element' | 'active-content' | 'attribute' | 'external-reference' | 'local-link' | 'image' | 'nested-table';
  message: string;
  /** 1-based line in the HTML, where the violation has one. */
  line?: number;
}

// EDGAR's HTML: HTML 3.2's elements with some HTML 4.0 attributes (Filer Manual Volume II, 5.2.2; the
// element and attribute tables as Arelle's EDGAR validation carries them). Obsolete listing/plaintext/
// xmp and the form element isindex are left out: fundbook never writes them.
const HEAD = ['html', 'head', 'title', 'meta'];
const BODY = [
  'body', 'a', 'address', 'b', 'big', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'dd', 'dfn', 'dir', 'div', 'dl', 'dt', 'em', 'font',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'kbd', 'li', 'menu', 'ol', 'p', 'pre', 'samp', 'small', 'strike', 'strong', 'sub', 'sup',
  'table', 'td', 'th', 'tr', 'tt', 'u', 'ul', 'var',
];
const EDGAR_ELEMENTS: ReadonlySet<string> = new Set([...HEAD, ...BODY]);

/** Elements that run or embed something: EDGAR's "no active content". */
const ACTIVE = new Set(['script', 'noscript', 'applet', 'object', 'embed', 'param', 'iframe', 'frame', 'frameset', 'form', 'input', 'button', 'select', 'textarea', 'link', 'base', 'svg', 'math', 'video', 'audio', 'source', 'canvas', 'template']);

const TEXT_ELEMENTS = ['a', 'address', 'big', 'blockquote', 'center', 'cite', 'code', 'dfn', 'dir', 'em', 'font', 'i', 'b', 'kbd', 'li', 'menu', 'ol', 'pre', 'samp', 'small', 'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'ul', 'var'];
const BLOCKS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'p', 'img', 'caption', 'div', 'table', 'td', 'th', 'tr'];
/** Attribute -> the elements that may carry it ('*': every element). */
const ATTRIBUTES: Record<string, readonly string[]> = {
  align: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'p', 'caption', 'div', 'table', 'td', 'th', 'tr'],
  alink: ['body'],
  alt: ['img'],
  bgcolor: ['body', 'table', 'tr', 'th', 'td'],
  border: ['table', 'img'],
  cellpadding: ['table'],
  cellspacing: ['table'],
  class: ['*'],
  clear: ['br'],
  color: ['font'],
  colspan: ['td', 'th'],
  compact: ['dir', 'dl', 'menu', 'ol', 'ul'],
  content: ['meta'],
  dir: [...BLOCKS, ...TEXT_ELEMENTS],
  lang: [...BLOCKS, ...TEXT_ELEMENTS],
  height: ['td', 'th', 'img'],
  href: ['a'],
  id: ['*'],
  link: ['body'],
  name: ['meta', 'a', 'img'],
  noshade: ['hr'],
  nowrap: ['td', 'th'],
  rowspan: ['td', 'th'],
  size: ['hr', 'font'],
  src: ['img'],
  start: ['ol'],
  style: ['*'],
  text: ['body'],
  title: ['*'],
  type: ['li', 'ol', 'ul'],
  valign: ['td', 'th', 'tr'],
  vlink: ['body'],
  width: ['hr', 'pre', 'table', 'td', 'th', 'img'],
};

/** Named character references fundbook's HTML may use; all others are written as numbers. */
const NAMED_REFERENCES = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp']);

const isElement = (n: T.ChildNode): n is T.Element => 'tagName' in n;

/**
 * Every EDGAR rule `html`, the document named `name`, breaks. `siblings`: the other files of the
 * submission (what a local link or an image may point at).
 */
export function checkEdgarHtml(name: string, html: Uint8Array | string, siblings: readonly string[] = []): Violation[] {
  const bytes = typeof html === 'string' ? Buffer.from(html, 'utf8') : Buffer.from(html);
  const violations: Violation[] = [];
  const nameProblem = edgarFileNameProblem(name);
  if (nameProblem) violations.push({ rule: 'file-name', message: nameProblem });
  else if (!name.endsWith('.htm')) violations.push({ rule: 'file-name', message: `"${name}" is not an .htm file` });

  // ASCII: printable characters, tab, line feed, form feed and carriage return (Filer Manual 5.2.1).
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    else if (!(b === 0x09 || b === 0x0c || b === 0x0d || (b >= 0x20 && b <= 0x7e))) {
      violations.push({ rule: 'ascii', line, message: `byte 0x${b.toString(16).padStart(2, '0')} is not an ASCII character EDGAR accepts` });
      break;
    }
  }
  const text = bytes.toString('latin1');
  for (const m of text.matchAll(/&([A-Za-z][A-Za-z0-9]*);/g)) {
    if (!NAMED_REFERENCES.has(m[1]!)) violations.push({ rule: 'entity', line: lineAt(text, m.index), message: `character reference &${m[1]}; (write it as a number)` });
  }

  const document = parse(text, { sourceCodeLocationInfo: true });
  const targets = new Set<string>();
  const links: { href: string; line: number }[] = [];
  const walk = (node: T.ParentNode, tables: number) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const at = child.sourceCodeLocation?.startLine;
      const written = child.sourceCodeLocation != null;
      const tag = child.tagName;
      let inTables = tables;
      if (written) {
        if (ACTIVE.has(tag)) violations.push({ rule: 'active-content', line: at, message: `<${tag}> is active or embedded content` });
        else if (!EDGAR_ELEMENTS.has(tag)) violations.push({ rule: 'element', line: at, message: `<${tag}> is not an element EDGAR accepts` });
        if (tag === 'table') {
          if (tables > 0) violations.push({ rule: 'nested-table', line: at, message: '<table> inside a table' });
          inTables++;
        }
        // A refused element's attributes are not checked again: the element is the violation.
        if (EDGAR_ELEMENTS.has(tag)) for (const { name: attr, value } of child.attrs) checkAttribute(tag, attr, value, at, violations, siblings, links);
      }
      for (const { name: attr, value } of child.attrs) if (attr === 'id' || (attr === 'name' && tag === 'a')) targets.add(value);
      walk(child, inTables);
    }
  };
  walk(document, 0);
  for (const { href, line: at } of links) {
    const [file, fragment] = splitHref(href);
    if (file !== '' && file !== name && !siblings.includes(file)) violations.push({ rule: 'local-link', line: at, message: `link to "${href}": no file "${file}" in the submission` });
    else if ((file === '' || file === name) && fragment !== undefined && !targets.has(fragment)) violations.push({ rule: 'local-link', line: at, message: `link to "${href}": no id or name "${fragment}" in the document` });
  }
  return violations;
}

function splitHref(href: string): [string, string | undefined] {
  const hash = href.indexOf('#');
  return hash < 0 ? [href, undefined] : [href.slice(0, hash), decodeURIComponent(href.slice(hash + 1))];
}

function lineAt(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 0x0a) n++;
  return n;
}

function checkAttribute(tag: string, attr: string, value: string, line: number | undefined, out: Violation[], siblings: readonly string[], links: { href: string; line: number }[]): void {
  if (/^on/i.test(attr)) {
    out.push({ rule: 'active-content', line, message: `${attr}= on <${tag}> is an event handler` });
    return;
  }
  if (tag === 'meta' && attr === 'http-equiv') {
    out.push({ rule: 'active-content', line, message: '<meta http-equiv> (a refresh or redirect) is not accepted' });
    return;
  }
  const allowed = ATTRIBUTES[attr];
  if (!allowed || !(allowed.includes('*') || allowed.includes(tag))) {
    out.push({ rule: 'attribute', line, message: `${attr}= is not an attribute EDGAR accepts on <${tag}>` });
    return;
  }
  if (attr === 'style' && /url\s*\(|@import|expression\s*\(/i.test(value)) out.push({ rule: 'external-reference', line, message: `style on <${tag}> loads something: ${value}` });
  if (attr === 'href') {
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
    if (scheme || value.trim().startsWith('//')) {
      if (!EDGAR_ARCHIVES.test(value.trim())) out.push({ rule: 'external-reference', line, message: `link to "${value}": EDGAR accepts links only to filings in the SEC's archive` });
    } else {
      links.push({ href: value, line: line ?? 0 });
    }
  }
  if (attr === 'src') {
    const local = !/^\s*([a-z][a-z0-9+.-]*:|\/\/)/i.test(value);
    if (!local) out.push({ rule: 'external-reference', line, message: `image "${value.slice(0, 60)}" is not a file of the submission` });
    else if (!/\.(gif|jpg)$/.test(value)) out.push({ rule: 'image', line, message: `image "${value}" is not a GIF or JPEG file (.gif, .jpg)` });
    else if (!siblings.includes(value)) out.push({ rule: 'image', line, message: `image "${value}" is not a file of the submission` });
  }
}
