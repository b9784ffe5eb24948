// Make a printed PDF reproducible and describe it: Chromium stamps the print time into the Info
// dictionary and writes no /ID. We set the dates from the data, add Author and Subject, and give the
// file an /ID derived from its own bytes (the cross-reference table adjusted for the edit). The same
// input then gives the same bytes, run after run.
import { createHash } from 'node:crypto';
import { encodePdfString, pdfBytes, readTrailer, replaceObjects } from './pdf-objects.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  /** ISO date (YYYY-MM-DD) the document is dated; used for CreationDate and ModDate. */
  date: string;
  creator: string;
  /** The browser that printed it, e.g. "Chrome/156.0.8078.79". */
  producer: string;
}

const STRUCTURE_ID = /\(node(\d{8})\)/g;

/**
 * Chromium names each structure element after its DOM node id, a counter that runs on across the
 * documents one page prints. Renumber them 1..n in their own order: the same width, so no offset
 * moves, and the same order, so the ID tree stays sorted.
 */
function renumberStructureIds(text: string): string {
  const ids = [...new Set(Array.from(text.matchAll(STRUCTURE_ID), (m) => m[1]!))].sort();
  const rank = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  return text.replace(STRUCTURE_ID, (_, id: string) => `(node${rank.get(id)!})`);
}

function pdfDate(iso: string): string {
  return `(D:${iso.replaceAll('-', '')}000000+00'00')`;
}

/**
 * A printed PDF (as pdfText gives it) with the Info dictionary and /ID set; `edits` (object number ->
 * new object text, e.g. the contents page numbers) are applied in the same pass.
 */
export function finishPdf(printed: string, meta: PdfMetadata, edits: ReadonlyMap<number, string> = new Map()): Uint8Array {
  const text = renumberStructureIds(printed);
  const { infoRef } = readTrailer(text);
  if (infoRef === undefined) throw new Error('the printed PDF has no Info dictionary');
  const info = [
    '<<',
    `/Title ${encodePdfString(meta.title)}`,
    `/Author ${encodePdfString(meta.author)}`,
    `/Subject ${encodePdfString(meta.subject)}`,
    `/Creator ${encodePdfString(meta.creator)}`,
    `/Producer ${encodePdfString(meta.producer)}`,
    `/CreationDate ${pdfDate(meta.date)}`,
    `/ModDate ${pdfDate(meta.date)}`,
    '>>',
  ].join('\n');
  let out = replaceObjects(text, new Map([...edits, [infoRef, `${infoRef} 0 obj\n${info}\nendobj`]]));

  // A stable document ID: the hash of everything before it.
  const id = createHash('sha256').update(out, 'latin1').digest('hex').slice(0, 32).toUpperCase();
  const t = readTrailer(out);
  const newTrailer = t.body.replace(/\/ID\s*\[[^\]]*\]/, '').replace(/>>$/, `\n/ID [<${id}> <${id}>]>>`);
  out = out.slice(0, t.start) + out.slice(t.start).replace(t.body, newTrailer);
  return pdfBytes(out);
}
