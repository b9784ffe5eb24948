// Minimal reading of the PDFs Chromium (Skia) writes: a classic xref table and plain-text object
// dictionaries. Enough to find the outline and the page tree, and to edit the Info dictionary and
// trailer in place; not a general PDF parser.
import { deflateSync, inflateSync } from 'node:zlib';

/** A PDF's bytes as a string of one character per byte (latin1), so offsets are byte offsets. */
export function pdfText(pdf: Uint8Array): string {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
}

export function pdfBytes(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

interface ObjectTable {
  get(objectNumber: number): string | undefined;
}

/** Object number -> byte offset of its "N 0 obj" line, from the (last) cross-reference table. */
export function objectOffsets(text: string): Map<number, number> {
  const xrefAt = text.lastIndexOf('\nxref\n') + 1;
  const end = text.indexOf('trailer', xrefAt);
  const offsets = new Map<number, number>();
  let at = xrefAt + 'xref\n'.length;
  while (at < end) {
    const lineEnd = text.indexOf('\n', at);
    const header = /^(\d+) (\d+)\r?$/.exec(text.slice(at, lineEnd));
    if (!header) break;
    let n = Number(header[1]);
    at = lineEnd + 1;
    // Each entry is exactly 20 bytes: "nnnnnnnnnn ggggg n" and a two-byte end of line.
    for (let k = Number(header[2]); k > 0; k--, n++, at += 20) {
      if (text.charCodeAt(at + 17) === 110 /* n */) offsets.set(n, Number(text.slice(at, at + 10)));
    }
  }
  return offsets;
}

/**
 * Object number -> its dictionary text, read lazily through the cross-reference table (so a lookup does
 * not scan the whole file). Objects that are not dictionaries give undefined.
 */
export function objectBodies(text: string): ObjectTable {
  const offsets = objectOffsets(text);
  return {
    get(objectNumber: number) {
      const at = offsets.get(objectNumber);
      if (at === undefined) return undefined;
      const header = `${objectNumber} 0 obj\n`;
      if (!text.startsWith(header, at)) return undefined;
      const start = at + header.length;
      const end = text.indexOf('endobj', start);
      const body = /^(<<[\s\S]*?>>)\s*(?:stream\b|$)/.exec(text.slice(start, end === -1 ? undefined : end));
      return body?.[1];
    },
  };
}

/** Decode a PDF string token: (literal) with escapes, or <FEFF...> UTF-16BE hex. */
function decodePdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    const bytes = hex.match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return s;
    }
    return String.fromCharCode(...bytes);
  }
  return token
    .slice(1, -1)
    .replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) => {
      if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
      return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
    });
}

/** Encode text as a PDF string: UTF-16BE hex, which needs no escaping. */
export function encodePdfString(value: string): string {
  let hex = 'FEFF';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code > 0xffff) {
      const v = code - 0x10000;
      hex += ((0xd800 + (v >> 10)).toString(16) + (0xdc00 + (v & 0x3ff)).toString(16)).toUpperCase();
    } else {
      hex += code.toString(16).padStart(4, '0').toUpperCase();
    }
  }
  return `<${hex}>`;
}

const STRING = String.raw`(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)`;

export function dictString(body: string, key: string): string | undefined {
  const m = new RegExp(String.raw`/${key}\s*${STRING}`, 's').exec(body);
  return m ? decodePdfString(m[1]!) : undefined;
}

export function dictRef(body: string, key: string): number | undefined {
  const m = new RegExp(String.raw`/${key}\s+(\d+) 0 R`).exec(body);
  return m ? Number(m[1]) : undefined;
}

