// CSV text (RFC 4180: comma-separated, double-quoted fields with "" for a quote, CRLF or LF) into rows
// of fields, each with the line and column where it starts, so a bad value is reported where it
// stands. Hand-written because the CSV libraries report a record's line but not each field's column.
import type { Location } from './locate.js';

interface CsvField {
  value: string;
  line: number;
  col: number;
}

interface CsvParse {
  rows: CsvField[][];
  /** A syntax problem (an unclosed quote, text after a closing quote), located. */
  problem?: { line: number; col: number; message: string };
}

export function parseCsv(text: string): CsvParse {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const src = text.replace(/^\uFEFF/, '');
  const advance = (ch: string) => {
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
    i++;
  };
  while (i <= src.length) {
    const start = { line, col };
    let value = '';
    if (src[i] === '"') {
      advance('"');
      for (;;) {
        if (i >= src.length) return { rows, problem: { ...start, message: 'a quoted field is not closed' } };
        const ch = src[i]!;
        if (ch === '"') {
          if (src[i + 1] === '"') {
            value += '"';
            advance('"');
            advance('"');
            continue;
          }
          advance('"');
          break;
        }
        value += ch;
        advance(ch);
      }
      if (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
        return { rows, problem: { line, col, message: 'text after a closing quote (write "" for a quote inside a quoted field)' } };
      }
    } else {
      while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
        if (src[i] === '"') return { rows, problem: { line, col, message: 'a quote inside an unquoted field (quote the whole field)' } };
        value += src[i];
        advance(src[i]!);
      }
    }
    row.push({ value, ...start });
    if (i >= src.length) {
      if (!(row.length === 1 && row[0]!.value === '')) rows.push(row);
      break;
    }
    if (src[i] === ',') {
      advance(',');
      continue;
    }
    if (src[i] === '\r') {
      i++;
      if (src[i] !== '\n') return { rows, problem: { line, col, message: 'a carriage return not followed by a line feed' } };
    }
    advance('\n');
    // A blank line ends nothing and holds nothing: skip it.
    if (!(row.length === 1 && row[0]!.value === '')) rows.push(row);
    row = [];
  }
  return { rows };
}

export const at = (file: string, f: { line: number; col: number }): Location => ({ file, line: f.line, col: f.col });
