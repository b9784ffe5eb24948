// How long a spawned process may run before a test calls it hung and kills it. Not a time budget: a
// loaded two-core machine may be many times slower than an idle one, and no test may fail for that.
// Vitest's own per-test and per-hook limits (vitest.config.ts) are as long, for the same reason.
export const HANG_MS = 15 * 60_000;
