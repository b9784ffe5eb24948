// Make a printed PDF reproducible and describe it: Chromium stamps the print time into the Info
// dictionary and writes no /ID. We set the dates from the data, add Author and Subject, and give the
// file an /ID derived from its own bytes, adjusting the cross-reference table for the edit. The same
// input then gives the same bytes, run after run.
import { createHash } from 'node:crypto';
import { encodePdfString, objectBodies, pdfBytes, pdfText, readTrailer } from './pdf-objects.js';

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

function pdfDate(iso: string): string {
  return `(D:${iso.replaceAll('-', '')}000000+00'00')`;
}

export function finishPdf(pdf: Uint8Array, meta: PdfMetadata): Uint8Array {
  const text = pdfText(pdf);
  const trailer = readTrailer(text);
  if (trailer.infoRef === undefined) throw new Error('the printed PDF has no Info dictionary');
  const header = `\n${trailer.infoRef} 0 obj\n`;
  const infoStart = text.indexOf(header) + 1;
  const bodyStart = infoStart + header.length - 1;
  const oldBody = objectBodies(text).get(trailer.infoRef);
  if (infoStart <= 0 || oldBody === undefined || !text.startsWith(oldBody, bodyStart)) throw new Error('cannot find the PDF Info dictionary');
  const newBody = [
    '<<',
    `/Title ${encodePdfString(meta.title)}`,
    `/Author ${encodePdfString(meta.author)}`,
    `/Subject ${encodePdfString(meta.subject)}`,
    `/Creator ${encodePdfString(meta.creator)}`,
    `/Producer ${encodePdfString(meta.producer)}`,
    `/CreationDate ${pdfDate(meta.date)}`,
    `/ModDate ${pdfDate(meta.date)}`,
    '>>',
  ].filter(Boolean).join('\n');
  const delta = newBody.length - oldBody.length;
  const editEnd = bodyStart + oldBody.length;
  let out = text.slice(0, bodyStart) + newBody + text.slice(editEnd);

  // Shift every cross-reference offset that lies after the edit, and startxref.
  const xrefAt = out.lastIndexOf('\nxref\n') + 1;
  const xrefEnd = out.indexOf('trailer', xrefAt);
  const xref = out.slice(xrefAt, xrefEnd).replace(/^(\d{10}) (\d{5}) n\b/gm, (line, offset: string, gen: string) => {
    const value = Number(offset);
    return value > bodyStart ? `${String(value + delta).padStart(10, '0')} ${gen} n` : line;
  });
  out = out.slice(0, xrefAt) + xref + out.slice(xrefEnd);
  out = out.replace(/startxref\n(\d+)/, (_, n: string) => `startxref\n${Number(n) + delta}`);

  // A stable document ID: the hash of everything before it.
  const id = createHash('sha256').update(out).digest('hex').slice(0, 32).toUpperCase();
  const t = readTrailer(out);
  const newTrailer = t.body.replace(/\/ID\s*\[[^\]]*\]/, '').replace(/>>$/, `\n/ID [<${id}> <${id}>]>>`);
  out = out.slice(0, t.start) + out.slice(t.start).replace(t.body, newTrailer);
  return pdfBytes(out);
}
