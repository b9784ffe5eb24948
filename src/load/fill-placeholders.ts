// A period still being filled in (a roll-forward with fields TO BE FILLED) compared with the period
// before it: each placeholder takes the previous period's value at the same place, so the comparison
// covers what is filled and shows no change where nothing is filled yet. Only the period diff uses
// this, and it says which fields were still to be filled; every other command refuses placeholders.
// Pure: YAML text in, YAML text out.
import { isScalar, parseDocument } from 'yaml';
import type { DataPath } from './locate.js';

/** `statements.changes_in_net_assets[0].net_investment_income` -> its parts. */
function parsePath(path: string): DataPath {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

export function fillFromPrevious(source: string, previousSource: string, paths: readonly DataPath[]): { text: string; missing: DataPath[] } {
  const doc = parseDocument(source, { schema: 'failsafe' });
  const previous = parseDocument(previousSource, { schema: 'failsafe' });
  const missing: DataPath[] = [];
  for (const path of paths) {
    const node = previous.getIn(path, true);
    if (isScalar(node)) doc.setIn(path, node.value);
    else missing.push(path);
  }
  return { text: doc.toString({ lineWidth: 0 }), missing };
}

/** The part of the file a path is in, for counting what is still to be filled: `statements.operations`. */
export function sectionOf(path: string): string {
  const parts = parsePath(path).filter((p): p is string => typeof p === 'string');
  return parts[0] === 'statements' || parts[0] === 'narrative' ? parts.slice(0, 2).join('.') : parts[0] ?? '';
}
