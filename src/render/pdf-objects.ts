// Minimal reading of the PDFs Chromium (Skia) writes: a classic xref table and plain-text object
// dictionaries. Enough to find the outline and the page tree, and to edit the Info dictionary and
// trailer in place; not a general PDF parser.

const latin1 = new TextDecoder('latin1');

export function pdfText(pdf: Uint8Array): string {
  return latin1.decode(pdf);
}

export function pdfBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Object number -> the text between `N 0 obj` and `endobj` (dictionary objects only are useful). */
export function objectBodies(text: string): Map<number, string> {
  const bodies = new Map<number, string>();
  const re = /(?:^|\n)(\d+) 0 obj\n(<<[\s\S]*?>>)\s*(?:\nendobj|\nstream)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) bodies.set(Number(m[1]), m[2]!);
  return bodies;
}

/** Decode a PDF string token: (literal) with escapes, or <FEFF...> UTF-16BE hex. */
export function decodePdfString(token: string): string {
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
export function pageOrder(bodies: Map<number, string>, rootRef: number): number[] {
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

export interface Trailer {
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
