// Numeric command-line options: each has a stated range, and a value outside it (or not a number) is
// refused with one line. The ranges keep every derived timer within what Node's setTimeout can hold.

interface Range {
  min: number;
  max: number;
  /** What the number counts, for the message: "seconds", "documents". */
  unit: string;
  integer?: boolean;
}

export const RANGES = {
  concurrency: { min: 1, max: 64, unit: 'documents in flight', integer: true },
  timeout: { min: 1, max: 3600, unit: 'seconds' },
  launchTimeout: { min: 1, max: 600, unit: 'seconds' },
  port: { min: 0, max: 65535, unit: 'port', integer: true },
} satisfies Record<string, Range>;

/** `text` as a number within `range`, or the one-line message refusing it. */
export function parseInRange(option: string, text: string, range: Range): number | string {
  const value = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  const ok = Number.isFinite(value) && value >= range.min && value <= range.max && (!range.integer || Number.isInteger(value));
  if (ok) return value;
  const kind = range.integer ? 'a whole number' : 'a number';
  return `${option} takes ${kind} of ${range.unit} from ${range.min} to ${range.max}, not "${text}"`;
}
