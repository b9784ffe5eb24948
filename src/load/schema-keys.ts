// What the schema knows about its keys, found by walking the zod schema itself (the schema is the
// type, so nothing here repeats it): the keys a mapping at a data path may have, and from them the
// known key nearest a misspelt one; and the kind of field at a data path.
import { distance } from 'fastest-levenshtein';
import type * as z from 'zod';
import type { DataPath } from './locate.js';
import { fieldKinds, type FieldKind } from './fields.js';
import { FundPeriodSchema } from './schema.js';

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strip wrappers (optional, default, transform, ...) down to the schema that holds the data's shape. */
function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType);
  // A pipe's input holds the shape; a preprocessed value (z.preprocess) holds it in its output.
  if (def.type === 'pipe' && def.in) return defOf(def.in).type === 'transform' && def.out ? unwrap(def.out) : unwrap(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [schema];
}

/** The schemas (as written, wrappers and all) of the data one step down `part` from `schema`'s. */
function childrenOf(schema: z.ZodType, part: string | number): z.ZodType[] {
  return unwrap(schema).flatMap((inner) => {
    const def = defOf(inner);
    if (def.type === 'object' && typeof part === 'string' && def.shape?.[part]) return [def.shape[part]];
    if (def.type === 'array' && typeof part === 'number' && def.element) return [def.element];
    if (def.type === 'record' && def.valueType) return [def.valueType];
    return [];
  });
}

/** The schemas that may describe the data at `path` (a union may give several). */
export function schemasAt(path: DataPath, root: z.ZodType = FundPeriodSchema): z.ZodType[] {
  let current = [root];
  for (const part of path) current = current.flatMap((schema) => childrenOf(schema, part));
  return current.flatMap(unwrap);
}

/** The kind marked on `schema` or on what it wraps (see FieldKind in fields.ts). */
function markedKind(schema: z.ZodType): FieldKind | undefined {
  const own = fieldKinds.get(schema)?.kind;
  if (own) return own;
  const def = defOf(schema);
  if (def.innerType) return markedKind(def.innerType);
  if (def.type === 'pipe' && def.in) return markedKind(def.in) ?? (def.out ? markedKind(def.out) : undefined);
  if (def.type === 'union' && def.options) return def.options.map(markedKind).find((k) => k !== undefined);
  return undefined;
}

/**
 * The kind of the data at `path`: the outermost kind marked on the way down, so a section marked
 * `standing` covers every figure in it, and otherwise the field's own builder decides. Undefined
 * where nothing is marked (an enum, an id, a mark): not a figure.
 */
export function fieldKindAt(path: DataPath, root: z.ZodType = FundPeriodSchema): FieldKind | undefined {
  let current = [root];
  for (let depth = 0; ; depth++) {
    const marked = current.map(markedKind).find((k) => k !== undefined);
    if (marked || depth === path.length) return marked;
    current = current.flatMap((schema) => childrenOf(schema, path[depth]!));
  }
}

/** The keys a mapping at `path` may have. */
export function knownKeysAt(path: DataPath, root: z.ZodType = FundPeriodSchema): string[] {
  return [...new Set(schemasAt(path, root).flatMap((s) => Object.keys(defOf(s).shape ?? {})))];
}

/** The known key at `path` nearest `key`, when it is near enough to be a likely typo. */
export function nearestKey(path: DataPath, key: string, root: z.ZodType = FundPeriodSchema): string | undefined {
  let best: { key: string; d: number } | undefined;
  for (const known of knownKeysAt(path, root)) {
    const d = distance(key.toLowerCase(), known);
    if (!best || d < best.d) best = { key: known, d };
  }
  // Up to a third of the key's letters wrong (at least one): `custodain_fees`, `custodian_fee`,
  // `CUSTODIAN_FEES`; a short key such as `<<` is near nothing.
  return best && best.d <= Math.max(1, Math.floor(key.length / 3)) ? best.key : undefined;
}
