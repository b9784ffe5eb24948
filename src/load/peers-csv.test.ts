import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { loadPeersCsv } from './peers-csv.js';

const HEADER = 'name,contractual_fee,total_expense_ratio\n';
const problems = (text: string) => loadPeersCsv(text, 'peers.csv').problems.map((p) => `${p.location.file}:${p.location.line}:${p.location.col} ${p.path ? `${p.path}: ` : ''}${p.message}`);

describe('CSV', () => {
  it('parses quoted fields, doubled quotes, CRLF and blank lines, with each field\'s line and column', () => {
    const r = parseCsv('a,"b, c"\r\n\r\n"say ""hi""",d\n');
    expect(r.problem).toBeUndefined();
    expect(r.rows.map((row) => row.map((f) => `${f.value}@${f.line}:${f.col}`))).toEqual([['a@1:1', 'b, c@1:3'], ['say "hi"@3:1', 'd@3:14']]);
  });

  it('locates an unclosed quote and text after a closing quote', () => {
    expect(parseCsv('a,"b\n').problem).toEqual({ line: 1, col: 3, message: 'a quoted field is not closed' });
    expect(parseCsv('a,"b"x\n').problem).toMatchObject({ line: 1, col: 6 });
  });
});

describe('peers from CSV', () => {
  it('reads rows into the same values the YAML peers give', () => {
    const r = loadPeersCsv(`${HEADER}Peer A,0.350%,0.92%\n"Peer B, Inc.",0.450%,1.05%\n`, 'peers.csv');
    expect(r.problems).toEqual([]);
    expect(r.peers!.map((p) => [p.name, p.contractual_fee.toString(), p.total_expense_ratio.toString()])).toEqual([
      ['Peer A', '0.0035', '0.0092'],
      ['Peer B, Inc.', '0.0045', '0.0105'],
    ]);
  });

  it('reports a bad value at its line and column, with the row and column named', () => {
    expect(problems(`${HEADER}Peer A,0.350%,0.92%\nPeer B,abc,1.05%\nPeer C,0.5%,\n`)).toEqual([
      expect.stringMatching(/^peers\.csv:3:8 peers\[1\]\.contractual_fee: /),
      'peers.csv:4:13 peers[2].total_expense_ratio: has no value',
    ]);
  });

  it('refuses unknown, repeated and missing columns, and rows of the wrong width', () => {
    expect(problems('name,contractual_fee,ter\nA,0.3%,1%\n')).toEqual([
      'peers.csv:1:22 unknown column "ter" (the columns are name, contractual_fee, total_expense_ratio)',
      'peers.csv:1:1 the header has no total_expense_ratio column',
    ]);
    expect(problems(`${HEADER}A,0.3%\n`)).toEqual(['peers.csv:2:3 peers[0]: has 2 fields; the header has 3']);
    expect(problems('')).toEqual(['peers.csv:1:1 the file is empty (expected a header row: name,contractual_fee,total_expense_ratio)']);
    expect(problems(HEADER)).toEqual(['peers.csv:2:1 no peer rows after the header']);
  });
});
