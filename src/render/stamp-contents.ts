// The contents page's numbers, filled in after a single print. Chromium has no target-counter(): where a
// section starts is known only once the document is printed. A page number does not move anything else
// (it sits right-aligned in its own cell), so fundbook prints once with a placeholder in every number
// cell, reads each section's page from the PDF's own bookmarks, and rewrites just those text blocks of
// the content stream: the real digits, right-aligned where the placeholder ended, in the same font.
// Only glyphs the embedded font already has are used (found through its ToUnicode map). When anything is
// not as expected this returns undefined, and the caller prints again with the numbers in the HTML.
import { dictRef, objectBodies, objectOffsets, pageOrder, pdfBytes, pdfText, readTrailer, replaceObjects, streamData, streamObject } from './pdf-objects.js';

/** What the templates print in each contents number cell until the real page is known. */
export const PAGE_PLACEHOLDER = '000';

/** How many pages from the front may hold the contents list. */
const CONTENTS_PAGES = 4;

// One text block as Skia writes it: font, a text matrix, then glyphs, each after an advance.
const TEXT_BLOCK = /BT\n(\/[A-Za-z0-9]+) ([\d.]+) Tf\n1 0 0 -1 (-?[\d.]+) (-?[\d.]+) Tm\n((?:(?:-?[\d.]+ 0 Td )?<[0-9A-F]+> Tj\n)+)ET/g;

interface Glyphs {
  ids: string[];
  /** The advances between glyphs (one fewer than ids), when each glyph was placed on its own. */
  advances: number[];
}

function glyphsOf(body: string): Glyphs | undefined {
  const ids: string[] = [];
  const advances: number[] = [];
  for (const m of body.matchAll(/(?:(-?[\d.]+) 0 Td )?<([0-9A-F]+)> Tj/g)) {
    if (m[2]!.length !== 4) return undefined; // several glyphs in one run: advances unknown
    if (m[1] !== undefined) advances.push(Number(m[1]));
    ids.push(m[2]!);
  }
  return advances.length === ids.length - 1 ? { ids, advances } : undefined;
}

/** A font's glyph id (4 hex digits) for each character, from its ToUnicode CMap. */
function glyphsByChar(cmap: string): Map<string, string> {
  const out = new Map<string, string>();
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of section[1]!.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>/g)) out.set(String.fromCharCode(parseInt(m[2]!, 16)), m[1]!.toUpperCase());
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of section[1]!.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>/g)) {
      const [first, last, code] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
      for (let g = first; g <= last; g++) out.set(String.fromCharCode(code + g - first), hex(g));
    }
  }
  return out;
}

const coordinate = (v: number) => String(Math.round(v * 1e5) / 1e5);

/**
 * The edits (object number -> new object text) that replace the contents' placeholders, in order, by
 * `pages`, for `text` (a PDF as pdfText gives it); undefined when the placeholders are not found
 * exactly once per section or a digit's glyph is missing. finishPdf applies them with its own edit.
 */
export function contentsPageEdits(text: string, pages: readonly (number | undefined)[]): Map<number, string> | undefined {
  if (pages.some((p) => p === undefined || p < 1)) return undefined;
  const offsets = objectOffsets(text);
  const bodies = objectBodies(text);
  const pageRefs = pageOrder(bodies, readTrailer(text).rootRef).slice(0, CONTENTS_PAGES);
  const replacements = new Map<number, string>();
  let next = 0;
  for (const pageRef of pageRefs) {
    if (next === pages.length) break;
    const page = bodies.get(pageRef) ?? '';
    const contentsRef = dictRef(page, 'Contents');
    const content = contentsRef === undefined ? undefined : streamData(text, contentsRef, offsets)?.toString('latin1');
    if (content === undefined) return undefined;
    const fonts = new Map<string, Map<string, string>>();
    const fontGlyphs = (name: string) => {
      if (!fonts.has(name)) {
        const fontRef = new RegExp(String.raw`${name}\s+(\d+) 0 R`).exec(/\/Font\s*<<([^>]*)>>/.exec(page)?.[1] ?? '')?.[1];
        const cmapRef = fontRef === undefined ? undefined : dictRef(bodies.get(Number(fontRef)) ?? '', 'ToUnicode');
        const cmap = cmapRef === undefined ? undefined : streamData(text, cmapRef, offsets)?.toString('latin1');
        fonts.set(name, cmap ? glyphsByChar(cmap) : new Map());
      }
      return fonts.get(name)!;
    };
    let failed = false;
    const stamped = content.replace(TEXT_BLOCK, (block, font: string, size: string, x: string, y: string, body: string) => {
      if (failed) return block;
      const glyphs = glyphsOf(body);
      const byChar = fontGlyphs(font);
      const zero = byChar.get('0');
      if (!glyphs || zero === undefined || glyphs.ids.join('') !== zero.repeat(PAGE_PLACEHOLDER.length)) return block;
      const advance = glyphs.advances[0];
      if (next >= pages.length || advance === undefined || glyphs.advances.some((a) => Math.abs(a - advance) > 1e-3)) {
        failed = true;
        return block;
      }
      const digits = String(pages[next++]).split('').map((d) => byChar.get(d));
      if (digits.some((g) => g === undefined)) {
        failed = true;
        return block;
      }
      // Right-aligned: the number ends where the placeholder ended (digits share one advance).
      const left = Number(x) + (PAGE_PLACEHOLDER.length - digits.length) * advance;
      const shown = digits.map((g, i) => (i === 0 ? `<${g}> Tj\n` : `${advance} 0 Td <${g}> Tj\n`)).join('');
      return `BT\n${font} ${size} Tf\n1 0 0 -1 ${coordinate(left)} ${y} Tm\n${shown}ET`;
    });
    if (failed) return undefined;
    if (stamped !== content) replacements.set(contentsRef!, streamObject(contentsRef!, Buffer.from(stamped, 'latin1')));
  }
  return next === pages.length ? replacements : undefined;
}

/** `pdf` with the contents' placeholders replaced by `pages` (contentsPageEdits, applied). */
export function stampContentsPages(pdf: Uint8Array, pages: readonly (number | undefined)[]): Uint8Array | undefined {
  const text = pdfText(pdf);
  const edits = contentsPageEdits(text, pages);
  return edits && pdfBytes(replaceObjects(text, edits));
}
