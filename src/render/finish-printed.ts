// A printed PDF made final: where each section landed (from its bookmarks), the contents numbers
// written in (stamp-contents.ts), the metadata and /ID set (pdf-finish.ts), its hash and page count.
// Pure and synchronous, so a batch runs it on its worker thread (pipeline/preparer.ts).
import { createHash } from 'node:crypto';
import { finishPdf, type PdfMetadata } from './pdf-finish.js';
import { pdfText } from './pdf-objects.js';
import { sectionPages } from './page-map.js';
import { contentsPageEdits } from './stamp-contents.js';

export interface FinishJob {
  pdf: Uint8Array;
  /** The contents' sections, in order, as their headings (and bookmarks) read. */
  titles: string[];
  meta: PdfMetadata;
  /**
   * Set for a print that carries the numbers in its HTML (the fallback): the bookmarks must agree with
   * them. Unset for the one print with placeholders, whose numbers are written in.
   */
  expectPages?: (number | undefined)[];
}

export type FinishResult =
  | { ok: true; pdf: Uint8Array; pages: (number | undefined)[]; sha256: string; pageCount: number }
  /** The numbers could not be written in (or the bookmarks disagree): print with `pages` in the HTML. */
  | { ok: false; pages: (number | undefined)[] };

export function finishPrinted(job: FinishJob): FinishResult {
  const text = pdfText(job.pdf);
  const pages = sectionPages(text, job.titles);
  let edits: Map<number, string> | undefined = new Map();
  if (job.expectPages) {
    if (!pages.every((p, i) => p === job.expectPages![i])) return { ok: false, pages };
  } else {
    edits = contentsPageEdits(text, pages);
    if (!edits) return { ok: false, pages };
  }
  const pdf = finishPdf(text, job.meta, edits);
  return {
    ok: true,
    pdf,
    pages,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    pageCount: (text.match(/\/Type \/Page\b/g) ?? []).length,
  };
}
