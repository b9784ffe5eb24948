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
 * Where a node of a parsed document starts (`at`; for a mapping's value, where its key starts too),
 * and its children: by key for a mapping, by index for a list. A locator keeps these, not the document
 * (about a sixth of its memory), so a batch that keeps every input's validation stays small.
 */
interface Spot {
  at?: number;
  key?: number;
  kids?: Map<string, Spot> | Spot[];
}

function spotOf(node: unknown, key?: number): Spot {
  const spot: Spot = { at: startOf(node), key };
  if (isMap(node)) {
    const kids = new Map<string, Spot>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!kids.has(name)) kids.set(name, spotOf(pair.value, startOf(pair.key)));
    }
    spot.kids = kids;
  } else if (isSeq(node)) {
    spot.kids = node.items.map((item) => spotOf(item));
  }
  return spot;
}

/**
 * The source offset of the deepest node on `path` that exists. With `atKey`, a path that ends on a map
 * key points at the key itself (where an unknown or misspelt key is written).
 */
function offsetOf(root: Spot, path: DataPath, atKey = false): number {
  let spot = root;
  let offset = spot.at ?? 0;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const kids = spot.kids;
    let next: Spot | undefined;
    if (kids instanceof Map) {
      next = kids.get(String(part));
      if (!next) return offset;
      if (i === path.length - 1 && atKey) return next.key ?? offset;
      offset = next.at ?? next.key ?? offset;
    } else if (kids && typeof part === 'number') {
      next = kids[part];
      if (!next) return offset;
      offset = next.at ?? offset;
    } else {
      return offset;
    }
    spot = next;
  }
  return offset;
}

/** The YAML node at `path`, or undefined where the path does not exist. */
export function nodeAt(doc: Document, path: DataPath): Node | undefined {
  const node = doc.getIn(path as (string | number)[], true);
  return (node ?? undefined) as Node | undefined;
}

export function makeLocator(doc: Document, lineCounter: LineCounter, file: string) {
  const root = spotOf(doc.contents);
  return (path: DataPath, atKey = false): Location => {
    const pos = lineCounter.linePos(offsetOf(root, path, atKey));
    return { file, line: pos.line, col: pos.col };
  };
}
export type Locator = ReturnType<typeof makeLocator>;

type Ranged = { range?: [number, number, number] | null };
const rangeOf = (node: unknown) => (node as Ranged | null)?.range ?? undefined;

/**
 * The path of the deepest value whose source span holds `offset`, for messages about a place in the
 * text (a syntax error, a tag) rather than a field. An offset inside a key gives the key's mapping.
 */
export function pathAt(doc: Document, offset: number): DataPath {
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = rangeOf(pair.key);
        const value = rangeOf(pair.value);
        const start = key?.[0] ?? value?.[0];
        const end = value?.[1] ?? key?.[1];
        if (start === undefined || end === undefined || offset < start || offset > end) continue;
        if (key && offset <= key[1] && !(value && offset >= value[0])) return path;
        if (!isScalar(pair.key)) return path;
        path.push(String(pair.key.value));
        next = pair.value;
        break;
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const r = rangeOf(item);
        if (next === undefined && r && offset >= r[0] && offset <= r[2]) {
          path.push(i);
          next = item;
        }
      });
    }
    if (next === undefined || next === null) return path;
    node = next;
  }
}
