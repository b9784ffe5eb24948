// What the schema knows about its keys, found by walking the zod schema itself (the schema is the
// type, so nothing here repeats it): the keys a mapping at a data path may have, and from them the
// known key nearest a misspelt one.
import { distance } from 'fastest-levenshtein';
import type * as z from 'zod';
import type { DataPath } from './locate.js';
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

/** The schemas that may describe the data at `path` (a union may give several). */
export function schemasAt(path: DataPath, root: z.ZodType = FundPeriodSchema): z.ZodType[] {
  let current = unwrap(root);
  for (const part of path) {
    current = current.flatMap((schema) => {
      const def = defOf(schema);
      if (def.type === 'object' && typeof part === 'string' && def.shape?.[part]) return unwrap(def.shape[part]);
      if (def.type === 'array' && typeof part === 'number' && def.element) return unwrap(def.element);
      if (def.type === 'record' && def.valueType) return unwrap(def.valueType);
      return [];
    });
  }
  return current;
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
