// Maps a path in the fund data (["statements", "operations", "expenses", "total"]) to where it stands
// in the YAML source, so every message can name file, line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';

export type DataPath = readonly (string | number)[];

export interface Location {
  file: string;
  line: number;
  col: number;
}

/** `statements.operations.expenses[2].amount` */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

/**
 * The source offset of the deepest node on `path` that exists. With `atKey`, a path that ends on a map
 * key points at the key itself (where an unknown or misspelt key is written).
 */
export function offsetOf(doc: Document, path: DataPath, atKey = false): number {
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) return offset;
      const last = i === path.length - 1;
      if (last && atKey) return startOf(pair.key) ?? offset;
      node = pair.value;
      offset = startOf(node) ?? startOf(pair.key) ?? offset;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (item === undefined) return offset;
      node = item;
      offset = startOf(item) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

/** The YAML node at `path`, or undefined where the path does not exist. */
export function nodeAt(doc: Document, path: DataPath): Node | undefined {
  const node = doc.getIn(path as (string | number)[], true);
  return (node ?? undefined) as Node | undefined;
}

export function makeLocator(doc: Document, lineCounter: LineCounter, file: string) {
  return (path: DataPath, atKey = false): Location => {
    const pos = lineCounter.linePos(offsetOf(doc, path, atKey));
    return { file, line: pos.line, col: pos.col };
  };
}
export type Locator = ReturnType<typeof makeLocator>;