/** Page object numbers in document order, from the page tree. */
export function pageOrder(bodies: ObjectTable, rootRef: number): number[] {
  const catalog = bodies.get(rootRef) ?? '';
  const pagesRef = dictRef(catalog, 'Pages');
  const out: number[] = [];
  const walk = (ref: number) => {
    const body = bodies.get(ref) ?? '';
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
    if (/\/Type\s*\/Pages\b/.test(body) && kids) {
      for (const k of kids[1]!.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    } else {
      out.push(ref);
    }
  };
  if (pagesRef !== undefined) walk(pagesRef);
  return out;
}

interface Trailer {
  start: number;
  body: string;
  rootRef: number;
  infoRef?: number;
}

export function readTrailer(text: string): Trailer {
  const start = text.lastIndexOf('trailer');
  const body = /trailer\s*(<<[\s\S]*?>>)/.exec(text.slice(start))?.[1] ?? '';
  return { start, body, rootRef: dictRef(body, 'Root') ?? 0, infoRef: dictRef(body, 'Info') };
}

/** The decoded data of stream object `n` (FlateDecode or unfiltered), or undefined. */
export function streamData(text: string, n: number, offsets = objectOffsets(text)): Buffer | undefined {
  const span = objectSpan(text, n, offsets);
  if (!span?.stream) return undefined;
  const raw = Buffer.from(text.slice(span.stream.start, span.stream.end), 'latin1');
  if (!/\/Filter\s*\/FlateDecode\b/.test(span.dict)) return /\/Filter\b/.test(span.dict) ? undefined : raw;
  return inflateSync(raw);
}

interface ObjectSpan {
  start: number;
  end: number;
  dict: string;
  stream?: { start: number; end: number };
}

/** Where object `n` lies in the file: from "N 0 obj" to just after "endobj". */
function objectSpan(text: string, n: number, offsets: Map<number, number>): ObjectSpan | undefined {
  const start = offsets.get(n);
  const header = `${n} 0 obj\n`;
  if (start === undefined || !text.startsWith(header, start)) return undefined;
  const m = /^(<<[\s\S]*?>>)\s*(stream\r?\n)?/.exec(text.slice(start + header.length, start + header.length + 4096));
  if (!m) return undefined;
  const dict = m[1]!;
  if (!m[2]) {
    const end = text.indexOf('endobj', start);
    return end < 0 ? undefined : { start, end: end + 'endobj'.length, dict };
  }
  const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
  if (!length) return undefined;
  const dataStart = start + header.length + m[0].length;
  const dataEnd = dataStart + Number(length[1]);
  const end = text.indexOf('endobj', dataEnd);
  return end < 0 ? undefined : { start, end: end + 'endobj'.length, dict, stream: { start: dataStart, end: dataEnd } };
}

/**
 * Replace whole objects (each given as its new "N 0 obj ... endobj" text) and shift the cross-reference
 * table and startxref to match. The file keeps its single classic xref table, as Chromium wrote it.
 */
export function replaceObjects(text: string, replacements: ReadonlyMap<number, string>): string {
  const offsets = objectOffsets(text);
  const spans = [...replacements.keys()].map((n) => {
    const span = objectSpan(text, n, offsets);
    if (!span) throw new Error(`PDF object ${n} not found`);
    return { n, span };
  }).sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let from = 0;
  const shifts: { after: number; delta: number }[] = [];
  for (const { n, span } of spans) {
    const replacement = replacements.get(n)!;
    out += text.slice(from, span.start) + replacement;
    shifts.push({ after: span.start, delta: replacement.length - (span.end - span.start) });
    from = span.end;
  }
  out += text.slice(from);
  const shiftOf = (offset: number) => shifts.reduce((d, s) => (offset > s.after ? d + s.delta : d), 0);
  // Rewrite the table entry by entry (each is 20 bytes: a 10-digit offset first).
  const xrefAt = out.lastIndexOf('\nxref\n') + 1;
  const xrefEnd = out.indexOf('trailer', xrefAt);
  const parts: string[] = [];
  let at = xrefAt + 'xref\n'.length;
  let copied = xrefAt;
  while (at < xrefEnd) {
    const lineEnd = out.indexOf('\n', at);
    const header = /^(\d+) (\d+)\r?$/.exec(out.slice(at, lineEnd));
    if (!header) break;
    at = lineEnd + 1;
    for (let k = Number(header[2]); k > 0; k--, at += 20) {
      if (out.charCodeAt(at + 17) !== 110 /* n */) continue;
      const delta = shiftOf(Number(out.slice(at, at + 10)));
      if (delta === 0) continue;
      parts.push(out.slice(copied, at), String(Number(out.slice(at, at + 10)) + delta).padStart(10, '0'));
      copied = at + 10;
    }
  }
  out = out.slice(0, xrefAt) + parts.join('') + out.slice(copied);
  const startxref = out.lastIndexOf('startxref\n') + 'startxref\n'.length;
  const xrefOffset = /^\d+/.exec(out.slice(startxref, startxref + 20))![0];
  return out.slice(0, startxref) + String(Number(xrefOffset) + shiftOf(Number(xrefOffset))) + out.slice(startxref + xrefOffset.length);
}

/** A stream object's full text, Flate-compressed. */
export function streamObject(n: number, data: Buffer): string {
  const packed = deflateSync(data);
  return `${n} 0 obj\n<</Filter /FlateDecode\n/Length ${packed.length}>> stream\n${packed.toString('latin1')}\nendstream\nendobj`;
}
