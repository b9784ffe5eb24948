// The print timeout of one document: `--timeout` seconds for each megabyte of HTML, and never less than
// `--timeout` itself, so a fund with ten thousand holdings gets the time its size needs (its report's
// HTML is several megabytes) while a hang in a small document is still caught at the base timeout.

const MEGABYTE = 1024 * 1024;

/** Milliseconds allowed to print `htmlBytes` of HTML at `baseMs` per megabyte. */
export function printTimeoutMs(baseMs: number, htmlBytes: number): number {
  return Math.round(baseMs * Math.max(1, htmlBytes / MEGABYTE));
}
