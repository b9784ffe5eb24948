// Where each section landed: Chromium has no target-counter(), so the contents page numbers come from
// a first print, read back from the PDF's own bookmarks (which point at the page of each heading).
import { dictRef, dictString, objectBodies, pageOrder, pdfText, readTrailer } from './pdf-objects.js';

interface Bookmark {
  title: string;
  /** 1-based page number. */
  page: number;
  level: number;
}

function readBookmarks(pdf: Uint8Array | string): Bookmark[] {
  const text = typeof pdf === 'string' ? pdf : pdfText(pdf);
  const bodies = objectBodies(text);
  const trailer = readTrailer(text);
  const pages = pageOrder(bodies, trailer.rootRef);
  const outlinesRef = dictRef(bodies.get(trailer.rootRef) ?? '', 'Outlines');
  const out: Bookmark[] = [];
  const walk = (ref: number | undefined, level: number) => {
    for (let item = ref; item !== undefined; item = dictRef(bodies.get(item) ?? '', 'Next')) {
      const body = bodies.get(item) ?? '';
      const dest = /\/Dest\s*\[\s*(\d+) 0 R/.exec(body);
      out.push({ title: dictString(body, 'Title') ?? '', page: dest ? pages.indexOf(Number(dest[1])) + 1 : 0, level });
      walk(dictRef(body, 'First'), level + 1);
    }
  };
  if (outlinesRef !== undefined) walk(dictRef(bodies.get(outlinesRef) ?? '', 'First'), 1);
  return out;
}

/** The page of each section title, matching top-level bookmarks in order. */
export function sectionPages(pdf: Uint8Array | string, titles: readonly string[]): (number | undefined)[] {
  const top = readBookmarks(pdf).filter((b) => b.level === 1);
  let from = 0;
  return titles.map((title) => {
    const i = top.findIndex((b, j) => j >= from && b.title === title);
    if (i < 0) return undefined;
    from = i + 1;
    return top[i]!.page;
  });
}
