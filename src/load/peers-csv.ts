// An expense group's peers from a data vendor's CSV: a header row naming the columns (the YAML keys:
// name, contractual_fee, total_expense_ratio), then one row per peer. Each row is validated by the same
// schema as a peer written in YAML, and every problem names file, line and column.
import { PeerSchema, type Peer } from './schema.js';
import { at, parseCsv } from './csv.js';
import type { Problem } from './load-fund.js';

const COLUMNS = Object.keys(PeerSchema.shape) as (keyof Peer)[];

export function loadPeersCsv(text: string, file: string): { peers?: Peer[]; problems: Problem[] } {
  const problems: Problem[] = [];
  // `path` names the row and column (peers[2].contractual_fee), the CSV's own field path.
  const problem = (where: { line: number; col: number }, path: string, message: string, code = 'INVALID_VALUE') =>
    problems.push({ severity: 'error', code, location: at(file, where), path: path ? [path] : undefined, message });
  const parsed = parseCsv(text);
  if (parsed.problem) {
    problem(parsed.problem, '', parsed.problem.message);
    return { problems };
  }
  const [header, ...rows] = parsed.rows;
  if (!header) {
    problem({ line: 1, col: 1 }, '', `the file is empty (expected a header row: ${COLUMNS.join(',')})`);
    return { problems };
  }
  const names = header.map((f) => f.value.trim());
  header.forEach((f, i) => {
    if (!COLUMNS.includes(names[i] as keyof Peer)) problem(f, '', `unknown column ${JSON.stringify(f.value)} (the columns are ${COLUMNS.join(', ')})`);
    else if (names.indexOf(names[i]!) !== i) problem(f, '', `column ${JSON.stringify(f.value)} appears twice`);
  });
  for (const c of COLUMNS) if (!names.includes(c)) problem(header[0]!, '', `the header has no ${c} column`);
  if (problems.length > 0) return { problems };
  if (rows.length === 0) problem({ line: header[0]!.line + 1, col: 1 }, '', 'no peer rows after the header');

  const peers: Peer[] = [];
  rows.forEach((row, r) => {
    const rowPath = `peers[${r}]`;
    if (row.length !== header.length) {
      problem(row[Math.min(row.length, header.length) - 1] ?? row[0]!, rowPath, `has ${row.length} fields; the header has ${header.length}`);
      return;
    }
    const record = Object.fromEntries(row.map((f, i) => [names[i]!, f.value.trim()]));
    const result = PeerSchema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = String(issue.path[0] ?? '');
        const field = row[names.indexOf(column)] ?? row[0]!;
        problem(field, `${rowPath}.${column}`, field.value.trim() === '' ? 'has no value' : issue.message);
      }
      return;
    }
    peers.push(result.data);
  });
  return problems.length > 0 ? { problems } : { peers, problems };
}
