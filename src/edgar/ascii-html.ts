// EDGAR's character set is ASCII (EDGAR Filer Manual, Volume II, 5.2.1 and 5.2.2; docs/edgar.md): every
// other character of a document is written as a numeric character reference, which an HTML reader
// shows as the same character. Applied to the rendered HTML, where text is already escaped.

/** `html` with every character outside ASCII written as `&#N;`. */
export function asciiHtml(html: string): string {
  return html.replace(/[^\x00-\x7f]/gu, (ch) => `&#${ch.codePointAt(0)};`);
}
